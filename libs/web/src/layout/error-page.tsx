import Html from '@kitajs/html';
import type { FieldError } from '@bouwsteen/common/pure';
import { inDutch } from '@bouwsteen/taxonomy/pure';
import { TypedText, TypedTexts } from './typed-texts';
import type { PageMeta } from './page-meta';

interface ErrorText {
  title: string;
  lead: string;
  /** The page the lead sends the person to ("op de inlogpagina"), as a link. */
  next?: { href: string; label: string };
}

const SIGN_IN = { href: '/inloggen', label: 'Naar de inlogpagina' };
const MY_ACCOUNT = { href: '/mijn-account', label: 'Naar Mijn account' };

const TEXTS: Record<number, ErrorText> = {
  400: {
    title: 'Deze link klopt niet',
    lead: 'Het adres bevat iets wat Bouwsteen niet kan lezen. Controleer de link of begin opnieuw bij zoeken.',
  },
  401: {
    title: 'Log opnieuw in',
    lead: 'U bent niet (meer) ingelogd. Log in en probeer het opnieuw; wat u invulde is helaas niet bewaard.',
  },
  403: {
    title: 'Dit mag niet met uw account',
    lead: 'Uw account heeft geen toegang tot deze pagina of handeling. Denkt u dat dit niet klopt? Neem contact op met de beheerder.',
  },
  404: {
    title: 'Pagina niet gevonden',
    lead: 'Deze pagina bestaat niet (meer), of de bouwsteen is nog niet gepubliceerd.',
  },
  503: {
    title: 'Even niet beschikbaar',
    lead: 'Bouwsteen kan deze pagina nu niet maken omdat een onderdeel tijdelijk niet bereikbaar is. Probeer het over een halve minuut opnieuw.',
  },
  500: {
    title: 'Er ging iets mis',
    lead: 'Door een fout aan onze kant kon deze pagina niet worden gemaakt. Probeer het later opnieuw.',
  },
};

