import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';

// class-transformer keeps its @Type metadata here; the package ships no types for the path.
const { defaultMetadataStorage } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

type Class = abstract new (...args: never[]) => unknown;
export type DtoClass = Class;

/**
 * Every request DTO class of every library (files under libs/<lib>/src/dto), loaded for real:
 * their decorators need Nest/Swagger, so what reads them runs in the services' tiers.
 */
export function dtoClasses(): DtoClass[] {
  const libs = join(__dirname, '..', '..', 'libs');
  const classes: DtoClass[] = [];
  for (const lib of readdirSync(libs)) {
    const dir = join(libs, lib, 'src', 'dto');
    if (!statSync(join(libs, lib)).isDirectory()) continue;
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((file) => file.endsWith('.ts'));
    } catch {
      continue;
    }
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = require(join(dir, file)) as Record<string, unknown>;
      for (const value of Object.values(exported))
        if (typeof value === 'function') classes.push(value as DtoClass);
    }
  }
  return classes;
}

/** The properties a DTO class validates, in declaration order. */
export function validatedProperties(target: Class): string[] {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  return [...new Set(metadatas.map((metadata) => metadata.propertyName))];
}

/** Properties that must be given (no IsOptional or OptionalNotNull on them). */
export function requiredProperties(target: Class): string[] {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  return validatedProperties(target).filter(
    (property) =>
      !metadatas.some(
        (metadata) =>
          metadata.propertyName === property && metadata.type === 'conditionalValidation',
      ),
  );
}

export interface NestedPath {
  /** Dotted, with `0` for a list's first element: `module.offerings.0.period`. */
  path: string;
  list: boolean;
  element: Class;
}

/** Every nested object and list of objects a DTO holds, however deep (from its metadata). */
export function nestedPaths(target: Class, prefix = ''): NestedPath[] {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const found: NestedPath[] = [];
  for (const metadata of metadatas) {
    if (metadata.type !== 'nestedValidation') continue;
    const element = defaultMetadataStorage
      .findTypeMetadata(target, metadata.propertyName)
      ?.typeFunction() as Class | undefined;
    if (!element) throw new Error(`${target.name}.${metadata.propertyName} has no @Type`);
    const path = `${prefix}${metadata.propertyName}`;
    const list = Boolean(metadata.each);
    found.push({ path, list, element });
    found.push(...nestedPaths(element, `${path}${list ? '.0' : ''}.`));
  }
  return found;
}

/** The value at a dotted path, if there is one. */
export function valueAt(source: unknown, path: string): unknown {
  let value = source;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A deep copy of `source` with `value` at `path` (its parents must exist). */
export function withValueAt<T>(source: T, path: string, value: unknown): T {
  const copy = structuredClone(source);
  const keys = path.split('.');
  const parent = keys.length === 1 ? copy : valueAt(copy, keys.slice(0, -1).join('.'));
  if (!parent || typeof parent !== 'object') throw new Error(`the body has no place for ${path}`);
  (parent as Record<string, unknown>)[keys[keys.length - 1]] = value;
  return copy;
}
