import type { SimilarityService } from '@bouwsteen/search';
import { SimilarPanel } from '../../components/similar-panel';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, TextArea, TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import { formatNumber } from '../../format/format';
import { LabelBook } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { Crumbs } from './report-parts';

export interface ProposalResultData {
  checked: boolean;
  similar: Awaited<ReturnType<SimilarityService['similarForText']>>;
}

/** /rapportages/voorstel: the form as typed, its errors, and what already exists. */
export function ProposalView(props: {
  page: PageContext;
  title: string;
  text: string;
  errors: FieldErrors;
  limits: Record<string, number>;
  result: ProposalResultData | undefined;
  labels: LabelBook;
}): JSX.Element {
  return (
    <>
      <Crumbs />
      <h1 class="utrecht-heading-1">Voorstel toetsen</h1>
      <ErrorSummary
        errors={props.errors}
        labelOf={(path) => (path === 'titel' ? 'Titel' : 'Tekst van het voorstel')}
      />
      <p class="utrecht-paragraph">
        Plak de titel en de tekst van een voorstel. Bouwsteen zoekt gepubliceerde bouwstenen van
        alle PPS die erop lijken, met de reden waarom, zodat u kunt vragen: bouwt dit voort op wat
        er al is?
      </p>
      <form method="post" action="/rapportages/voorstel" class="site-form no-print" novalidate>
        <FormTokenField page={props.page} />
        <TextField
          path="titel"
          label="Titel van het voorstel"
          value={props.title}
          maxlength={props.limits.title}
          errors={props.errors}
          required
        />
        <TextArea
          path="tekst"
          label="Tekst van het voorstel"
          hint={`Samenvatting, doelen of leeruitkomsten; hoogstens ${formatNumber(props.limits.summary)} tekens.`}
          rows={8}
          value={props.text}
          maxlength={props.limits.summary}
          errors={props.errors}
        />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Toetsen
        </button>
      </form>
      {props.result ? (
        <ProposalResult result={props.result} labels={props.labels} title={props.title} />
      ) : (
        ''
      )}
    </>
  );
}

function ProposalResult(props: {
  result: ProposalResultData;
  labels: LabelBook;
  title: string;
}): JSX.Element {
  const owners = [
    ...new Set(
      props.result.similar.flatMap((match) => [
        match.pps.name,
        ...(match.alsoPublishedBy ?? []).map((sibling) => sibling.pps.name),
      ]),
    ),
  ];
  return (
    <section aria-labelledby="uitkomst-titel" class="proposal-results">
      <h2 class="utrecht-heading-2" id="uitkomst-titel" safe>
        {`Uitkomst voor "${props.title}"`}
      </h2>
      {props.result.checked && props.result.similar.length ? (
        <p class="utrecht-paragraph" safe>
          {`Bestaat al, geheel of gedeeltelijk, bij: ${owners.join(', ')}.`}
        </p>
      ) : (
        ''
      )}
      <SimilarPanel
        similar={props.result.similar}
        checked={props.result.checked}
        asked
        labels={props.labels}
        readOnly
      />
      <p class="utrecht-paragraph no-print">
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          data-print
          hidden
        >
          Afdrukken
        </button>
      </p>
    </section>
  );
}
