import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, assertApiSecrets } from '@bouwsteen/config';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

/**
 * `shutdownHooks`: close on SIGTERM/SIGINT by itself (a standalone API process); off when the
 * caller (start-local) orchestrates shutdown, so nothing is closed twice.
 */
export async function bootstrapApi(
  options: { shutdownHooks: boolean } = { shutdownHooks: true },
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  const config = app.get<AppConfig>(APP_CONFIG);
  assertApiSecrets(config);
  configureApp(app, config);
  if (options.shutdownHooks) app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  app.get(Logger).log(`Bouwsteen API on http://localhost:${config.port}/docs`);
  return app;
}

if (require.main === module) {
  bootstrapApi().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
