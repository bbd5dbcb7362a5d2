import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '@bouwsteen/common';
import { rowXml, writeXlsx, zipBomb } from '../fixtures/xlsx-builder';

/**
 * The readers against the files of issue 23, each read in a child process with the API's
 * production heap cap while its RSS is sampled: a zip bomb, a 150 MB cell in every format and
 * a sheet of 2,000,000 rows end with a Dutch reason or are read, and memory stays bounded.
 * The files are built here, in a temporary directory, and removed after each test.
 */
const HEAP_CAP = '--max-old-space-size=320';
const RSS_CAP_MB = 400;
const MINUTES = 60_000;

interface ChildRead {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** The highest RSS seen by sampling /proc every 20 ms, and the kernel's own peak (VmHWM). */
  peakRssMb: number;
  result?: {
    rows: number;
    lastRow?: string;
    notices: { fatal: boolean; notice: { label?: string; field: string; message: string } }[];
    problems: { label: string; problems: { field: string; message: string }[] }[];
    peakRssMb: number;
  };
}

/** The child runs the compiled readers: they are built again when a source is newer. */
function ensureFreshBuild(): void {
  const output = projectPath('dist/libs/imports/src/readers/index.js');
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  const sources = ['libs/imports/src/readers', 'libs/config/src'].flatMap((dir) =>
    readdirSync(projectPath(dir)).map((name) => join(projectPath(dir), name)),
  );
  if (sources.some((source) => statSync(source).mtimeMs > built))
    execFileSync('npm', ['run', 'build'], { cwd: projectPath(), stdio: 'ignore' });
}

async function readInChild(format: string, path: string, limits?: object): Promise<ChildRead> {
  const args = [HEAP_CAP, projectPath('test/harness/read-import-file.js'), format, path];
  if (limits) args.push(JSON.stringify(limits));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let sampled = 0;
  const sampler = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      sampled = Math.max(sampled, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    } catch {
      // The child has just ended.
    }
  }, 20);
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  clearInterval(sampler);
  const result = stdout.trim() ? (JSON.parse(stdout.trim()) as ChildRead['result']) : undefined;
  return { code, signal, stderr, result, peakRssMb: Math.max(sampled, result?.peakRssMb ?? 0) };
}

