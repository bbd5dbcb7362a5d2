import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { dataSourceOptions } from './data-source-options';
import { OutboxWriter } from './outbox-writer';
import { TransactionRunner } from './transaction-runner';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, config.database),
        autoLoadEntities: true,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [TransactionRunner, OutboxWriter, AuditTrail],
  exports: [TransactionRunner, OutboxWriter, AuditTrail],
})
export class DatabaseModule {}
