import type { PasswordLinkDto, UserDto } from '@bouwsteen/auth';
import type { Page } from '@bouwsteen/common';
import { DataTable } from '../../components/data-table';
import { Pagination } from '../../components/pagination';
import { StaleNotice } from '../../components/stale-notice';
import { StatusNotice } from '../../components/status-notice';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, Option, SelectField, TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import { formatDate } from '../../format/format';
import { ROLE_LABELS } from '../../format/record-labels';
import type { PageContext } from '../../http/page-context';
import { Form, str } from './admin-form-values';
import { PasswordLinkForm, PasswordLinkNotice } from './password-link-notice';
import { DeleteUserLink } from './delete-user.view';
import { ROLE_OPTIONS, UserRoleFields, userFieldLabel } from './user-fields';

export interface UserListData {
  users: Page<UserDto>;
  role: string | undefined;
  ppsName: Map<string, string>;
  directory: Option[];
  organisations: Option[];
  values: Form;
  errors: FieldErrors;
  limits: Record<string, number | undefined>;
  invited?: { email: string; link: PasswordLinkDto };
  notice?: string;
}

/** /beheer/gebruikers: the accounts by role, and the form that invites someone. */
export function UserListView(props: { page: PageContext; data: UserListData }): JSX.Element {
  const { page, data } = props;
  const { users, role, values, errors } = data;
  return (
    <>
      <h1 class="utrecht-heading-1" id="gebruikers-titel">
        Gebruikers
      </h1>
      <StatusNotice text={data.notice} />
      <ErrorSummary errors={errors} labelOf={userFieldLabel} />
      {data.invited ? (
        <PasswordLinkNotice link={data.invited.link} email={data.invited.email} />
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
          { header: 'Rol', text: (user) => ROLE_LABELS[user.role] ?? 'Onbekende rol' },
          {
            header: 'PPS',
            // Admins and LLO offices have none: said, rather than an empty row on a phone.
            text: (user) =>
              user.ppsIds.map((id) => data.ppsName.get(id) ?? '?').join(', ') || 'geen',
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
          maxlength={data.limits.email}
          errors={errors}
          required
        />
        <TextField
          path="displayName"
          label="Naam"
          value={str(values.displayName)}
          maxlength={data.limits.displayName}
          errors={errors}
          required
        />
        <UserRoleFields
          values={values}
          errors={errors}
          directory={data.directory}
          organisations={data.organisations}
        />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Account maken
        </button>
      </form>
    </>
  );
}

export interface UserFormData {
  user: UserDto;
  directory: Option[];
  organisations: Option[];
  values: Form;
  errors: FieldErrors;
  notice?: string;
  stale?: boolean;
  link?: PasswordLinkDto;
}

/** /beheer/gebruikers/:id: one account's name, role, PPS, organisation and whether it is active. */
export function UserFormView(props: { page: PageContext; data: UserFormData }): JSX.Element {
  const { page, data } = props;
  const { user, values, errors } = data;
  return (
    <>
      <h1 class="utrecht-heading-1" safe>{`Account: ${user.displayName}`}</h1>
      <StatusNotice text={data.notice} />
      {data.link ? <PasswordLinkNotice link={data.link} email={user.email} /> : ''}
      <StaleNotice what="dit account" show={data.stale} />
      <ErrorSummary errors={errors} labelOf={userFieldLabel} />
      <form method="post" action={`/beheer/gebruikers/${user.id}`} class="site-form" novalidate>
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
          directory={data.directory}
          organisations={data.organisations}
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
      <DeleteUserLink user={user} />
    </>
  );
}
