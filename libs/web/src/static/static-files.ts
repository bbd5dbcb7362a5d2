import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { projectPath } from '@bouwsteen/common';

/**
 * The files the pages load. Several sources may make one file (the NL Design System
 * components, our theme and our own rules are one stylesheet: one request, one cache entry).
 */
const SOURCES = {
  'site.css': [
    'node_modules/@utrecht/component-library-css/dist/index.css',
    'node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css',
    'libs/web/assets/bouwsteen-theme.css',
    'libs/web/assets/site.css',
    'libs/web/assets/work.css',
    'libs/web/assets/charts.css',
    'libs/web/assets/reviews.css',
  ],
  'print.css': ['libs/web/assets/print.css'],
  'htmx.js': ['node_modules/htmx.org/dist/htmx.min.js'],
  'site.js': ['libs/web/assets/site.js'],
  'leaflet.css': ['node_modules/leaflet/dist/leaflet.css'],
  'leaflet.js': ['node_modules/leaflet/dist/leaflet.js'],
  'kaart.js': ['libs/web/assets/kaart.js'],
  'favicon.svg': ['libs/web/assets/favicon.svg'],
} as const;

export type StaticName = keyof typeof SOURCES;

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

export interface StaticFile {
  name: StaticName;
  /** name with the content hash before the extension, e.g. site.3f2a9c1b.css */
  fingerprinted: string;
  type: string;
  body: Buffer;
  gzip?: Buffer;
  brotli?: Buffer;
}

/**
 * Fingerprinted names let browsers keep the files for a year: a changed file has a new name.
 * Read and compressed on first use (brotli and gzip once, never per request), so a process that
 * serves no page pays nothing.
 */
@Injectable()
export class StaticFiles {
  private files?: Map<StaticName, StaticFile>;
  private byFingerprint?: Map<string, StaticFile>;

  /** The URL of a file, e.g. /assets/site.3f2a9c1b.css */
  href(name: StaticName): string {
    return `/assets/${this.load().get(name)!.fingerprinted}`;
  }

  /** By fingerprinted name (cacheable for ever) or, after a deploy, by the plain name. */
  find(requested: string): { file: StaticFile; current: boolean } | undefined {
    this.load();
    const exact = this.byFingerprint!.get(requested);
    if (exact) return { file: exact, current: true };
    const plain = requested.replace(/\.[0-9a-f]{10}\./, '.');
    const file = this.files!.get(plain as StaticName);
    return file ? { file, current: false } : undefined;
  }

  compressed(file: StaticFile, encoding: 'br' | 'gzip'): Buffer {
    if (encoding === 'br')
      file.brotli ??= brotliCompressSync(file.body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 10,
          [constants.BROTLI_PARAM_SIZE_HINT]: file.body.length,
        },
      });
    else file.gzip ??= gzipSync(file.body, { level: 9 });
    return encoding === 'br' ? file.brotli! : file.gzip!;
  }

  private load(): Map<StaticName, StaticFile> {
    if (this.files) return this.files;
    const files = new Map<StaticName, StaticFile>();
    for (const [name, sources] of Object.entries(SOURCES) as [StaticName, readonly string[]][]) {
      const body = Buffer.concat(
        sources.flatMap((source) => [readFileSync(projectPath(source)), Buffer.from('\n')]),
      );
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
      const extension = name.slice(name.lastIndexOf('.') + 1);
      files.set(name, {
        name,
        fingerprinted: name.replace(/\.(\w+)$/, `.${hash}.$1`),
        type: TYPES[extension],
        body,
      });
    }
    this.byFingerprint = new Map([...files.values()].map((file) => [file.fingerprinted, file]));
    this.files = files;
    return files;
  }
}
