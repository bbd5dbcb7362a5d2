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
  return applyDecorators(IsObject(), ValidateNested(), Type(type));
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
  );
}
