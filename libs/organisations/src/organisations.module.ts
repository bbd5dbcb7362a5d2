import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { HOME_ORGANISATIONS } from '@bouwsteen/auth/pure';
import { OrganisationAliasEntity } from './entities/organisation-alias.entity';
import { OrganisationDomainEntity } from './entities/organisation-domain.entity';
import { OrganisationHomes } from './organisation-homes';
import { OrganisationEntity } from './entities/organisation.entity';
import { PpsPartnerEntity } from './entities/pps-partner.entity';
import { PpsEntity } from './entities/pps.entity';
import { PpsPublicView } from './entities/pps-public.view';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService } from './organisations.service';
import { PpsController } from './pps.controller';
import { PpsRepository } from './pps.repository';
import { PpsService } from './pps.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      OrganisationEntity,
      OrganisationAliasEntity,
      OrganisationDomainEntity,
      PpsEntity,
      PpsPartnerEntity,
      PpsPublicView,
    ]),
    TaxonomyModule,
  ],
  controllers: [OrganisationsController, PpsController],
  providers: [
    OrganisationsRepository,
    OrganisationsService,
    PpsRepository,
    PpsService,
    OrganisationHomes,
    { provide: HOME_ORGANISATIONS, useExisting: OrganisationHomes },
  ],
  exports: [
    OrganisationsRepository,
    OrganisationsService,
    PpsRepository,
    PpsService,
    HOME_ORGANISATIONS,
  ],
})
export class OrganisationsModule {}
