/**
 * Four tiers. Unit specs live beside the code (pure rules: no services, no Nest, no TypeORM —
 * the unit project refuses to load the last two). Integration specs in
 * test/integration drive services and repositories against real PostgreSQL and Meilisearch
 * without HTTP (races, the search pipeline, transactions). E2e specs in test/ go through the
 * real HTTP stack. Browser specs in test/browser drive the pages in Chromium. The service
 * tiers share one global setup (one Meilisearch, one template DB).
 */
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/*', '/(.*)')}$`,
    `<rootDir>/${target.replace('/*', '/$1')}`,
  ]),
);

/**
 * Each file is transpiled on its own (isolatedModules: no type program per worker): types are
 * checked once by `npm run typecheck` and the build, not again by every jest worker. A quarter
 * less time on a cold cache, which a fresh clone always has.
 */
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { diagnostics: false, tsconfig: '<rootDir>/tsconfig.jest.json' }],
  // openid-client and its two dependencies ship only ES modules: Node 20.19+ requires them as
  // they are (require(esm)), Jest's own module loader does not, so the service tiers transpile them.
  '/node_modules/(openid-client|oauth4webapi|jose)/.+\\.js$': [
    'ts-jest',
    { diagnostics: false, tsconfig: { allowJs: true } },
  ],
};

/** Packages of only ES modules that Jest transpiles (see `transform`). */
const transformIgnorePatterns = ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'];

/** Unit specs must not reach Nest or TypeORM: loading either fails the spec with its import chain. */
const forbidden = '<rootDir>/test/harness/framework-forbidden.js';
const pureOnly = { '^@nestjs/(.*)$': forbidden, '^typeorm(/.*)?$': forbidden };

module.exports = {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/harness/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts?(x)',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/test/architecture/**/*.spec.ts',
      ],
      transform,
      transformIgnorePatterns,
      moduleNameMapper: { ...pureOnly, ...moduleNameMapper },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      setupFiles: ['<rootDir>/test/harness/worker-env.ts'],
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
    },
    {
      // Pages in a real Chromium (Debian's): keyboard, JavaScript off, axe, screenshots.
      displayName: 'browser',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      setupFiles: ['<rootDir>/test/harness/worker-env.ts'],
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      setupFiles: ['<rootDir>/test/harness/worker-env.ts'],
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
    },
  ],
};
