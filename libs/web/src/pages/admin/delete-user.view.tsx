import type { UserDto } from '@bouwsteen/auth';
import { ProblemNotice } from '../../components/status-notice';
import { FormTokenField } from '../../forms/form-token';
import type { PageContext } from '../../http/page-context';

/** The link on an account's admin page to the confirmation below. */
export function DeleteUserLink({ user }: { user: UserDto }): JSX.Element {
  return (
    <>
      <h2 class="utrecht-heading-2">Account verwijderen</h2>
      <p class="utrecht-paragraph">
        Verwijdert het account met alles wat Bouwsteen persoonlijk over deze persoon bewaart. Liever
        tijdelijk? Zet het account dan op gedeactiveerd.{' '}
        <a class="utrecht-link" href={`/beheer/gebruikers/${user.id}/verwijderen`}>
          Account verwijderen
        </a>
      </p>
    </>
  );
}

/** /beheer/gebruikers/:id/verwijderen: what goes and what stays, then one button. */
export function DeleteUserView(props: {
  page: PageContext;
  user: UserDto;
  problem?: string;
}): JSX.Element {
  const { page, user } = props;
  return (
    <>
      <h1 class="utrecht-heading-1" safe>{`Account van ${user.displayName} verwijderen`}</h1>
      <ProblemNotice text={props.problem} />
      <p class="utrecht-paragraph">
        Dit kan niet ongedaan worden gemaakt. Het account <strong safe>{user.email}</strong>{' '}
        verdwijnt met zijn sessies, API-sleutels, gekoppelde instellingsaccounts, reviews en
        meldingen over reviews, lijsten, bewaarde zoekopdrachten, wat het volgt, webhooks,
        e-mailinstellingen en de cursussen die het zonder organisatie maakte. In het logboek komt
        "verwijderd account" te staan in plaats van het e-mailadres.
      </p>
      <p class="utrecht-paragraph">
        Wat het voor een PPS of organisatie maakte blijft, zonder naam: bouwstenen en versies,
        vastgelegd hergebruik, imports en de cursussen van de organisatie.
      </p>
      <form method="post" action={`/beheer/gebruikers/${user.id}/verwijderen`} class="site-form">
        <FormTokenField page={page} />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Account definitief verwijderen
        </button>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/beheer/gebruikers/${user.id}`}>
          Niet verwijderen, terug naar het account
        </a>
      </p>
    </>
  );
}
