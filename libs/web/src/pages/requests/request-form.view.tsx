import Html from '@kitajs/html';
import { RETENTION_MONTHS } from '@bouwsteen/requests/pure';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, TextArea, TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import type { PageContext } from '../../http/page-context';
import { contactRole } from '../../components/contact-role';
import type { RequestTargetView } from './request-target';

/** The fields of a request, by the DTO's names, in Dutch. */
export const REQUEST_LABELS: Record<string, string> = {
  name: 'Uw naam',
  email: 'Uw e-mailadres',
  organisation: 'School of bedrijf',
  purpose: 'Waarvoor wilt u het gebruiken?',
};

type Form = Record<string, unknown>;

/** What the form says at the top: asking for a block's material, or a question to a PPS. */
export function requestHeading(target: RequestTargetView): string {
  return target.asset
    ? `Materiaal aanvragen: ${target.asset.title}`
    : `Een vraag aan ${target.pps.name}`;
}

export function RequestForm(props: {
  page: PageContext;
  target: RequestTargetView;
  values: Form;
  errors: FieldErrors;
  limits: Record<string, number>;
}): JSX.Element {
  const { target, values, errors, limits } = props;
  const text = (path: string) => (typeof values[path] === 'string' ? values[path] : undefined);
  return (
    <>
      <Back target={target} />
      <h1 class="utrecht-heading-1" safe>
        {requestHeading(target)}
      </h1>
      <ErrorSummary errors={errors} labelOf={(path) => REQUEST_LABELS[path] ?? 'Formulier'} />
      <p class="utrecht-paragraph">
        {Html.escapeHtml(
          target.asset
            ? `Uw verzoek gaat naar ${contactRole(target.pps.name)}, de eigenaar van deze bouwsteen. Zij sturen u het materiaal of laten weten onder welke voorwaarden u het mag gebruiken.`
            : `Uw vraag gaat naar ${contactRole(target.pps.name)}.`,
        )}
      </p>
      <form method="post" action={target.path} class="site-form" novalidate>
        <FormTokenField page={props.page} />
        <TextField
          path="name"
          label={REQUEST_LABELS.name}
          autocomplete="name"
          value={text('name')}
          maxlength={limits.name}
          errors={errors}
          required
        />
        <TextField
          path="email"
          label={REQUEST_LABELS.email}
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
          label={REQUEST_LABELS.organisation}
          hint="Bijvoorbeeld: ROC Noord, opleiding Mechatronica."
          autocomplete="organization"
          value={text('organisation')}
          maxlength={limits.organisation}
          errors={errors}
          required
        />
        <TextArea
          path="purpose"
          label={REQUEST_LABELS.purpose}
          hint="Een paar zinnen: voor welke opleiding of groep, en wanneer."
          value={text('purpose')}
          rows={4}
          maxlength={limits.purpose}
          errors={errors}
          required
        />
        <p class="utrecht-paragraph site-muted">
          {Html.escapeHtml(
            `Alleen ${target.pps.name} ziet uw gegevens. Bouwsteen bewaart uw verzoek ${RETENTION_MONTHS} maanden en verwijdert het daarna.`,
          )}
        </p>
        <div class="site-form__actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Verzoek versturen
          </button>
          <a class="utrecht-link" href={target.backPath}>
            Annuleren
          </a>
        </div>
      </form>
    </>
  );
}

/** After sending: to whom it went and what happens next (no personal data echoed). */
export function RequestSent({ target }: { target: RequestTargetView }): JSX.Element {
  return (
    <>
      <Back target={target} />
      <h1 class="utrecht-heading-1">Uw verzoek is verstuurd</h1>
      <div class="utrecht-alert utrecht-alert--ok" role="status">
        <p class="utrecht-paragraph">
          {Html.escapeHtml(
            `Uw verzoek is verstuurd naar ${contactRole(target.pps.name)}${target.asset ? `, over "${target.asset.title}"` : ''}.`,
          )}
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
            `Alleen ${target.pps.name} ziet uw verzoek. Het wordt na ${RETENTION_MONTHS} maanden verwijderd.`,
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
