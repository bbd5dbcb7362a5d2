import { applyItemAction, readCourseDetails } from './course-form';

const a = { assetId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' };
const b = { assetId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb' };
const c = { assetId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc' };

describe('the course composer form', () => {
  it('moves, removes and adds items by button (no dragging needed)', () => {
    expect(applyItemAction([a, b, c], 'up:1')).toEqual([b, a, c]);
    expect(applyItemAction([a, b, c], 'down:1')).toEqual([a, c, b]);
    expect(applyItemAction([a, b, c], 'remove:0')).toEqual([b, c]);
    expect(applyItemAction([a], `add:${b.assetId}`)).toEqual([a, b]);
  });

  it('refuses actions that do not fit the list', () => {
    expect(applyItemAction([a, b], 'up:0')).toBeUndefined();
    expect(applyItemAction([a, b], 'down:1')).toBeUndefined();
    expect(applyItemAction([a], 'remove:3')).toBeUndefined();
    expect(applyItemAction([a], 'add:../../etc')).toBeUndefined();
    expect(applyItemAction([a], 'explode:1')).toBeUndefined();
  });

  it('reads details in the API shape: a new employer wins over a picked one, euros to cents', () => {
    expect(
      readCourseDetails({
        title: ' Cobots voor operators ',
        employerId: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
        employerName: 'Tata Steel',
        audience: 'worker',
        extras: '1.250,00',
        schedule: { start: '2027-01-11', end: '', durationWeeks: '6' },
      }),
    ).toEqual({
      title: 'Cobots voor operators',
      audience: 'worker',
      employer: { name: 'Tata Steel' },
      schedule: { start: '2027-01-11', durationWeeks: 6 },
      extrasCents: 125000,
    });
  });
});
