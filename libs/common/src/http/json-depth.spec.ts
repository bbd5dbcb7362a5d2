import { jsonDepth } from './json-depth';

const depthOf = (text: string) => jsonDepth(Buffer.from(text, 'utf8'));

describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['"text"', 0],
    ['{}', 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['[[],[[]],[]]', 3],
  ])('measures %s as %d deep', (text, depth) => {
    expect(depthOf(text)).toBe(depth);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(depthOf('{"a":"[[[{{{","b":"\\"[[[\\\\"}')).toBe(1);
  });

  it('stops early past the limit on a hostile body', () => {
    const hostile = Buffer.from('['.repeat(100_000) + ']'.repeat(100_000));
    expect(jsonDepth(hostile, 32)).toBe(33);
  });

  it('counts through multi-byte characters', () => {
    expect(depthOf('{"naam":"Ĳsselmeer 🚜","x":[["é"]]}')).toBe(3);
  });
});
