import { nlLomLicense } from '@bouwsteen/assets/pure';
import { readArguments } from './oai-arguments';
import { endOf, formatOaiDate, parseOaiDate } from './oai-dates';
import { OaiError } from './oai-errors';
import { OaiRecordRow } from './oai-records.repository';
import { filterForSet, setsOf } from './oai-sets';
import { decodeToken, encodeToken } from './resumption-token';

const code = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as OaiError).code;
  }
  return undefined;
};

describe('OAI-PMH protocol rules', () => {
  it('reads dates at day and seconds granularity, and refuses impossible or finer ones', () => {
    expect(parseOaiDate('2026-11-28')).toEqual({
      date: new Date('2026-11-28T00:00:00Z'),
      granularity: 'day',
    });
    expect(parseOaiDate('2026-11-28T10:11:12Z')?.granularity).toBe('seconds');
    for (const bad of [
      '2026-02-30',
      '2026-13-01',
      '2026-11-28T24:00:00Z',
      '2026-11-28T10:11:12.5Z',
      '28-11-2026',
      '',
    ])
      expect(parseOaiDate(bad)).toBeUndefined();
    expect(formatOaiDate(endOf(parseOaiDate('2026-11-28')!))).toBe('2026-11-28T23:59:59Z');
  });

  it('checks arguments per verb', () => {
    expect(readArguments({ verb: 'Identify' })).toEqual({ verb: 'Identify' });
    expect(code(() => readArguments({}))).toBe('badVerb');
    expect(code(() => readArguments({ verb: ['Identify', 'Identify'] }))).toBe('badVerb');
    expect(code(() => readArguments({ verb: 'ListRecords' }))).toBe('badArgument');
    expect(code(() => readArguments({ verb: 'GetRecord', metadataPrefix: 'lom' }))).toBe(
      'badArgument',
    );
    expect(code(() => readArguments({ verb: 'ListSets', set: 'x' }))).toBe('badArgument');
    for (const raw of [
      { verb: 'GetRecord', metadataPrefix: 'lom', identifier: 'oai:x:\u0000' },
      { verb: 'ListRecords', metadataPrefix: 'lom', set: 'kind:\u0007' },
      { verb: 'Identify', 'ex\u0000tra': '1' },
      { verb: 'ListRecords', metadataPrefix: '\uFFFF' },
    ])
      expect(code(() => readArguments(raw))).toBe('badArgument');
    expect(code(() => readArguments({ verb: 'Identify\u0000' }))).toBe('badVerb');
    expect(
      code(() => readArguments({ verb: 'ListRecords', metadataPrefix: ['lom', 'oai_dc'] })),
    ).toBe('badArgument');
    expect(readArguments({ verb: 'ListRecords', resumptionToken: 't' })).toEqual({
      verb: 'ListRecords',
      resumptionToken: 't',
    });
  });

  it('knows its sets, parents included, and nothing else', () => {
    expect(filterForSet('kind:module')).toEqual({ kinds: ['module'] });
    expect(filterForSet('kind')).toEqual({});
    expect(filterForSet('edurep')).toEqual({ feed: 'edurep' });
    expect(filterForSet('province:flevoland')).toEqual({ province: 'flevoland' });
    for (const unknown of ['kind:course', 'pps:not-a-uuid', 'a:b:c', 'nope', 'province:'])
      expect(filterForSet(unknown)).toBeUndefined();
  });

  it('names the edurep set on records the feed takes and on its deleted records only', () => {
    const row = (deleted: boolean, missing: string[] | null, ever: boolean) =>
      ({
        kind: 'module',
        pps_id: 'p',
        provinces: [],
        deleted,
        edurep_missing: missing,
        edurep_ever: ever,
      }) as unknown as OaiRecordRow;
    const inEdurep = (record: OaiRecordRow) => setsOf(record).includes('edurep');
    expect(inEdurep(row(false, [], true))).toBe(true);
    // Listed but kept out: a live record elsewhere, without the set.
    expect(inEdurep(row(false, ['keywords'], true))).toBe(false);
    // As the edurep set lists it (deleted there), or archived after being in it.
    expect(inEdurep(row(true, ['keywords'], true))).toBe(true);
    expect(inEdurep(row(true, [], true))).toBe(true);
    // Never in it: not even as a deleted record; a kind it never takes.
    expect(inEdurep(row(true, ['keywords'], false))).toBe(false);
    expect(inEdurep(row(false, null, false))).toBe(false);
  });

  it('signs resumption tokens: altered or foreign ones are refused', () => {
    const state = {
      verb: 'ListRecords' as const,
      prefix: 'lom',
      until: '2026-11-28T10:00:00.000Z',
      after: ['2026-11-28T09:00:00.000Z', 'abc'] as [string, string],
      cursor: 200,
      total: 435,
    };
    const token = encodeToken(state, 'secret-one');
    expect(decodeToken(token, 'secret-one')).toEqual(state);
    expect(decodeToken(token, 'secret-two')).toBeUndefined();
    expect(decodeToken(`x${token}`, 'secret-one')).toBeUndefined();
    expect(decodeToken('not-a-token', 'secret-one')).toBeUndefined();
  });

  it("names licences in NL-LOM's vocabulary", () => {
    expect(nlLomLicense('CC-BY-SA-4.0')).toBe('cc-by-sa-40');
    expect(nlLomLicense('CC-BY-NC-ND-4.0')).toBe('cc-by-nc-nd-40');
    expect(nlLomLicense('CC0-1.0')).toBe('cc0-10');
    expect(nlLomLicense('all-rights-reserved')).toBe('yes');
  });
});
