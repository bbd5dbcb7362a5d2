import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { Clock, UnauthorizedError, senderNetwork } from '@bouwsteen/common';
import { AccessTokenDto, LoginDto } from './dto/login.dto';
import { JWT_AUDIENCE, JWT_ISSUER } from './identity/jwt-identity.provider';
import { LoginLimiter } from './login-limiter';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './entities/user.entity';
import { emailKey } from './email-address';
import { UsersRepository } from './users.repository';

@Injectable()
export class AuthService implements OnModuleInit {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private decoyHash = '';

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly limiter: LoginLimiter,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.decoyHash = await this.hasher.hash('decoy-password-never-matches');
  }

  async login(credentials: LoginDto, address: string): Promise<AccessTokenDto> {
    return this.accessToken(await this.verifyCredentials(credentials, address));
  }

  /**
   * The one check of a password, shared by the API's token login and the pages' sign-in: both
   * are counted by the same limiter (which may refuse or slow the attempt) and refuse
   * deactivated accounts the same way.
   */
  async verifyCredentials(credentials: LoginDto, address: string): Promise<UserEntity> {
    const user = await this.checkPassword(
      emailKey(credentials.email),
      credentials.password,
      address,
    );
    if (!user)
      throw new UnauthorizedError('Email or password is wrong, or the account is deactivated');
    await this.users.touchLogin(user.id, this.clock.now());
    return user;
  }

  /**
   * The account of `key` when `password` is its password and it is active, else undefined; every
   * check is counted by the sign-in limiter (which may refuse or slow it, 429), also the check of
   * the current password when someone changes theirs, so that form cannot be used to guess it.
   */
  async checkPassword(
    key: string,
    password: string,
    address: string,
  ): Promise<UserEntity | undefined> {
    // Counted per network: one IPv6 connection may pick any address of its /64.
    const attempt = await this.limiter.begin(senderNetwork(address), key);
    const user = await this.users.findByEmailWithHash(key);
    const valid = await this.hasher.verify(user?.passwordHash ?? this.decoyHash, password);
    if (!user || !user.passwordHash || !valid || !user.active) {
      this.limiter.failed(attempt);
      return undefined;
    }
    await this.limiter.succeeded(attempt);
    return user;
  }

  /** A bearer token for the account at its current token version (after sign-in or a new password). */
  async accessToken(user: Pick<UserEntity, 'id' | 'tokenVersion'>): Promise<AccessTokenDto> {
    // `ver` ties the token to the account's token version: a password change or deactivation
    // raises it, and every token issued before stops working.
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, ver: user.tokenVersion },
      {
        audience: JWT_AUDIENCE,
        issuer: JWT_ISSUER,
        expiresIn: this.config.auth.jwtTtlSeconds,
        algorithm: 'HS256',
      },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.auth.jwtTtlSeconds };
  }
}
