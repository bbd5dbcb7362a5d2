import { identifyOfferings } from './offering-identity';

const counter = () => {
  let n = 0;
  return () => `new-${++n}`;
};
const stored = [
  { id: 'a', period: { start: '2027-01-01', end: '2027-02-01' }, location: 'Haarlem' },
  { id: 'b', period: { start: '2027-09-01', end: '2027-10-01' } },
];

describe('identifyOfferings', () => {
  it('keeps ids sent, and refuses ids that are not the block’s own or given twice', () => {
    const { offerings, problems } = identifyOfferings(
      stored,
      [
        { id: 'b', period: { start: '2028-01-01' } },
        { id: 'x', period: {} },
        { id: 'b', period: {} },
      ],
      'module.offerings',
      counter(),
    );
    expect(offerings.map((offering) => offering.id)).toEqual(['b', 'x', 'b']);
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['module.offerings.1.id', 'unknownOffering'],
      ['module.offerings.2.id', 'listedTwice'],
    ]);
  });

  it('gives an offering sent without id the id of the same run, then the free ones in order', () => {
    const { offerings, problems } = identifyOfferings(
      stored,
      [
        // The second, unchanged, now first; the first moved to Zaandam.
        { period: { start: '2027-09-01', end: '2027-10-01' } },
        { period: { start: '2027-01-08', end: '2027-02-08' }, location: 'Zaandam' },
        { period: { start: '2029-01-01', end: '2029-02-01' } },
      ],
      'module.offerings',
      counter(),
    );
    expect(problems).toEqual([]);
    expect(offerings.map((offering) => offering.id)).toEqual(['b', 'a', 'new-1']);
    expect(offerings[1].location).toBe('Zaandam');
  });

  it('gives every offering of a new block a new id, but not one that says nothing, and each stored id to one offering only', () => {
    expect(
      identifyOfferings(
        [],
        [{ period: { start: '2027-01-01' } }, { period: {} }, { period: {}, seats: 3 }],
        'f',
        counter(),
      ).offerings.map((offering) => offering.id),
    ).toEqual(['new-1', undefined, 'new-2']);
    const twice = identifyOfferings(
      stored,
      [{ period: stored[1].period }, { period: stored[1].period }],
      'f',
      counter(),
    );
    expect(twice.offerings.map((offering) => offering.id)).toEqual(['b', 'a']);
  });
});
