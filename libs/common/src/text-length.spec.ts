import { validateSync } from 'class-validator';
import { HasText, MaxLength, MinLength, textLength } from './text-length';

class Titled {
  @MaxLength(4)
  @MinLength(2)
  title!: string;
}

function errorsOf(title: string): string[] {
  const value = Object.assign(new Titled(), { title });
  return validateSync(value).flatMap((error) => Object.keys(error.constraints ?? {}));
}

describe('lengths as PostgreSQL counts them', () => {
  it('counts code points: an emoji is one, a variation selector or a combining accent one more', () => {
    expect(textLength('abc')).toBe(3);
    expect(textLength('\u{1F527}')).toBe(1);
    expect(textLength('\u2764\uFE0F')).toBe(2);
    expect(textLength('e\u0301')).toBe(2);
    expect(textLength('\u0130'.toLowerCase())).toBe(2);
    expect(textLength('\uD800')).toBe(1);
  });

  it("refuses what the database would refuse, under class-validator's own names", () => {
    expect(errorsOf('\u2764\uFE0F\u2764\uFE0F\u2764\uFE0F')).toEqual(['maxLength']);
    expect(errorsOf('\u{1F527}\u{1F527}\u{1F527}\u{1F527}')).toEqual([]);
    expect(errorsOf('\u{1F527}')).toEqual(['minLength']);
    expect(errorsOf('e\u0301')).toEqual([]);
  });
});

class Replied {
  @HasText()
  body!: string;
}

describe('text, not only white space', () => {
  const errorsIn = (body: unknown) =>
    validateSync(Object.assign(new Replied(), { body })).flatMap((error) =>
      Object.keys(error.constraints ?? {}),
    );

  it('refuses an empty text and one of spaces, tabs, line breaks or wide spaces alone', () => {
    for (const body of ['', ' ', '   \t\n ', '\u3000\u2003', 42])
      expect(errorsIn(body)).toEqual(['hasText']);
  });

  it('takes any text with one visible character, spaces around it kept', () => {
    expect(errorsIn('Dank u!')).toEqual([]);
    expect(errorsIn('  x  ')).toEqual([]);
  });
});
