import { Transform } from 'class-transformer';
import { IsEmail, ValidateBy, isEmail } from 'class-validator';
import { MaxLength, textLength } from '@bouwsteen/common/pure';
import { Constraint } from '@bouwsteen/common/pure';

/**
 * An account's e-mail address, in one place for every path that takes one (an invitation, an
 * account made or changed, the sign-in, the CLI's create-admin, the first admin from the
 * environment). Unicode compatibility forms are folded first (NFKC: a fullwidth "ｊａｎ@school.nl"
 * is "jan@school.nl", the Kelvin sign a K), then the white space around it is trimmed; that is
 * what is stored and shown. Accounts are found by the same address in lower case (its key), so
 * an address that differs from another only by case or by such forms is the same account.
 *
 * NFKC does not fold letters of other scripts that look alike (a Cyrillic "а"), so an address
 * that is still not ASCII after it is refused for an account (isAsciiEmail): the schools and
 * companies of the PPS use ASCII addresses, and a look-alike of a colleague's address would be
 * a second account that admins, the audit trail and its owner could mistake for theirs.
 */
export function normaliseEmail(address: string): string {
  return address.normalize('NFKC').trim();
}

/** What finds an account: its normalised address in lower case. */
export function emailKey(address: string): string {
  return normaliseEmail(address).toLowerCase();
}

/** Printable ASCII only: what an account's (normalised) address may hold. */
export function isAsciiEmail(address: string): boolean {
  return /^[\x21-\x7e]+$/.test(address);
}

/**
 * Whether an address taken from elsewhere (an institution's claims) is one an account may hold:
 * what the API's AccountEmail admits (an e-mail address, ASCII, its key ≤ 254 characters), and
 * no quoted local part ("a@b"@c.nl is valid, but SMTP libraries read it unevenly).
 */
export function isAccountEmail(address: string): boolean {
  return (
    isAsciiEmail(address) &&
    !address.includes('"') &&
    isEmail(address) &&
    emailKey(address).length <= 254
  );
}

const normalised = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? normaliseEmail(value) : value,
);

/**
 * The address's key fits where it is stored (at most 254 characters): lower case can lengthen
 * an address ("İ" becomes "i" and a combining dot), so an address of 254 characters or fewer
 * can have a longer key, which the database's CHECK refused with a 400 that lost the form.
 */
const keyFits = ValidateBy({
  name: 'emailKeyTooLong',
  constraints: [254],
  validator: {
    validate: (value) => typeof value !== 'string' || textLength(emailKey(value)) <= 254,
    defaultMessage: () => 'is longer than 254 characters in lower case',
  },
});

/** The address of a sign-in: normalised, so a fullwidth one finds its account. */
export function SignInEmail(): PropertyDecorator {
  return (target, property) => {
    normalised(target, property);
    IsEmail()(target, property);
    MaxLength(254)(target, property);
    keyFits(target, property);
  };
}

/** The address of an account made or changed: normalised, and ASCII once it is (see above). */
export function AccountEmail(): PropertyDecorator {
  return (target, property) => {
    SignInEmail()(target, property);
    ValidateBy({
      name: Constraint.IsAsciiEmail,
      validator: {
        validate: (value) => typeof value === 'string' && isAsciiEmail(value),
        defaultMessage: () =>
          'must hold ASCII characters only (after Unicode compatibility folding)',
      },
    })(target, property);
  };
}
