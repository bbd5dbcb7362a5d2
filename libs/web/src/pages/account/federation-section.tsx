import { FormTokenField } from '../../forms/form-token';
import { formatDate } from '../../format/format';
import type { PageContext } from '../../http/page-context';

interface Issuer {
  key: string;
  label: string;
}

/**
 * "Inloggen met je instellingsaccount" on /inloggen: one form per configured issuer, each a
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
        Inloggen met je instellingsaccount
      </h2>
      <p class="utrecht-paragraph">
        Werkt of studeert u bij een onderwijsinstelling? Log dan in met het account van uw
        instelling. De eerste keer maakt Bouwsteen een account voor u aan.
      </p>
      {props.issuers.map((issuer) => (
        <form method="post" action={`/inloggen/instelling/${issuer.key}`} class="site-form">
          <FormTokenField page={props.page} />
          {props.back ? <input type="hidden" name="terug" value={props.back} /> : ''}
          <button class="utrecht-button utrecht-button--secondary-action" type="submit" safe>
            {`Inloggen met ${issuer.label}`}
          </button>
        </form>
      ))}
    </section>
  );
}

/**
 * /mijn-account: the institution accounts linked to this one, and a button per issuer not yet
 * linked ("Koppelen"): the issuer then signs the person in and the link is made.
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
        Instellingsaccounts
      </h2>
      {props.linked.length > 0 ? (
        <ul class="utrecht-unordered-list">
          {props.linked.map((link) => (
            <li safe>
              {`${link.label}: gekoppeld op ${formatDate(link.createdAt)}${
                link.lastUsedAt ? `, laatst gebruikt op ${formatDate(link.lastUsedAt)}` : ''
              }`}
            </li>
          ))}
        </ul>
      ) : (
        <p class="utrecht-paragraph">
          Er is nog geen instellingsaccount gekoppeld. Koppel er een om voortaan met het account van
          uw instelling in te loggen.
        </p>
      )}
      {open.map((issuer) => (
        <form method="post" action={`/mijn-account/instelling/${issuer.key}`} class="site-form">
          <FormTokenField page={props.page} />
          <button class="utrecht-button utrecht-button--secondary-action" type="submit" safe>
            {`Account van ${issuer.label} koppelen`}
          </button>
        </form>
      ))}
    </section>
  );
}
