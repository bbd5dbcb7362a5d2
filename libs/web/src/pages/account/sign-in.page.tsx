import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { FederationService, LoginDto, WebSessionsService } from '@bouwsteen/auth';
import { DomainException, FieldError } from '@bouwsteen/common';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import { validateForm } from '../../forms/form-validation';
import type { PageContext } from '../../http/page-context';
import { PageAnswer, safeReturnPath } from '../../http/page-answer';
import { SiteRenderer } from '../../layout/site-renderer';
import { InstitutionSignIn } from './federation-section';
import { FEDERATION_TEXTS } from './federation-texts';

const LABELS: Record<string, string> = { email: 'E-mailadres', password: 'Wachtwoord' };

/** Where each role starts after signing in, unless it came from a page. */
const START: Record<string, string> = {
  'pps-editor': '/mijn-pps',
  'llo-office': '/mijn-cursussen',
  admin: '/beheer',
};

export function startPath(role: string): string {
  return START[role] ?? '/';
}

interface SignInState {
  email?: string;
  back: string;
  errors?: FieldErrors;
}

/** /inloggen: the same accounts, checks and limits as the API's POST /auth/login. */
@Injectable()
export class SignInPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly sessions: WebSessionsService,
    private readonly federation: FederationService,
  ) {}

  render(page: PageContext, back: unknown): Promise<string> {
    return this.form(page, { back: safeReturnPath(back, '') });
  }

  async submit(
    page: PageContext,
    body: Record<string, unknown>,
    address: string,
    userAgent: string | undefined,
    startSession: (secret: string) => void,
  ): Promise<PageAnswer> {
    const back = safeReturnPath(body.terug, '');
    const email = typeof body.email === 'string' ? body.email : '';
    const { terug: _back, ...credentials } = body;
    void _back;
    const valid = await validateForm(LoginDto, credentials);
    if (!valid.ok)
      return {
        status: 400,
        html: await this.form(page, { email, back, errors: new FieldErrors(valid.errors) }),
      };
    let role: string;
    try {
      const session = await this.sessions.start(valid.value, address, userAgent);
      startSession(session.secret);
      // A password an admin chose is replaced first; every other page would send here anyway.
      if (session.mustChangePassword) return { redirect: '/mijn-account/wachtwoord' };
      role = session.role;
    } catch (error) {
      if (!(error instanceof DomainException) || ![401, 429].includes(error.status)) throw error;
      // As any failed form: the summary first (focused, "Fout: " in the title), at the field.
      const refusal: FieldError =
        error.status === 429
          ? {
              field: 'email',
              code: 'signInTooOften',
              message: 'too many attempts',
              values: { seconds: Number(error.headers?.['Retry-After'] ?? 60) },
            }
          : { field: 'password', code: 'signInRefused', message: 'refused' };
      // The same headers as the API's answer: a 429 says in Retry-After when to try again.
      return {
        status: error.status,
        headers: error.status === 429 ? error.headers : undefined,
        html: await this.form(page, { email, back, errors: new FieldErrors([refusal]) }),
      };
    }
    return { redirect: back || startPath(role) };
  }

  private form(page: PageContext, state: SignInState): Promise<string> {
    const errors = state.errors ?? new FieldErrors();
    const issuers = this.federation.list();
    return this.site.page(
      page,
      {
        title: 'Inloggen',
        description:
          'Log in om reviews te schrijven, lijsten en zoekopdrachten te bewaren, bouwstenen van uw PPS te beheren of cursussen samen te stellen.',
        canonicalPath: '/inloggen',
        section: 'inloggen',
        noindex: true,
      },
      <div class="site-narrow">
        <h1 class="utrecht-heading-1">Inloggen</h1>
        <p class="utrecht-paragraph">
          Voor docenten (reviews, lijsten en bewaarde zoekopdrachten), projectleiders van een PPS,
          LLO-loketten en beheerders. Zoeken en lezen kan zonder account.
        </p>
        <ErrorSummary errors={errors} labelOf={(path) => LABELS[path] ?? 'Formulier'} />
        <InstitutionSignIn page={page} issuers={issuers} back={state.back} />
        {issuers.length > 0 ? (
          <h2 class="utrecht-heading-2">{FEDERATION_TEXTS.passwordHeading}</h2>
        ) : (
          ''
        )}
        <form method="post" action="/inloggen" class="site-form" novalidate>
          <FormTokenField page={page} />
          {state.back ? <input type="hidden" name="terug" value={state.back} /> : ''}
          <TextField
            path="email"
            label="E-mailadres"
            type="email"
            autocomplete="username"
            value={state.email}
            errors={errors}
            required
          />
          <TextField
            path="password"
            label="Wachtwoord"
            type="password"
            autocomplete="current-password"
            errors={errors}
            required
          />
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Inloggen
          </button>
        </form>
        <p class="utrecht-paragraph site-muted">
          {Html.escapeHtml(
            'Wachtwoord vergeten? Vraag de beheerder van Bouwsteen in uw regio om een link waarmee u een nieuw wachtwoord kiest.',
          )}
        </p>
      </div>,
    );
  }
}
