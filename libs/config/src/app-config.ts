import type { OidcIssuerConfig } from './oidc-config';
import type { TrustProxy } from './trust-proxy';
export interface EmbedderConfig {
  source: 'ollama' | 'rest' | 'huggingFace';
  /** ollama: its embeddings endpoint; rest: a service speaking the contract in README. */
  url?: string;
  /** ollama and huggingFace: the model's name. */
  model?: string;
  /** rest: the vector length the service returns. */
  dimensions?: number;
  /** Sent to the embedding service by Meilisearch, never logged. */
  apiKey?: string;
  /** Share of semantic ranking in search (Meilisearch's semanticRatio), 0..1. */
  semanticRatio: number;
  /** Weight of vector similarity among the parts of the similarity score. */
  similarityWeight: number;
  /** Vector similarity at or below this counts as none (unrelated texts are never at 0). */
  similarityFloor: number;
}

/**
 * Bounds on reading one import file, so a small upload cannot make a reader unpack or hold
 * more than the process has: a file past one ends its job with a Dutch reason.
 */
export interface ImportReadLimits {
  /** Bytes an .xlsx may unpack to in all, counted while inflating (the zip's own sizes are claims). */
  maxUnpackedBytes: number;
  /** How many times its compressed size one part of an .xlsx may unpack to (beyond its first MiB). */
  maxZipRatio: number;
  /** Parts (zip entries) an .xlsx may have. */
  maxZipEntries: number;
  /** Shared strings an .xlsx may have (their text waits on disk; memory holds 8 bytes each). */
  maxSharedStrings: number;
  /** Rows one file may have, all sheets together (header and empty rows not counted). */
  maxRows: number;
  /** Cells one row may have (an .xlsx column beyond this, a CSV record with more fields). */
  maxColumns: number;
  /** One row's size: a CSV record or a JSON Lines line in bytes, an .xlsx row's text in characters. */
  maxRowBytes: number;
}

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  databaseUrl: string;
  database: {
    /** Connections per process; every request holds at most one. */
    poolSize: number;
    /** How long a request waits for a free connection before it is answered 503. */
    connectTimeoutMs: number;
  };
  logLevel: string;
  http: {
    bodyLimit: string;
    corsOrigins: string[];
    trustProxy: TrustProxy;
  };
  meili: {
    url: string;
    /** Worker and CLI only: the API never receives it (see assertApiSecrets). */
    masterKey: string;
    /** The search-only key the API searches with (derived from the master key per prefix). */
    searchKey: string;
    indexPrefix: string;
    /** Searches, similarity checks and health probes give up after this (503, never a hang). */
    searchTimeoutMs: number;
    /** Further nodes, each a full copy fed by the worker; reads fail over to them in order. */
    nodeUrls: string[];
    /** With further nodes: a node that has not answered within this is passed over for the next. */
    failoverMs: number;
  };
  /**
   * Semantic matching, off unless a deployment has a model: Meilisearch embeds documents and
   * queries with it; search ranks hybrid and "dit bestaat al" adds vector similarity.
   */
  embedder?: EmbedderConfig;
  webhooks: {
    timeoutMs: number;
    /** First wait before a failed delivery is tried again; it doubles each time (with jitter). */
    retryBaseSeconds: number;
    maxAttempts: number;
    /** Deliveries one worker makes at the same time. */
    concurrency: number;
    /** Loopback and private networks too (tests, local demos), on any port there. */
    allowPrivateHosts: boolean;
    /** The ports a webhook on a public host may use (80 and 443 unless set). */
    allowedPorts: number[];
  };
  /** E-mail, sent by the worker's jobs only (libs/mail). */
  mail: {
    /** nodemailer's SMTP URL; without it no mail is queued or sent. Never logged. */
    smtpUrl?: string;
    /** The sender (From), required with smtpUrl. */
    from: string;
    /** Mails one account receives at most in 24 hours (account links not counted). */
    dailyLimit: number;
    /** Local hour (Europe/Amsterdam) at which daily and weekly (Monday) digests are due. */
    digestHour: number;
    /** How often a worker looks for digests that are due. */
    checkSeconds: number;
    /** Mails one worker sends at the same time. */
    concurrency: number;
    /** Tries of one mail before it is given up (its items wait for the next digest). */
    maxAttempts: number;
  };
  /**
   * Megabytes (as JSON) of "similar building blocks" findings kept per process until the index
   * changes (block pages, the API); 0 checks every time.
   */
  similarCacheMb: number;
  outbox: {
    pollMs: number;
    batchSize: number;
    /** Drain loops per worker: one indexes while the next builds its batch. */
    concurrency: number;
    retryBaseMs: number;
    retryMaxMs: number;
    /** A document Meilisearch rejects this often is parked (kept aside, reported) instead of retried. */
    parkAfterAttempts: number;
  };
  /**
   * What a worker process runs: the search outbox relay, the background jobs, or both; and the
   * CPU priority (nice, 0–19) a worker process of its own gives itself, so the API answers first
   * when an import and a person's request want the same core.
   */
  worker: { search: boolean; jobs: boolean; nice: number };
  /** Background jobs (pg-boss) as the worker runs them. */
  jobs: {
    /** A running job's lease: renewed every third of it; a job whose lease ran out is retried. */
    leaseSeconds: number;
    /** How often an idle worker looks for new jobs. */
    pollMs: number;
  };
  imports: {
    /** Where a worker keeps its copy of the file of the job it runs (0700, removed when done). */
    directory: string;
    maxBytes: number;
    /** Rows per transaction: checked, compared and written together. */
    batchRows: number;
    /** Report lines kept per job (totals always count every row). */
    maxReportLines: number;
    /** Imports one worker runs at the same time (never two of one PPS, over all workers). */
    concurrency: number;
    /** Files up to this size go in the small-import lane (one more at a time per worker). */
    smallBytes: number;
    /** Imports a PPS may have waiting and running at once (more are refused with 429). */
    maxJobsPerPps: number;
    /** Tries of an import whose worker stopped (each resumes where the last one left off). */
    maxAttempts: number;
    /**
     * Hours a finished dry run keeps its file, for "Nu echt importeren" (0: not kept); a PPS
     * keeps at most maxJobsPerPps such files, its newest.
     */
    dryRunKeepHours: number;
    /** What a reader may unpack and hold of one file; past any of them the file is refused. */
    limits: ImportReadLimits;
  };
  harvest: {
    /** The `oai:<this>:<uuid>` identifiers' middle part: set once, never changed (identifiers are forever). */
    repositoryIdentifier: string;
    /** Who harvesters write to (OAI-PMH Identify). */
    adminEmail: string;
  };
  web: {
    /** Absolute origin the pages are reached at: canonical links, Open Graph, sitemap. */
    publicBaseUrl: string;
    /** Leaflet tile template ({z}/{x}/{y}); its origin is the only image host the CSP allows. */
    mapTileUrl: string;
    mapTileAttribution: string;
  };
  auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    /** How long a signed-in browser stays signed in (the pages' session cookie). */
    sessionTtlSeconds: number;
    /** Failed sign-ins per account from one address within the window; then refused (429). */
    loginLimit: number;
    /** Failed sign-ins from one address over all accounts; past it every attempt is slowed. */
    loginAddressLimit: number;
    loginWindowSeconds: number;
    /** The delay per failed sign-in past the address limit, before the password is checked. */
    loginSlowdownMs: number;
    /** The longest that delay gets (what a teacher on a sprayed address waits at most). */
    loginSlowdownMaxMs: number;
    bootstrapAdminEmail?: string;
    bootstrapAdminPassword?: string;
    /** How long an invitation link (to choose a first password) works. */
    invitationLinkHours: number;
    /** How long a password reset link works. */
    resetLinkHours: number;
    /** With the demo set: the password of the demo PPS lead and LLO office (never a default). */
    demoAccountsPassword?: string;
    /** The OpenID Connect issuers people may sign in through (none: only passwords). */
    oidcIssuers: OidcIssuerConfig[];
    /** Sign-ins through an institution started from one address and not (yet) finished. */
    oidcStartAddressLimit: number;
    /** Sign-ins through an institution under way from everywhere (the pending table's bound). */
    oidcPendingLimit: number;
  };
}
