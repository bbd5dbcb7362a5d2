import Module from 'node:module';
import { join } from 'node:path';

/**
 * Jest maps the `@bouwsteen/*` path aliases for test files, but not for the global setup, which
 * runs in jest's own process; this teaches Node's resolver the same mapping for that process.
 */
export function registerAliases(): void {
  const resolver = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
  };
  const original = resolver._resolveFilename;
  if ((original as { bouwsteen?: boolean }).bouwsteen) return;
  const root = join(__dirname, '..', '..');
  const patched = (request: string, ...rest: unknown[]) => {
    const match = /^@bouwsteen\/([a-z-]+)(\/pure)?$/.exec(request);
    const target = match && join(root, 'libs', match[1], 'src', match[2] ? 'pure' : '');
    return original.call(resolver, target ?? request, ...rest);
  };
  resolver._resolveFilename = Object.assign(patched, { bouwsteen: true });
}
