import { moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

type FieldError = { field: string; message: string; values?: Record<string, unknown> };

/**
 * What a validation problem echoes of what was sent is bounded: unknown vocabulary codes are
 * echoed once (in `values`, not again in the English), at most 60 characters of each, at most
 * five of a list (the last says how many more), so a body of long unknown codes never makes a
 * larger answer.
 */
describe('problems echo little of what was sent (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    ppsId = await t.ppsId('Techport mbo');
    editor = await t.user('pps-editor', [ppsId]);
  });
  afterAll(() => t.close());

  const codes = (label: string, count: number, length: number) =>
    Array.from({ length: count }, (_, index) =>
      `${label}-${index}-`.padEnd(length, 'x').slice(0, length),
    );

  it('answers a block full of long unknown codes briefly, each echoed once and cut short', async () => {
    const levels = codes('niveau', 8, 6000);
    const body = moduleBody(ppsId, {
      levels,
      sectors: codes('sector', 5, 6000),
      themes: codes('thema', 5, 6000),
      challenges: codes('opgave', 5, 6000),
    });
    const sent = JSON.stringify(body).length;
    expect(sent).toBeGreaterThan(120_000);
    const answer = await t.http().post('/api/v1/assets').set(bearer(editor)).send(body);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation-failed');
    expect(answer.text.length).toBeLessThan(8_000);
    const errors: FieldError[] = answer.body.errors;
    expect(errors.filter((error) => error.field.startsWith('levels.'))).toEqual([
      ...[0, 1, 2, 3].map((index) => expect.objectContaining({ field: `levels.${index}` })),
      expect.objectContaining({
        field: 'levels.4',
        values: { vocabulary: 'educationLevels', value: `${levels[4].slice(0, 59)}…`, more: 3 },
      }),
    ]);
    for (const error of errors) {
      const echo = String(error.values?.value).slice(0, 59);
      expect(error.message).not.toContain(echo);
      expect(answer.text.split(echo)).toHaveLength(2);
    }
  });

  it('answers a search for long unknown codes briefly', async () => {
    const levels = codes('niveau', 20, 500);
    const answer = await t.http().get(`/api/v1/search?level=${levels.join(',')}`);
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(3_000);
    expect(answer.body.errors).toHaveLength(5);
    expect(answer.body.errors[4].values).toMatchObject({ more: 15 });
  });
});
