import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import {
  ApiTokenDto,
  ApiTokensService,
  CreateApiTokenDto,
  CreatedApiTokenDto,
  FederationService,
  PasswordsService,
  Principal,
  UsersService,
  WebSessionsService,
} from '@bouwsteen/auth';
import { PpsService } from '@bouwsteen/organisations';
import { DataTable } from '../../components/data-table';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, SelectField, TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import { maxLengths } from '../../forms/field-limits';
import { validateForm } from '../../forms/form-validation';
import { formatDate } from '../../format/format';
import { ROLE_LABELS } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { PageAnswer } from '../../http/page-answer';
import { SiteRenderer } from '../../layout/site-renderer';
import { pageQuery } from '../search-queries';
import { ProblemNotice, StatusNotice } from '../../components/status-notice';
import { SessionsSection } from './sessions-section';
import { LinkedInstitutions, SetPassword } from './federation-section';
import { FEDERATION_TEXTS } from './federation-texts';

const LIFETIMES = [
  { value: '30', label: '30 dagen' },
  { value: '90', label: '90 dagen' },
  { value: '365', label: '1 jaar' },
  { value: '', label: 'Geen vervaldatum' },
];

const FIELD_LABELS: Record<string, string> = { name: 'Naam', expiresInDays: 'Geldig' };

/** What /mijn-account?melding=… says after a change that sent the browser back here. */
const NOTICES: Record<string, string> = {
  'wachtwoord-gewijzigd':
    'Uw wachtwoord is gewijzigd. U bent overal afgemeld behalve in deze browser; uw API-sleutels zijn ingetrokken.',
  'overal-afgemeld':
    'U bent overal afgemeld behalve in deze browser. Uw toegangstokens en API-sleutels werken niet meer.',
  'browser-afgemeld': 'Die browser is afgemeld.',
  'instelling-gekoppeld': FEDERATION_TEXTS.linkedNotice,
  'instelling-ontkoppeld': FEDERATION_TEXTS.unlinkedNotice,
};

export function accountNotice(code: unknown): string | undefined {
  return typeof code === 'string' ? NOTICES[code] : undefined;
}

interface AccountState {
  /** The browser's session secret, to mark it in the list of sessions. */
  sessionSecret?: string;
  created?: CreatedApiTokenDto;
  errors?: FieldErrors;
  name?: string;
  expiresInDays?: string;
  message?: string;
  /** A refusal that belongs to no form field (unlinking the only way in). */
  problem?: string;
}

/**
 * /mijn-account: who is signed in, their PPS, and the personal API tokens for their own
 * integrations (created and revoked through the same service as GET/POST /api/v1/me/tokens).
 */
/** The key name's limit, from the DTO's MaxLength. */
const TOKEN_LIMITS = maxLengths(CreateApiTokenDto);

