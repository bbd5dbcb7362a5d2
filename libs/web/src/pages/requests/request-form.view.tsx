import Html from '@kitajs/html';
import { RETENTION_MONTHS } from '@bouwsteen/requests/pure';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, TextArea, TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import type { PageContext } from '../../http/page-context';
import { NoInbox, contactRole } from '../../components/contact-role';
import type { RequestTargetView } from './request-target';

type Form = Record<string, unknown>;

/**
 * How the form speaks: asking for a building block's material, or a question to a PPS. One
 * table for both, so neither borrows the other's words.
 */
export interface RequestWords {
  heading: string;
  description: string;
  intro: string;
  labels: Record<'name' | 'email' | 'organisation' | 'purpose', string>;
  purposeHint: string;
  submit: string;
  /** "uw verzoek", "uw vraag". */
  it: string;
  sentHeading: string;
  sent: string;
}

export function requestWords(target: RequestTargetView): RequestWords {
  const who = contactRole(target.pps.name);
  const labels = {
    name: 'Uw naam',
    email: 'Uw e-mailadres',
    organisation: 'School of bedrijf',
  };
  if (target.asset)
    return {
      heading: `Materiaal aanvragen: ${target.asset.title}`,
      description: `Vraag ${target.pps.name} om het materiaal van "${target.asset.title}".`,
      intro: `Uw verzoek gaat naar ${who}, de eigenaar van deze bouwsteen. Zij sturen u het materiaal of laten weten onder welke voorwaarden u het mag gebruiken.`,
      labels: { ...labels, purpose: 'Waarvoor wilt u het gebruiken?' },
      purposeHint: 'Een paar zinnen: voor welke opleiding of groep, en wanneer.',
      submit: 'Verzoek versturen',
      it: 'uw verzoek',
      sentHeading: 'Uw verzoek is verstuurd',
      sent: `Uw verzoek is verstuurd naar ${who}, over "${target.asset.title}".`,
    };
  return {
    heading: `Een vraag aan ${target.pps.name}`,
    description: `Stel ${target.pps.name} een vraag.`,
    intro: `Uw vraag gaat naar ${who}. Vraag bijvoorbeeld naar samenwerken, naar wat de PPS doet of naar materiaal dat u zoekt.`,
    labels: { ...labels, purpose: 'Uw vraag' },
    purposeHint: 'Schrijf kort wat u wilt weten en waarvoor.',
    submit: 'Vraag versturen',
    it: 'uw vraag',
    sentHeading: 'Uw vraag is verstuurd',
    sent: `Uw vraag is verstuurd naar ${who}.`,
  };
}

/** Why no request can go to this target, or undefined when one can. */
export function refusalOf(target: RequestTargetView): 'archived' | 'no-inbox' | undefined {
  if (target.asset?.archived) return 'archived';
  if (!target.receives) return 'no-inbox';
  return undefined;
}

export function RequestForm(props: {
  page: PageContext;
  target: RequestTargetView;
  values: Form;
  errors: FieldErrors;
  limits: Record<string, number>;
  /** A refusal of the whole request (the Dutch message): shown above the form kept as typed. */
  refused?: string;
}): JSX.Element {
  const { target, values, errors, limits } = props;
  const words = requestWords(target);
  const text = (path: string) => (typeof values[path] === 'string' ? values[path] : undefined);
  return (
    <>
      <Back target={target} />
      <h1 class="utrecht-heading-1" safe>
        {words.heading}
      </h1>
      <ErrorSummary
        errors={errors}
        labelOf={(path) => words.labels[path as keyof RequestWords['labels']] ?? 'Formulier'}
      />
      {props.refused ? (
        <Refused target={target} message={props.refused} />
      ) : (
        <p class="utrecht-paragraph" safe>
          {words.intro}
        </p>
      )}
      <form method="post" action={target.path} class="site-form" novalidate>
        <FormTokenField page={props.page} />
        <TextField
          path="name"
          label={words.labels.name}
          autocomplete="name"
          value={text('name')}
          maxlength={limits.name}
          errors={errors}
          required
        />
        <TextField
          path="email"
          label={words.labels.email}
          hint="Hierop krijgt u antwoord."
          type="email"
          autocomplete="email"
          value={text('email')}
          maxlength={limits.email}
          errors={errors}
          required
        />
        <TextField
          path="organisation"
          label={words.labels.organisation}
          hint="Bijvoorbeeld: ROC Noord, opleiding Mechatronica."
          autocomplete="organization"
          value={text('organisation')}
          maxlength={limits.organisation}
          errors={errors}
          required
        />
        <TextArea
          path="purpose"
          label={words.labels.purpose}
          hint={words.purposeHint}
          value={text('purpose')}
          rows={4}
          maxlength={limits.purpose}
          errors={errors}
          required
        />
        <p class="utrecht-paragraph site-muted">
          {Html.escapeHtml(
            `Alleen ${target.pps.name} ziet uw gegevens. Bouwsteen bewaart ${words.it} ${RETENTION_MONTHS} maanden en verwijdert het daarna.`,
          )}
        </p>
        <div class="site-form__actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action" safe>
            {words.submit}
          </button>
          <a class="utrecht-link" href={target.backPath}>
            Annuleren
          </a>
        </div>
      </form>
    </>
  );
}

