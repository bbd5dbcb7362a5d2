import { Module } from '@nestjs/common';
import { CoursesModule } from '@bouwsteen/courses';
import { FollowModule } from '@bouwsteen/follow';
import { JobsModule } from '@bouwsteen/jobs';
import { ListCourses } from './list-courses';
import { ListShareLinks } from './list-share-links';
import { ListsController, PublicListsController, SharedListsController } from './lists.controller';
import { ListsRepository } from './lists.repository';
import { ListsService } from './lists.service';
import { SavedSearchAlerts } from './saved-search-alerts';
import { SavedSearchesController } from './saved-searches.controller';
import { SavedSearchesRepository } from './saved-searches.repository';
import { SavedSearchesService } from './saved-searches.service';

/**
 * Personal lists of building blocks and saved searches; the pages are in libs/web. Search
 * comes from the global SearchModule.
 */
@Module({
  imports: [CoursesModule],
  controllers: [
    ListsController,
    SharedListsController,
    PublicListsController,
    SavedSearchesController,
  ],
  providers: [
    ListsRepository,
    ListsService,
    ListShareLinks,
    ListCourses,
    SavedSearchesRepository,
    SavedSearchesService,
  ],
  exports: [ListsService, ListCourses, SavedSearchesService],
})
export class ListsModule {}

/** The worker's side: the saved-search alert runs (jobs of their own queue). */
@Module({
  imports: [FollowModule, JobsModule],
  providers: [SavedSearchesRepository, SavedSearchesService, SavedSearchAlerts],
  exports: [SavedSearchAlerts],
})
export class ListsWorkerModule {}
