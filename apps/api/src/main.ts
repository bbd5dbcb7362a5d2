import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

export async function bootstrapApi(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  const config = app.get<AppConfig>(APP_CONFIG);
  configureApp(app, config);
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
