import { Module, RequestMethod } from '@nestjs/common';
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
import { OrganisationsModule } from '@bouwsteen/organisations';
import { ReportsModule } from '@bouwsteen/reports';
import { ReuseModule } from '@bouwsteen/reuse';
import { SearchModule } from '@bouwsteen/search';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { HealthModule } from './health/health.module';
import { ProblemsModule } from './problems/problems.module';
import { requestLogFields } from './request-context';

@Module({
  imports: [
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
          serializers: { req: requestLogFields },
          autoLogging: {
            ignore: (request: IncomingMessage) => request.url?.startsWith('/health') ?? false,
          },
        },
      }),
    }),
    CommonModule,
    DatabaseModule,
    AuthModule,
    TaxonomyModule,
    OrganisationsModule,
    AssetsModule,
    SearchModule,
    ReuseModule,
    FollowModule,
    ReportsModule,
    CoursesModule,
    HealthModule,
    ProblemsModule,
  ],
})
export class AppModule {}
