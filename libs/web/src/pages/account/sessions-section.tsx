import Html from '@kitajs/html';
import type { SessionView } from '@bouwsteen/auth';
import { FormTokenField } from '../../forms/form-token';
import { formatDateTime } from '../../format/format';
import type { PageContext } from '../../http/page-context';

/**
 * /mijn-account's signed-in browsers (when each signed in and was last used, and which browser
 * it is — no addresses) and "afmelden overal", which keeps only this browser signed in.
 */
export function SessionsSection(props: {
  page: PageContext;
  sessions: SessionView[];
}): JSX.Element {
  return (
    <>
      <h2 class="utrecht-heading-2" id="sessies">
        Waar u bent ingelogd
      </h2>
      <p class="utrecht-paragraph">
        De browsers waarin u nu bent ingelogd op deze website. Apps en koppelingen die een
        toegangstoken of API-sleutel gebruiken, staan hier niet bij.
      </p>
      <ul class="utrecht-unordered-list site-sessions">
        {props.sessions.map((session) => (
          <li class="utrecht-unordered-list__item">
            <strong safe>{session.browser}</strong>
            {session.current ? ' (deze browser)' : ''}
            <br />
            {Html.escapeHtml(
              `Ingelogd op ${formatDateTime(session.startedAt)}` +
                (session.lastSeenAt
                  ? `, laatst gebruikt op ${formatDateTime(session.lastSeenAt)}`
                  : ''),
            )}
          </li>
        ))}
      </ul>
      <form method="post" action="/mijn-account/afmelden-overal" class="site-form">
        <FormTokenField page={props.page} />
        <p class="utrecht-paragraph" id="afmelden-overal-uitleg">
          Afmelden overal meldt u af in alle andere browsers en beëindigt alle toegangstokens en
          API-sleutels van uw account. <strong>In deze browser blijft u ingelogd.</strong> Doe dit
          als u ergens bent vergeten uit te loggen of denkt dat iemand anders uw account gebruikt
          (kies dan ook een nieuw wachtwoord).
        </p>
        <button
          type="submit"
          class="utrecht-button utrecht-button--secondary-action"
          aria-describedby="afmelden-overal-uitleg"
        >
          Afmelden overal, behalve hier
        </button>
      </form>
    </>
  );
}
