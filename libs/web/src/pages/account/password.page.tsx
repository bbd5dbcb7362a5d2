import { ProblemNotice } from '../../components/status-notice';
import { Injectable } from '@nestjs/common';
import {
  ChangePasswordDto,
  PasswordsService,
  Principal,
  RenewedAccount,
  UsersService,
} from '@bouwsteen/auth';
import { FieldErrors } from '../../forms/field-errors';
import { tooManyAttempts } from '../../forms/too-many-attempts';
import { submitForm } from '../../forms/form-submit';
import type { PageContext } from '../../http/page-context';
import { PageAnswer } from '../../http/page-answer';
import { SiteRenderer } from '../../layout/site-renderer';
import { FormTokenField } from '../../forms/form-token';
import { FEDERATION_TEXTS } from './federation-texts';
import { PasswordForm, passwordFields, repeatProblems } from './password-form';
import { startPath } from './sign-in.page';

interface PasswordState {
  errors?: FieldErrors;
  /** Not about one field: too many wrong attempts. */
  problem?: string;
}

/**
 * /mijn-account/wachtwoord: change one's own password with the current one (the same service
 * as POST /api/v1/me/password). An account whose password an admin chose is sent here before
 * anything else ("Kies een nieuw wachtwoord"). Every other session, access token and API token
 * ends; this browser stays signed in with a new session.
 */
@Injectable()
export class PasswordPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly users: UsersService,
    private readonly passwords: PasswordsService,
  ) {}

  async render(
    page: PageContext,
    principal: Principal,
    state: PasswordState = {},
  ): Promise<string> {
    const [user, hasPassword] = await Promise.all([
      this.users.get(principal.userId),
      this.passwords.hasPassword(principal.userId),
    ]);
    if (!hasPassword) return this.withoutPassword(page);
    const forced = !!principal.mustChangePassword;
    const errors = state.errors ?? new FieldErrors();
    const title = forced ? 'Kies een nieuw wachtwoord' : 'Wachtwoord wijzigen';
    return this.site.page(
      page,
      {
        title,
        description: 'Kies een nieuw wachtwoord voor uw account.',
        canonicalPath: '/mijn-account/wachtwoord',
        section: 'account',
        noindex: true,
      },
      <div class="site-narrow">
        <h1 class="utrecht-heading-1">{title}</h1>
        {forced ? (
          <p class="utrecht-paragraph utrecht-paragraph--lead">
            Uw wachtwoord is door een beheerder gekozen. Kies nu uw eigen wachtwoord; daarna kunt u
            verder in Bouwsteen.
          </p>
        ) : (
          <p class="utrecht-paragraph">
            Na het wijzigen wordt u overal afgemeld behalve in deze browser: andere browsers, apps
            met een toegangstoken en uw API-sleutels werken dan niet meer.
          </p>
        )}
        <ProblemNotice text={state.problem} />
        <PasswordForm
          page={page}
          action="/mijn-account/wachtwoord"
          errors={errors}
          askCurrent
          email={user.email}
          submit={forced ? 'Wachtwoord opslaan en verder' : 'Wachtwoord wijzigen'}
        />
        {forced ? (
          ''
        ) : (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/mijn-account">
              Terug naar mijn account
            </a>
          </p>
        )}
      </div>,
    );
  }

  /**
   * An account made through an institution has no current password to give: it is told so,
   * and sets one through a password link for itself (as on /mijn-account).
   */
  private withoutPassword(page: PageContext): Promise<string> {
    return this.site.page(
      page,
      {
        title: FEDERATION_TEXTS.noPasswordHeading,
        description: 'Stel een wachtwoord in voor uw account.',
        canonicalPath: '/mijn-account/wachtwoord',
        section: 'account',
        noindex: true,
      },
      <div class="site-narrow">
        <h1 class="utrecht-heading-1">{FEDERATION_TEXTS.noPasswordHeading}</h1>
        <p class="utrecht-paragraph">{FEDERATION_TEXTS.noPassword}</p>
        <form method="post" action="/mijn-account/wachtwoord-instellen" class="site-form">
          <FormTokenField page={page} />
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            {FEDERATION_TEXTS.noPasswordButton}
          </button>
        </form>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/mijn-account">
            Terug naar mijn account
          </a>
        </p>
      </div>,
    );
  }

  async submit(
    page: PageContext,
    principal: Principal,
    body: Record<string, unknown>,
    address: string,
    startSession: (account: RenewedAccount) => Promise<void>,
  ): Promise<PageAnswer> {
    const fields = passwordFields(body);
    const again = async (errors: FieldErrors, status = 400, problem?: string) => ({
      status,
      html: await this.render(page, principal, { errors, problem }),
    });
    try {
      return await submitForm({
        dto: ChangePasswordDto,
        input: { currentPassword: fields.currentPassword, newPassword: fields.newPassword },
        problems: repeatProblems(fields),
        again: (errors) => again(new FieldErrors(errors)),
        write: async (value) => {
          const account = await this.passwords.changeOwn(principal, value, address);
          await startSession(account);
          return principal.mustChangePassword
            ? { redirect: startPath(account.role) }
            : { redirect: '/mijn-account?melding=wachtwoord-gewijzigd' };
        },
      });
    } catch (error) {
      const limited = tooManyAttempts(error);
      if (!limited) throw error;
      return {
        ...(await again(new FieldErrors(), 429, limited.problem)),
        headers: limited.headers,
      };
    }
  }
}
