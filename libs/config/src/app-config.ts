export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  databaseUrl: string;
  logLevel: string;
  http: {
    bodyLimit: string;
    corsOrigins: string[];
    trustProxy: boolean;
  };
  meili: {
    url: string;
    masterKey: string;
    indexPrefix: string;
  };
  webhooks: {
    pollMs: number;
    timeoutMs: number;
    retryBaseMs: number;
    maxAttempts: number;
    allowPrivateHosts: boolean;
  };
  outbox: {
    pollMs: number;
    batchSize: number;
    retryBaseMs: number;
    retryMaxMs: number;
  };
  auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    loginLimit: number;
    loginWindowSeconds: number;
    bootstrapAdminEmail?: string;
    bootstrapAdminPassword?: string;
  };
}
