import { Module } from '@nestjs/common';
import { CoverageRepository } from './coverage.repository';
import { QualificationsRepository } from './qualifications.repository';
import { QualificationsService } from './qualifications.service';

/** The mbo qualification structure (SBB's dossiers, qualifications, keuzedelen) and coverage. */
@Module({
  providers: [QualificationsRepository, CoverageRepository, QualificationsService],
  exports: [QualificationsService],
})
export class QualificationsModule {}