@Injectable()
export class AccountPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly users: UsersService,
    private readonly tokens: ApiTokensService,
    private readonly pps: PpsService,
    private readonly sessions: WebSessionsService,
    private readonly federation: FederationService,
    private readonly passwords: PasswordsService,
  ) {}

  async render(page: PageContext, principal: Principal, state: AccountState = {}): Promise<string> {
    const [user, tokens, directory, sessions, linked, hasPassword] = await Promise.all([
      this.users.get(principal.userId),
      this.tokens.list(principal, pageQuery(50)),
      this.pps.directory(),
      this.sessions.list(principal, state.sessionSecret),
      this.federation.linked(principal.userId),
      this.passwords.hasPassword(principal.userId),
    ]);
    const ppsNames = principal.ppsIds.map(
      (id) => directory.find((pps) => pps.id === id)?.name ?? 'onbekende PPS',
    );
    const errors = state.errors ?? new FieldErrors();
    return this.site.page(
      page,
      {
        title: 'Mijn account',
        description:
          'Uw account, wachtwoord, waar u bent ingelogd en uw persoonlijke API-sleutels.',
        canonicalPath: '/mijn-account',
        section: 'account',
        noindex: true,
      },
      <>
        <h1 class="utrecht-heading-1">Mijn account</h1>
        <StatusNotice text={state.message} />
        <ProblemNotice text={state.problem} />
        <dl class="facts">
          <dt>Naam</dt>
          <dd safe>{user.displayName}</dd>
          <dt>E-mailadres</dt>
          <dd safe>{user.email}</dd>
          <dt>Rol</dt>
          <dd safe>{ROLE_LABELS[user.role] ?? user.role}</dd>
          {ppsNames.length ? (
            <>
              <dt>PPS</dt>
              <dd safe>{ppsNames.join(', ')}</dd>
            </>
          ) : (
            ''
          )}
        </dl>
        {hasPassword ? (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/mijn-account/wachtwoord">
              Wachtwoord wijzigen
            </a>
          </p>
        ) : (
          <SetPassword page={page} />
        )}

        <section aria-labelledby="bewaard-kop">
          <h2 class="utrecht-heading-2" id="bewaard-kop">
            Uw meldingen, lijsten, zoekopdrachten en e-mail
          </h2>
          <ul class="utrecht-unordered-list">
            <li>
              <a class="utrecht-link" href="/mijn-meldingen">
                Meldingen
              </a>
              : nieuwe versies van wat u volgt, reviews en nieuwe bouwstenen bij uw zoekopdrachten
            </li>
            <li>
              <a class="utrecht-link" href="/mijn-lijsten">
                Mijn lijsten
              </a>
              : bouwstenen die u verzamelt, met notities; te delen
            </li>
            <li>
              <a class="utrecht-link" href="/mijn-zoekopdrachten">
                Mijn zoekopdrachten
              </a>
              : bewaarde zoekopdrachten, met meldingen van nieuwe bouwstenen
            </li>
            <li>
              <a class="utrecht-link" href="/mijn-account/e-mail">
                E-mailinstellingen
              </a>
              : welke berichten u per e-mail krijgt, meteen of in een overzicht
            </li>
          </ul>
        </section>

        <LinkedInstitutions page={page} issuers={this.federation.list()} linked={linked} />

        <SessionsSection page={page} sessions={sessions.sessions} total={sessions.total} />

        <h2 class="utrecht-heading-2" id="sleutels">
          Persoonlijke API-sleutels
        </h2>
        <p class="utrecht-paragraph">
          Met een API-sleutel koppelt u uw eigen systemen aan Bouwsteen (zie de{' '}
          <a class="utrecht-link" href="/docs">
            API-documentatie
          </a>
          ). Een sleutel kan alles wat u zelf mag; trek hem in zodra u hem niet meer gebruikt.
        </p>
        {state.created ? <NewToken token={state.created} /> : ''}
        {tokens.items.length ? (
          <TokenTable tokens={tokens.items} page={page} />
        ) : (
          <p class="utrecht-paragraph">U heeft nog geen API-sleutels.</p>
        )}
        <h3 class="utrecht-heading-3">Nieuwe sleutel</h3>
        <ErrorSummary errors={errors} labelOf={(path) => FIELD_LABELS[path] ?? 'Formulier'} />
        <form method="post" action="/mijn-account/sleutels" class="site-form" novalidate>
          <FormTokenField page={page} />
          <TextField
            path="name"
            label="Naam"
            hint="Waarvoor is deze sleutel? Bijvoorbeeld: koppeling met ons roostersysteem."
            value={state.name}
            maxlength={TOKEN_LIMITS.name}
            errors={errors}
            required
          />
          <SelectField
            path="expiresInDays"
            label="Geldig"
            options={LIFETIMES}
            value={state.expiresInDays ?? '90'}
            errors={errors}
            required
          />
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Sleutel maken
          </button>
        </form>

        <h2 class="utrecht-heading-2" id="verwijderen">
          Account verwijderen
        </h2>
        <p class="utrecht-paragraph">
          Wilt u Bouwsteen niet meer gebruiken? Dan verwijdert u uw account met alles wat Bouwsteen
          persoonlijk over u bewaart.{' '}
          <a class="utrecht-link" href="/mijn-account/verwijderen">
            Account verwijderen
          </a>
        </p>
      </>,
    );
  }

  async create(
    page: PageContext,
    principal: Principal,
    body: Record<string, unknown>,
    sessionSecret?: string,
  ): Promise<PageAnswer> {
    const name = typeof body.name === 'string' ? body.name : '';
    const days = typeof body.expiresInDays === 'string' ? body.expiresInDays : '';
    const input: Record<string, unknown> = { name };
    if (days !== '') input.expiresInDays = /^\d+$/.test(days) ? Number(days) : days;
    const valid = await validateForm(CreateApiTokenDto, input);
    if (!valid.ok) {
      const errors = new FieldErrors(valid.errors);
      return {
        status: 400,
        html: await this.render(page, principal, {
          errors,
          name,
          expiresInDays: days,
          sessionSecret,
        }),
      };
    }
    const created = await this.tokens.create(principal, valid.value);
    return { html: await this.render(page, principal, { created, sessionSecret }) };
  }

  async revoke(page: PageContext, principal: Principal, id: string): Promise<PageAnswer> {
    await this.tokens.revoke(principal, id);
    return { redirect: '/mijn-account#sleutels' };
  }
}

function NewToken({ token }: { token: CreatedApiTokenDto }): JSX.Element {
  return (
    <div class="utrecht-alert utrecht-alert--ok" role="status">
      <div class="utrecht-alert__content">
        <p class="utrecht-paragraph">
          <strong safe>Sleutel "{token.name}" gemaakt.</strong> Kopieer hem nu: hij wordt maar één
          keer getoond.
        </p>
        <label class="utrecht-form-label" for="nieuwe-sleutel">
          Uw nieuwe API-sleutel
        </label>
        <input
          class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--read-only"
          id="nieuwe-sleutel"
          value={token.token}
          readonly
        />
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          data-copy-target="nieuwe-sleutel"
          data-copy-status="sleutel-status"
          hidden
        >
          Kopieer sleutel
        </button>
        <span id="sleutel-status" class="copy-status" role="status"></span>
      </div>
    </div>
  );
}

function TokenTable({ tokens, page }: { tokens: ApiTokenDto[]; page: PageContext }): JSX.Element {
  return (
    <DataTable
      labelledBy="sleutels"
      rows={tokens}
      columns={[
        { header: 'Naam', text: (t) => t.name },
        { header: 'Begint met', text: (t) => `${t.prefix}…` },
        { header: 'Gemaakt', text: (t) => formatDate(t.createdAt) },
        { header: 'Verloopt', text: (t) => (t.expiresAt ? formatDate(t.expiresAt) : 'nooit') },
        {
          header: 'Laatst gebruikt',
          text: (t) => (t.lastUsedAt ? formatDate(t.lastUsedAt) : 'nog niet'),
        },
        {
          header: 'Status',
          render: (t) =>
            t.revokedAt ? (
              Html.escapeHtml(`ingetrokken op ${formatDate(t.revokedAt)}`)
            ) : (
              <form method="post" action={`/mijn-account/sleutels/${t.id}/intrekken`}>
                <FormTokenField page={page} />
                <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                  Intrekken
                  <span class="visually-hidden" safe>
                    : {t.name}
                  </span>
                </button>
              </form>
            ),
        },
      ]}
    />
  );
}
