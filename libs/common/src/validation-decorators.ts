import { Type as Class, applyDecorators } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateIf, ValidateNested } from 'class-validator';

/**
 * May be left out, but never sent as `null`. class-validator's IsOptional lets null through
 * as well, which is right for a field that null clears (a description) and wrong for one
 * stored NOT NULL or read as an object (a PPS's status, an asset's kind section): there null
 * reached the database or the rules and came back as a 500. Here it meets the field's own type
 * check ("must be an array (got null)").
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/**
 * The body of a PATCH: every field of `create` may be left out (it keeps its value), but a
 * field the create requires is never `null` — that would clear what must be there. Fields
 * that are optional on create keep their own rule (null clears them, unless OptionalNotNull
 * says otherwise).
 */
export function PatchType<T>(create: Class<T>): Class<Partial<T>> {
  return PartialType(create, { skipNullProperties: false });
}

/**
 * One nested object of `type`, checked by that class's rules. Without IsObject, class-validator
 * lets an array through (it validates its elements instead) and a missing object unchecked.
 */
export function NestedObject(type: () => Class<unknown>): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested(), Type(type), nested(type));
}

/**
 * A list of objects of `type`, each checked by that class's rules. Without IsObject on each
 * element, `[[…]]` passes (class-validator validates the inner list's elements instead) and
 * `[[]]` is stored as it came.
 */
export function NestedList(type: () => Class<unknown>): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(type),
    nested(type),
  );
}

/** Where a DTO nests another class, by property: read by nestedTypesOf. */
const NESTED = new Map<object, Map<string, () => Class<unknown>>>();

function nested(type: () => Class<unknown>): PropertyDecorator {
  return (target, property) => {
    const owner = target.constructor;
    if (!NESTED.has(owner)) NESTED.set(owner, new Map());
    NESTED.get(owner)!.set(String(property), type);
  };
}

/**
 * Every class a DTO nests, at any depth, by dotted path without list indices
 * (`module.learningOutcomes`, `contacts`): for what reads a DTO's rules as a whole, such as a
 * form's `maxlength` from each property's MaxLength.
 */
export function nestedTypesOf(dto: Class<unknown>, prefix = ''): Record<string, Class<unknown>> {
  const found: Record<string, Class<unknown>> = {};
  for (let owner: unknown = dto; owner && owner !== Object.prototype; ) {
    for (const [property, type] of NESTED.get(owner as object) ?? []) {
      const path = `${prefix}${property}`;
      if (found[path]) continue;
      found[path] = type();
      Object.assign(found, nestedTypesOf(type(), `${path}.`));
    }
    owner = Object.getPrototypeOf(owner);
  }
  return found;
}
