import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { AssetsService } from '@bouwsteen/assets';
import {
  AuthError,
  CreateUserDto,
  PasswordLinkDto,
  PasswordLinksService,
  Principal,
  ROLES,
  UpdateUserDto,
  UserDto,
  UserListQueryDto,
  UsersService,
} from '@bouwsteen/auth';
import { FieldCode, FieldError, normaliseText } from '@bouwsteen/common';
import {
  OrganisationsService,
  PpsService,
  UpdateOrganisationDto,
  UpdatePpsDto,
} from '@bouwsteen/organisations';
import { AuditTrail } from '@bouwsteen/database';
import { OutboxRepository } from '@bouwsteen/search';
import { unlessNotFound } from '../../http/unless-not-found';
import { assetPath } from '../../components/asset-card';
import { DataTable } from '../../components/data-table';
import { StaleNotice } from '../../components/stale-notice';
import { Pagination } from '../../components/pagination';
import { FieldErrors } from '../../forms/field-errors';
import { maxLengths } from '../../forms/field-limits';
import {
  CheckboxGroup,
  ErrorSummary,
  Option,
  SelectField,
  TextArea,
  TextField,
} from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import { submitForm } from '../../forms/form-submit';
import { checkedValues, yesNo } from '../../forms/form-values';
import { formatDate, formatNumber } from '../../format/format';
import { ROLE_LABELS } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { PageAnswer } from '../../http/page-answer';
import { SiteRenderer } from '../../layout/site-renderer';
import { adminPage } from './admin-layout';
import { StatusNotice } from '../../components/status-notice';
import { PasswordLinkForm, PasswordLinkNotice, linkPurposeFor } from './password-link-notice';

type Form = Record<string, unknown>;

const ROLE_OPTIONS: Option[] = ROLES.map((role) => ({
  value: role,
  label: ROLE_LABELS[role] ?? role,
}));
const USER_LABELS: Record<string, string> = {
  email: 'E-mailadres',
  displayName: 'Naam',
  role: 'Rol',
  ppsIds: 'PPS',
  organisationId: 'Organisatie',
  password: 'Wachtwoord',
  active: 'Account',
};

const NOTICES: Record<string, string> = {
  opgeslagen: 'De wijziging is opgeslagen.',
  gedeactiveerd:
    'Het account is gedeactiveerd: alle sessies, toegangstokens en API-sleutels werken niet meer.',
  'opnieuw-aangeboden':
    'De bouwstenen zijn opnieuw aangeboden aan de zoekindex; de worker verwerkt ze.',
};

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A one-line field as typed or pasted (see normaliseText). */
function oneLine(value: unknown): string {
  return normaliseText(str(value), { singleLine: true }).trim();
}

const USER_LIMITS = maxLengths(CreateUserDto);

function ids(value: unknown): string[] {
  return (Array.isArray(value) ? value : []).filter(
    (entry): entry is string => typeof entry === 'string' && entry !== '',
  );
}

/**
 * /beheer: accounts (invite, role, PPS, organisation, deactivate), PPS and organisations
 * (rename, aliases, lead institution), the search pipeline, and the change log — each through
 * the same service as the admin API.
 */
