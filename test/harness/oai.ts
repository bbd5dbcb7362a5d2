import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SPECS = join(__dirname, '..', 'fixtures', 'specs');

/**
 * Validates a whole OAI-PMH response with xmllint against the OAI-PMH schema with LOM and Dublin
 * Core loaded, offline (the XML catalog maps every schema location to test/fixtures/specs).
 * Returns xmllint's complaint, or undefined when the document is valid.
 */
export function oaiSchemaErrors(xml: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'oai-'));
  const file = join(dir, 'response.xml');
  writeFileSync(file, xml);
  try {
    execFileSync(
      'xmllint',
      ['--nonet', '--noout', '--schema', join(SPECS, 'tools', 'oai-pmh-with-ieee-lom.xsd'), file],
      {
        env: { ...process.env, XML_CATALOG_FILES: join(SPECS, 'tools', 'xml-catalog.xml') },
        stdio: 'pipe',
      },
    );
    return undefined;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The string value of an XPath 1.0 expression over a document, read by libxml2 (xmllint), an
 * XML parser independent of the one that wrote it: entities and escapes come back decoded.
 */
export function xpathString(xml: string, expression: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'oai-'));
  const file = join(dir, 'response.xml');
  writeFileSync(file, xml);
  try {
    const out = execFileSync('xmllint', ['--nonet', '--xpath', `string(${expression})`, file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // xmllint ends what it prints with a line feed of its own.
    return out.replace(/\n$/, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every element with this local name (enough for assertions on OAI responses). */
export function texts(xml: string, name: string): string[] {
  const pattern = new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*)?>([^<]*)</(?:\\w+:)?${name}>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => match[1]);
}

export function errorCode(xml: string): string | undefined {
  return /<error code="([^"]+)"/.exec(xml)?.[1];
}
