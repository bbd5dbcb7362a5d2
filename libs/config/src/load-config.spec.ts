import {
  ConfigError,
  IMPORT_READ_LIMITS,
  assertApiSecrets,
  assertWorkerSecrets,
  loadConfig,
} from './load-config';

const base = {
  JWT_SECRET: 'x'.repeat(32),
  MEILI_URL: 'http://127.0.0.1:7700',
};

/** A production environment that says who the site is. */
const production = {
  ...base,
  NODE_ENV: 'production',
  PUBLIC_BASE_URL: 'https://bouwsteen.example.nl',
  OAI_REPOSITORY_IDENTIFIER: 'bouwsteen.example.nl',
  OAI_ADMIN_EMAIL: 'beheer@example.nl',
};

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

describe('loadConfig', () => {
  it('keeps 16 MB of similar findings unless told, none with 0, and refuses a negative budget', () => {
    expect(loadConfig(base).similarCacheMb).toBe(16);
    expect(loadConfig({ ...base, SIMILAR_CACHE_MB: '0' }).similarCacheMb).toBe(0);
    expect(problemsOf({ ...base, SIMILAR_CACHE_MB: '-1' })).toContain('SIMILAR_CACHE_MB');
  });

  it('reads further search nodes, and refuses a repeated node or one that is not a URL', () => {
    expect(loadConfig(base).meili.nodeUrls).toEqual([]);
    const config = loadConfig({
      ...base,
      MEILI_NODE_URLS: ' http://10.0.0.2:7700/ , http://10.0.0.3:7700',
    });
    expect(config.meili.nodeUrls).toEqual(['http://10.0.0.2:7700', 'http://10.0.0.3:7700']);
    expect(config.meili.failoverMs).toBe(400);
    expect(problemsOf({ ...base, MEILI_NODE_URLS: 'http://127.0.0.1:7700/' })).toContain(
      'MEILI_NODE_URLS must not repeat a node or MEILI_URL',
    );
    expect(problemsOf({ ...base, MEILI_NODE_URLS: 'http://10.0.0.2:7700/meili' })).toContain(
      'MEILI_NODE_URLS must list origins without a path',
    );
    expect(problemsOf({ ...base, MEILI_NODE_URLS: 'ftp://x' })).toContain(
      'MEILI_NODE_URLS must list http(s) URLs',
    );
  });

  it('applies defaults for a minimal environment', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/bouwsteen');
    expect(config.auth.jwtTtlSeconds).toBe(900);
    expect(config.http.corsOrigins).toEqual([]);
  });

  it('reads the job settings with defaults, and names the successor of a retired setting', () => {
    const config = loadConfig(base);
    expect(config.jobs).toEqual({ leaseSeconds: 10, pollMs: 500 });
    expect(config.imports).toMatchObject({
      concurrency: 1,
      smallBytes: 1_048_576,
      maxJobsPerPps: 5,
      maxAttempts: 3,
    });
    expect(config.webhooks).toMatchObject({ retryBaseSeconds: 2, maxAttempts: 10, concurrency: 8 });
    const problems = problemsOf({
      ...base,
      WEBHOOK_POLL_MS: '100',
      WEBHOOK_RETRY_BASE_MS: '200',
      JOB_LEASE_SECONDS: '1',
    });
    expect(problems).toContain('WEBHOOK_POLL_MS is no longer read: set JOB_POLL_MS instead');
    expect(problems).toContain(
      'WEBHOOK_RETRY_BASE_MS is no longer read: set WEBHOOK_RETRY_BASE_SECONDS instead',
    );
    expect(problems).toContain('JOB_LEASE_SECONDS must be an integer between 3 and 600');
    expect(loadConfig(base).worker).toEqual({ search: true, jobs: true, nice: 10 });
    expect(loadConfig({ ...base, WORKER_TASKS: 'jobs', WORKER_NICE: '0' }).worker).toEqual({
      search: false,
      jobs: true,
      nice: 0,
    });
    expect(problemsOf({ ...base, WORKER_NICE: '-5' })).toContain(
      'WORKER_NICE must be an integer between 0 and 19 (got "-5")',
    );
    expect(problemsOf({ ...base, WORKER_TASKS: 'search,mail' })).toContain(
      'WORKER_TASKS must list search, jobs or both (got "search,mail")',
    );
  });

  it('gives invitation links 72 hours and reset links 2 by default, and bounds both', () => {
    expect(loadConfig(base).auth).toMatchObject({ invitationLinkHours: 72, resetLinkHours: 2 });
    expect(
      loadConfig({ ...base, INVITATION_LINK_HOURS: '24', RESET_LINK_HOURS: '1' }).auth,
    ).toMatchObject({ invitationLinkHours: 24, resetLinkHours: 1 });
    expect(() =>
      loadConfig({ ...base, INVITATION_LINK_HOURS: '0', RESET_LINK_HOURS: '100' }),
    ).toThrow(
      /INVITATION_LINK_HOURS must be an integer between 1 and 720[\s\S]*RESET_LINK_HOURS must be an integer between 1 and 72/,
    );
  });

  it('sends no mail without SMTP_URL, needs MAIL_FROM with it and refuses a header in it', () => {
    expect(loadConfig(base).mail).toMatchObject({ smtpUrl: undefined, dailyLimit: 20 });
    expect(
      loadConfig({ ...base, SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Bouwsteen <a@b.nl>' })
        .mail,
    ).toMatchObject({ smtpUrl: 'smtp://127.0.0.1:2525', from: 'Bouwsteen <a@b.nl>' });
    expect(() => loadConfig({ ...base, SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(
      /MAIL_FROM is required with SMTP_URL/,
    );
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://x', MAIL_FROM: 'a@b.nl' })).toThrow(
      /SMTP_URL must be an smtp/,
    );
    expect(() =>
      loadConfig({ ...base, MAIL_FROM: 'a@b.nl\r\nBcc: c@d.nl', MAIL_DAILY_LIMIT: '0' }),
    ).toThrow(/MAIL_FROM must be an address[\s\S]*MAIL_DAILY_LIMIT/);
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', MEILI_URL: 'nope' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT must be an integer');
    expect(message).toContain('DATABASE_URL must use');
    expect(message).toContain('MEILI_URL is not a valid URL');
    expect(message).toContain('JWT_SECRET is required');
  });

  it('takes the ports webhooks may use on public hosts: 80 and 443 unless set', () => {
    expect(loadConfig(base).webhooks.allowedPorts).toEqual([80, 443]);
    expect(
      loadConfig({ ...base, WEBHOOK_ALLOWED_PORTS: ' 443, 8443 ' }).webhooks.allowedPorts,
    ).toEqual([443, 8443]);
    for (const bad of ['0', '443,70000', '80;443', 'https', ','])
      expect(() => loadConfig({ ...base, WEBHOOK_ALLOWED_PORTS: bad })).toThrow(
        /WEBHOOK_ALLOWED_PORTS must be a comma-separated list of ports/,
      );
  });

  it('requires the bootstrap admin email and password together', () => {
    expect(() => loadConfig({ ...base, BOOTSTRAP_ADMIN_EMAIL: 'a@b.nl' })).toThrow(
      /must be set together/,
    );
  });

  it('takes the public origin and the map tiles, and refuses a base URL with a path or a tile URL without placeholders', () => {
    const config = loadConfig({ ...base, PORT: '3100' });
    expect(config.web.publicBaseUrl).toBe('http://localhost:3100');
    expect(config.web.mapTileUrl).toContain('{z}/{x}/{y}');
    expect(() => loadConfig({ ...base, PUBLIC_BASE_URL: 'https://bouwsteen.nl/' })).toThrow(
      /PUBLIC_BASE_URL must be an origin/,
    );
    expect(() =>
      loadConfig({ ...base, MAP_TILE_URL: 'https://tiles.example.nl/tile.png' }),
    ).toThrow(/MAP_TILE_URL must contain/);
  });

  it('splits CORS origins', () => {
    const config = loadConfig({ ...base, CORS_ORIGINS: 'https://a.nl, https://b.nl' });
    expect(config.http.corsOrigins).toEqual(['https://a.nl', 'https://b.nl']);
  });

  it('demands a Meilisearch master key of the worker in production', () => {
    expect(() => assertWorkerSecrets(loadConfig(production))).toThrow(
      /MEILI_MASTER_KEY is required/,
    );
    expect(() =>
      assertWorkerSecrets(loadConfig({ ...production, MEILI_MASTER_KEY: 'k'.repeat(16) })),
    ).not.toThrow();
  });

  it('never lets the API hold the master key, and wants its search key in production', () => {
    expect(() =>
      assertApiSecrets(loadConfig({ ...base, MEILI_MASTER_KEY: 'k'.repeat(16) })),
    ).toThrow(/must not be given to the API/);
    expect(() => assertApiSecrets(loadConfig(production))).toThrow(/MEILI_SEARCH_KEY is required/);
    expect(() =>
      assertApiSecrets(loadConfig({ ...production, MEILI_SEARCH_KEY: 'x'.repeat(64) })),
    ).not.toThrow();
  });

  it('refuses a short master key and a boolean that is not true or false', () => {
    expect(() => loadConfig({ ...base, MEILI_MASTER_KEY: 'short' })).toThrow(/at least 16/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY must be false/);
  });

  it('trusts a number of proxy hops or proxies by address, never every hop', () => {
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(
      /let any client choose its own address/,
    );
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).http.trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).http.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '0' })).toThrow(/between 1 and 10 hops/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/not: 10.0.0.0\/33/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'everyone' })).toThrow(/not: everyone/);
  });

  it('has no embedder unless one is configured, and checks what each source needs', () => {
    expect(loadConfig(base).embedder).toBeUndefined();
    expect(loadConfig({ ...base, EMBEDDER_SOURCE: 'off' }).embedder).toBeUndefined();
    expect(
      loadConfig({
        ...base,
        EMBEDDER_SOURCE: 'rest',
        EMBEDDER_URL: 'http://127.0.0.1:8080/embed',
        EMBEDDER_DIMENSIONS: '512',
      }).embedder,
    ).toEqual({
      source: 'rest',
      url: 'http://127.0.0.1:8080/embed',
      model: undefined,
      dimensions: 512,
      apiKey: undefined,
      semanticRatio: 0.3,
      similarityWeight: 0.4,
      similarityFloor: 0.5,
    });
    expect(() => loadConfig({ ...base, EMBEDDER_SOURCE: 'rest' })).toThrow(
      /EMBEDDER_DIMENSIONS is required[\s\S]*EMBEDDER_URL is required/,
    );
    expect(() => loadConfig({ ...base, EMBEDDER_SOURCE: 'ollama' })).toThrow(
      /EMBEDDER_MODEL is required when EMBEDDER_SOURCE is ollama/,
    );
    expect(() => loadConfig({ ...base, EMBEDDER_SOURCE: 'openai' })).toThrow(
      /EMBEDDER_SOURCE must be off, ollama, rest or huggingFace/,
    );
    expect(() =>
      loadConfig({
        ...base,
        EMBEDDER_SOURCE: 'ollama',
        EMBEDDER_MODEL: 'nomic-embed-text',
        EMBEDDER_SEMANTIC_RATIO: '1.5',
      }),
    ).toThrow(/EMBEDDER_SEMANTIC_RATIO must be a number between 0 and 1/);
  });

  describe('in production, the site says who it is', () => {
    it('boots with a public origin, an OAI repository identifier and an admin e-mail, and keeps them', () => {
      const config = loadConfig(production);
      expect(config.web.publicBaseUrl).toBe('https://bouwsteen.example.nl');
      expect(config.harvest).toEqual({
        repositoryIdentifier: 'bouwsteen.example.nl',
        adminEmail: 'beheer@example.nl',
      });
    });

    it('refuses to boot without them, naming all three at once', () => {
      const message = problemsOf({ ...base, NODE_ENV: 'production' });
      expect(message).toContain('PUBLIC_BASE_URL is required in production');
      expect(message).toContain('OAI_REPOSITORY_IDENTIFIER is required in production');
      expect(message).toContain('OAI_ADMIN_EMAIL is required in production');
    });

    it('wants the OAI identifier set even when the public origin would give a good one', () => {
      const { OAI_REPOSITORY_IDENTIFIER: _unset, ...env } = production;
      expect(problemsOf(env)).toContain('OAI_REPOSITORY_IDENTIFIER is required in production');
      // Outside production the host of the origin still serves as the identifier.
      expect(loadConfig({ ...env, NODE_ENV: 'development' }).harvest.repositoryIdentifier).toBe(
        'bouwsteen.example.nl',
      );
    });

    it.each([
      'http://localhost:3000',
      'http://LOCALHOST',
      'https://bouwsteen.localhost',
      'https://bouwsteen.local',
      'http://127.0.0.1:3000',
      'http://127.1',
      'http://0x7f000001',
      'http://[::1]:3000',
      'http://[::ffff:127.0.0.1]',
      'http://0.0.0.0:3000',
    ])('refuses the public origin %s', (origin) => {
      expect(problemsOf({ ...production, PUBLIC_BASE_URL: origin })).toMatch(
        /PUBLIC_BASE_URL .*must not be a local name in production/,
      );
    });

    it('refuses a local OAI identifier or admin e-mail domain, and says so for each', () => {
      const message = problemsOf({
        ...production,
        OAI_REPOSITORY_IDENTIFIER: 'bouwsteen.local',
        OAI_ADMIN_EMAIL: 'beheer@localhost',
      });
      expect(message).toContain(
        'OAI_REPOSITORY_IDENTIFIER (got "bouwsteen.local") must not be a local name',
      );
      expect(message).toContain(
        'The domain of OAI_ADMIN_EMAIL (got "beheer@localhost") must not be a local name',
      );
      expect(problemsOf({ ...production, OAI_ADMIN_EMAIL: 'beheer@bouwsteen.local' })).toContain(
        'The domain of OAI_ADMIN_EMAIL',
      );
    });

    it('accepts names that only look local, and private addresses behind a proxy', () => {
      for (const origin of [
        'https://localhost.nl',
        'https://local.bouwsteen.nl',
        'http://10.0.0.5',
      ])
        expect(problemsOf({ ...production, PUBLIC_BASE_URL: origin })).toBe('');
    });

    it('asks nothing of development and test, where localhost is the point', () => {
      expect(loadConfig(base).web.publicBaseUrl).toBe('http://localhost:3000');
      expect(loadConfig({ ...base, NODE_ENV: 'test' }).harvest.repositoryIdentifier).toBe(
        'bouwsteen.local',
      );
    });
  });

  it('bounds import reading by default and takes each bound from the environment, within range', () => {
    expect(loadConfig(base).imports.limits).toEqual(IMPORT_READ_LIMITS);
    expect(IMPORT_READ_LIMITS).toEqual({
      maxUnpackedBytes: 1_073_741_824,
      maxZipRatio: 100,
      maxZipEntries: 10_000,
      maxSharedStrings: 4_000_000,
      maxRows: 2_000_000,
      maxColumns: 16_384,
      maxRowBytes: 1_048_576,
    });
    const set = loadConfig({
      ...base,
      IMPORT_MAX_UNPACKED_BYTES: '268435456',
      IMPORT_MAX_ZIP_RATIO: '50',
      IMPORT_MAX_ZIP_ENTRIES: '500',
      IMPORT_MAX_SHARED_STRINGS: '1000',
      IMPORT_MAX_ROWS: '100000',
      IMPORT_MAX_COLUMNS: '200',
      IMPORT_MAX_ROW_BYTES: '65536',
    }).imports.limits;
    expect(set).toEqual({
      maxUnpackedBytes: 268_435_456,
      maxZipRatio: 50,
      maxZipEntries: 500,
      maxSharedStrings: 1000,
      maxRows: 100_000,
      maxColumns: 200,
      maxRowBytes: 65_536,
    });
    expect(() =>
      loadConfig({ ...base, IMPORT_MAX_ZIP_RATIO: '1', IMPORT_MAX_ROWS: 'veel' }),
    ).toThrow(
      /IMPORT_MAX_ZIP_RATIO must be an integer between 2 and 10000[\s\S]*IMPORT_MAX_ROWS must be an integer/,
    );
  });
});
