import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { Clock, DomainException, NotFoundError, fingerprint } from '@bouwsteen/common';
import { AuditTrail, TransactionRunner } from '@bouwsteen/database';
import { AuthError } from '../auth.errors';
import { emailKey, isAccountEmail, normaliseEmail } from '../email-address';
import { Principal } from '../principal';
import { StartedSession, WebSessionsService } from '../sessions/web-sessions.service';
import { UsersRepository } from '../users.repository';
import { homeDomain, roleForAffiliation } from './affiliation-role';
import { FederatedIdentitiesRepository } from './federated-identities.repository';
import { HOME_ORGANISATIONS, HomeOrganisations } from './home-organisations';
import { OidcIssuers } from './oidc-issuers';
import { ReleasedClaims, releasedClaims } from './released-claims';
import { judgeStart, startAddressKey } from './start-limits';

/** How long a sign-in may take at the issuer, from the button to its answer. */
const PENDING_MINUTES = 10;

export interface FederationStart {
  /** The issuer's authorization URL, where the browser goes next. */
  url: string;
  /** Goes to the browser as a cookie and must come back with the answer (never stored as is). */
  browserSecret: string;
}

export type FederationOutcome =
  | { kind: 'signed-in'; session: StartedSession; back: string; created: boolean }
  | { kind: 'linked' };

/**
 * Sign-in through OpenID Connect federations (authorization code flow with PKCE, state and
 * nonce, all checked by openid-client, with the issuer and audience of the ID token). An
 * account is found by the issuer's persistent `sub`, one per issuer, never by e-mail: a new
 * `sub` whose e-mail address has an account already is refused (409), and its owner links the
 * institution account from their account page while signed in. A new account gets its role
 * from the affiliation (roleForAffiliation) and its organisation from the home organisation's
 * domain (HOME_ORGANISATIONS).
 */
@Injectable()
export class FederationService {
  constructor(
    private readonly issuers: OidcIssuers,
    private readonly identities: FederatedIdentitiesRepository,
    private readonly users: UsersRepository,
    private readonly sessions: WebSessionsService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly modules: ModuleRef,
  ) {}

  /**
   * The organisations library's answer to "whose domain is this" (HOME_ORGANISATIONS), found
   * in whichever module provides it; none (a context without organisations): no organisation.
   */
  private homes(): HomeOrganisations | undefined {
    try {
      return this.modules.get<HomeOrganisations>(HOME_ORGANISATIONS, { strict: false });
    } catch {
      return undefined;
    }
  }

  /** The configured issuers, as the sign-in page offers them (none: only the password form). */
  list(): { key: string; label: string }[] {
    return this.issuers.list();
  }

  /** Where the pages' forms may lead to an issuer (CSP form-action; see OidcIssuers). */
  formOrigins(): readonly string[] {
    return this.issuers.formOrigins();
  }

  /** Discovers the issuers in the background, so their endpoints are known before use. */
  warmUp(): void {
    this.issuers.warmUp();
  }

