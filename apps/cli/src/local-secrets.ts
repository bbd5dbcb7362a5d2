import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalSecrets {
  jwtSecret: string;
  meiliMasterKey: string;
}

export class InsecureSecretsFileError extends Error {}

/**
 * The secrets a local `npm start` generates for itself, kept in `<dataDir>/secrets.json` with
 * mode 0600 so a restart neither signs everyone out (JWT secret) nor loses the key to its own
 * Meilisearch data. A file that others may read is refused, as SSH does with private keys.
 */
export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, 'secrets.json');
  if (existsSync(path)) {
    const mode = statSync(path).mode & 0o777;
    if (mode & 0o077) {
      throw new InsecureSecretsFileError(
        `${path} may be read by others (mode ${mode.toString(8)}); run: chmod 600 ${path}`,
      );
    }
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Partial<LocalSecrets>;
    if (stored.jwtSecret && stored.meiliMasterKey) return stored as LocalSecrets;
  }
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(32).toString('hex'),
    meiliMasterKey: randomBytes(24).toString('hex'),
  };
  writeFileSync(path, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  return secrets;
}
