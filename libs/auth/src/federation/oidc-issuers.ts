import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { APP_CONFIG, AppConfig, OidcIssuerConfig } from '@bouwsteen/config';
import { Clock, DomainException, NotFoundError } from '@bouwsteen/common';
import { AuthError } from '../auth.errors';

/** How long a failed discovery is remembered before the next sign-in tries again. */
const RETRY_AFTER_MS = 30_000;

/** Seconds any request to an issuer may take (discovery, token, userinfo). */
const TIMEOUT_SECONDS = 10;

/**
 * The configured OpenID Connect issuers and their openid-client configurations: each issuer's
 * metadata is discovered at its first use (an issuer that is down at boot does not stop the
 * site) and kept; a failed discovery answers 503 and is tried again after 30 s.
 */
@Injectable()
export class OidcIssuers {
  private readonly logger = new Logger(OidcIssuers.name);
  private readonly known: Map<string, OidcIssuerConfig>;
  private readonly discovered = new Map<string, Promise<client.Configuration>>();
  private readonly failedAt = new Map<string, number>();
  /** Per discovered issuer, the origins of its authorization and logout endpoints. */
  private readonly endpointOrigins = new Map<string, string[]>();
  /** What the pages' form-action allows, recomputed only when an issuer is discovered. */
  private origins: readonly string[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.known = new Map(config.auth.oidcIssuers.map((issuer) => [issuer.key, issuer]));
    this.origins = this.collectOrigins();
  }

  /**
   * Where a sign-in, link or logout form may end up (the pages' CSP form-action): each issuer's
   * discovery origin, and once it is discovered the origins of its authorization_endpoint and
   * end_session_endpoint, which may lie elsewhere. Computed once per discovered issuer.
   */
  formOrigins(): readonly string[] {
    return this.origins;
  }

  /**
   * Discovers every issuer now, in the background (the API calls it at boot), so the pages'
   * form-action knows their endpoints before the first button is pressed. A failure is logged
   * and tried again by the next sign-in.
   */
  warmUp(): void {
    for (const key of this.known.keys()) this.configuration(key).catch(() => undefined);
  }

  private collectOrigins(): string[] {
    const origins = [...this.known.values()].flatMap((issuer) => [
      new URL(issuer.discoveryUrl).origin,
      ...(this.endpointOrigins.get(issuer.key) ?? []),
    ]);
    return [...new Set(origins)];
  }

  list(): { key: string; label: string }[] {
    return [...this.known.values()].map(({ key, label }) => ({ key, label }));
  }

  /** The issuer's settings; 404 for a key that is not configured. */
  settings(key: string): OidcIssuerConfig {
    const issuer = this.known.get(key);
    if (!issuer) throw new NotFoundError(AuthError.FederationIssuerUnknown, 'issuer', key);
    return issuer;
  }

  labelOf(key: string): string {
    return this.known.get(key)?.label ?? key;
  }

  /** Where the issuer sends the browser back to (registered with the issuer as such). */
  redirectUri(key: string): string {
    return `${this.config.web.publicBaseUrl}/inloggen/instelling/${key}/terug`;
  }

  /** The issuer's openid-client configuration; 503 while its metadata cannot be had. */
  async configuration(key: string): Promise<client.Configuration> {
    const issuer = this.settings(key);
    const failed = this.failedAt.get(key);
    if (failed !== undefined && this.clock.now().getTime() - failed < RETRY_AFTER_MS)
      throw unavailable(key);
    let pending = this.discovered.get(key);
    if (!pending) {
      pending = this.discover(issuer);
      this.discovered.set(key, pending);
    }
    try {
      return await pending;
    } catch (error) {
      this.discovered.delete(key);
      this.failedAt.set(key, this.clock.now().getTime());
      // The reason without its cause: nothing of a response body (let alone a secret) is logged.
      this.logger.warn(`Discovery of ${key} failed: ${(error as Error).message}`);
      throw unavailable(key);
    }
  }

  private async discover(issuer: OidcIssuerConfig): Promise<client.Configuration> {
    const configuration = await client.discovery(
      new URL(issuer.discoveryUrl),
      issuer.clientId,
      { client_secret: issuer.clientSecret },
      client.ClientSecretPost(issuer.clientSecret),
      {
        timeout: TIMEOUT_SECONDS,
        ...(issuer.insecureLocal ? { execute: [client.allowInsecureRequests] } : {}),
      },
    );
    configuration.timeout = TIMEOUT_SECONDS;
    this.failedAt.delete(issuer.key);
    const metadata = configuration.serverMetadata();
    this.endpointOrigins.set(
      issuer.key,
      [metadata.authorization_endpoint, metadata.end_session_endpoint]
        .filter((url): url is string => typeof url === 'string' && URL.canParse(url))
        .map((url) => new URL(url).origin),
    );
    this.origins = this.collectOrigins();
    return configuration;
  }
}

function unavailable(key: string): DomainException {
  return new DomainException(
    AuthError.FederationUnavailable,
    `The issuer ${key} cannot be reached now`,
  );
}
