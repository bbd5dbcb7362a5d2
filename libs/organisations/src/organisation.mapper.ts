import { OrganisationDto, OrganisationRefDto } from './dto/organisation.dto';
import { OrganisationEntity } from './entities/organisation.entity';

export function toOrganisationDto(organisation: OrganisationEntity): OrganisationDto {
  return {
    id: organisation.id,
    name: organisation.name,
    shortName: organisation.shortName,
    type: organisation.type,
    aliases: (organisation.aliases ?? []).map((alias) => alias.alias).sort(),
    domains: (organisation.domains ?? []).map((domain) => domain.domain).sort(),
    kvkNumber: organisation.kvkNumber,
    brinCode: organisation.brinCode,
    website: organisation.website,
    addresses: organisation.addresses,
    source: organisation.source,
    revision: organisation.rowVersion,
    updatedAt: organisation.updatedAt.toISOString(),
  };
}

export function toOrganisationRef(organisation: OrganisationEntity): OrganisationRefDto {
  return { id: organisation.id, name: organisation.name, type: organisation.type };
}