/** Where a problem code has more to say than its status. */
const CODE_TEXTS: Record<string, ErrorText> = {
  'form-expired': {
    title: 'Het formulier is verlopen',
    lead: 'Dit formulier kon niet worden verwerkt: u bent intussen afgemeld, de pagina was te oud, of uw browser staat geen cookies toe. Meld u zo nodig opnieuw aan, open het formulier opnieuw en verstuur het nog eens.',
  },
  'form-other-address': {
    title: 'Dit formulier komt van een ander adres',
    lead: 'De pagina met dit formulier werd geopend op een ander adres dan waarop Bouwsteen is ingesteld. Open Bouwsteen via het adres van de beheerder (het adres in uw uitnodiging of op de startpagina) en verstuur het formulier daar opnieuw.',
  },
  'qualification-not-found': {
    title: 'Kwalificatie niet gevonden',
    lead: 'Deze crebocode staat niet in de kwalificatiestructuur die Bouwsteen kent: misschien is hij verkeerd overgenomen, of heeft de beheerder die kwalificatie (nog) niet ingelezen. Zoek de kwalificatie op naam of crebocode in het overzicht van kwalificaties.',
  },
  'elective-not-found': {
    title: 'Keuzedeel niet gevonden',
    lead: 'Deze keuzedeelcode staat niet in de kwalificatiestructuur die Bouwsteen kent: misschien is hij verkeerd overgenomen, of heeft de beheerder dat keuzedeel (nog) niet ingelezen. Een keuzedeelcode is een K met vier cijfers, zoals K0771; zoek het keuzedeel op naam in het overzicht van keuzedelen.',
  },
  'notification-not-found': {
    title: 'Melding niet gevonden',
    lead: 'Deze melding bestaat niet (meer), of hij is voor een ander account. Uw eigen meldingen staan onder Meldingen, bovenaan de pagina.',
  },
  'federation-issuer-unknown': {
    title: 'Deze instelling kent Bouwsteen niet',
    lead: 'Met het account van deze instelling of federatie kunt u bij Bouwsteen niet inloggen. Kies op de inlogpagina een van de instellingen die er staan, of log in met uw e-mailadres en wachtwoord.',
    next: SIGN_IN,
  },
  'federation-state-invalid': {
    title: 'Deze inlogpoging is niet meer geldig',
    lead: 'Het antwoord van uw instelling hoort niet bij een inlogpoging in deze browser: die is al gebruikt, duurde langer dan tien minuten of begon in een andere browser. Er is niets veranderd. Begin opnieuw op de inlogpagina.',
    next: SIGN_IN,
  },
  'federation-refused': {
    title: 'Inloggen via uw instelling is niet gelukt',
    lead: 'Uw instelling heeft het inloggen geweigerd of afgebroken, of haar antwoord kon niet worden gecontroleerd. U bent niet ingelogd. Probeer het opnieuw op de inlogpagina; lukt het weer niet, neem dan contact op met de beheerder van Bouwsteen.',
    next: SIGN_IN,
  },
  'federation-unavailable': {
    title: 'Uw instelling is even niet bereikbaar',
    lead: 'Bouwsteen kan de inlogdienst van uw instelling nu niet bereiken. Probeer het over een halve minuut opnieuw, of log in met uw e-mailadres en wachtwoord.',
    next: SIGN_IN,
  },
  'federation-email-missing': {
    title: 'Uw instelling gaf geen e-mailadres door',
    lead: 'Voor een nieuw account heeft Bouwsteen uw e-mailadres nodig, maar uw instelling gaf er geen (bruikbaar) door. Er is geen account gemaakt. Vraag de beheerder van Bouwsteen om een account.',
  },
  'federation-email-taken': {
    title: 'Er is al een account met dit e-mailadres',
    lead: 'Uw instelling gaf een e-mailadres door waarmee al een Bouwsteen-account bestaat. Dat account nemen we niet zomaar over. Log in met uw e-mailadres en wachtwoord en koppel daarna op Mijn account het account van uw instelling; dan kunt u voortaan ook zo inloggen.',
    next: SIGN_IN,
  },
  'federation-link-conflict': {
    title: 'Dit instellingsaccount is al gekoppeld',
    lead: 'Dit account van uw instelling hoort al bij een ander Bouwsteen-account, of uw Bouwsteen-account is al gekoppeld aan een ander account van dezelfde instelling. Er is niets veranderd.',
    next: MY_ACCOUNT,
  },
  'federation-account-deactivated': {
    title: 'Dit account is uitgezet',
    lead: 'Het Bouwsteen-account dat bij dit instellingsaccount hoort, is door een beheerder uitgezet. Neem contact op met de beheerder van Bouwsteen als u denkt dat dit niet klopt.',
  },
  'federation-too-many-starts': {
    title: 'Te veel inlogpogingen tegelijk',
    lead: 'Vanaf uw netwerk zijn kort na elkaar veel inlogpogingen via een instelling begonnen die niet zijn afgemaakt, of er lopen er nu te veel tegelijk. Wacht even en probeer het dan opnieuw op de inlogpagina, of log in met uw e-mailadres en wachtwoord.',
    next: SIGN_IN,
  },
  'federation-link-not-found': {
    title: 'Dit instellingsaccount is niet gekoppeld',
    lead: 'Aan uw Bouwsteen-account is geen account van deze instelling gekoppeld; misschien heeft u het al ontkoppeld. Er is niets veranderd. Op Mijn account ziet u welke instellingsaccounts gekoppeld zijn.',
    next: MY_ACCOUNT,
  },
  'password-already-set': {
    title: 'U heeft al een wachtwoord',
    lead: 'Uw account heeft al een wachtwoord. Wijzig het op Mijn account met uw huidige wachtwoord; bent u het vergeten, vraag dan de beheerder van Bouwsteen om een link voor een nieuw wachtwoord.',
    next: MY_ACCOUNT,
  },
  'shared-list-not-found': {
    title: 'Deze link werkt niet meer',
    lead: 'De eigenaar van de lijst heeft deze link ingetrokken of vervangen, of de lijst verwijderd; misschien is de link ook niet helemaal goed overgenomen. Vraag wie u de link stuurde om een nieuwe.',
  },
  'shared-course-not-found': {
    title: 'Deze link werkt niet meer',
    lead: 'Het cursusvoorstel dat met deze link werd gedeeld, is niet (meer) beschikbaar. Misschien is de link ingetrokken of vervangen, of niet helemaal goed overgenomen. Vraag het LLO-loket dat u de link stuurde om een nieuwe.',
  },
};

