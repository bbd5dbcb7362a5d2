import { ChildProcess, spawn } from 'node:child_process';
import { projectPath } from '@bouwsteen/common';

/** A person as an issuer releases them: `sub` and whichever claims the issuer has. */
export interface IssuerAccount {
  sub: string;
  email?: string;
  name?: string;
  schac_home_organization?: string;
  eduperson_affiliation?: string[];
}

export interface TestIssuerConfig {
  key: string;
  clientId: string;
  clientSecret: string;
  /** The claims it releases (beside sub). */
  claims: string[];
  /** Whether it offers an end_session_endpoint (RP-initiated logout). */
  logout: boolean;
}

export interface TestIssuers {
  /** Each issuer's URL (its discovery document at /.well-known/openid-configuration). */
  urls: Record<string, string>;
  /** The environment that configures the app for these issuers (OIDC_ISSUERS, OIDC_<KEY>_…). */
  env(labels: Record<string, string>): Record<string, string>;
  /** Who signs in at `key` next (or `refuse`: the person declines); `foreignAudience` once. */
  next(
    key: string,
    what: { account?: IssuerAccount; refuse?: boolean; foreignAudience?: boolean },
  ): Promise<void>;
  stop(): Promise<void>;
}

/** SURFconext's releases: a persistent sub, e-mail, name, home organisation and affiliation. */
export const SURFCONEXT_LIKE: TestIssuerConfig = {
  key: 'surfconext',
  clientId: 'bouwsteen-surf',
  clientSecret: 'surf-client-secret-for-tests',
  claims: ['email', 'name', 'schac_home_organization', 'eduperson_affiliation'],
  logout: true,
};

/** eduID's: a sub, e-mail and name, no institution; no end_session_endpoint here. */
export const EDUID_LIKE: TestIssuerConfig = {
  key: 'eduid',
  clientId: 'bouwsteen-eduid',
  clientSecret: 'eduid-client-secret-for-tests',
  claims: ['email', 'name'],
  logout: false,
};

/**
 * Starts real OpenID providers (oidc-provider, in a Node process of its own: an ES module only
 * package) on free ports of 127.0.0.1, with clients whose redirect URIs are under
 * `redirectBase` (the app's PUBLIC_BASE_URL).
 */
export async function startTestIssuers(
  redirectBase: string,
  issuers: TestIssuerConfig[] = [SURFCONEXT_LIKE, EDUID_LIKE],
): Promise<TestIssuers> {
  const child: ChildProcess = spawn(
    process.execPath,
    [projectPath('test/harness/oidc-issuer-server.mjs')],
    {
      cwd: projectPath(),
      env: {
        PATH: process.env.PATH!,
        OIDC_TEST_CONFIG: JSON.stringify({ redirectBase, issuers }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const urls = await new Promise<Record<string, string>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`OIDC issuers did not start: ${output}`)),
      20000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line && output.includes('\n')) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Record<string, string>);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`OIDC issuers exited (${code}): ${output}`));
    });
  });
  return {
    urls,
    env(labels) {
      const env: Record<string, string> = { OIDC_ISSUERS: issuers.map((i) => i.key).join(',') };
      for (const issuer of issuers) {
        const prefix = `OIDC_${issuer.key.toUpperCase()}_`;
        env[`${prefix}LABEL`] = labels[issuer.key] ?? issuer.key;
        env[`${prefix}DISCOVERY_URL`] = `${urls[issuer.key]}/.well-known/openid-configuration`;
        env[`${prefix}CLIENT_ID`] = issuer.clientId;
        env[`${prefix}CLIENT_SECRET`] = issuer.clientSecret;
        env[`${prefix}CLAIMS`] = issuer.claims.join(',');
      }
      return env;
    },
    async next(key, what) {
      const response = await fetch(`${urls[key]}/__test/next`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(what),
      });
      if (response.status !== 204) throw new Error(`issuer ${key} answered ${response.status}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
