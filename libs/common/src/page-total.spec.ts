import { pageTotal } from './page-total';

describe('a page total', () => {
  const counted = (total: number) => {
    const count = jest.fn(() => Promise.resolve(total));
    return count;
  };

  it('is the rows of a short first page, without counting', async () => {
    for (const rows of [0, 1, 19]) {
      const count = counted(99);
      expect(await pageTotal(0, 20, rows, count)).toBe(rows);
      expect(count).not.toHaveBeenCalled();
    }
  });

  it('is counted for a full first page and for any later page, even an empty one', async () => {
    for (const [offset, rows] of [
      [0, 20],
      [20, 3],
      [40, 0],
    ]) {
      const count = counted(43);
      expect(await pageTotal(offset, 20, rows, count)).toBe(43);
      expect(count).toHaveBeenCalledTimes(1);
    }
  });
});