/** A form post the site could not take as it came (unreadable, too large): not a link's fault. */
const FORM_TEXT: ErrorText = {
  title: 'Dit formulier kon niet worden verwerkt',
  lead: 'Wat u verstuurde kon Bouwsteen niet lezen: het formulier was te groot, had meer velden dan het formulier kent of was anders opgebouwd. Er is niets opgeslagen. Ga terug naar het formulier en probeer het opnieuw; wat u typte en nog te lezen was, staat hieronder om over te nemen.',
};

export function errorText(status: number, code?: string, form = false): ErrorText {
  if (code && CODE_TEXTS[code]) return CODE_TEXTS[code];
  if (form && (status === 400 || status === 413 || status === 415)) return FORM_TEXT;
  if (TEXTS[status]) return TEXTS[status];
  return status >= 500 ? TEXTS[500] : TEXTS[400];
}

export function errorMeta(status: number, path: string, code?: string, form = false): PageMeta {
  const text = errorText(status, code, form);
  return {
    title: text.title,
    description: text.lead,
    canonicalPath: path,
    section: 'fout',
    noindex: true,
  };
}

/** A Dutch error page with a way on: search, the start page, or trying again. */
export function ErrorContent(props: {
  status: number;
  code?: string;
  retryPath?: string;
  requestId?: string;
  /** What a refused form post carried, given back to copy (see typedTexts). */
  typed?: TypedText[];
  /** The field errors of a refused request (a link with a value out of range), said in Dutch. */
  errors?: readonly FieldError[];
  /** A refused form post: where its form opens again. */
  formPath?: string;
}): JSX.Element {
  const text = errorText(props.status, props.code, props.formPath !== undefined);
  const problems = [...new Set((props.errors ?? []).map((error) => inDutch(error)))];
  const retry = props.status >= 500 && Boolean(props.retryPath);
  return (
    <>
      <h1 class="utrecht-heading-1" safe>
        {text.title}
      </h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead" safe>
        {text.lead}
      </p>
      {problems.length > 0 ? (
        <ul class="utrecht-unordered-list">
          {problems.map((problem) => (
            <li class="utrecht-unordered-list__item" safe>
              {problem}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {retry ? (
        <p class="utrecht-paragraph">
          <a
            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
            href={props.retryPath}
          >
            Opnieuw proberen
          </a>
        </p>
      ) : (
        ''
      )}
      {text.next ? (
        <p class="utrecht-paragraph">
          <a
            class={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${retry ? 'secondary' : 'primary'}-action`}
            href={text.next.href}
            safe
          >
            {text.next.label}
          </a>
        </p>
      ) : (
        ''
      )}
      {props.formPath !== undefined && props.status < 500 ? (
        <p class="utrecht-paragraph">
          <a
            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
            href={props.formPath}
          >
            Terug naar het formulier
          </a>
        </p>
      ) : (
        ''
      )}
      <TypedTexts texts={props.typed ?? []} />
      <form class="site-search site-search--small" method="get" action="/zoeken" role="search">
        <label class="utrecht-form-label" for="fout-q">
          Zoek een bouwsteen
        </label>
        <div class="site-search__row">
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            type="search"
            id="fout-q"
            name="q"
          />
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Zoeken
          </button>
        </div>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/">
          Naar de startpagina
        </a>
      </p>
      {props.status >= 500 && props.requestId ? (
        <p class="utrecht-paragraph site-muted">
          Meldt u dit? Noem dan dit nummer:{' '}
          <code class="utrecht-code">{Html.escapeHtml(props.requestId)}</code>
        </p>
      ) : (
        ''
      )}
    </>
  );
}
