/** Dotted paths into the API's shape of a row (`module.offerings.0.period.start`). */

/** The value at a dotted path (`module.offerings.0.period.start`), if any. */
export function valueAt(target: Record<string, unknown>, path: string): unknown {
  return getPath(target, path);
}

/** Column paths split once: every cell of every row looks its path up. */
const splitPaths = new Map<string, string[]>();
function keysOf(path: string): string[] {
  let keys = splitPaths.get(path);
  if (!keys) splitPaths.set(path, (keys = path.split('.')));
  return keys;
}

export function getPath(target: Record<string, unknown>, path: string): unknown {
  return getKeys(target, keysOf(path));
}

function getKeys(target: Record<string, unknown>, keys: readonly string[]): unknown {
  let current: unknown = target;
  for (const key of keys) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = keysOf(path);
  let current = target;
  for (const key of keys.slice(0, -1)) {
    if (!current[key] || typeof current[key] !== 'object') current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys[keys.length - 1]] = value;
}

export function deletePath(target: Record<string, unknown>, path: string): void {
  const keys = keysOf(path);
  if (keys.length === 1) {
    delete target[keys[0]];
    return;
  }
  const parent = getKeys(target, keys.slice(0, -1));
  if (parent && typeof parent === 'object')
    delete (parent as Record<string, unknown>)[keys[keys.length - 1]];
}
