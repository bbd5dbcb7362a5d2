import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { nameKey, slugify } from '@bouwsteen/common';
import { TransactionRunner } from '@bouwsteen/database';
import { OrganisationsRepository, PpsRepository } from '@bouwsteen/organisations';
import { TaxonomyRepository, TaxonomyService } from '@bouwsteen/taxonomy';
import { readCsv, readJson } from './seed-files';
import { SeedSummary, UnresolvedPartner } from './seed-summary';
import { vocabularyRows } from './vocabulary-rows';

interface PpsRow {
  name: string;
  lead_institution: string;
  province: string;
}

interface PartnerRow {
  organisation: string;
  organisation_type: string;
  pps_as_written: string;
  pps: string;
}

interface CuratedOrganisation {
  name: string;
  shortName?: string;
  type: string;
  aliases?: string[];
  website?: string;
}

const PROVINCES: Record<string, string[]> = {
  'noord-holland': ['noord-holland'],
  flevoland: ['flevoland'],
  'noord-holland & flevoland': ['noord-holland', 'flevoland'],
};

/** The 2021 interview categories mapped to organisation types and partner roles. */
const PARTNER_TYPES: Record<string, { type: string; role: string }> = {
  werkveld: { type: 'company', role: 'work-field' },
  overheid: { type: 'government', role: 'government' },
  onderwijs: { type: 'school', role: 'education' },
  onderzoek: { type: 'knowledge', role: 'research' },
};

/**
 * Loads the reference data. Every step inserts only what is missing, so a second run changes
 * nothing and edits made through the API are never overwritten.
 */
