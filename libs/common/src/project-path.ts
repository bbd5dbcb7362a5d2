import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/** A path inside the repository, found the same way from ts-jest and from dist/. */
export function projectPath(...segments: string[]): string {
  if (!root) {
    let dir = __dirname;
    while (!existsSync(join(dir, 'package.json'))) {
      const parent = dirname(dir);
      if (parent === dir)
        throw new Error('Cannot find the project root (package.json) above ' + __dirname);
      dir = parent;
    }
    root = dir;
  }
  return join(root, ...segments);
}
