import { ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { Constraint, ValidationFailedError, createValidationPipe } from '@bouwsteen/common';
import { GENERAL_MESSAGE, NL, inDutch } from '@bouwsteen/taxonomy/pure';
import { DtoClass, dtoClasses, nestedPaths, validatedProperties } from '../harness/dto-walk';

/**
 * Every rule a request can break has Dutch words. The rules are read from the real DTO classes
 * (their decorators load Nest/Swagger, which the unit tier refuses, so this runs here; it needs
 * no database). The codes the services raise themselves are held to the catalogue by the unit
 * spec beside it (libs/taxonomy/src/messages/nl.spec.ts).
 */

/** The names of the rules a DTO holds; IsOptional and ValidateIf only decide when rules run. */
const ruleNames = (target: DtoClass) =>
  getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .filter((metadata) => metadata.type !== 'conditionalValidation')
    .map((metadata) => metadata.name ?? metadata.type);

describe('the message catalogue over every DTO rule', () => {
  const classes = dtoClasses();

  it('finds the DTOs and their rules, custom ones included', () => {
    const names = new Set(classes.flatMap(ruleNames));
    expect(classes.length).toBeGreaterThan(40);
    for (const name of ['maxLength', 'isIn', 'isCalendarDate', 'isNotBefore', 'isCreboCode'])
      expect(names).toContain(name);
  });

  it('words every rule that can fire on API input, and what the pipe itself reports', () => {
    const unworded = new Set<string>();
    for (const target of classes)
      for (const name of ruleNames(target))
        if (!Object.hasOwn(NL, name)) unworded.add(`${name} (${target.name})`);
    for (const name of [Constraint.IsDefined, Constraint.Whitelisted])
      if (!Object.hasOwn(NL, name)) unworded.add(name);
    expect([...unworded]).toEqual([]);
  });

  /** Bodies that break each rule a property has, one way or another. */
  const HOSTILE: unknown[] = ['x'.repeat(20_000), '', -1e12, 1e12, 0.5, [], [[]], {}, true, null];

  it('gives every error the real pipe finds a code with Dutch words', async () => {
    const pipe = createValidationPipe();
    const general: string[] = [];
    let checked = 0;
    for (const target of classes) {
      const metadata: ArgumentMetadata = { type: 'body', metatype: target as never };
      const paths = [
        ...validatedProperties(target),
        ...nestedPaths(target).flatMap(({ path, element }) =>
          validatedProperties(element).map((property) => `${path}.${property}`),
        ),
      ];
      const bodies: Record<string, unknown>[] = [{}, { notAField: 1 }];
      for (const path of paths) for (const value of HOSTILE) bodies.push(bodyWith(path, value));
      for (const body of bodies) {
        try {
          await pipe.transform(body, metadata);
        } catch (error) {
          if (!(error instanceof ValidationFailedError)) throw error;
          for (const problem of error.errors ?? []) {
            checked++;
            if (inDutch(problem) === GENERAL_MESSAGE)
              general.push(`${target.name}.${problem.field}: ${problem.code}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect([...new Set(general)]).toEqual([]);
  });
});

/** `{a: {b: [{c: value}]}}` for `a.b.0.c`. */
function bodyWith(path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  const root: Record<string, unknown> = {};
  let current: Record<string, unknown> | unknown[] = root;
  keys.forEach((key, index) => {
    const last = index === keys.length - 1;
    const next = last ? value : /^\d+$/.test(keys[index + 1]) ? [] : {};
    (current as Record<string, unknown>)[key] = next;
    if (!last) current = next as Record<string, unknown>;
  });
  return root;
}
