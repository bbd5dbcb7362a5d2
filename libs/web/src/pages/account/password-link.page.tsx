import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import {
  AuthError,
  NewPasswordDto,
  OpenedPasswordLink,
  PasswordLinksService,
  RenewedAccount,
} from '@bouwsteen/auth';
import { DomainException } from '@bouwsteen/common';
import { FieldErrors } from '../../forms/field-errors';
import { submitForm } from '../../forms/form-submit';
import type { PageContext } from '../../http/page-context';
import { PageAnswer } from '../../http/page-answer';
import { SiteRenderer } from '../../layout/site-renderer';
import { PasswordForm, passwordFields, repeatProblems } from './password-form';
import { startPath } from './sign-in.page';

/** What a visitor is told when a link does not (or no longer) work: never a 500. */
const REFUSED: Record<string, { status: number; title: string; lead: string }> = {
  [AuthError.PasswordLinkNotFound]: {
    status: 404,
    title: 'Deze link werkt niet',
    lead: 'Bouwsteen kent deze link niet. Misschien is hij niet helemaal overgenomen: kopieer hem nog eens in zijn geheel uit het bericht dat u kreeg.',
  },
  [AuthError.PasswordLinkExpired]: {
    status: 410,
    title: 'Deze link is verlopen',
    lead: 'Een link om een wachtwoord te kiezen werkt maar korte tijd. Vraag de beheerder van Bouwsteen om een nieuwe link.',
  },
  [AuthError.PasswordLinkUsed]: {
    status: 410,
    title: 'Deze link is al gebruikt',
    lead: 'Met deze link is al een wachtwoord gekozen; hij werkt maar één keer. Log in met dat wachtwoord, of vraag de beheerder om een nieuwe link.',
  },
  [AuthError.PasswordLinkReplaced]: {
    status: 410,
    title: 'Deze link werkt niet meer',
    lead: 'Er is een nieuwere link gemaakt, of het wachtwoord of het account is sindsdien gewijzigd. Alleen de nieuwste link werkt: gebruik die, of vraag de beheerder om een nieuwe.',
  },
};

/** The link's path for canonical links: never the secret. */
const PATH = '/wachtwoord-instellen';

/**
 * /wachtwoord-instellen/:geheim — the page of an invitation or reset link: choose a password,
 * and be signed in with it. A link that does not work gets a Dutch page (404 or 410).
 */
@Injectable()
export class PasswordLinkPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly links: PasswordLinksService,
  ) {}

  async show(page: PageContext, secret: string): Promise<PageAnswer> {
    return this.unlessRefused(page, async () => ({
      html: await this.form(page, secret, await this.links.open(secret), new FieldErrors()),
    }));
  }

  async submit(
    page: PageContext,
    secret: string,
    body: Record<string, unknown>,
    startSession: (account: RenewedAccount) => Promise<void>,
  ): Promise<PageAnswer> {
    const fields = passwordFields(body);
    return this.unlessRefused(page, async () => {
      const link = await this.links.open(secret);
      return submitForm({
        dto: NewPasswordDto,
        input: { newPassword: fields.newPassword },
        problems: repeatProblems(fields),
        again: async (errors) => ({
          status: 400,
          html: await this.form(page, secret, link, new FieldErrors(errors)),
        }),
        write: async (value) => {
          const account = await this.links.redeem(secret, value.newPassword);
          await startSession(account);
          return { redirect: startPath(account.role) };
        },
      });
    });
  }

  private async unlessRefused(
    page: PageContext,
    answer: () => Promise<PageAnswer>,
  ): Promise<PageAnswer> {
    try {
      return await answer();
    } catch (error) {
      const refusal = error instanceof DomainException ? REFUSED[error.code] : undefined;
      if (!refusal) throw error;
      return { status: refusal.status, html: await this.refused(page, refusal) };
    }
  }

  private form(
    page: PageContext,
    secret: string,
    link: OpenedPasswordLink,
    errors: FieldErrors,
  ): Promise<string> {
    const invitation = link.purpose === 'invitation';
    const title = invitation ? 'Welkom bij Bouwsteen' : 'Kies een nieuw wachtwoord';
    return this.site.page(
      page,
      {
        title,
        description: 'Kies een wachtwoord voor uw account bij Bouwsteen.',
        canonicalPath: PATH,
        section: 'inloggen',
        noindex: true,
      },
      <div class="site-narrow">
        <h1 class="utrecht-heading-1">{title}</h1>
        <p class="utrecht-paragraph utrecht-paragraph--lead">
          {Html.escapeHtml(
            invitation
              ? `${link.displayName}, u bent uitgenodigd voor Bouwsteen. Kies een wachtwoord; daarna bent u meteen ingelogd.`
              : 'Kies een nieuw wachtwoord voor uw account. Daarna bent u ingelogd en wordt u overal elders afgemeld.',
          )}
        </p>
        <PasswordForm
          page={page}
          action={`${PATH}/${secret}`}
          errors={errors}
          askCurrent={false}
          email={link.email}
          submit={invitation ? 'Wachtwoord opslaan en inloggen' : 'Wachtwoord opslaan'}
        />
        <p class="utrecht-paragraph site-muted">
          Deze link werkt één keer. Hebt u hem niet zelf gekregen? Sluit dan deze pagina.
        </p>
      </div>,
    );
  }

  private refused(page: PageContext, text: { title: string; lead: string }): Promise<string> {
    return this.site.page(
      page,
      {
        title: text.title,
        description: text.lead,
        canonicalPath: PATH,
        section: 'inloggen',
        noindex: true,
      },
      <div class="site-narrow">
        <h1 class="utrecht-heading-1" safe>
          {text.title}
        </h1>
        <p class="utrecht-paragraph utrecht-paragraph--lead" safe>
          {text.lead}
        </p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/inloggen">
            Naar inloggen
          </a>
        </p>
      </div>,
    );
  }
}
