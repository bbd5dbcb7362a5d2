import Html from '@kitajs/html';
import type { PasswordLinkDto, UserDto } from '@bouwsteen/auth';
import { FormTokenField } from '../../forms/form-token';
import { formatDateTime } from '../../format/format';
import type { PageContext } from '../../http/page-context';

/** Which link an admin makes from the account's page: a first sign-in still to come is an invitation. */
export function linkPurposeFor(user: UserDto): 'invitation' | 'reset' {
  return user.lastLoginAt ? 'reset' : 'invitation';
}

/**
 * A link just made, shown once to the admin: mailed to the account as well when e-mail is set up
 * (the notice says so), else passed on by the admin. Only its fingerprint is stored, so it
 * cannot be shown again: a new one replaces it.
 */
export function PasswordLinkNotice(props: { link: PasswordLinkDto; email: string }): JSX.Element {
  const invitation = props.link.purpose === 'invitation';
  const label = invitation ? 'Uitnodigingslink' : 'Link om een nieuw wachtwoord te kiezen';
  const made = `${invitation ? 'Uitnodiging' : 'Herstellink'} voor ${props.email} gemaakt.`;
  const once = `hij wordt maar één keer getoond, werkt één keer en verloopt op ${formatDateTime(props.link.expiresAt)}.`;
  const text = props.link.mailed
    ? `${made} Bouwsteen stuurt de link ook per e-mail naar dat adres. Komt die e-mail niet aan, stuur de link dan zelf via een veilig kanaal door; ${once}`
    : `${made} Stuur deze link via een veilig kanaal door; ${once}`;
  return (
    <div class="utrecht-alert utrecht-alert--ok" role="status">
      <div class="utrecht-alert__content">
        <p class="utrecht-paragraph" safe>
          {text}
        </p>
        <p class="utrecht-paragraph">
          <label class="utrecht-form-label" for="wachtwoordlink">
            {Html.escapeHtml(label)}
          </label>
        </p>
        <textarea
          class="utrecht-textarea utrecht-textarea--html-textarea utrecht-textarea--read-only"
          id="wachtwoordlink"
          rows="3"
          readonly
          safe
        >
          {props.link.url}
        </textarea>
        <p class="utrecht-paragraph">
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            data-copy-target="wachtwoordlink"
            data-copy-status="wachtwoordlink-status"
            hidden
          >
            Kopieer link
          </button>
        </p>
        <span id="wachtwoordlink-status" class="copy-status" role="status"></span>
      </div>
    </div>
  );
}

/** On an account's page: make a new invitation or reset link (an older one stops working). */
export function PasswordLinkForm(props: { page: PageContext; user: UserDto }): JSX.Element {
  const { user } = props;
  const invitation = linkPurposeFor(user) === 'invitation';
  return (
    <>
      <h2 class="utrecht-heading-2">Wachtwoord</h2>
      {user.active ? (
        <form
          method="post"
          action={`/beheer/gebruikers/${user.id}/wachtwoordlink`}
          class="site-form"
        >
          <FormTokenField page={props.page} />
          <p class="utrecht-paragraph">
            {invitation
              ? 'Nog nooit ingelogd? Maak een nieuwe uitnodigingslink; daarmee kiest deze persoon zelf een wachtwoord. De link werkt een paar dagen.'
              : 'Wachtwoord vergeten? Maak een link waarmee deze persoon zelf een nieuw wachtwoord kiest. De link werkt een paar uur; het oude wachtwoord blijft werken tot de link is gebruikt.'}{' '}
            Een eerdere link van dit account werkt daarna niet meer.
          </p>
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            {invitation ? 'Nieuwe uitnodigingslink maken' : 'Herstellink maken'}
          </button>
        </form>
      ) : (
        <p class="utrecht-paragraph">
          Dit account is gedeactiveerd. Activeer het eerst om een link te maken.
        </p>
      )}
    </>
  );
}
