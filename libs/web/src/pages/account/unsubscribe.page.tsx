import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { MailPreferencesService } from '@bouwsteen/mail';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';

/**
 * /e-mail/afmelden?code=…: the link at the foot of every mail. GET asks (a mail scanner that
 * follows links changes nothing); the button, or a mail program's one-click POST (RFC 8058),
 * switches the type off — without signing in: the signed code is the proof, so this form
 * carries no form token. A code this site did not sign is a 404 page.
 */
@Injectable()
export class UnsubscribePage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly preferences: MailPreferencesService,
  ) {}

  render(page: PageContext, code: unknown): Promise<string> {
    const { label } = this.preferences.read(code);
    return this.site.page(
      page,
      {
        title: 'Afmelden voor e-mail',
        description: 'Geen e-mail meer van deze soort van Bouwsteen.',
        canonicalPath: '/e-mail/afmelden',
        section: 'account',
        noindex: true,
      },
      <div class="site-narrow">
        <h1 class="utrecht-heading-1">Afmelden voor e-mail</h1>
        <p class="utrecht-paragraph">
          Wilt u geen e-mail meer van de soort <strong safe>{`"${label}"`}</strong>?
        </p>
        <form
          method="post"
          action={`/e-mail/afmelden?code=${encodeURIComponent(String(code))}`}
          class="site-form"
        >
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Afmelden
          </button>
        </form>
        <p class="utrecht-paragraph">
          Alle keuzes staan, na inloggen, bij{' '}
          <a class="utrecht-link" href="/mijn-account/e-mail">
            E-mailinstellingen
          </a>
          .
        </p>
      </div>,
    );
  }

  async submit(page: PageContext, code: unknown): Promise<string> {
    const { label } = await this.preferences.unsubscribe(code);
    return this.site.page(
      page,
      {
        title: 'Afgemeld',
        description: 'U krijgt deze e-mail niet meer.',
        canonicalPath: '/e-mail/afmelden',
        section: 'account',
        noindex: true,
      },
      <div class="site-narrow">
        <h1 class="utrecht-heading-1">Afgemeld</h1>
        <p class="utrecht-paragraph" role="status">
          U krijgt geen e-mail meer van de soort <strong>{Html.escapeHtml(`"${label}"`)}</strong>.
        </p>
        <p class="utrecht-paragraph">
          Toch weer e-mail? Zet het aan bij{' '}
          <a class="utrecht-link" href="/mijn-account/e-mail">
            E-mailinstellingen
          </a>{' '}
          (na inloggen).
        </p>
      </div>,
    );
  }
}
