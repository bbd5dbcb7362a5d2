import { createHash } from 'node:crypto';

/** The stored form of a bearer secret (API token, share link): only its SHA-256 is kept. */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
