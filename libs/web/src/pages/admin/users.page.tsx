import { Injectable } from '@nestjs/common';
import {
  AccountDeletionService,
  AuthError,
  CreateUserDto,
  PasswordLinkDto,
  PasswordLinksService,
  Principal,
  ROLES,
  UpdateUserDto,
  UserListQueryDto,
  UsersService,
} from '@bouwsteen/auth';
import { DomainException, FieldCode, FieldError } from '@bouwsteen/common';
import { dutchMessage } from '@bouwsteen/taxonomy/pure';
import { PpsService } from '@bouwsteen/organisations';
import { FieldErrors } from '../../forms/field-errors';
import { maxLengths } from '../../forms/field-limits';
import { submitForm } from '../../forms/form-submit';
import { checkedValues, yesNo } from '../../forms/form-values';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { Form, oneLine, organisationOptions, str } from './admin-form-values';
import { adminPage } from './admin-layout';
import { ADMIN_NOTICES } from './admin-notices';
import { linkPurposeFor } from './password-link-notice';
import { userValues } from './user-fields';
import { UserFormView, UserListView } from './users.view';
import { DeleteUserView } from './delete-user.view';

const USER_LIMITS = maxLengths(CreateUserDto);

/** /beheer/gebruikers: invite, change and deactivate accounts, through the admin API's service. */
@Injectable()
export class UsersAdminPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly users: UsersService,
    private readonly pps: PpsService,
    private readonly links: PasswordLinksService,
    private readonly deletion: AccountDeletionService,
  ) {}

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
    const data = {
      users,
      role,
      ppsName: new Map(directory.map((pps) => [pps.id, pps.name])),
      directory: directory.map((pps) => ({ value: pps.id, label: pps.name })),
      organisations: organisationOptions(directory),
      values: state.values ?? { role: 'pps-editor' },
      errors: state.errors ?? new FieldErrors(),
      limits: USER_LIMITS,
      invited: state.invited,
      notice: typeof query.melding === 'string' ? ADMIN_NOTICES[query.melding] : undefined,
    };
    return adminPage(
      this.site,
      page,
      'Gebruikers',
      '/beheer/gebruikers',
      <UserListView page={page} data={data} />,
    );
  }

  async invite(page: PageContext, principal: Principal, body: Form): Promise<PageAnswer> {
    // An invitation: a link shown once (and mailed, when e-mail is set up) with which the new
    // account's owner chooses their own password.
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
    const [user, directory] = await Promise.all([this.users.get(id), this.pps.directory()]);
    const data = {
      user,
      directory: directory.map((pps) => ({ value: pps.id, label: pps.name })),
      organisations: organisationOptions(directory),
      values: state.values ?? userValues(user),
      errors: state.errors ?? new FieldErrors(),
      notice: typeof state.code === 'string' ? ADMIN_NOTICES[state.code] : undefined,
      stale: state.stale,
      link: state.link,
    };
    return adminPage(
      this.site,
      page,
      `Account: ${user.displayName}`,
      `/beheer/gebruikers/${id}`,
      <UserFormView page={page} data={data} />,
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

  async deleteForm(page: PageContext, id: string, problem?: string): Promise<string> {
    const user = await this.users.get(id);
    return adminPage(
      this.site,
      page,
      `Account van ${user.displayName} verwijderen`,
      `/beheer/gebruikers/${id}/verwijderen`,
      <DeleteUserView page={page} user={user} problem={problem} />,
    );
  }

  /** The last active admin is refused (409): the confirmation again, saying why. */
  async deleteUser(page: PageContext, principal: Principal, id: string): Promise<PageAnswer> {
    try {
      await this.deletion.deleteByAdmin(id, principal);
    } catch (error) {
      if (!(error instanceof DomainException) || error.code !== AuthError.LastAdmin) throw error;
      return {
        status: 409,
        html: await this.deleteForm(page, id, dutchMessage(AuthError.LastAdmin)),
      };
    }
    return { redirect: '/beheer/gebruikers?melding=verwijderd' };
  }
}
