import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Term, TaxonomyService } from '@bouwsteen/taxonomy';

export interface LicenseTerms {
  code: string;
  derivatives: boolean;
  shareAlike: boolean;
  nonCommercial: boolean;
  attribution: boolean;
}

export function licenseTerms(term: Term): LicenseTerms {
  const attributes = term.attributes as Partial<LicenseTerms>;
  return {
    code: term.code,
    derivatives: attributes.derivatives ?? false,
    shareAlike: attributes.shareAlike ?? false,
    nonCommercial: attributes.nonCommercial ?? false,
    attribution: attributes.attribution ?? true,
  };
}

/** Why a derivative may not carry `derivative`, given its source's license; undefined when it may. */
export function derivativeLicenseProblem(
  source: LicenseTerms,
  derivative: LicenseTerms,
): string | undefined {
  if (source.shareAlike && derivative.code !== source.code) {
    return `the source is ShareAlike (${source.code}): a derivative keeps the same license`;
  }
  if (source.nonCommercial && !derivative.nonCommercial) {
    return `the source is NonCommercial (${source.code}): a derivative must stay NonCommercial`;
  }
  return undefined;
}

/** What a derivative's author must know about the source license, in plain words. */
export function licenseNotes(source: LicenseTerms): string[] {
  const notes: string[] = [];
  if (source.attribution)
    notes.push('attribution: name the source and its PPS wherever the derivative is used');
  if (source.shareAlike) notes.push(`share-alike: the derivative keeps ${source.code}`);
  if (source.nonCommercial) notes.push('non-commercial: not for use in paid courses or offerings');
  return notes;
}

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
