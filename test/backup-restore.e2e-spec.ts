import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { dropDatabase } from '@bouwsteen/database';
import { databaseUrlFor } from './harness/database-url';
import { moduleBody } from './harness/fixtures';
import { ensureBuilt, run } from './harness/processes';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/**
 * README's backup and restore, step by step: PostgreSQL is the only state; a dump restored into
 * a fresh database plus `search:reindex` gives back the same registry, search included.
 */
describe('backup and restore (e2e, pg_dump → pg_restore → search:reindex)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bouwsteen-backup-'));
  const dump = join(dir, 'bouwsteen.dump');
  const restoredName = `bouwsteen_restored_${randomBytes(4).toString('hex')}`;
  const restoredUrl = databaseUrlFor(restoredName);
  const restoredPrefix = `${process.env.MEILI_INDEX_PREFIX}_restored`;
  const marker = `backup${randomBytes(3).toString('hex')}`;
  let original: TestApp;
  let restored: TestApp | undefined;
  let editor: TestUser;
  let published: string[] = [];
  let reusedId: string;

  beforeAll(async () => {
    ensureBuilt();
    original = await createTestApp({ isolated: true });
    await original.startWorker();
    const ppsId = await original.ppsId('Techport mbo');
    const adopterPps = await original.ppsId('House of Logistics');
    editor = await original.user('pps-editor', [ppsId]);
    const adopter = await original.user('pps-editor', [adopterPps]);
    for (let i = 0; i < 3; i++)
      published.push(
        (await original.publish(editor, moduleBody(ppsId, { keywords: [marker] }))).id,
      );
    reusedId = published[0];
    await original
      .http()
      .post(`/api/v1/assets/${reusedId}/reuses`)
      .set(bearer(adopter))
      .send({ adopterPpsId: adopterPps, mode: 'adapted', context: 'BBL logistiek' })
      .expect(201);
    await original.indexed();
    published = published.sort();
  });

  afterAll(async () => {
    await restored?.close();
    await original.close();
    await dropDatabase(restoredUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a dump into a fresh database and rebuilds the index from it', async () => {
    const sourceUrl = original.app.get<AppConfig>(APP_CONFIG).databaseUrl;
    const server = new URL(sourceUrl);
    // The commands of README's "Backup and restore", as written there.
    execFileSync('pg_dump', ['--format=custom', `--file=${dump}`, sourceUrl]);
    execFileSync('createdb', [
      '-h',
      server.hostname,
      '-p',
      server.port || '5432',
      '-U',
      server.username,
      restoredName,
    ]);
    execFileSync('pg_restore', ['--no-owner', `--dbname=${restoredUrl}`, dump]);
    const reindex = run('node', ['dist/apps/cli/src/main.js', 'search:reindex'], {
      DATABASE_URL: restoredUrl,
      MEILI_URL: process.env.MEILI_URL!,
      MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY!,
      MEILI_INDEX_PREFIX: restoredPrefix,
    });
    expect(await reindex.exited).toBe(0);
    expect(reindex.output()).toMatch(/Rebuilt and swapped in .* s: \d+ documents/);

    restored = await createTestApp({
      env: { DATABASE_URL: restoredUrl, MEILI_INDEX_PREFIX: restoredPrefix },
    });
    const found = await restored.http().get(`/api/v1/search?q=${marker}`).expect(200);
    expect(found.body.hits.map((hit: { id: string }) => hit.id).sort()).toEqual(published);
    const asset = await restored.http().get(`/api/v1/assets/${reusedId}`).expect(200);
    expect(asset.body).toMatchObject({ reuseCount: 1, version: { number: 1, state: 'published' } });
    // Accounts come back too: the editor signs in with the same password.
    await restored
      .http()
      .post('/api/v1/auth/login')
      .send({ email: editor.email, password: editor.password })
      .expect(200);
  });
});
