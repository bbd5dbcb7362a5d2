import { Module, RequestMethod } from '@nestjs/common';
import { RouterModule, Routes } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AssetsModule } from '@bouwsteen/assets';
import { AuthModule } from '@bouwsteen/auth';
import { CommonModule } from '@bouwsteen/common';
import { CoursesModule } from '@bouwsteen/courses';
import { APP_CONFIG, AppConfig, ConfigModule } from '@bouwsteen/config';
import { DatabaseModule } from '@bouwsteen/database';
import { FollowModule } from '@bouwsteen/follow';
import { MailModule } from '@bouwsteen/mail';
import { HarvestModule } from '@bouwsteen/harvest';
import { ImportsModule } from '@bouwsteen/imports';
import { JobsModule } from '@bouwsteen/jobs';
import { ListsModule } from '@bouwsteen/lists';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { ReportsModule } from '@bouwsteen/reports';
import { ReuseModule } from '@bouwsteen/reuse';
import { ReviewsModule } from '@bouwsteen/reviews';
import { SearchModule } from '@bouwsteen/search';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { UsageModule } from '@bouwsteen/usage';
import { WebModule } from '@bouwsteen/web';
import { HealthModule } from './health/health.module';
import { ProblemsModule } from './problems/problems.module';
import { errorLogFields, requestLogFields, responseLogFields } from './request-context';

/** The REST API's feature modules: their controllers answer under /api/v1. */
const API_MODULES = [
  AuthModule,
  TaxonomyModule,
  OrganisationsModule,
  AssetsModule,
  SearchModule,
  ReuseModule,
  ReviewsModule,
  FollowModule,
  MailModule,
  ReportsModule,
  CoursesModule,
  ImportsModule,
  JobsModule,
  ListsModule,
  UsageModule,
];

/** The API's version prefix; the pages, health, metrics and problem types live at the root. */
export const API_PREFIX = 'api/v1';
export const API_ROUTES: Routes = [{ path: API_PREFIX, children: API_MODULES }];

@Module({
  imports: [
    // A module path rather than a global prefix with exclusions: those match by path, so the
    // page /pps would also have pulled the API's GET /api/v1/pps out of the prefix.
    RouterModule.register(API_ROUTES),
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.logLevel,
          // The id was assigned by the first middleware (request-context.ts).
          genReqId: (request: IncomingMessage) =>
            (request as IncomingMessage & { id?: string }).id ?? randomUUID(),
          serializers: { req: requestLogFields, res: responseLogFields, err: errorLogFields },
          autoLogging: {
            // Probes and the pages' static files would drown the requests worth reading.
            ignore: (request: IncomingMessage) => /^\/(health|assets)\//.test(request.url ?? ''),
          },
        },
      }),
    }),
    CommonModule,
    DatabaseModule,
    ...API_MODULES,
    HealthModule,
    ProblemsModule,
    HarvestModule,
    WebModule,
  ],
})
export class AppModule {}