@Injectable()
export class AdminPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly users: UsersService,
    private readonly pps: PpsService,
    private readonly organisations: OrganisationsService,
    private readonly outbox: OutboxRepository,
    private readonly assets: AssetsService,
    private readonly audit: AuditTrail,
    private readonly links: PasswordLinksService,
  ) {}

  private page(page: PageContext, title: string, path: string, body: JSX.Element): Promise<string> {
    return adminPage(this.site, page, title, path, body);
  }

  async overview(page: PageContext): Promise<string> {
    const [stats, users] = await Promise.all([
      this.outbox.stats(),
      this.users.list(Object.assign(new UserListQueryDto(), { pageSize: 1 })),
    ]);
    return this.page(
      page,
      'Beheer',
      '/beheer',
      <>
        <h1 class="utrecht-heading-1">Beheer</h1>
        <dl class="facts">
          <dt>Accounts</dt>
          <dd safe>{formatNumber(users.totalItems)}</dd>
          <dt>Wachtrij zoekindex</dt>
          <dd
            safe
          >{`${formatNumber(stats.pending)} wachtend, ${formatNumber(stats.parked)} apart gezet`}</dd>
        </dl>
      </>,
    );
  }

  async userList(
    page: PageContext,
    query: Form,
    state: {
      values?: Form;
      errors?: FieldErrors;
      invited?: { email: string; link: PasswordLinkDto };
    } = {},
  ): Promise<string> {
    const pageNumber = Math.min(Math.max(Number(query.pagina) || 1, 1), 1000);
    const role = ROLES.find((r) => r === query.rol);
    const [users, directory] = await Promise.all([
      this.users.list(Object.assign(new UserListQueryDto(), { pageNumber, pageSize: 50, role })),
      this.pps.directory(),
    ]);
    const ppsName = new Map(directory.map((pps) => [pps.id, pps.name]));
    const errors = state.errors ?? new FieldErrors();
    const values = state.values ?? { role: 'pps-editor' };
    return this.page(
      page,
      'Gebruikers',
      '/beheer/gebruikers',
      <>
        <h1 class="utrecht-heading-1" id="gebruikers-titel">
          Gebruikers
        </h1>
        <ErrorSummary errors={errors} labelOf={(path) => USER_LABELS[path] ?? 'Formulier'} />
        {state.invited ? (
          <PasswordLinkNotice link={state.invited.link} email={state.invited.email} />
        ) : (
          ''
        )}
        <form method="get" action="/beheer/gebruikers" class="site-form site-form__row">
          <SelectField
            path="rol"
            label="Rol"
            options={ROLE_OPTIONS}
            value={role}
            empty="Alle rollen"
            errors={new FieldErrors()}
            plainLabel
          />
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            Toon
          </button>
        </form>
        <DataTable
          labelledBy="gebruikers-titel"
          rows={users.items}
          columns={[
            {
              header: 'Naam',
              render: (user) => (
                <a class="utrecht-link" href={`/beheer/gebruikers/${user.id}`} safe>
                  {user.displayName}
                </a>
              ),
            },
            { header: 'E-mailadres', text: (user) => user.email },
            { header: 'Rol', text: (user) => ROLE_LABELS[user.role] ?? user.role },
            {
              header: 'PPS',
              text: (user) => user.ppsIds.map((id) => ppsName.get(id) ?? '?').join(', '),
            },
            { header: 'Actief', text: (user) => (user.active ? 'ja' : 'nee') },
            {
              header: 'Laatst ingelogd',
              text: (user) => (user.lastLoginAt ? formatDate(user.lastLoginAt) : 'nooit'),
            },
          ]}
        />
        <Pagination
          current={users.pageNumber}
          total={users.totalPages}
          href={(n) => `/beheer/gebruikers?pagina=${n}${role ? `&rol=${role}` : ''}`}
          label="Pagina's gebruikers"
        />
        <h2 class="utrecht-heading-2">Iemand uitnodigen</h2>
        <form method="post" action="/beheer/gebruikers" class="site-form" novalidate>
          <FormTokenField page={page} />
          <TextField
            path="email"
            label="E-mailadres"
            type="email"
            value={str(values.email)}
            maxlength={USER_LIMITS.email}
            errors={errors}
            required
          />
          <TextField
            path="displayName"
            label="Naam"
            value={str(values.displayName)}
            maxlength={USER_LIMITS.displayName}
            errors={errors}
            required
          />
          <UserRoleFields
            values={values}
            errors={errors}
            directory={directory.map((pps) => ({ value: pps.id, label: pps.name }))}
            organisations={await this.organisationOptions()}
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Account maken
          </button>
        </form>
      </>,
    );
  }

  async invite(page: PageContext, principal: Principal, body: Form): Promise<PageAnswer> {
    // An invitation without e-mail (yet): a link the admin passes on, shown once, with which
    // the new account's owner chooses their own password.
    const input: Form = {
      email: oneLine(body.email),
      displayName: oneLine(body.displayName),
      role: str(body.role),
      ppsIds: checkedValues(body.ppsIds) ?? [],
      ...(str(body.organisationId) ? { organisationId: str(body.organisationId) } : {}),
    };
    return submitForm({
      dto: CreateUserDto,
      input,
      write: async (value) => {
        const user = await this.users.create(value, principal);
        const link = await this.links.issue(user.id, 'invitation', principal);
        return { html: await this.userList(page, {}, { invited: { email: user.email, link } }) };
      },
      conflicts: { [AuthError.EmailTaken]: 'email' },
      again: async (errors) => ({
        status: 400,
        html: await this.userList(page, {}, { values: body, errors: new FieldErrors(errors) }),
      }),
    });
  }

  async userForm(
    page: PageContext,
    id: string,
    state: {
      values?: Form;
      errors?: FieldErrors;
      stale?: boolean;
      code?: unknown;
      link?: PasswordLinkDto;
    } = {},
  ): Promise<string> {
    const [user, directory, organisations] = await Promise.all([
      this.users.get(id),
      this.pps.directory(),
      this.organisationOptions(),
    ]);
    const errors = state.errors ?? new FieldErrors();
    const values = state.values ?? userValues(user);
    const notice = typeof state.code === 'string' ? NOTICES[state.code] : undefined;
    return this.page(
      page,
      `Account: ${user.displayName}`,
      `/beheer/gebruikers/${id}`,
      <>
        <h1 class="utrecht-heading-1" safe>{`Account: ${user.displayName}`}</h1>
        <StatusNotice text={notice} />
        {state.link ? <PasswordLinkNotice link={state.link} email={user.email} /> : ''}
        <StaleNotice what="dit account" show={state.stale} />
        <ErrorSummary errors={errors} labelOf={(path) => USER_LABELS[path] ?? 'Formulier'} />
        <form method="post" action={`/beheer/gebruikers/${id}`} class="site-form" novalidate>
          <FormTokenField page={page} />
          <input type="hidden" name="revisie" value={String(user.revision)} />
          <TextField
            path="displayName"
            label="Naam"
            value={str(values.displayName)}
            errors={errors}
            required
          />
          <UserRoleFields
            values={values}
            errors={errors}
            directory={directory.map((pps) => ({ value: pps.id, label: pps.name }))}
            organisations={organisations}
          />
          <SelectField
            path="active"
            label="Account"
            options={[
              { value: 'ja', label: 'Actief' },
              { value: 'nee', label: 'Gedeactiveerd (kan niet meer inloggen)' },
            ]}
            value={str(values.active)}
            errors={errors}
            required
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Opslaan
          </button>
        </form>
        <PasswordLinkForm page={page} user={user} />
      </>,
    );
  }

  /** A new invitation or reset link for the account, shown once on its page. */
  async newPasswordLink(page: PageContext, principal: Principal, id: string): Promise<PageAnswer> {
    const user = await this.users.get(id);
    const link = await this.links.issue(id, linkPurposeFor(user), principal);
    return { html: await this.userForm(page, id, { link }) };
  }

  async saveUser(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    const input: Form = {
      displayName: str(body.displayName),
      role: str(body.role),
      ppsIds: checkedValues(body.ppsIds) ?? [],
      organisationId: str(body.organisationId) || null,
      active: yesNo(body.active) ?? true,
    };
    const again = async (errors: FieldError[], stale = false) => ({
      status: stale ? 409 : 400,
      html: await this.userForm(page, id, { values: body, errors: new FieldErrors(errors), stale }),
    });
    return submitForm({
      dto: UpdateUserDto,
      input,
      again,
      write: async (value) => {
        if (id === principal.userId && (value.active === false || value.role !== 'admin'))
          return again([
            {
              field: 'role',
              message: 'cannot remove your own admin role or deactivate yourself',
              code: FieldCode.OwnAdminRole,
            },
          ]);
        await this.users.update(id, Number(body.revisie), value, principal);
        const outcome = value.active === false ? 'gedeactiveerd' : 'opgeslagen';
        return { redirect: `/beheer/gebruikers/${id}?melding=${outcome}` };
      },
    });
  }

  async ppsList(page: PageContext): Promise<string> {
    const directory = await this.pps.directory();
    return this.page(
      page,
      'PPS en organisaties',
      '/beheer/pps',
      <>
        <h1 class="utrecht-heading-1" id="pps-beheer-titel">
          PPS en organisaties
        </h1>
        <DataTable
          labelledBy="pps-beheer-titel"
          rows={[...directory]}
          columns={[
            {
              header: 'PPS',
              render: (pps) => (
                <a class="utrecht-link" href={`/beheer/pps/${pps.id}`} safe>
                  {pps.name}
                </a>
              ),
            },
            {
              header: 'Penvoerder',
              render: (pps) => (
                <a
                  class="utrecht-link"
                  href={`/beheer/organisaties/${pps.leadInstitution.id}`}
                  safe
                >
                  {pps.leadInstitution.name}
                </a>
              ),
            },
          ]}
        />
      </>,
    );
  }

  async ppsForm(
    page: PageContext,
    id: string,
    state: { values?: Form; errors?: FieldErrors; stale?: boolean } = {},
  ): Promise<string> {
    const [pps, organisations] = await Promise.all([this.pps.get(id), this.organisationOptions()]);
    const errors = state.errors ?? new FieldErrors();
    const values = state.values ?? { name: pps.name, leadOrganisationId: pps.leadInstitution.id };
    return this.page(
      page,
      `PPS: ${pps.name}`,
      '/beheer/pps',
      <>
        <h1 class="utrecht-heading-1" safe>{`PPS: ${pps.name}`}</h1>
        <StaleNotice what="deze PPS" show={state.stale} />
        <ErrorSummary
          errors={errors}
          labelOf={(path) => (path === 'name' ? 'Naam' : 'Penvoerder')}
        />
        <form method="post" action={`/beheer/pps/${id}`} class="site-form" novalidate>
          <FormTokenField page={page} />
          <input type="hidden" name="revisie" value={String(pps.revision)} />
          <TextField path="name" label="Naam" value={str(values.name)} errors={errors} required />
          <SelectField
            path="leadOrganisationId"
            label="Penvoerende instelling"
            options={organisations}
            value={str(values.leadOrganisationId)}
            errors={errors}
            required
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Opslaan
          </button>
        </form>
      </>,
    );
  }

  async savePps(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    const input = { name: str(body.name), leadOrganisationId: str(body.leadOrganisationId) };
    return submitForm({
      dto: UpdatePpsDto,
      input,
      write: async (value) => {
        await this.pps.update(principal, id, Number(body.revisie), value);
        return { redirect: '/beheer/pps' };
      },
      again: async (errors, stale) => ({
        status: stale ? 409 : 400,
        html: await this.ppsForm(page, id, {
          values: body,
          errors: new FieldErrors(errors),
          stale,
        }),
      }),
    });
  }

  async organisationForm(
    page: PageContext,
    id: string,
    state: { values?: Form; errors?: FieldErrors; stale?: boolean } = {},
  ): Promise<string> {
    const organisation = await this.organisations.get(id);
    const errors = state.errors ?? new FieldErrors();
    const values = state.values ?? {
      name: organisation.name,
      aliases: organisation.aliases.join('\n'),
    };
    return this.page(
      page,
      `Organisatie: ${organisation.name}`,
      '/beheer/pps',
      <>
        <h1 class="utrecht-heading-1" safe>{`Organisatie: ${organisation.name}`}</h1>
        <StaleNotice what="deze organisatie" show={state.stale} />
        <ErrorSummary
          errors={errors}
          labelOf={(path) => (path === 'name' ? 'Naam' : 'Andere namen')}
        />
        <form method="post" action={`/beheer/organisaties/${id}`} class="site-form" novalidate>
          <FormTokenField page={page} />
          <input type="hidden" name="revisie" value={String(organisation.revision)} />
          <TextField path="name" label="Naam" value={str(values.name)} errors={errors} required />
          <TextArea
            path="aliases"
            label="Andere namen"
            hint="Schrijfwijzen waaronder deze organisatie ook bekend is, één per regel; zo worden dubbele organisaties voorkomen."
            rows={4}
            value={typeof values.aliases === 'string' ? values.aliases : ''}
            errors={errors}
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Opslaan
          </button>
        </form>
      </>,
    );
  }

  async saveOrganisation(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    const aliases = str(body.aliases)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    const input = { name: str(body.name), aliases };
    const again = async (errors: FieldError[], stale = false) => ({
      status: stale ? 409 : 400,
      html: await this.organisationForm(page, id, {
        values: body,
        errors: new FieldErrors(errors),
        stale,
      }),
    });
    return submitForm({
      dto: UpdateOrganisationDto,
      input,
      again,
      write: async (value) => {
        await this.organisations.update(id, Number(body.revisie), value, principal);
        return { redirect: '/beheer/pps' };
      },
    });
  }

  async searchPipeline(page: PageContext, code?: unknown): Promise<string> {
    const [stats, parked] = await Promise.all([this.outbox.stats(), this.outbox.parked(50)]);
    const notice = typeof code === 'string' ? NOTICES[code] : undefined;
    return this.page(
      page,
      'Zoekindex',
      '/beheer/zoekindex',
      <>
        <h1 class="utrecht-heading-1">Zoekindex</h1>
        <StatusNotice text={notice} />
        <p class="utrecht-paragraph">
          Elke wijziging aan een bouwsteen gaat via een wachtrij naar de zoekindex. De worker
          verwerkt de wachtrij; wat Meilisearch herhaaldelijk weigert, wordt apart gezet.
        </p>
        <dl class="facts">
          <dt>Wachtend</dt>
          <dd safe>{formatNumber(stats.pending)}</dd>
          <dt>Oudste wachtende</dt>
          <dd safe>{`${formatNumber(Math.round(stats.oldestPendingSeconds))} seconden`}</dd>
          <dt>Mislukt, wordt opnieuw geprobeerd</dt>
          <dd safe>{formatNumber(stats.failing)}</dd>
          <dt>Apart gezet</dt>
          <dd safe>{formatNumber(stats.parked)}</dd>
          <dt>Verwerkt in het afgelopen uur</dt>
          <dd safe>{formatNumber(stats.processedLastHour)}</dd>
        </dl>
        {stats.lastError ? (
          <p class="utrecht-paragraph">
            Laatste fout:{' '}
            <code class="utrecht-code">{Html.escapeHtml(stats.lastError.slice(0, 300))}</code>
          </p>
        ) : (
          ''
        )}
        <h2 class="utrecht-heading-2" id="apart-titel">
          Apart gezet
        </h2>
        {parked.length ? (
          <DataTable
            labelledBy="apart-titel"
            rows={parked}
            columns={[
              {
                header: 'Bouwsteen',
                render: (entry) => (
                  <a class="utrecht-link" href={assetPath(entry.assetId)} safe>
                    {entry.assetId}
                  </a>
                ),
              },
              { header: 'Pogingen', numeric: true, text: (entry) => String(entry.attempts) },
              { header: 'Fout', text: (entry) => (entry.lastError ?? '').slice(0, 200) },
              { header: 'Sinds', text: (entry) => formatDate(entry.parkedAt) },
            ]}
          />
        ) : (
          <p class="utrecht-paragraph">Niets apart gezet.</p>
        )}
        <h2 class="utrecht-heading-2">Herstellen</h2>
        <form method="post" action="/beheer/zoekindex/herstel" class="site-form">
          <FormTokenField page={page} />
          <p class="utrecht-paragraph">
            Biedt de apart gezette bouwstenen opnieuw aan. Een volledige controle van de index tegen
            de database (ontbrekend, verouderd, te veel) en herstel daarvan draait de worker:{' '}
            <code class="utrecht-code">npm run cli -- search:drift --repair</code>.
          </p>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Apart gezette opnieuw aanbieden
          </button>
        </form>
      </>,
    );
  }

  async retryParked(): Promise<PageAnswer> {
    await this.outbox.retryParked();
    return { redirect: '/beheer/zoekindex?melding=opnieuw-aangeboden' };
  }

  async changes(page: PageContext, principal: Principal): Promise<string> {
    const [entries, events] = await Promise.all([
      this.assets.recentChanges(principal, 100),
      this.audit.recent(100),
    ]);
    const people = new Map<string, string>();
    const actors = [
      ...entries.map((entry) => entry.userId),
      ...events.map((event) => event.actorId),
    ];
    await Promise.all(
      [...new Set(actors.filter((id): id is string => !!id))].map(async (id) =>
        people.set(
          id,
          (await unlessNotFound(this.users.get(id)))?.displayName ?? 'verwijderd account',
        ),
      ),
    );
    const who = (id: string | null) => (id ? (people.get(id) ?? 'onbekend') : 'het systeem');
    const when = (at: Date) =>
      new Date(at).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' });
    const WHAT: Record<string, string> = {
      edited: 'bewerkt',
      published: 'gepubliceerd',
      archived: 'gearchiveerd',
      created: 'aangemaakt',
      updated: 'gewijzigd',
      deactivated: 'gedeactiveerd',
    };
    const SUBJECT: Record<string, string> = {
      account: 'Account',
      pps: 'PPS',
      organisation: 'Organisatie',
    };
    return this.page(
      page,
      'Wijzigingen',
      '/beheer/wijzigingen',
      <>
        <h1 class="utrecht-heading-1">Wijzigingen</h1>
        <h2 class="utrecht-heading-2" id="beheer-wijzigingen-titel">
          Accounts, PPS en organisaties
        </h2>
        {events.length ? (
          <DataTable
            labelledBy="beheer-wijzigingen-titel"
            rows={events}
            columns={[
              { header: 'Wanneer', text: (event) => when(event.at) },
              { header: 'Wie', text: (event) => who(event.actorId) },
              {
                header: 'Wat',
                text: (event) =>
                  `${SUBJECT[event.subjectType] ?? event.subjectType} ${WHAT[event.action] ?? event.action}`,
              },
              { header: 'Welke velden', text: (event) => event.summary },
            ]}
          />
        ) : (
          <p class="utrecht-paragraph">Nog geen wijzigingen vastgelegd.</p>
        )}
        <h2 class="utrecht-heading-2" id="wijzigingen-titel">
          Bouwstenen
        </h2>
        <p class="utrecht-paragraph">
          De laatste 100 wijzigingen aan bouwstenen: wie wat deed, en wanneer.
        </p>
        <DataTable
          labelledBy="wijzigingen-titel"
          rows={entries}
          columns={[
            { header: 'Wanneer', text: (entry) => when(entry.at) },
            { header: 'Wie', text: (entry) => (entry.userId ? who(entry.userId) : '—') },
            {
              header: 'Wat',
              text: (entry) => `${WHAT[entry.what] ?? entry.what} (versie ${entry.number})`,
            },
            {
              header: 'Bouwsteen',
              render: (entry) => (
                <a
                  class="utrecht-link"
                  href={`/bouwstenen/${entry.assetId}/verschillen?naar=${entry.number}`}
                  safe
                >
                  {entry.title}
                </a>
              ),
            },
            { header: 'Toelichting', text: (entry) => entry.changeNote ?? '' },
          ]}
        />
      </>,
    );
  }

  private async organisationOptions(): Promise<Option[]> {
    const directory = await this.pps.directory();
    const leads = new Map(
      directory.map((pps) => [pps.leadInstitution.id, pps.leadInstitution.name]),
    );
    return [...leads]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  }
}

function userValues(user: UserDto): Form {
  return {
    displayName: user.displayName,
    role: user.role,
    ppsIds: user.ppsIds,
    organisationId: user.organisationId ?? '',
    active: user.active ? 'ja' : 'nee',
  };
}

function UserRoleFields(props: {
  values: Form;
  errors: FieldErrors;
  directory: Option[];
  organisations: Option[];
}): JSX.Element {
  return (
    <>
      <SelectField
        path="role"
        label="Rol"
        options={ROLE_OPTIONS}
        value={str(props.values.role)}
        errors={props.errors}
        required
      />
      <CheckboxGroup
        path="ppsIds"
        label="PPS (voor projectleiders)"
        options={props.directory}
        values={ids(props.values.ppsIds)}
        errors={props.errors}
        columns
      />
      <SelectField
        path="organisationId"
        label="Organisatie (voor LLO-loketten)"
        options={props.organisations}
        value={str(props.values.organisationId)}
        empty="Geen"
        errors={props.errors}
      />
    </>
  );
}
