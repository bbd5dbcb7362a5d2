import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TaxonomyService } from '@bouwsteen/taxonomy';
import { LicenseTerms, licenseTerms } from './license-policy';

/** The terms of a license code from the vocabulary (unknown codes allow nothing). */
@Injectable()
export class Licenses {
  constructor(private readonly taxonomy: TaxonomyService) {}

  async terms(code: string, manager?: EntityManager): Promise<LicenseTerms> {
    const term = await this.taxonomy.term('licenses', code, manager);
    return term
      ? licenseTerms(term)
      : { code, derivatives: false, shareAlike: false, nonCommercial: true, attribution: true };
  }
}
