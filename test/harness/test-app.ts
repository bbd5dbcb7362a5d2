import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { Role, UsersService } from '@bouwsteen/auth';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { PpsRepository } from '@bouwsteen/organisations';
import { SeedModule, SeedService } from '@bouwsteen/seed';
import { nameKey } from '@bouwsteen/common';

export interface TestUser {
  id: string;
  email: string;
  token: string;
  role: Role;
}

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  user(role: Role, ppsIds?: string[]): Promise<TestUser>;
  ppsId(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The real application (same HTTP setup as main.ts) on the run's database, with reference data. */
export async function createTestApp(): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule, SeedModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: false,
  });
  configureApp(app, app.get<AppConfig>(APP_CONFIG));
  await app.init();
  await app.get(SeedService).seedReferenceData();
  const server = app.getHttpServer();
  const http = () => request(server);
  return {
    app,
    http,
    async user(role, ppsIds = []) {
      const email = `${role}-${randomBytes(5).toString('hex')}@test.bouwsteen.nl`;
      const password = `pw-${randomBytes(12).toString('hex')}`;
      const created = await app
        .get(UsersService)
        .create({ email, password, role, displayName: `Test ${role}`, ppsIds });
      const login = await http().post('/api/v1/auth/login').send({ email, password }).expect(200);
      return { id: created.id, email, token: login.body.accessToken, role };
    },
    async ppsId(name) {
      const pps = await app.get(PpsRepository).findByKey(nameKey(name));
      if (!pps) throw new Error(`unknown PPS ${name}`);
      return pps.id;
    },
    close: () => app.close(),
  };
}

export function bearer(user: TestUser | undefined): Record<string, string> {
  return user ? { Authorization: `Bearer ${user.token}` } : {};
}
