import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { AppConfig, EmbedderConfig, ImportReadLimits } from './app-config';
import { meiliNodeUrls } from './meili-nodes';
import { isLocalHost } from './local-identity';
import { oidcIssuers } from './oidc-config';
import { mailConfig } from './mail-config';
import { parseTrustProxy } from './trust-proxy';

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/bouwsteen';

/**
 * The import readers' bounds when the environment sets none (the readers take them as their
 * default too). 1 GiB unpacked holds our own export of ~550,000 blocks (100,000 unpack to
 * 186 MB); parts of real workbooks compress 5–15 times, a zip bomb hundreds of times; Excel's
 * own sheets stop at 16,384 columns; 2,000,000 rows is twenty times the largest import measured.
 */
export const IMPORT_READ_LIMITS: ImportReadLimits = {
  maxUnpackedBytes: 1_073_741_824,
  maxZipRatio: 100,
  maxZipEntries: 10_000,
  maxSharedStrings: 4_000_000,
  maxRows: 2_000_000,
  maxColumns: 16_384,
  maxRowBytes: 1_048_576,
};

/**
 * Reads the environment once into a typed object. Every problem is collected so that a
 * misconfigured deployment learns all of them from one failed boot instead of one at a time.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['env'];
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, test or production (got "${env.NODE_ENV}")`);
  }

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if (trustProxy.problem) problems.push(trustProxy.problem);

  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const fraction = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      problems.push(`${name} must be a number between 0 and 1 (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const ports = (name: string, fallback: number[]): number[] => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const parts = raw.split(',').map((part) => part.trim());
    if (
      !parts.every((part) => /^\d{1,5}$/.test(part) && Number(part) >= 1 && Number(part) <= 65535)
    ) {
      problems.push(
        `${name} must be a comma-separated list of ports (1 to 65535), e.g. 80,443 (got "${raw}")`,
      );
      return fallback;
    }
    return [...new Set(parts.map(Number))];
  };

  const url = (name: string, fallback: string | undefined, protocols: string[]): string => {
    const raw = env[name] || fallback;
    if (!raw) {
      problems.push(`${name} is required`);
      return '';
    }
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  /** Off by default: these machines cannot download a model, and no vector is ever made up. */
  function embedderConfig(): EmbedderConfig | undefined {
    const source = env.EMBEDDER_SOURCE ?? 'off';
    if (source === 'off') return undefined;
    if (source !== 'ollama' && source !== 'rest' && source !== 'huggingFace') {
      problems.push(`EMBEDDER_SOURCE must be off, ollama, rest or huggingFace (got "${source}")`);
      return undefined;
    }
    const needs = (name: string) => {
      if (!env[name]) problems.push(`${name} is required when EMBEDDER_SOURCE is ${source}`);
      return env[name] || undefined;
    };
    return {
      source,
      url:
        source === 'rest'
          ? url('EMBEDDER_URL', undefined, ['http:', 'https:'])
          : env.EMBEDDER_URL
            ? url('EMBEDDER_URL', undefined, ['http:', 'https:'])
            : undefined,
      model: source === 'rest' ? undefined : needs('EMBEDDER_MODEL'),
      dimensions:
        source === 'rest' ? int('EMBEDDER_DIMENSIONS', 0, 1, 8192) || undefined : undefined,
      apiKey: env.EMBEDDER_API_KEY || undefined,
      semanticRatio: fraction('EMBEDDER_SEMANTIC_RATIO', 0.3),
      similarityWeight: fraction('EMBEDDER_SIMILARITY_WEIGHT', 0.4),
      similarityFloor: fraction('EMBEDDER_SIMILARITY_FLOOR', 0.5),
    };
  }
  if (env.EMBEDDER_SOURCE === 'rest' && !env.EMBEDDER_DIMENSIONS)
    problems.push('EMBEDDER_DIMENSIONS is required when EMBEDDER_SOURCE is rest');

  // Settings that were replaced: a deployment that still sets them learns what to set instead.
  const retired: Record<string, string> = {
    WEBHOOK_POLL_MS: 'JOB_POLL_MS',
    WEBHOOK_RETRY_BASE_MS: 'WEBHOOK_RETRY_BASE_SECONDS',
  };
  for (const [name, successor] of Object.entries(retired))
    if (env[name] !== undefined && env[name] !== '')
      problems.push(`${name} is no longer read: set ${successor} instead`);

  /** WORKER_TASKS: `search`, `jobs` or both (comma-separated): what a worker process runs. */
  function workerTasks(): AppConfig['worker'] {
    const raw = env.WORKER_TASKS || 'search,jobs';
    const tasks = raw.split(',').map((task) => task.trim());
    if (tasks.some((task) => task !== 'search' && task !== 'jobs'))
      problems.push(`WORKER_TASKS must list search, jobs or both (got "${raw}")`);
    return {
      search: tasks.includes('search'),
      jobs: tasks.includes('jobs'),
      nice: int('WORKER_NICE', 10, 0, 19),
    };
  }

  const jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET is required and must be at least 32 characters');
  }
  const masterKey = env.MEILI_MASTER_KEY ?? '';
  if (masterKey && masterKey.length < 16) {
    problems.push('MEILI_MASTER_KEY must be at least 16 characters');
  }
  const searchKey = env.MEILI_SEARCH_KEY ?? '';
  const indexPrefix = env.MEILI_INDEX_PREFIX ?? 'bouwsteen';
  if (!/^[a-z0-9_-]{1,40}$/.test(indexPrefix)) {
    problems.push('MEILI_INDEX_PREFIX may hold only a-z, 0-9, "_" and "-" (1 to 40 characters)');
  }
  const bodyLimit = env.BODY_LIMIT ?? '256kb';
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit)) {
    problems.push(`BODY_LIMIT must look like 256kb or 1mb (got "${bodyLimit}")`);
  }
  const adminEmail = env.BOOTSTRAP_ADMIN_EMAIL || undefined;
  const adminPassword = env.BOOTSTRAP_ADMIN_PASSWORD || undefined;
  const demoPassword = env.DEMO_ACCOUNTS_PASSWORD || undefined;
  if (demoPassword !== undefined && demoPassword.length < 12)
    problems.push('DEMO_ACCOUNTS_PASSWORD must be at least 12 characters');
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    problems.push('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  if (adminPassword !== undefined && adminPassword.length < 12) {
    problems.push('BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters');
  }

  const port = int('PORT', 3000, 0, 65535);
  const publicBaseUrl = url('PUBLIC_BASE_URL', `http://localhost:${port}`, ['http:', 'https:']);
  if (
    publicBaseUrl &&
    URL.canParse(publicBaseUrl) &&
    new URL(publicBaseUrl).origin !== publicBaseUrl
  )
    problems.push(
      `PUBLIC_BASE_URL must be an origin such as https://bouwsteen.example.nl, without a path or "/" at the end (got "${publicBaseUrl}")`,
    );
  // OAI identifiers need a domain name with a dot (oai-identifier.xsd); localhost has none.
  const publicHost = URL.canParse(publicBaseUrl) ? new URL(publicBaseUrl).hostname : '';
  const repositoryIdentifier =
    env.OAI_REPOSITORY_IDENTIFIER ||
    (/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/i.test(publicHost) ? publicHost : 'bouwsteen.local');
  if (!/^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/.test(repositoryIdentifier))
    problems.push(
      `OAI_REPOSITORY_IDENTIFIER must be a domain name such as bouwsteen.example.nl (got "${repositoryIdentifier}")`,
    );
  const oaiAdminEmail = env.OAI_ADMIN_EMAIL || `beheer@${repositoryIdentifier}`;
  if (!/^\S+@(\S+\.)+\S+$/.test(oaiAdminEmail))
    problems.push(`OAI_ADMIN_EMAIL must be an e-mail address (got "${oaiAdminEmail}")`);
  if (nodeEnv === 'production') problems.push(...productionIdentityProblems(env));

  const mapTileUrl = url('MAP_TILE_URL', 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', [
    'http:',
    'https:',
  ]);
  if (mapTileUrl && !['{z}', '{x}', '{y}'].every((part) => mapTileUrl.includes(part)))
    problems.push('MAP_TILE_URL must contain {z}, {x} and {y}');

  const config: AppConfig = {
    env: nodeEnv,
    port,
    databaseUrl: url('DATABASE_URL', DEFAULT_DATABASE_URL, ['postgres:', 'postgresql:']),
    database: {
      poolSize: int('DATABASE_POOL_SIZE', 20, 2, 500),
      connectTimeoutMs: int('DATABASE_CONNECT_TIMEOUT_MS', 5000, 100, 120000),
    },
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    http: {
      bodyLimit,
      corsOrigins: (env.CORS_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      trustProxy: trustProxy.value,
    },
    meili: {
      url: url('MEILI_URL', undefined, ['http:', 'https:']),
      masterKey,
      searchKey,
      indexPrefix,
      searchTimeoutMs: int('MEILI_SEARCH_TIMEOUT_MS', 1500, 50, 60000),
      nodeUrls: meiliNodeUrls(env, problems),
      failoverMs: int('MEILI_FAILOVER_MS', 400, 50, 10000),
    },
    embedder: embedderConfig(),
    webhooks: {
      timeoutMs: int('WEBHOOK_TIMEOUT_MS', 5000, 100, 60000),
      retryBaseSeconds: int('WEBHOOK_RETRY_BASE_SECONDS', 2, 1, 3600),
      maxAttempts: int('WEBHOOK_MAX_ATTEMPTS', 10, 1, 50),
      concurrency: int('WEBHOOK_CONCURRENCY', 8, 1, 64),
      // Off in every mode: webhooks reach only public addresses unless this is set on purpose.
      allowPrivateHosts: bool('WEBHOOK_ALLOW_PRIVATE_HOSTS', false),
      allowedPorts: ports('WEBHOOK_ALLOWED_PORTS', [80, 443]),
    },
    mail: mailConfig(env, int, problems),
    similarCacheMb: int('SIMILAR_CACHE_MB', 16, 0, 128),
    outbox: {
      pollMs: int('OUTBOX_POLL_MS', 1000, 10, 60000),
      batchSize: int('OUTBOX_BATCH_SIZE', 10000, 1, 10000),
      concurrency: int('OUTBOX_CONCURRENCY', 8, 1, 64),
      retryBaseMs: int('OUTBOX_RETRY_BASE_MS', 1000, 10, 600000),
      retryMaxMs: int('OUTBOX_RETRY_MAX_MS', 300000, 10, 3600000),
      parkAfterAttempts: int('OUTBOX_PARK_AFTER_ATTEMPTS', 5, 1, 100),
    },
    worker: workerTasks(),
    jobs: {
      leaseSeconds: int('JOB_LEASE_SECONDS', 10, 3, 600),
      pollMs: int('JOB_POLL_MS', 500, 50, 60000),
    },
    imports: {
      directory: env.IMPORT_DIR || join(tmpdir(), 'bouwsteen-imports'),
      maxBytes: int('IMPORT_MAX_BYTES', 268_435_456, 1024, 4_294_967_296),
      batchRows: int('IMPORT_BATCH_ROWS', 1000, 1, 1000),
      maxReportLines: int('IMPORT_MAX_REPORT_LINES', 100_000, 100, 10_000_000),
      concurrency: int('IMPORT_CONCURRENCY', 1, 1, 16),
      smallBytes: int('IMPORT_SMALL_BYTES', 1_048_576, 0, 268_435_456),
      maxJobsPerPps: int('IMPORT_MAX_JOBS_PER_PPS', 5, 1, 1000),
      maxAttempts: int('IMPORT_MAX_ATTEMPTS', 3, 1, 20),
      dryRunKeepHours: int('IMPORT_DRY_RUN_KEEP_HOURS', 24, 0, 720),
      limits: {
        maxUnpackedBytes: int(
          'IMPORT_MAX_UNPACKED_BYTES',
          IMPORT_READ_LIMITS.maxUnpackedBytes,
          1_048_576,
          17_179_869_184,
        ),
        maxZipRatio: int('IMPORT_MAX_ZIP_RATIO', IMPORT_READ_LIMITS.maxZipRatio, 2, 10_000),
        maxZipEntries: int(
          'IMPORT_MAX_ZIP_ENTRIES',
          IMPORT_READ_LIMITS.maxZipEntries,
          10,
          1_000_000,
        ),
        maxSharedStrings: int(
          'IMPORT_MAX_SHARED_STRINGS',
          IMPORT_READ_LIMITS.maxSharedStrings,
          0,
          50_000_000,
        ),
        maxRows: int('IMPORT_MAX_ROWS', IMPORT_READ_LIMITS.maxRows, 1, 100_000_000),
        maxColumns: int('IMPORT_MAX_COLUMNS', IMPORT_READ_LIMITS.maxColumns, 1, 100_000),
        maxRowBytes: int('IMPORT_MAX_ROW_BYTES', IMPORT_READ_LIMITS.maxRowBytes, 1024, 268_435_456),
      },
    },
    harvest: { repositoryIdentifier, adminEmail: oaiAdminEmail },
    web: {
      publicBaseUrl,
      mapTileUrl,
      mapTileAttribution:
        env.MAP_TILE_ATTRIBUTION ??
        '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers',
    },
    auth: {
      jwtSecret,
      jwtTtlSeconds: int('JWT_TTL_SECONDS', 900, 60, 86400),
      sessionTtlSeconds: int('SESSION_TTL_SECONDS', 28800, 300, 2592000),
      loginLimit: int('LOGIN_RATE_LIMIT', 5, 1, 1000),
      loginAddressLimit: int('LOGIN_ADDRESS_RATE_LIMIT', 20, 1, 100000),
      loginWindowSeconds: int('LOGIN_RATE_WINDOW_SECONDS', 60, 1, 3600),
      loginSlowdownMs: int('LOGIN_SLOWDOWN_MS', 1000, 0, 60000),
      loginSlowdownMaxMs: int('LOGIN_SLOWDOWN_MAX_MS', 5000, 0, 60000),
      invitationLinkHours: int('INVITATION_LINK_HOURS', 72, 1, 720),
      resetLinkHours: int('RESET_LINK_HOURS', 2, 1, 72),
      bootstrapAdminEmail: adminEmail,
      bootstrapAdminPassword: adminPassword,
      demoAccountsPassword: demoPassword,
      oidcIssuers: oidcIssuers(env, nodeEnv === 'production', problems),
      oidcStartAddressLimit: int('OIDC_START_ADDRESS_LIMIT', 30, 1, 100000),
      oidcPendingLimit: int('OIDC_PENDING_LIMIT', 10000, 1, 1000000),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * In production the site must say who it is: its links, sitemaps and share links are built on
 * PUBLIC_BASE_URL, and every OAI identifier carries OAI_REPOSITORY_IDENTIFIER, which harvesters
 * keep for good, so neither may fall back to a development default (localhost, bouwsteen.local)
 * that a later correction would change. Harvesters write to OAI_ADMIN_EMAIL.
 */
function productionIdentityProblems(env: Env): string[] {
  const problems: string[] = [];
  const local = (what: string) =>
    `${what} must not be a local name in production (localhost, .local, a loopback address)`;
  const baseUrl = env.PUBLIC_BASE_URL;
  if (!baseUrl)
    problems.push(
      'PUBLIC_BASE_URL is required in production: the public origin, e.g. https://bouwsteen.example.nl',
    );
  else if (URL.canParse(baseUrl) && isLocalHost(new URL(baseUrl).hostname))
    problems.push(local(`PUBLIC_BASE_URL (got "${baseUrl}")`));
  const identifier = env.OAI_REPOSITORY_IDENTIFIER;
  if (!identifier)
    problems.push(
      'OAI_REPOSITORY_IDENTIFIER is required in production: the domain in every OAI identifier, set once and never changed (e.g. bouwsteen.example.nl)',
    );
  else if (isLocalHost(identifier))
    problems.push(local(`OAI_REPOSITORY_IDENTIFIER (got "${identifier}")`));
  const email = env.OAI_ADMIN_EMAIL;
  if (!email)
    problems.push(
      'OAI_ADMIN_EMAIL is required in production: the address harvesters write to, e.g. beheer@example.nl',
    );
  else if (email.includes('@') && isLocalHost(email.slice(email.lastIndexOf('@') + 1)))
    problems.push(local(`The domain of OAI_ADMIN_EMAIL (got "${email}")`));
  return problems;
}

/**
 * What each process may hold: the API searches with MEILI_SEARCH_KEY and must never be given
 * the master key; the worker and the CLI need the master key in production.
 */
export function assertApiSecrets(config: AppConfig): void {
  const problems: string[] = [];
  if (config.meili.masterKey)
    problems.push(
      'MEILI_MASTER_KEY must not be given to the API: give it MEILI_SEARCH_KEY (npm run cli -- search:key prints it)',
    );
  if (config.env === 'production' && !config.meili.searchKey)
    problems.push('MEILI_SEARCH_KEY is required in production (npm run cli -- search:key)');
  if (problems.length > 0) throw new ConfigError(problems);
}

export function assertWorkerSecrets(config: AppConfig): void {
  if (config.env === 'production' && !config.meili.masterKey)
    throw new ConfigError(['MEILI_MASTER_KEY is required in production (16+ characters)']);
}
