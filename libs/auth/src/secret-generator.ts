import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { fingerprint } from '@bouwsteen/common';

const TOKEN_PREFIX = 'bst_';

/** Issues and fingerprints personal API tokens; only the SHA-256 fingerprint is stored. */
@Injectable()
export class SecretGenerator {
  apiToken(): { token: string; prefix: string } {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    return { token, prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
  }

  isApiToken(candidate: string): boolean {
    return candidate.startsWith(TOKEN_PREFIX);
  }

  fingerprint(token: string): string {
    return fingerprint(token);
  }
}
