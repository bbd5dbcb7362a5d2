import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { CoursesController, SharedCoursesController } from './courses.controller';
import { CoursesRepository } from './courses.repository';
import { CoursesService } from './courses.service';

@Module({
  imports: [OrganisationsModule, TaxonomyModule],
  controllers: [CoursesController, SharedCoursesController],
  providers: [CoursesRepository, CoursesService],
})
export class CoursesModule {}
