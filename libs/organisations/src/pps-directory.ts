/** The whole directory is kept this long; a write through PpsService resets it at once. */
export const DIRECTORY_TTL_MS = 30_000;

/**
 * Every PPS, by name as Dutch sorts it, for pages that list or name them all (the start page,
 * search facets, the overview). Pages ask on every request and PPS change rarely, so the list
 * is kept for a short while instead of three queries per page view. A failed read is not
 * kept: the next page view tries again, and the caller gets the error.
 */
export class PpsDirectory<T extends { name: string }> {
  private cached?: { loadedAt: number; items: Promise<readonly T[]> };

  constructor(
    private readonly load: () => Promise<T[]>,
    private readonly now: () => number,
  ) {}

  async items(): Promise<readonly T[]> {
    const now = this.now();
    if (!this.cached || now - this.cached.loadedAt >= DIRECTORY_TTL_MS) {
      const items = this.load().then((rows) =>
        rows.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      );
      this.cached = { loadedAt: now, items };
    }
    const entry = this.cached;
    try {
      return await entry.items;
    } catch (error) {
      if (this.cached === entry) this.cached = undefined;
      throw error;
    }
  }

  forget(): void {
    this.cached = undefined;
  }
}
