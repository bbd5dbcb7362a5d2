/**
 * The port through which auth finds the organisation of a federated account's home
 * organisation claim: auth defines it, organisations provides it (its domain list per
 * organisation), so auth does not depend on organisations.
 */
export const HOME_ORGANISATIONS = Symbol('HOME_ORGANISATIONS');

export interface HomeOrganisations {
  /** The organisation listing `domain` (lower case), if any. */
  organisationOfDomain(domain: string): Promise<string | undefined>;
}
