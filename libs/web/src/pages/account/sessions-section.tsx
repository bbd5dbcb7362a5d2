import Html from '@kitajs/html';
import type { SessionView } from '@bouwsteen/auth';
import { FormTokenField } from '../../forms/form-token';
import { formatDateTime } from '../../format/format';
import type { PageContext } from '../../http/page-context';

/**
 * /mijn-account's signed-in browsers (when each signed in and was last used, and which browser
 * it is — no addresses): this browser first and marked, then the most recently used, at most
 * SESSIONS_SHOWN, with how many more there are. Each has its own "Afmelden" (a form, so it works
 * without JavaScript); "afmelden overal" keeps only this browser signed in.
 */
export function SessionsSection(props: {
  page: PageContext;
  sessions: SessionView[];
  total: number;
}): JSX.Element {
  const more = props.total - props.sessions.length;
  return (
    <>
      <h2 class="utrecht-heading-2" id="sessies">
        Waar u bent ingelogd
      </h2>
      <p class="utrecht-paragraph">
        De browsers waarin u nu bent ingelogd op deze website, de laatst gebruikte eerst. Apps en
        koppelingen die een toegangstoken of API-sleutel gebruiken, staan hier niet bij.
      </p>
      <ul class="site-sessions match-list" aria-labelledby="sessies">
        {props.sessions.map((session) => (
          <SessionItem page={props.page} session={session} />
        ))}
      </ul>
      {more > 0 ? (
        <p class="utrecht-paragraph">
          {Html.escapeHtml(
            `En nog ${more} ${more === 1 ? 'andere browser' : 'andere browsers'} die langer niet ${more === 1 ? 'is' : 'zijn'} gebruikt. Met "Afmelden overal" meldt u ook ${more === 1 ? 'die' : 'die allemaal'} af.`,
          )}
        </p>
      ) : (
        ''
      )}
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

function SessionItem({ page, session }: { page: PageContext; session: SessionView }) {
  const started = formatDateTime(session.startedAt);
  return (
    <li>
      <strong safe>{session.browser}</strong>
      {session.current ? ' (deze browser)' : ''}
      <br />
      {Html.escapeHtml(
        `Ingelogd op ${started}` +
          (session.lastSeenAt ? `, laatst gebruikt op ${formatDateTime(session.lastSeenAt)}` : ''),
      )}
      <form
        method="post"
        action={`/mijn-account/sessies/${session.id}/afmelden`}
        class="match-actions"
      >
        <FormTokenField page={page} />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {session.current ? (
            'Afmelden in deze browser'
          ) : (
            <>
              Afmelden
              <span class="visually-hidden" safe>
                {` (${session.browser}, ingelogd op ${started})`}
              </span>
            </>
          )}
        </button>
      </form>
    </li>
  );
}
