import {
  FormBodyCollector,
  formBytes,
  formNamePath,
  parseFormBody,
  sizeInBytes,
  sizeInWords,
} from './form-body';

const options = { limit: '256kb', parameterLimit: 20, depth: 6 };
const parse = (body: Buffer | string, encoding: BufferEncoding = 'utf8') =>
  parseFormBody(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), encoding, options);

describe('page form bodies', () => {
  it('nests names as the API JSON is shaped, and decodes UTF-8 escapes and plus signs', () => {
    expect(
      parse(
        'title=Caf%C3%A9+%26+thee&module[learningOutcomes][0][text]=a%2Bb&levels[]=mbo-3&levels[]=mbo-4',
      ),
    ).toEqual({
      title: 'Café & thee',
      module: { learningOutcomes: [{ text: 'a+b' }] },
      levels: ['mbo-3', 'mbo-4'],
    });
  });

  it('marks bytes that are not UTF-8 (escaped or raw) with U+FFFD in that value only', () => {
    expect(parse('a=caf%C3%A9+%FF&b=ok')).toEqual({ a: 'café \uFFFD', b: 'ok' });
    const raw = Buffer.concat([
      Buffer.from('a=caf'),
      Buffer.from([0xe9]),
      Buffer.from('&b=%C3%A9'),
    ]);
    expect(parse(raw)).toEqual({ a: 'caf\uFFFD', b: 'é' });
    expect(parse('naam%FF=x')).toEqual({ 'naam\uFFFD': 'x' });
  });

  it('reads a form declared as Latin-1 as Latin-1', () => {
    expect(parse('a=caf%E9', 'latin1')).toEqual({ a: 'café' });
  });

  it('keeps a percent sign that starts no escape', () => {
    expect(formBytes('100%').toString()).toBe('100%');
    expect(formBytes('%4').toString()).toBe('%4');
    expect(formBytes('%zz%41').toString()).toBe('%zzA');
  });

  it('refuses too many fields (413) and names nested deeper than allowed (400)', () => {
    expect(() => parse(Array.from({ length: 21 }, (_, i) => `f${i}=1`).join('&'))).toThrow(
      expect.objectContaining({ status: 413, type: 'parameters.too.many' }),
    );
    expect(() => parse('a[b][c][d][e][f][g][h]=1')).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});

describe('a form body over the limit', () => {
  const collect = (chunks: string[], limit: number, maxRead = 1000) => {
    const collector = new FormBodyCollector(limit, maxRead);
    for (const chunk of chunks) collector.push(Buffer.from(chunk, 'latin1'));
    const body = collector.end().toString('latin1');
    return {
      body,
      dropped: collector.dropped.map((name) => name.toString('latin1')),
      cutShort: collector.cutShort,
    };
  };

  it('keeps every field that fits and names the ones that do not, across chunks', () => {
    const big = 'x'.repeat(50);
    expect(collect(['_formulier=t&tek', `st=${big}`, '&titel=Lassen&b=1'], 30)).toEqual({
      body: '_formulier=t&titel=Lassen&b=1',
      dropped: ['tekst'],
      cutShort: false,
    });
    expect(collect(['a=1&b=2'], 30)).toEqual({ body: 'a=1&b=2', dropped: [], cutShort: false });
    expect(collect([`module%5Bgoals%5D=${big}`], 10).dropped).toEqual(['module%5Bgoals%5D']);
  });

  it('keeps the beginning of a text too long, after every other field, cut between words', () => {
    const long = `tekst=${'woord+'.repeat(20)}eind`;
    const result = collect(['_formulier=t&', long, '&titel=Lassen'], 60);
    expect(result.dropped).toEqual(['tekst']);
    expect(result.body.startsWith('_formulier=t&titel=Lassen&tekst=woord+')).toBe(true);
    expect(result.body.length).toBeLessThanOrEqual(60);
    expect(result.body.endsWith('woord+')).toBe(true);
    // Never inside an escape: a text of one long word keeps nothing of itself.
    expect(collect([`a=%E2%82%AC${'x'.repeat(80)}`], 40).body).toBe('');
  });

  it('stops looking past maxRead and says so', () => {
    const result = collect(['a=1&b=', 'y'.repeat(100), '&c=3'], 20, 50);
    expect(result).toEqual({ body: 'a=1', dropped: [], cutShort: true });
  });

  it('names fields as paths and sizes in words', () => {
    expect(formNamePath('module[learningOutcomes][0][text]')).toBe(
      'module.learningOutcomes.0.text',
    );
    expect(formNamePath('levels[]')).toBe('levels');
    expect(formNamePath('tekst')).toBe('tekst');
    expect(sizeInBytes('256kb')).toBe(262_144);
    expect(sizeInWords('256kb')).toBe('256 kB');
    expect(sizeInWords('1mb')).toBe('1 MB');
  });
});