  /**
   * Starts a sign-in (or, with `linkUserId`, linking to that signed-in account) from `address`:
   * 429 with Retry-After past the bounds on unfinished starts (judgeStart).
   */
  async begin(
    key: string,
    address: string,
    options: { back: string; linkUserId?: string },
  ): Promise<FederationStart> {
    const issuer = this.issuers.settings(key);
    const configuration = await this.issuers.configuration(key);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const browserSecret = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    const stateHash = fingerprint(state);
    const counts = await this.identities.savePending(
      stateHash,
      {
        issuer: key,
        nonce,
        codeVerifier,
        browserHash: fingerprint(browserSecret),
        linkUserId: options.linkUserId ?? null,
        back: options.back,
      },
      startAddressKey(address),
      new Date(now.getTime() + PENDING_MINUTES * 60_000),
      now,
    );
    const verdict = judgeStart(counts, {
      address: this.config.auth.oidcStartAddressLimit,
      total: this.config.auth.oidcPendingLimit,
      pendingSeconds: PENDING_MINUTES * 60,
    });
    if (verdict.refuse) {
      await this.identities.dropPending(stateHash);
      throw new DomainException(
        AuthError.FederationTooManyStarts,
        `Too many unfinished sign-ins through an institution; try again in ${verdict.retryAfterSeconds} seconds`,
        { headers: { 'Retry-After': String(verdict.retryAfterSeconds) } },
      );
    }
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.issuers.redirectUri(key),
      scope: issuer.scope,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, browserSecret };
  }

  /**
   * The issuer's answer at the redirect URI (`query`: its query string). The state must name a
   * sign-in under way, started in this browser (`browserSecret`) for this issuer; it is used up
   * whatever follows, so a replayed answer is refused.
   */
  async complete(
    key: string,
    query: string,
    browserSecret: string | undefined,
    signedIn: Principal | undefined,
    userAgent: string | undefined,
  ): Promise<FederationOutcome> {
    this.issuers.settings(key);
    const params = new URLSearchParams(query);
    const state = params.get('state');
    const pending = state
      ? await this.identities.takePending(fingerprint(state), this.clock.now())
      : undefined;
    if (
      !state ||
      !pending ||
      pending.issuer !== key ||
      !browserSecret ||
      fingerprint(browserSecret) !== pending.browserHash ||
      (pending.linkUserId !== null && pending.linkUserId !== signedIn?.userId)
    )
      throw new DomainException(AuthError.FederationStateInvalid, 'No such sign-in under way');
    const claims = await this.claimsOf(key, params, state, pending);
    if (pending.linkUserId !== null) {
      await this.link(key, claims, signedIn!);
      return { kind: 'linked' };
    }
    return this.signIn(key, claims, pending.back, userAgent);
  }

  /**
   * Where the browser goes after our session ended: the issuer's end_session_endpoint with the
   * ID token as hint, when it has one; else undefined (our own page).
   */
  async endSessionUrl(key: string, idToken: string): Promise<string | undefined> {
    try {
      const configuration = await this.issuers.configuration(key);
      if (!configuration.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(configuration, {
        id_token_hint: idToken,
        post_logout_redirect_uri: `${this.config.web.publicBaseUrl}/uitgelogd`,
      }).href;
    } catch (error) {
      // An issuer no longer configured or unreachable: our session has ended all the same.
      if (error instanceof DomainException) return undefined;
      throw error;
    }
  }

  /** The institution accounts linked to this account, with each issuer's label. */
  async linked(userId: string) {
    const rows = await this.identities.linkedIssuers(userId);
    return rows.map((row) => ({ ...row, label: this.issuers.labelOf(row.issuer) }));
  }

  /**
   * Unlinks the account's institution account of this issuer (also one no longer configured).
   * Refused (409) while it is the account's only way in: no password and no other institution
   * account. The account row is locked, so two unlinks at once cannot both pass that check.
   */
  async unlink(principal: Principal, key: string): Promise<void> {
    await this.tx.run(async (manager) => {
      const ways = await this.identities.waysIn(manager, principal.userId);
      if (!ways.issuers.includes(key))
        throw new NotFoundError(AuthError.FederationLinkNotFound, 'institution account', key);
      if (!ways.password && ways.issuers.length === 1)
        throw new DomainException(
          AuthError.FederationLastWayIn,
          'This institution account is the only way into this account',
        );
      await this.identities.unlink(manager, principal.userId, key);
      await this.audit.record(manager, {
        actorId: principal.userId,
        action: 'updated',
        subjectType: 'account',
        subjectId: principal.userId,
        summary: `${principal.email}: unlinked the account of ${key}`,
      });
    });
  }

  private async claimsOf(
    key: string,
    params: URLSearchParams,
    state: string,
    pending: { nonce: string; codeVerifier: string },
  ): Promise<ReleasedClaims> {
    const configuration = await this.issuers.configuration(key);
    const currentUrl = new URL(`${this.issuers.redirectUri(key)}?${params.toString()}`);
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) throw new Error('no ID token');
      const userInfo = configuration.serverMetadata().userinfo_endpoint
        ? await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)
        : {};
      return releasedClaims(
        this.issuers.settings(key),
        { ...userInfo, ...idClaims },
        tokens.id_token,
      );
    } catch (error) {
      if (error instanceof DomainException) throw error;
      // Only what failed, never a token or response body: those stay out of every log.
      const code = (error as { code?: unknown }).code;
      const unreachable = error instanceof TypeError || (error as Error).name === 'TimeoutError';
      throw new DomainException(
        unreachable ? AuthError.FederationUnavailable : AuthError.FederationRefused,
        `The answer of ${key} was refused: ${typeof code === 'string' ? code : (error as Error).name}`,
      );
    }
  }

  private async signIn(
    key: string,
    claims: ReleasedClaims,
    back: string,
    userAgent: string | undefined,
  ): Promise<FederationOutcome> {
    let userId = await this.identities.userOf(key, claims.subject);
    const created = userId === undefined;
    if (userId === undefined) userId = await this.createAccount(key, claims);
    const found = await this.users.findWithMemberships(userId);
    if (!found || !found.user.active)
      throw new DomainException(
        AuthError.FederationAccountDeactivated,
        'The account of this institution account is deactivated',
      );
    if (!created && found.user.organisationId === null)
      await this.adoptHomeOrganisation(key, claims, { userId, email: found.user.email });
    const now = this.clock.now();
    await this.identities.touch(key, claims.subject, now);
    await this.users.touchLogin(userId, now);
    const session = await this.sessions.startFor(
      { id: userId, role: found.user.role, tokenVersion: found.user.tokenVersion },
      userAgent,
      false,
      { issuer: key, idToken: claims.idToken },
    );
    return { kind: 'signed-in', session, back, created };
  }

  /** A new account for a `sub` never seen: by its e-mail address only when that has none yet. */
  private async createAccount(key: string, claims: ReleasedClaims): Promise<string> {
    const email = claims.email === undefined ? '' : normaliseEmail(claims.email);
    if (!email || !isAccountEmail(email))
      throw new DomainException(AuthError.FederationEmailMissing, 'No usable e-mail address');
    const taken = () =>
      new DomainException(AuthError.FederationEmailTaken, 'An account has this e-mail address');
    if (await this.users.existsByEmail(emailKey(email))) throw taken();
    const organisationId = await this.homeOrganisationOf(claims);
    const role = roleForAffiliation(claims.affiliations);
    try {
      return await this.tx.run(async (manager) => {
        const user = await this.users.insert(manager, {
          email,
          emailKey: emailKey(email),
          displayName: claims.name ?? email,
          passwordHash: null,
          role,
          organisationId,
        });
        if (!(await this.identities.link(manager, key, claims.subject, user.id)))
          throw new LinkedMeanwhile();
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'created',
          subjectType: 'account',
          subjectId: user.id,
          summary: `${email} (${role}) through ${key}`,
        });
        return user.id;
      });
    } catch (error) {
      // The same first sign-in twice at once: the other one made the account.
      const other = await this.identities.userOf(key, claims.subject);
      if (other) return other;
      if ((error as { code?: string }).code === '23505') throw taken();
      throw error;
    }
  }

  /** The organisation whose domain the released home organisation is, when one has it. */
  private async homeOrganisationOf(claims: ReleasedClaims): Promise<string | null> {
    const domain = homeDomain(claims.homeOrganisation);
    const homes = this.homes();
    return domain && homes ? ((await homes.organisationOfDomain(domain)) ?? null) : null;
  }

  /**
   * An account without an organisation gets the one its institution now names (an admin added
   * the domain after the account was made), at a sign-in or link through that institution; an
   * organisation the account has (an admin's choice) is never replaced, also not by a change
   * made at the same moment (the update holds only while it has none). Audited as a change.
   */
  private async adoptHomeOrganisation(
    key: string,
    claims: ReleasedClaims,
    account: { userId: string; email: string },
  ): Promise<void> {
    const organisationId = await this.homeOrganisationOf(claims);
    if (organisationId === null) return;
    await this.tx.run(async (manager) => {
      if (!(await this.users.setOrganisationIfNone(manager, account.userId, organisationId)))
        return;
      await this.audit.record(manager, {
        actorId: account.userId,
        action: 'updated',
        subjectType: 'account',
        subjectId: account.userId,
        summary: `${account.email}: organisationId (the home organisation ${key} released)`,
      });
    });
  }

  private async link(key: string, claims: ReleasedClaims, principal: Principal): Promise<void> {
    const holder = await this.identities.userOf(key, claims.subject);
    if (holder === principal.userId) return;
    const linked =
      holder === undefined &&
      (await this.tx.run(async (manager) => {
        if (!(await this.identities.link(manager, key, claims.subject, principal.userId)))
          return false;
        await this.audit.record(manager, {
          actorId: principal.userId,
          action: 'updated',
          subjectType: 'account',
          subjectId: principal.userId,
          summary: `${principal.email}: linked an account of ${key}`,
        });
        return true;
      }));
    if (!linked)
      throw new DomainException(
        AuthError.FederationLinkConflict,
        'This institution account is linked elsewhere, or this account has one of this issuer',
      );
    if (principal.organisationId === null)
      await this.adoptHomeOrganisation(key, claims, {
        userId: principal.userId,
        email: principal.email,
      });
  }
}

/** Rolls back a new account whose `sub` was linked by a sign-in running at the same time. */
class LinkedMeanwhile extends Error {}
