/**
 * Each jest worker gets a shared database and index prefix of its own (made by the global setup
 * for every worker the run may start), so test files running side by side never see each
 * other's rows or documents, and its own import directory. Runs in every service-tier test file
 * before its first line; with --runInBand there is one worker and this changes nothing else.
 */
const worker = process.env.JEST_WORKER_ID ?? '1';
const shared = process.env.TEST_SHARED_DATABASE_URL;
if (shared) {
  const url = new URL(shared);
  url.pathname = `${url.pathname}_w${worker}`;
  process.env.DATABASE_URL = url.toString();
  process.env.MEILI_INDEX_PREFIX = `${process.env.TEST_MEILI_INDEX_PREFIX}_w${worker}`;
  process.env.IMPORT_DIR = `${process.env.TEST_IMPORT_DIR}-w${worker}`;
}
