import { getMetadataStorage } from 'class-validator';

type Constructor = new (...args: never[]) => object;

/**
 * The most characters each property of a DTO may hold, read from its @MaxLength rules (the API's
 * own limits), for a form's `maxlength`: the page never restates a number the API decides. A
 * nested property is named by its dotted path (`schedule.note`) when `nested` gives its class.
 */
export function maxLengths(
  dto: Constructor,
  nested: Record<string, Constructor> = {},
): Record<string, number> {
  const limits: Record<string, number> = {};
  const read = (target: Constructor, prefix: string): void => {
    const rules = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    for (const rule of rules) {
      if (rule.name !== 'maxLength' || typeof rule.constraints?.[0] !== 'number') continue;
      const path = prefix + rule.propertyName;
      const max = rule.constraints[0] as number;
      limits[path] = Math.min(limits[path] ?? max, max);
    }
  };
  read(dto, '');
  for (const [path, type] of Object.entries(nested)) read(type, `${path}.`);
  return limits;
}