/** Writes the parts to a file one after another, never all in memory. */
async function writeFile(path: string, parts: () => Iterable<string | Buffer>): Promise<void> {
  const out = createWriteStream(path);
  for (const part of parts()) if (!out.write(part)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
}

describe('import readers within bounds (child process, production heap cap)', () => {
  let dir: string;

  beforeAll(() => ensureFreshBuild(), 5 * MINUTES);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bouwsteen-bounded-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it(
    "refuses the issue's zip bomb (1 GiB of shared strings in ~1 MB) with a Dutch reason, under the RSS cap",
    async () => {
      const path = join(dir, 'bom.xlsx');
      const size = await zipBomb(path, 16_384);
      expect(size).toBeGreaterThan(900_000);
      expect(size).toBeLessThan(1_400_000);
      const read = await readInChild('xlsx', path);
      expect({ code: read.code, signal: read.signal, stderr: read.stderr }).toEqual({
        code: 0,
        signal: null,
        stderr: '',
      });
      expect(read.result!.rows).toBe(0);
      expect(read.result!.notices).toEqual([
        {
          fatal: true,
          notice: {
            field: '',
            message: expect.stringMatching(/^het bestand pakt uit tot meer dan /),
          },
        },
      ]);
      expect(read.peakRssMb).toBeLessThan(RSS_CAP_MB);
    },
    10 * MINUTES,
  );

  it(
    'refuses a bomb whose sizes are within the budget while inflating it, by its ratio',
    async () => {
      const path = join(dir, 'halve-bom.xlsx');
      await zipBomb(path, 8_192);
      const read = await readInChild('xlsx', path);
      expect(read.code).toBe(0);
      expect(read.result!.notices).toEqual([
        {
          fatal: true,
          notice: {
            field: '',
            message:
              "het onderdeel xl/sharedStrings.xml pakt uit tot meer dan 100 keer zijn eigen grootte; zo'n bestand (een zip-bom?) wordt niet gelezen",
          },
        },
      ]);
      expect(read.peakRssMb).toBeLessThan(RSS_CAP_MB);
    },
    10 * MINUTES,
  );

  it(
    'refuses a 150 MB cell in .xlsx, CSV and JSON Lines without holding it',
    async () => {
      const megabyte = () => randomBytes(786_432).toString('base64');
      const cell = function* () {
        for (let index = 0; index < 150; index++) yield megabyte();
      };
      const xlsx = join(dir, 'cel.xlsx');
      await writeXlsx(
        xlsx,
        [
          {
            name: 'Modules',
            rows: function* () {
              yield rowXml(1, ['kind', 'title']);
              yield '<row r="2"><c r="A2" t="inlineStr"><is><t>Module</t></is></c><c r="B2" t="inlineStr"><is><t>';
              yield* cell();
              yield '</t></is></c></row>';
            },
          },
        ],
        { level: 1 },
      );
      const csv = join(dir, 'cel.csv');
      await writeFile(csv, function* () {
        yield 'kind,title\r\nModule,"';
        yield* cell();
        yield '"\r\nModule,Daarna\r\n';
      });
      const jsonl = join(dir, 'cel.jsonl');
      await writeFile(jsonl, function* () {
        yield '{"kind":"module","title":"';
        yield* cell();
        yield '"}\n{"kind":"module","title":"Daarna"}\n';
      });
      expect(statSync(csv).size).toBeGreaterThan(150 * 1_048_576);

      const fromXlsx = await readInChild('xlsx', xlsx);
      expect(fromXlsx.result!.notices).toEqual([
        {
          fatal: true,
          notice: {
            field: '',
            message: 'Modules, rij 2 is langer dan 1.048.576 tekens (de grens voor één rij)',
          },
        },
      ]);
      expect(fromXlsx.peakRssMb).toBeLessThan(RSS_CAP_MB);

      const fromCsv = await readInChild('csv', csv);
      expect(fromCsv.result!.notices).toEqual([
        {
          fatal: true,
          notice: {
            label: 'rij 2',
            field: '',
            message: 'rij 2 is groter dan 1.048.576 bytes (de grens voor één rij)',
          },
        },
      ]);
      expect(fromCsv.peakRssMb).toBeLessThan(RSS_CAP_MB);

      // A JSON Lines line stands alone: it is reported and the next line is read.
      const fromJsonl = await readInChild('jsonl', jsonl);
      expect(fromJsonl.result).toMatchObject({
        rows: 2,
        notices: [],
        problems: [
          {
            label: 'regel 1',
            problems: [
              {
                field: '',
                message:
                  'Deze regel is langer dan een regel mag zijn (1.048.576 bytes). Maak de teksten van deze bouwsteen korter.',
              },
            ],
          },
        ],
      });
      expect(fromJsonl.peakRssMb).toBeLessThan(RSS_CAP_MB);
    },
    10 * MINUTES,
  );

  it(
    'reads a sheet of 2,000,000 rows whole in bounded memory (the default row limit allows it)',
    async () => {
      const path = join(dir, 'rijen.xlsx');
      await writeXlsx(
        path,
        [
          {
            name: 'Modules',
            rows: function* () {
              yield rowXml(1, ['kind', 'title']);
              for (let start = 2; start <= 2_000_001; start += 1000) {
                const rows: string[] = [];
                for (let row = start; row < start + 1000; row++)
                  rows.push(rowXml(row, ['Module', `Titel ${row}`]));
                yield rows.join('');
              }
            },
          },
        ],
        { level: 1 },
      );
      const read = await readInChild('xlsx', path);
      expect(read.code).toBe(0);
      expect(read.result).toMatchObject({
        rows: 2_000_000,
        lastRow: 'Modules, rij 2000001',
        notices: [],
        problems: [],
      });
      expect(read.peakRssMb).toBeLessThan(RSS_CAP_MB);
    },
    10 * MINUTES,
  );
});