/** A whole request refused (archived block, nobody reads them): why, and whom to reach instead. */
function Refused(props: { target: RequestTargetView; message: string }): JSX.Element {
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert">
      <p class="utrecht-paragraph" safe>
        {props.message}
      </p>
      {props.target.receives ? '' : <NoInbox contact={props.target.contact} />}
    </div>
  );
}

/**
 * Instead of the form, for a target no request can go to: an archived block (its page names
 * a successor), or a PPS nobody of which reads requests (its websites instead).
 */
export function NoRequest(props: {
  target: RequestTargetView;
  why: 'archived' | 'no-inbox';
}): JSX.Element {
  const { target } = props;
  return (
    <>
      <Back target={target} />
      <h1 class="utrecht-heading-1" safe>
        {requestWords(target).heading}
      </h1>
      {props.why === 'archived' ? (
        <p class="utrecht-paragraph">
          Deze bouwsteen is gearchiveerd: de PPS onderhoudt hem niet meer, en het materiaal
          aanvragen kan niet meer. Op de pagina van de bouwsteen staat wat u in plaats daarvan kunt
          gebruiken, als de PPS een opvolger heeft gekozen.
        </p>
      ) : (
        <NoInbox contact={target.contact} />
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={target.backPath} safe>
          {`Terug naar ${target.backLabel}`}
        </a>
      </p>
    </>
  );
}

/** After sending: to whom it went and what happens next (no personal data echoed). */
export function RequestSent({ target }: { target: RequestTargetView }): JSX.Element {
  const words = requestWords(target);
  return (
    <>
      <Back target={target} />
      <h1 class="utrecht-heading-1" safe>
        {words.sentHeading}
      </h1>
      <div class="utrecht-alert utrecht-alert--ok" role="status">
        <p class="utrecht-paragraph" safe>
          {words.sent}
        </p>
      </div>
      <h2 class="utrecht-heading-2">Wat gebeurt er nu?</h2>
      <ul class="utrecht-unordered-list">
        <li>
          {Html.escapeHtml(
            `U hoort van ${contactRole(target.pps.name)} op het e-mailadres dat u opgaf.`,
          )}
        </li>
        <li>
          {Html.escapeHtml(
            `Alleen ${target.pps.name} ziet ${words.it}. Bouwsteen verwijdert het na ${RETENTION_MONTHS} maanden.`,
          )}
        </li>
      </ul>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={target.backPath} safe>
          {`Terug naar ${target.backLabel}`}
        </a>
      </p>
    </>
  );
}

function Back({ target }: { target: RequestTargetView }): JSX.Element {
  return (
    <nav class="utrecht-breadcrumb-nav" aria-label="Kruimelpad">
      <ol class="breadcrumb-list">
        <li>
          <a class="utrecht-link" href={target.backPath} safe>
            {target.backLabel}
          </a>
        </li>
      </ol>
    </nav>
  );
}
