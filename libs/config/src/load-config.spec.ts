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

describe('loadConfig', () => {
  it('applies defaults for a minimal environment', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/bouwsteen');
    expect(config.auth.jwtTtlSeconds).toBe(900);
    expect(config.http.corsOrigins).toEqual([]);
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
    expect(() => assertWorkerSecrets(loadConfig({ ...base, NODE_ENV: 'production' }))).toThrow(
      /MEILI_MASTER_KEY is required/,
    );
    expect(() =>
      assertWorkerSecrets(
        loadConfig({ ...base, NODE_ENV: 'production', MEILI_MASTER_KEY: 'k'.repeat(16) }),
      ),
    ).not.toThrow();
  });

  it('never lets the API hold the master key, and wants its search key in production', () => {
    expect(() =>
      assertApiSecrets(loadConfig({ ...base, MEILI_MASTER_KEY: 'k'.repeat(16) })),
    ).toThrow(/must not be given to the API/);
    expect(() => assertApiSecrets(loadConfig({ ...base, NODE_ENV: 'production' }))).toThrow(
      /MEILI_SEARCH_KEY is required/,
    );
    expect(() =>
      assertApiSecrets(
        loadConfig({ ...base, NODE_ENV: 'production', MEILI_SEARCH_KEY: 'x'.repeat(64) }),
      ),
    ).not.toThrow();
  });

  it('refuses a short master key and a boolean that is not true or false', () => {
    expect(() => loadConfig({ ...base, MEILI_MASTER_KEY: 'short' })).toThrow(/at least 16/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'yes' })).toThrow(
      /TRUST_PROXY must be true or false/,
    );
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
