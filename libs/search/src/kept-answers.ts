import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * What an entry costs beyond its answer's JSON: the key, the LRU's bookkeeping and the objects
 * themselves (about 250 bytes for an empty answer, measured), so that many small answers cannot
 * pass the budget in real memory.
 */
const ENTRY_OVERHEAD_BYTES = 300;

/**
 * Answers kept by question for the newest generation of what they are computed from, within a
 * budget of `maxBytes` (as JSON, plus each entry's overhead), the least recently asked dropped
 * first. Concurrent asks of one question share one computation; a failed one is not kept, so the
 * next ask tries again. Answers are frozen: every asker shares them.
 */
export class KeptAnswers<T extends object> {
  private readonly kept: LRUCache<string, readonly T[]>;
  private readonly computing = new Map<string, Promise<readonly T[]>>();
  private generation = -1n;

  constructor(maxBytes: number) {
    this.kept = new LRUCache({
      maxSize: maxBytes,
      sizeCalculation: (answer, key) =>
        ENTRY_OVERHEAD_BYTES + key.length + JSON.stringify(answer).length,
    });
  }

  /**
   * The answer to `question` as of `generation`, which only grows: a newer one drops everything
   * kept (no later ask wants it); an ask of an older one (it read the number just before it
   * moved) is computed and not kept.
   */
  answer(generation: bigint, question: object, compute: () => Promise<T[]>): Promise<readonly T[]> {
    if (generation < this.generation) return compute();
    if (generation > this.generation) {
      this.kept.clear();
      this.computing.clear();
      this.generation = generation;
    }
    const key = fingerprint(question);
    const kept = this.kept.get(key);
    if (kept) return Promise.resolve(kept);
    const running = this.computing.get(key);
    if (running) return running;
    const computing = compute()
      .then((found) => {
        const answer = Object.freeze(found.map((item) => Object.freeze(item)));
        if (this.generation === generation) this.kept.set(key, answer);
        return answer;
      })
      .finally(() => {
        if (this.computing.get(key) === computing) this.computing.delete(key);
      });
    this.computing.set(key, computing);
    return computing;
  }

  /** Answers kept, and what they count against the budget in bytes. */
  get usage(): { answers: number; bytes: number } {
    return { answers: this.kept.size, bytes: this.kept.calculatedSize };
  }
}

/** A question's texts can be long (a good practice's description): the key holds their hash. */
function fingerprint(question: object): string {
  return createHash('sha256').update(JSON.stringify(question)).digest('base64url');
}
