import { ValidateBy, ValidationOptions, isURL } from 'class-validator';

/**
 * The formats of Dutch codes and numbers the DTOs check, each a rule with its own name. The
 * name is the field error's code: "a crebo code is five digits" can be said in Dutch from
 * `isCreboCode`, where `matches` would only say that some pattern was not met.
 */
function format(
  name: string,
  test: (value: string) => boolean,
  message: { one: string; each: string },
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value) => typeof value === 'string' && test(value),
        defaultMessage: () => (options?.each ? message.each : message.one),
      },
    },
    options,
  );
}

const pattern = (regex: RegExp) => (value: string) => regex.test(value);

/** A crebo code (a qualification's number in the mbo register): five digits. */
export function IsCreboCode(options?: ValidationOptions): PropertyDecorator {
  return format(
    'isCreboCode',
    pattern(/^\d{5}$/),
    { one: 'must be 5 digits', each: 'each crebo code must be 5 digits' },
    options,
  );
}

/** An elective's code (keuzedeel): K and four digits, such as K0080. */
export function IsElectiveCode(options?: ValidationOptions): PropertyDecorator {
  return format(
    'isElectiveCode',
    pattern(/^K\d{4}$/),
    {
      one: 'must be K followed by 4 digits',
      each: 'each elective code must be K followed by 4 digits',
    },
    options,
  );
}

export function IsPhoneNumber(options?: ValidationOptions): PropertyDecorator {
  return format(
    'isPhoneNumber',
    pattern(/^\+?[0-9 ()-]{6,20}$/),
    { one: 'must be a phone number', each: 'each value must be a phone number' },
    options,
  );
}

export function IsPostalCode(options?: ValidationOptions): PropertyDecorator {
  return format(
    'isPostalCode',
    pattern(/^[1-9][0-9]{3} ?[A-Z]{2}$/),
    {
      one: 'must be a Dutch postal code such as 1941 AA',
      each: 'each value must be a Dutch postal code such as 1941 AA',
    },
    options,
  );
}

/** A country as ISO 3166-1 alpha-2 writes it: NL. */
export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return format(
    'isCountryCode',
    pattern(/^[A-Z]{2}$/),
    {
      one: 'must be an ISO 3166-1 alpha-2 code',
      each: 'each value must be an ISO 3166-1 alpha-2 code',
    },
    options,
  );
}

/** A Chamber of Commerce (KvK) number: eight digits. */
export function IsKvkNumber(options?: ValidationOptions): PropertyDecorator {
  return format(
    'isKvkNumber',
    pattern(/^[0-9]{8}$/),
    { one: 'must be 8 digits', each: 'each value must be 8 digits' },
    options,
  );
}

/**
 * A domain name as a federation's home organisation claim (`schac_home_organization`) names an
 * institution: lower-case labels of letters, digits and hyphens, at least one dot.
 */
export const DOMAIN_NAME = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function IsDomainName(options?: ValidationOptions): PropertyDecorator {
  return format(
    'isDomainName',
    pattern(DOMAIN_NAME),
    {
      one: 'must be a lower-case domain name such as novacollege.nl',
      each: 'each value must be a lower-case domain name such as novacollege.nl',
    },
    options,
  );
}

/** A school's BRIN code: two digits and two letters or digits, such as 25LJ. */
export function IsBrinCode(options?: ValidationOptions): PropertyDecorator {
  return format(
    'isBrinCode',
    pattern(/^[0-9]{2}[A-Z0-9]{2}$/),
    {
      one: 'must be 2 digits followed by 2 letters or digits',
      each: 'each value must be 2 digits followed by 2 letters or digits',
    },
    options,
  );
}

/** A concept of ESCO (the European skills classification): a URI on data.europa.eu. */
export function IsEscoUri(options?: ValidationOptions): PropertyDecorator {
  return format(
    'isEscoUri',
    (value) =>
      isURL(value, {
        protocols: ['http', 'https'],
        require_protocol: true,
        host_whitelist: ['data.europa.eu'],
      }),
    {
      one: 'must be an ESCO URI on data.europa.eu',
      each: 'each value must be an ESCO URI on data.europa.eu',
    },
    options,
  );
}
