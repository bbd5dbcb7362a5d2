import { searchKeyFor } from '@bouwsteen/search';
import { ensureBuilt, run } from './harness/processes';

/** The API process never holds the Meilisearch master key; the CLI tells the key it should use. */
describe('the API searches with a search-only key (process level)', () => {
  beforeAll(() => ensureBuilt());

  const common = {
    JWT_SECRET: 'x'.repeat(40),
    MEILI_URL: 'http://127.0.0.1:9',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    LOG_LEVEL: 'silent',
  };

  it('refuses to start with the master key', async () => {
    const api = run('node', ['dist/apps/api/src/main.js'], {
      ...common,
      PORT: '0',
      MEILI_MASTER_KEY: 'a-master-key-of-enough-length',
    });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('MEILI_MASTER_KEY must not be given to the API');
  });

  /** What production needs besides its secrets: who the site is (see load-config). */
  const identity = {
    PUBLIC_BASE_URL: 'https://bouwsteen.example.nl',
    OAI_REPOSITORY_IDENTIFIER: 'bouwsteen.example.nl',
    OAI_ADMIN_EMAIL: 'beheer@example.nl',
  };

  it('refuses to start in production without its search key', async () => {
    const api = run('node', ['dist/apps/api/src/main.js'], {
      ...common,
      ...identity,
      PORT: '0',
      NODE_ENV: 'production',
    });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('MEILI_SEARCH_KEY is required in production');
  });

  it('refuses to start in production as localhost, naming every setting it lacks', async () => {
    const api = run('node', ['dist/apps/api/src/main.js'], {
      ...common,
      PORT: '0',
      NODE_ENV: 'production',
      MEILI_SEARCH_KEY: 'x'.repeat(64),
      PUBLIC_BASE_URL: 'http://localhost:3000',
    });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('PUBLIC_BASE_URL (got "http://localhost:3000") must not be');
    expect(api.output()).toContain('OAI_REPOSITORY_IDENTIFIER is required in production');
    expect(api.output()).toContain('OAI_ADMIN_EMAIL is required in production');
  });

  it('prints the search key for a master key and index prefix', async () => {
    const cli = run('node', ['dist/apps/cli/src/main.js', 'search:key'], {
      MEILI_MASTER_KEY: 'a-master-key-of-enough-length',
      MEILI_INDEX_PREFIX: 'bouwsteen',
    });
    expect(await cli.exited).toBe(0);
    expect(cli.output().trim()).toBe(searchKeyFor('a-master-key-of-enough-length', 'bouwsteen'));
  });
});
