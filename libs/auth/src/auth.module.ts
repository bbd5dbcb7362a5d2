import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { ApiTokenEntity } from './entities/api-token.entity';
import { PpsMembershipEntity } from './entities/pps-membership.entity';
import { UserEntity } from './entities/user.entity';
import { ApiTokenIdentityProvider } from './identity/api-token-identity.provider';
import { IDENTITY_PROVIDERS } from './identity/identity-provider';
import { JwtIdentityProvider } from './identity/jwt-identity.provider';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { AccountDeletionEvents } from './deletion/account-deletion-events';
import { AccountDeletionService } from './deletion/account-deletion.service';
import { LoginLimiter } from './login-limiter';
import { PrincipalLoader } from './identity/principal-loader';
import { MeController } from './me.controller';
import { PasswordHasher } from './password-hasher';
import { SecretGenerator } from './secret-generator';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { WebSessionsRepository } from './sessions/web-sessions.repository';
import { WebSessionsService } from './sessions/web-sessions.service';
import { AccountCredentials } from './account-credentials';
import { PasswordLinksRepository } from './passwords/password-links.repository';
import { PasswordLinksService } from './passwords/password-links.service';
import { PasswordsService } from './passwords/passwords.service';
import { PasswordLinkEvents } from './passwords/password-link-delivery';
import { FederatedIdentitiesRepository } from './federation/federated-identities.repository';
import { FederationService } from './federation/federation.service';
import { OidcIssuers } from './federation/oidc-issuers';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, PpsMembershipEntity, ApiTokenEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.auth.jwtSecret }),
    }),
  ],
  controllers: [AuthController, MeController, UsersController],
  providers: [
    UsersRepository,
    ApiTokensRepository,
    PasswordHasher,
    SecretGenerator,
    LoginAttemptsRepository,
    LoginLimiter,
    PrincipalLoader,
    JwtIdentityProvider,
    ApiTokenIdentityProvider,
    {
      provide: IDENTITY_PROVIDERS,
      inject: [ApiTokenIdentityProvider, JwtIdentityProvider],
      useFactory: (...providers: unknown[]) => providers,
    },
    AuthService,
    ApiTokensService,
    UsersService,
    WebSessionsRepository,
    WebSessionsService,
    AccountCredentials,
    PasswordLinksRepository,
    PasswordsService,
    PasswordLinksService,
    PasswordLinkEvents,
    AccountDeletionEvents,
    AccountDeletionService,
    OidcIssuers,
    FederatedIdentitiesRepository,
    FederationService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [
    UsersService,
    PasswordHasher,
    WebSessionsService,
    ApiTokensService,
    PrincipalLoader,
    PasswordsService,
    PasswordLinksService,
    FederationService,
    PasswordLinkEvents,
    AccountDeletionEvents,
    AccountDeletionService,
  ],
})
export class AuthModule {}
