import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * Answers kept by question within a budget of `maxBytes` (their JSON size), the least recently
 * asked dropped first. Concurrent asks of one question share one computation; a failed one is not
 * kept, so the next ask tries again. An answer is frozen: every asker shares it.
 */
export class KeptAnswers<T> {
  private readonly kept: LRUCache<string, readonly T[]>;
  private readonly computing = new Map<string, Promise<readonly T[]>>();

  constructor(maxBytes: number) {
    this.kept = new LRUCache({
      maxSize: maxBytes,
      sizeCalculation: (answer) => Math.max(1, JSON.stringify(answer).length),
    });
  }

  /** `scope` separates answers that may differ for the same question (an index generation). */
  answer(scope: string, question: object, compute: () => Promise<T[]>): Promise<readonly T[]> {
    const key = `${scope}:${fingerprint(question)}`;
    const kept = this.kept.get(key);
    if (kept) return Promise.resolve(kept);
    const running = this.computing.get(key);
    if (running) return running;
    const computing = compute()
      .then((found) => {
        const answer = Object.freeze(found);
        this.kept.set(key, answer);
        return answer;
      })
      .finally(() => this.computing.delete(key));
    this.computing.set(key, computing);
    return computing;
  }

  /** Answers kept, and their JSON size in bytes. */
  get usage(): { answers: number; bytes: number } {
    return { answers: this.kept.size, bytes: this.kept.calculatedSize };
  }
}

/** A question's texts can be long (a good practice's description): the key holds their hash. */
function fingerprint(question: object): string {
  return createHash('sha256').update(JSON.stringify(question)).digest('base64url');
}
