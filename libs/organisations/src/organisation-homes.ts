import { Injectable } from '@nestjs/common';
import type { HomeOrganisations } from '@bouwsteen/auth/pure';
import { OrganisationsRepository } from './organisations.repository';

/** Provides auth's HOME_ORGANISATIONS port: the organisation listing a domain. */
@Injectable()
export class OrganisationHomes implements HomeOrganisations {
  constructor(private readonly organisations: OrganisationsRepository) {}

  organisationOfDomain(domain: string): Promise<string | undefined> {
    return this.organisations.organisationOfDomain(domain);
  }
}