@Injectable()
export class SeedService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly taxonomyRepository: TaxonomyRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly organisations: OrganisationsRepository,
    private readonly pps: PpsRepository,
  ) {}

  async seedReferenceData(): Promise<SeedSummary> {
    return this.tx.run(async (manager) => {
      const termsChanged = await this.taxonomyRepository.upsert(manager, vocabularyRows());
      this.taxonomy.invalidate();
      const organisations = await this.seedOrganisations(manager);
      const pps = await this.seedPps(manager, organisations);
      const partners = await this.seedPartners(manager, organisations);
      return { vocabularies: { termsChanged }, organisations, pps, partners };
    });
  }

  private async seedOrganisations(manager: EntityManager): Promise<SeedSummary['organisations']> {
    const counts = { created: 0, aliasesAdded: 0 };
    const { organisations } = readJson<{ organisations: CuratedOrganisation[] }>(
      'organisations.json',
    );
    for (const curated of organisations) {
      const names = [curated.name, ...(curated.aliases ?? [])];
      const existing = await this.findByAnyName(manager, names);
      const id =
        existing ?? (await this.createOrganisation(manager, curated.name, curated.type, curated));
      if (!existing) counts.created++;
      const aliases = names
        .filter((name) => name.trim().toLowerCase() !== curated.name.trim().toLowerCase())
        .map((alias) => ({ alias, aliasKey: nameKey(alias) }));
      counts.aliasesAdded += await this.addFreeAliases(manager, id, aliases);
    }
    return counts;
  }

  private async seedPps(
    manager: EntityManager,
    counts: SeedSummary['organisations'],
  ): Promise<SeedSummary['pps']> {
    const result = { created: 0, unchanged: 0 };
    for (const row of readCsv<PpsRow>('pps-2021.csv')) {
      const provinces = PROVINCES[row.province.toLowerCase()];
      if (!provinces)
        throw new Error(`pps-2021.csv: unknown province "${row.province}" for ${row.name}`);
      if (await this.pps.findByKey(nameKey(row.name), manager)) {
        result.unchanged++;
        continue;
      }
      const leadOrganisationId = await this.resolveOrganisation(
        manager,
        row.lead_institution,
        'school',
        counts,
      );
      await this.pps.insert(
        manager,
        {
          name: row.name,
          nameKey: nameKey(row.name),
          slug: slugify(row.name),
          leadOrganisationId,
          provinces,
          configurations: [],
          buildingBlocks: [],
          provincialThemes: [],
          societalChallenges: [],
          focus: null,
          growthPhase: null,
          wave: null,
          coordinationPosition: null,
          sustainmentModel: null,
          fundingScheme: null,
          fundingStart: null,
          fundingEnd: null,
          status: 'active',
          purpose: null,
          impact: {},
          website: null,
          source: 'seed',
        },
        [
          {
            organisationId: leadOrganisationId,
            tier: 'core',
            role: 'education',
            contribution: 'Penvoerder',
          },
        ],
      );
      result.created++;
    }
    return result;
  }

  private async seedPartners(
    manager: EntityManager,
    counts: SeedSummary['organisations'],
  ): Promise<SeedSummary['partners']> {
    const result = { created: 0, unchanged: 0, unresolved: [] as UnresolvedPartner[] };
    for (const row of readCsv<PartnerRow>('partners-2021.csv')) {
      const mapping = PARTNER_TYPES[row.organisation_type] ?? {
        type: 'company',
        role: 'work-field',
      };
      const organisationId = await this.resolveOrganisation(
        manager,
        row.organisation,
        organisationType(row.organisation, mapping.type),
        counts,
      );
      const pps = row.pps ? await this.pps.findByKey(nameKey(row.pps), manager) : null;
      if (!pps) {
        result.unresolved.push({
          organisation: row.organisation,
          ppsAsWritten: row.pps_as_written,
          reason: row.pps
            ? `PPS "${row.pps}" is not in pps-2021.csv`
            : 'no PPS of the 2021 list matches',
        });
        continue;
      }
      const created = await this.pps.addPartnerIfMissing(manager, pps.id, {
        organisationId,
        tier: 'other',
        role: mapping.role,
        contribution: null,
      });
      if (created) result.created++;
      else result.unchanged++;
    }
    return result;
  }

  private async resolveOrganisation(
    manager: EntityManager,
    name: string,
    type: string,
    counts: SeedSummary['organisations'],
  ): Promise<string> {
    const existing = await this.organisations.findByKey(nameKey(name), manager);
    if (existing) return existing.id;
    counts.created++;
    return this.createOrganisation(manager, name, type, {});
  }

  private async findByAnyName(
    manager: EntityManager,
    names: string[],
  ): Promise<string | undefined> {
    for (const name of names) {
      const found = await this.organisations.findByKey(nameKey(name), manager);
      if (found) return found.id;
    }
    return undefined;
  }

  private async createOrganisation(
    manager: EntityManager,
    name: string,
    type: string,
    extra: Partial<CuratedOrganisation>,
  ): Promise<string> {
    const saved = await this.organisations.insert(
      manager,
      {
        name,
        nameKey: nameKey(name),
        shortName: extra.shortName ?? null,
        type,
        kvkNumber: null,
        brinCode: null,
        website: extra.website ?? null,
        addresses: [],
        source: 'seed',
      },
      [],
    );
    return saved.id;
  }

  /** Adds aliases no other organisation claims; returns how many were new. */
  private async addFreeAliases(
    manager: EntityManager,
    id: string,
    aliases: { alias: string; aliasKey: string }[],
  ): Promise<number> {
    const free = [];
    for (const alias of aliases) {
      const holder = await this.organisations.findByKey(alias.aliasKey, manager);
      if (holder && holder.id !== id)
        throw new Error(`Alias "${alias.alias}" already names ${holder.name}`);
      free.push(alias);
    }
    return this.organisations.addAliases(manager, id, free);
  }
}

/** The interviews only say "onderwijs" or "onderzoek"; the name tells a hogeschool or university apart. */
function organisationType(name: string, fallback: string): string {
  if (/^hogeschool\b/i.test(name)) return 'hbo';
  if (/universiteit/i.test(name)) return 'wo';
  if (/^gemeente\b|^provincie\b|^omgevingsdienst\b/i.test(name)) return 'government';
  return fallback;
}
