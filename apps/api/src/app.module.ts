import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AssetsModule } from '@bouwsteen/assets';
import { AuthModule } from '@bouwsteen/auth';
import { CommonModule } from '@bouwsteen/common';
import { CoursesModule } from '@bouwsteen/courses';
import { APP_CONFIG, AppConfig, ConfigModule } from '@bouwsteen/config';
import { DatabaseModule } from '@bouwsteen/database';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { ReportsModule } from '@bouwsteen/reports';
import { ReuseModule } from '@bouwsteen/reuse';
import { SearchModule } from '@bouwsteen/search';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { HealthModule } from './health/health.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.logLevel,
          // Reuse a caller's request id when it is well-formed, so one id follows a request across services.
          genReqId: (request: IncomingMessage, response: ServerResponse) => {
            const incoming = request.headers['x-request-id'];
            const id =
              typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
            response.setHeader('X-Request-Id', id);
            return id;
          },
          redact: ['req.headers.authorization', 'req.headers.cookie'],
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
    ReportsModule,
    CoursesModule,
    HealthModule,
  ],
})
export class AppModule {}
