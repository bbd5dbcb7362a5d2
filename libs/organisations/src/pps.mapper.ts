import { PpsDto, PpsSummaryDto } from './dto/pps.dto';
import { PpsEntity } from './entities/pps.entity';
import { toOrganisationRef } from './organisation.mapper';

export function toPpsSummaryDto(pps: PpsEntity): PpsSummaryDto {
  return {
    id: pps.id,
    slug: pps.slug,
    name: pps.name,
    leadInstitution: toOrganisationRef(pps.leadOrganisation),
    provinces: pps.provinces,
    configurations: pps.configurations,
    buildingBlocks: pps.buildingBlocks,
    provincialThemes: pps.provincialThemes,
    societalChallenges: pps.societalChallenges,
    focus: pps.focus ?? undefined,
    growthPhase: pps.growthPhase ?? undefined,
    wave: pps.wave ?? undefined,
    coordinationPosition: pps.coordinationPosition ?? undefined,
    sustainmentModel: pps.sustainmentModel ?? undefined,
    funding: {
      scheme: pps.fundingScheme ?? undefined,
      start: pps.fundingStart ?? undefined,
      end: pps.fundingEnd ?? undefined,
    },
    status: pps.status,
    website: pps.website ?? undefined,
    source: pps.source,
    revision: pps.rowVersion,
    updatedAt: pps.updatedAt.toISOString(),
  };
}

export function toPpsDto(pps: PpsEntity): PpsDto {
  return {
    ...toPpsSummaryDto(pps),
    purpose: pps.purpose ?? undefined,
    impact: pps.impact,
    partners: (pps.partners ?? []).map((partner) => ({
      organisation: toOrganisationRef(partner.organisation),
      tier: partner.tier,
      role: partner.role,
      contribution: partner.contribution,
    })),
  };
}
