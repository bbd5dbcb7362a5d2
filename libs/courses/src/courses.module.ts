import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssetsModule } from '@bouwsteen/assets';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { CoursesController, SharedCoursesController } from './courses.controller';
import { CoursesRepository } from './courses.repository';
import { CoursesOfDeletedAccounts } from './courses-of-deleted-accounts';
import { CoursesService } from './courses.service';
import { CourseEntity } from './entities/course.entity';
import { ShareLinks } from './share-links';

@Module({
  imports: [
    TypeOrmModule.forFeature([CourseEntity]),
    AssetsModule,
    OrganisationsModule,
    TaxonomyModule,
  ],
  controllers: [CoursesController, SharedCoursesController],
  providers: [CoursesRepository, CoursesService, ShareLinks, CoursesOfDeletedAccounts],
  exports: [CoursesService],
})
export class CoursesModule {}
