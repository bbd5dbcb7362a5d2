import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';

/**
 * How long a text is, counted as PostgreSQL's `length()` counts it: in Unicode code points. An
 * emoji is one, "❤️" (a heart and a variation selector) two, "é" written as e + accent two.
 * class-validator's MaxLength counts differently (it leaves variation selectors out), so a
 * title of 200 "❤️" passed it and broke the column's CHECK (length(title) <= 200): a 400 that
 * lost the form. Every length rule of a DTO counts with this instead, so the form, the API and
 * the database agree on what fits.
 */
export function textLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    length++;
  }
  return length;
}

/**
 * At most `max` characters as the database counts them (textLength). Its name, parameters and
 * English are class-validator's own (`maxLength`, `{max}`), so messages, the forms' `maxlength`
 * and the field catalogue read it as they did.
 */
export function MaxLength(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxLength',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && textLength(value) <= max,
        defaultMessage: buildMessage(
          (each) => `${each}$property must be shorter than or equal to $constraint1 characters`,
          options,
        ),
      },
    },
    options,
  );
}

/** At least `min` characters as the database counts them (textLength). */
export function MinLength(min: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'minLength',
      constraints: [min],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && textLength(value) >= min,
        defaultMessage: buildMessage(
          (each) => `${each}$property must be longer than or equal to $constraint1 characters`,
          options,
        ),
      },
    },
    options,
  );
}

/**
 * Holds text: at least one character that is not white space. MinLength(1) lets "   " through,
 * and a reply or a reason of spaces alone says nothing while it looks filled in. The forms trim
 * what was typed before they validate, so an empty field and a field of spaces meet this one
 * rule (and one Dutch message) on the page and in the API alike.
 */
export function HasText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /\S/u.test(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must hold text, not only white space`,
          options,
        ),
      },
    },
    options,
  );
}
