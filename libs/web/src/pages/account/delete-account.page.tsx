import { Injectable } from '@nestjs/common';
import {
  AccountDeletionService,
  AuthError,
  DeleteOwnAccountDto,
  PasswordsService,
  Principal,
  UsersService,
} from '@bouwsteen/auth';
import { DomainException } from '@bouwsteen/common';
import { dutchMessage } from '@bouwsteen/taxonomy/pure';
import { FieldErrors } from '../../forms/field-errors';
import { tooManyAttempts } from '../../forms/too-many-attempts';
import { ErrorSummary, TextField } from '../../forms/fields';
import { submitForm } from '../../forms/form-submit';
import { FormTokenField } from '../../forms/form-token';
import { ProblemNotice } from '../../components/status-notice';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';

const LABELS: Record<string, string> = {
  confirmation: 'Typ ter bevestiging het e-mailadres van uw account',
  currentPassword: 'Uw wachtwoord',
};

interface DeleteState {
  errors?: FieldErrors;
  /** What was typed in the address field (a password is never shown again). */
  confirmation?: string;
  problem?: string;
}

/**
 * /mijn-account/verwijderen: one's own account deleted with everything personal (the same
 * service as POST /api/v1/me/deletion), after the address is typed again and, when the account
 * has one, the password. Says first what goes and what stays.
 */
@Injectable()
export class DeleteAccountPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly users: UsersService,
    private readonly passwords: PasswordsService,
    private readonly deletion: AccountDeletionService,
  ) {}

  async render(page: PageContext, principal: Principal, state: DeleteState = {}): Promise<string> {
    const [user, hasPassword] = await Promise.all([
      this.users.get(principal.userId),
      this.passwords.hasPassword(principal.userId),
    ]);
    const errors = state.errors ?? new FieldErrors();
    return this.site.page(
      page,
      {
        title: 'Account verwijderen',
        description: 'Verwijder uw account en alles wat Bouwsteen persoonlijk over u bewaart.',
        canonicalPath: '/mijn-account/verwijderen',
        section: 'account',
        noindex: true,
      },
      <div class="site-narrow">
        <h1 class="utrecht-heading-1">Account verwijderen</h1>
        <ProblemNotice text={state.problem} />
        <p class="utrecht-paragraph">
          Dit kan niet ongedaan worden gemaakt. Meteen verdwijnen, voor altijd:
        </p>
        <ul class="utrecht-unordered-list">
          <li>uw account: naam, e-mailadres, rol en lidmaatschappen;</li>
          <li>waar u bent ingelogd, uw API-sleutels en gekoppelde instellingsaccounts;</li>
          <li>uw reviews en uw meldingen over reviews;</li>
          <li>uw lijsten (ook gedeelde) en bewaarde zoekopdrachten;</li>
          <li>wat u volgt, uw meldingen, webhooks en e-mailinstellingen;</li>
          <li>cursussen die u zonder organisatie maakte.</li>
        </ul>
        <p class="utrecht-paragraph">
          Wat u voor een PPS of organisatie maakte blijft, zonder uw naam: bouwstenen en hun
          versies, vastgelegd hergebruik, imports en de cursussen van uw organisatie.
        </p>
        <ErrorSummary errors={errors} labelOf={(path) => LABELS[path] ?? 'Formulier'} />
        <form method="post" action="/mijn-account/verwijderen" class="site-form" novalidate>
          <FormTokenField page={page} />
          <TextField
            path="confirmation"
            label={LABELS.confirmation}
            hint={`Uw e-mailadres is ${user.email}.`}
            type="email"
            autocomplete="off"
            value={state.confirmation}
            errors={errors}
            required
          />
          {hasPassword ? (
            <TextField
              path="currentPassword"
              label={LABELS.currentPassword}
              type="password"
              autocomplete="current-password"
              errors={errors}
              required
            />
          ) : (
            ''
          )}
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Account definitief verwijderen
          </button>
        </form>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/mijn-account">
            Niet verwijderen, terug naar mijn account
          </a>
        </p>
      </div>,
    );
  }

  /** On success the session went with the account: `signedOut` clears the cookie. */
  async submit(
    page: PageContext,
    principal: Principal,
    body: Record<string, unknown>,
    address: string,
    signedOut: () => void,
  ): Promise<PageAnswer> {
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const confirmation = text('confirmation');
    const again = async (errors: FieldErrors, status = 400, problem?: string) => ({
      status,
      html: await this.render(page, principal, { errors, confirmation, problem }),
    });
    try {
      return await submitForm({
        dto: DeleteOwnAccountDto,
        input: {
          confirmation,
          ...(text('currentPassword') ? { currentPassword: text('currentPassword') } : {}),
        },
        again: (errors) => again(new FieldErrors(errors)),
        write: async (value) => {
          await this.deletion.deleteOwn(principal, value, address);
          signedOut();
          return { redirect: '/account-verwijderd' };
        },
      });
    } catch (error) {
      // Not about a field: the account itself cannot go yet.
      if (error instanceof DomainException && error.code === AuthError.LastAdmin)
        return again(new FieldErrors(), 409, dutchMessage(AuthError.LastAdmin));
      const limited = tooManyAttempts(error);
      if (!limited) throw error;
      return {
        ...(await again(new FieldErrors(), 429, limited.problem)),
        headers: limited.headers,
      };
    }
  }

  /** Where the browser lands once the account is gone (no session any more). */
  deleted(page: PageContext): Promise<string> {
    return this.site.page(
      page,
      {
        title: 'Uw account is verwijderd',
        description: 'Uw account bij Bouwsteen is verwijderd.',
        canonicalPath: '/account-verwijderd',
        section: 'inloggen',
        noindex: true,
      },
      <div class="site-narrow">
        <h1 class="utrecht-heading-1">Uw account is verwijderd</h1>
        <p class="utrecht-paragraph">
          Uw account en alles wat Bouwsteen persoonlijk over u bewaarde zijn verwijderd. U bent
          uitgelogd. Zoeken en lezen in Bouwsteen kan ook zonder account.
        </p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/">
            Naar de startpagina
          </a>
        </p>
      </div>,
    );
  }
}
