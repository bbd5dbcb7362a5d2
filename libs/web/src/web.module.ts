import {
  Inject,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { FederationService } from '@bouwsteen/auth';
import compression from 'compression';
import { AssetsModule } from '@bouwsteen/assets';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { CoursesModule } from '@bouwsteen/courses';
import { FollowModule } from '@bouwsteen/follow';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { QualificationsModule } from '@bouwsteen/qualifications';
import { ReportsModule } from '@bouwsteen/reports';
import { ReuseModule } from '@bouwsteen/reuse';
import { RequestsModule } from '@bouwsteen/requests';
import { ReviewsModule } from '@bouwsteen/reviews';
import { UsageModule } from '@bouwsteen/usage';
import { ImportsModule } from '@bouwsteen/imports';
import { JobsModule } from '@bouwsteen/jobs';
import { ListsModule } from '@bouwsteen/lists';
import { MailModule } from '@bouwsteen/mail';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { Labels } from './format/labels';
import { AccountPageController } from './pages/account/account.controller';
import { AccountPage } from './pages/account/account.page';
import { DeleteAccountPage } from './pages/account/delete-account.page';
import { MailPageController } from './pages/account/mail.controller';
import { MailSettingsPage } from './pages/account/mail-settings.page';
import { UnsubscribePage } from './pages/account/unsubscribe.page';
import { PasswordPageController } from './pages/account/password.controller';
import { PasswordLinkPage } from './pages/account/password-link.page';
import { PasswordPage } from './pages/account/password.page';
import { AssetActionsPage } from './pages/my-pps/asset-actions.page';
import { DiscardDraftPage } from './pages/my-pps/discard-draft.page';
import { AssetEditorPage } from './pages/my-pps/asset-editor.page';
import { MyPpsPage } from './pages/my-pps/dashboard.page';
import { MyPpsController } from './pages/my-pps/my-pps.controller';
import { MyPpsImportController } from './pages/my-pps/import.controller';
import { ImportPage } from './pages/my-pps/import.page';
import { ComposerPage } from './pages/my-courses/composer.page';
import { MyCoursesController } from './pages/my-courses/my-courses.controller';
import { ReportsPageController } from './pages/reports/reports.controller';
import { AdminController } from './pages/admin/admin.controller';
import { AdminPage } from './pages/admin/admin.page';
import { ChangesPage } from './pages/admin/changes.page';
import { PpsAdminPage } from './pages/admin/pps-admin.page';
import { SearchIndexPage } from './pages/admin/search-index.page';
import { UsersAdminPage } from './pages/admin/users.page';
import { QualificationsAdminController } from './pages/admin/qualifications-admin.controller';
import { QualificationsAdminPage } from './pages/admin/qualifications-admin.page';
import { BackgroundJobsPage } from './pages/admin/jobs.page';
import { ReportsPage } from './pages/reports/reports.page';
import { SignInPage } from './pages/account/sign-in.page';
import { FederationPageController } from './pages/account/federation.controller';
import { FormTokens } from './session/form-tokens';
import { SessionCookies } from './session/session-cookies';
import { WebSessionMiddleware } from './session/web-session.middleware';
import { pageSecurity } from './http/page-security';
import { SiteRenderer } from './layout/site-renderer';
import { AssetPageController } from './pages/asset/asset.controller';
import { AssetPage } from './pages/asset/asset.page';
import { TakeUpPage } from './pages/asset/take-up.page';
import { VersionDiffPage } from './pages/asset/version-diff.page';
import { CoursePageController } from './pages/course/course.controller';
import { CoursePage } from './pages/course/course.page';
import { HomeController } from './pages/home/home.controller';
import { PrivacyPageController } from './pages/privacy/privacy.controller';
import { PrivacyPage } from './pages/privacy/privacy.page';
import { HomePage } from './pages/home/home.page';
import { MapPageController } from './pages/map/map.controller';
import { MapPage } from './pages/map/map.page';
import { PpsListPage } from './pages/pps/pps-list.page';
import { PpsPageController } from './pages/pps/pps.controller';
import { PpsPage } from './pages/pps/pps.page';
import { QualificationListPage } from './pages/qualifications/qualification-list.page';
import { ElectiveListPage } from './pages/qualifications/elective-list.page';
import { QualificationPages } from './pages/qualifications/qualification.page';
import { QualificationsPageController } from './pages/qualifications/qualifications.controller';
import {
  MyListsController,
  SavedSearchesPageController,
  SharedListController,
} from './pages/lists/lists.controller';
import { ListPickerPage } from './pages/lists/list-picker.page';
import { MyListsPage } from './pages/lists/my-lists.page';
import { SavedSearchesPage } from './pages/lists/saved-searches.page';
import { SharedListPage } from './pages/lists/shared-list.page';
import { InboxController } from './pages/requests/inbox.controller';
import { NotificationsPageController } from './pages/notifications/notifications.controller';
import { NotificationsPage } from './pages/notifications/notifications.page';
import { ReviewReportsController, ReviewsPageController } from './pages/reviews/reviews.controller';
import { ReviewReportsPage } from './pages/reviews/review-reports.page';
import { ReviewsPage } from './pages/reviews/reviews.page';
import { ReviewResponsesPage } from './pages/reviews/review-responses.page';
import { InboxPage } from './pages/requests/inbox.page';
import { RequestPageController } from './pages/requests/request.controller';
import { RequestFormPage } from './pages/requests/request-form.page';
import { SearchPageController } from './pages/search/search.controller';
import {
  SearchAnalyticsController,
  UsageDashboardController,
} from './pages/usage/usage.controller';
import { SearchAnalyticsPage } from './pages/usage/search-analytics.page';
import { UsageDashboardPage } from './pages/usage/usage-dashboard.page';
import { SearchPage } from './pages/search/search.page';
import { SeoController } from './pages/seo/seo.controller';
import { SitemapService } from './pages/seo/sitemap.service';
import { StaticController } from './static/static.controller';
import { StaticFiles } from './static/static-files';

const PAGE_CONTROLLERS = [
  AccountPageController,
  FederationPageController,
  MailPageController,
  PasswordPageController,
  MyPpsImportController,
  InboxController,
  UsageDashboardController,
  SearchAnalyticsController,
  ReviewsPageController,
  ReviewReportsController,
  MyPpsController,
  MyCoursesController,
  MyListsController,
  SavedSearchesPageController,
  NotificationsPageController,
  SharedListController,
  ReportsPageController,
  AdminController,
  QualificationsAdminController,
  HomeController,
  PrivacyPageController,
  SearchPageController,
  RequestPageController,
  AssetPageController,
  PpsPageController,
  QualificationsPageController,
  MapPageController,
  CoursePageController,
];

/**
 * The pages (public, and for signed-in PPS leads, LLO offices and admins), rendered on the server from the same services as the REST API (no HTTP
 * hop), at the root of the site. Search comes from the global SearchModule.
 */
@Module({
  imports: [
    TaxonomyModule,
    OrganisationsModule,
    AssetsModule,
    ReuseModule,
    RequestsModule,
    ReviewsModule,
    UsageModule,
    ReportsModule,
    CoursesModule,
    FollowModule,
    ImportsModule,
    JobsModule,
    MailModule,
    QualificationsModule,
    ListsModule,
  ],
  controllers: [...PAGE_CONTROLLERS, StaticController, SeoController],
  providers: [
    StaticFiles,
    SiteRenderer,
    Labels,
    HomePage,
    SearchPage,
    AssetPage,
    PpsListPage,
    PpsPage,
    QualificationListPage,
    ElectiveListPage,
    QualificationPages,
    MapPage,
    CoursePage,
    SitemapService,
    SessionCookies,
    FormTokens,
    WebSessionMiddleware,
    SignInPage,
    AccountPage,
    DeleteAccountPage,
    MailSettingsPage,
    UnsubscribePage,
    PasswordPage,
    PasswordLinkPage,
    MyPpsPage,
    AssetEditorPage,
    ImportPage,
    AssetActionsPage,
    DiscardDraftPage,
    TakeUpPage,
    VersionDiffPage,
    ComposerPage,
    ReportsPage,
    AdminPage,
    UsersAdminPage,
    PpsAdminPage,
    SearchIndexPage,
    ChangesPage,
    BackgroundJobsPage,
    QualificationsAdminPage,
    RequestFormPage,
    InboxPage,
    ReviewsPage,
    ReviewResponsesPage,
    PrivacyPage,
    ReviewReportsPage,
    UsageDashboardPage,
    SearchAnalyticsPage,
    MyListsPage,
    ListPickerPage,
    SavedSearchesPage,
    NotificationsPage,
    SharedListPage,
  ],
  exports: [SiteRenderer],
})
export class WebModule implements NestModule, OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly federation: FederationService,
  ) {}

  /** The issuers' endpoints known before the first sign-in page is served (form-action). */
  onApplicationBootstrap(): void {
    this.federation.warmUp();
  }

  configure(consumer: MiddlewareConsumer): void {
    // Pages only: static files are compressed ahead, and API answers are left as they were.
    consumer
      .apply(
        pageSecurity(this.config.web.mapTileUrl, () => this.federation.formOrigins()),
        WebSessionMiddleware,
        compression(),
      )
      .forRoutes(...PAGE_CONTROLLERS);
  }
}
