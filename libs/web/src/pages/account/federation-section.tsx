import { FormTokenField } from '../../forms/form-token';
import { formatDate } from '../../format/format';
import type { PageContext } from '../../http/page-context';
import { FEDERATION_TEXTS as T } from './federation-texts';

interface Issuer {
  key: string;
  label: string;
}

/**
 * "Inloggen met uw instellingsaccount" on /inloggen: one form per configured issuer, each a
 * button that posts (with the form token) and goes on to the issuer; nothing without issuers.
 */
export function InstitutionSignIn(props: {
  page: PageContext;
  issuers: readonly Issuer[];
  back: string;
}): JSX.Element {
  if (props.issuers.length === 0) return <></>;
  return (
    <section class="site-institution" aria-labelledby="instelling-kop">
      <h2 class="utrecht-heading-2" id="instelling-kop">
        {T.signInHeading}
      </h2>
      <p class="utrecht-paragraph">{T.signInLead}</p>
      {props.issuers.map((issuer) => (
        <form method="post" action={`/inloggen/instelling/${issuer.key}`} class="site-form">
          <FormTokenField page={props.page} />
          {props.back ? <input type="hidden" name="terug" value={props.back} /> : ''}
          <button class="utrecht-button utrecht-button--secondary-action" type="submit" safe>
            {T.signInButton(issuer.label)}
          </button>
        </form>
      ))}
    </section>
  );
}

/**
 * /mijn-account: the institution accounts linked to this one, each with "Ontkoppelen" (refused
 * while it is the account's only way in), and a button per issuer not yet linked: the issuer
 * then signs the person in and the link is made.
 */
export function LinkedInstitutions(props: {
  page: PageContext;
  issuers: readonly Issuer[];
  linked: readonly { issuer: string; label: string; createdAt: Date; lastUsedAt: Date | null }[];
}): JSX.Element {
  if (props.issuers.length === 0 && props.linked.length === 0) return <></>;
  const open = props.issuers.filter(
    (issuer) => !props.linked.some((link) => link.issuer === issuer.key),
  );
  return (
    <section aria-labelledby="instellingen-kop">
      <h2 class="utrecht-heading-2" id="instellingen-kop">
        {T.linkedHeading}
      </h2>
      {props.linked.length > 0 ? (
        <ul class="utrecht-unordered-list">
          {props.linked.map((link) => (
            <li>
              <span safe>
                {T.linkedItem(
                  link.label,
                  formatDate(link.createdAt),
                  link.lastUsedAt ? formatDate(link.lastUsedAt) : undefined,
                )}
              </span>
              <form
                method="post"
                action={`/mijn-account/instelling/${encodeURIComponent(link.issuer)}/ontkoppelen`}
                class="site-form"
              >
                <FormTokenField page={props.page} />
                <button class="utrecht-button utrecht-button--secondary-action" type="submit" safe>
                  {T.unlinkButton(link.label)}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p class="utrecht-paragraph">{T.noneLinked}</p>
      )}
      {open.map((issuer) => (
        <form method="post" action={`/mijn-account/instelling/${issuer.key}`} class="site-form">
          <FormTokenField page={props.page} />
          <button class="utrecht-button utrecht-button--secondary-action" type="submit" safe>
            {T.linkButton(issuer.label)}
          </button>
        </form>
      ))}
    </section>
  );
}

/**
 * For an account without a password (made through an institution): instead of "Wachtwoord
 * wijzigen", which needs the current one, a button that makes a one-time password link for
 * oneself and opens it (the invitation and reset links' page).
 */
export function SetPassword(props: { page: PageContext }): JSX.Element {
  return (
    <section aria-labelledby="wachtwoord-kop">
      <h2 class="utrecht-heading-2" id="wachtwoord-kop">
        {T.noPasswordHeading}
      </h2>
      <p class="utrecht-paragraph">{T.noPassword}</p>
      <form method="post" action="/mijn-account/wachtwoord-instellen" class="site-form">
        <FormTokenField page={props.page} />
        <button class="utrecht-button utrecht-button--secondary-action" type="submit">
          {T.noPasswordButton}
        </button>
      </form>
    </section>
  );
}
