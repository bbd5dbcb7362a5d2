/**
 * Reads one import file with the compiled readers, as the worker does, and prints what came
 * out and the process's peak RSS (VmHWM) as one JSON line: the child of the bounded-readers
 * integration test, run under the production heap cap.
 *
 *   node --max-old-space-size=320 test/harness/read-import-file.js <csv|xlsx|jsonl> <file> [limits JSON]
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', '..', 'dist', 'libs');

async function main() {
  const [format, path, limits] = process.argv.slice(2);
  const { readRows } = require(join(dist, 'imports', 'src', 'readers'));
  const { IMPORT_READ_LIMITS } = require(join(dist, 'config', 'src'));
  const bounds = { ...IMPORT_READ_LIMITS, ...(limits ? JSON.parse(limits) : {}) };
  let rows = 0;
  let lastRow;
  const notices = [];
  const problems = [];
  for await (const item of readRows(format, path, () => undefined, bounds)) {
    if ('notice' in item) notices.push(item);
    else {
      rows++;
      lastRow = item.label;
      if (item.problems.length > 0 && problems.length < 10) problems.push(item);
    }
  }
  const status = readFileSync('/proc/self/status', 'utf8');
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)[1]);
  process.stdout.write(
    `${JSON.stringify({ rows, lastRow, notices, problems, peakRssMb: peakKb / 1024 })}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
