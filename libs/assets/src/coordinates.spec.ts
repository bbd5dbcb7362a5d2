import { coordinateFault } from './coordinates';

describe('a point said to lie in the Netherlands', () => {
  it('is taken when it lies there, from Cadzand to Rottumeroog', () => {
    for (const [lat, lng] of [
      [52.37, 4.9],
      [51.37, 3.38],
      [53.54, 6.56],
      [50.76, 6.02],
    ])
      expect(coordinateFault(lat, lng)).toBeUndefined();
  });

  it('is named swapped when it lies there read the other way round', () => {
    expect(coordinateFault(4.9, 52.3)).toBe('swapped');
    expect(coordinateFault(5.26, 52.35)).toBe('swapped');
  });

  it('names the part that lies outside', () => {
    expect(coordinateFault(12, 4.9)).toBe('lat');
    expect(coordinateFault(52.3, -0.1)).toBe('lng');
    expect(coordinateFault(12.15, -68.27)).toBe('both'); // Bonaire: not in Bouwsteen's country
    expect(coordinateFault(0, 0)).toBe('both');
  });

  it('leaves what is not two numbers to the type checks', () => {
    expect(coordinateFault('52', 4)).toBeUndefined();
    expect(coordinateFault(undefined, 4)).toBeUndefined();
    expect(coordinateFault(Number.NaN, 4)).toBeUndefined();
  });
});
