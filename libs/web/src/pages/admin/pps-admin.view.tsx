import type { PpsSummaryDto } from '@bouwsteen/organisations';
import { DataTable } from '../../components/data-table';
import { StaleNotice } from '../../components/stale-notice';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, Option, SelectField, TextArea, TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import { RECORD_FIELD_LABELS } from '../../format/record-labels';
import type { PageContext } from '../../http/page-context';
import { Form, str } from './admin-form-values';

/** /beheer/pps: every PPS with its lead institution, each a link to its form. */
export function PpsListView(props: { directory: readonly PpsSummaryDto[] }): JSX.Element {
  return (
    <>
      <h1 class="utrecht-heading-1" id="pps-beheer-titel">
        PPS en organisaties
      </h1>
      <DataTable
        labelledBy="pps-beheer-titel"
        rows={[...props.directory]}
        columns={[
          {
            header: 'PPS',
            render: (pps) => (
              <a class="utrecht-link" href={`/beheer/pps/${pps.id}`} safe>
                {pps.name}
              </a>
            ),
          },
          {
            header: 'Penvoerder',
            render: (pps) => (
              <a class="utrecht-link" href={`/beheer/organisaties/${pps.leadInstitution.id}`} safe>
                {pps.leadInstitution.name}
              </a>
            ),
          },
        ]}
      />
    </>
  );
}

export interface RecordFormState {
  values: Form;
  errors: FieldErrors;
  stale?: boolean;
}

/** A PPS's name and lead institution. */
export function PpsFormView(props: {
  page: PageContext;
  pps: { id: string; name: string; revision: number };
  organisations: Option[];
  state: RecordFormState;
}): JSX.Element {
  const { pps, state } = props;
  return (
    <>
      <h1 class="utrecht-heading-1" safe>{`PPS: ${pps.name}`}</h1>
      <StaleNotice what="deze PPS" show={state.stale} />
      <ErrorSummary
        errors={state.errors}
        labelOf={(path) => RECORD_FIELD_LABELS.pps[path] ?? 'Formulier'}
      />
      <form method="post" action={`/beheer/pps/${pps.id}`} class="site-form" novalidate>
        <FormTokenField page={props.page} />
        <input type="hidden" name="revisie" value={String(pps.revision)} />
        <TextField
          path="name"
          label="Naam"
          value={str(state.values.name)}
          errors={state.errors}
          required
        />
        <SelectField
          path="leadOrganisationId"
          label="Penvoerende instelling"
          options={props.organisations}
          value={str(state.values.leadOrganisationId)}
          errors={state.errors}
          required
        />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Opslaan
        </button>
      </form>
    </>
  );
}

/** An organisation's name and the other names it is known by. */
export function OrganisationFormView(props: {
  page: PageContext;
  organisation: { id: string; name: string; revision: number };
  state: RecordFormState;
}): JSX.Element {
  const { organisation, state } = props;
  return (
    <>
      <h1 class="utrecht-heading-1" safe>{`Organisatie: ${organisation.name}`}</h1>
      <StaleNotice what="deze organisatie" show={state.stale} />
      <ErrorSummary
        errors={state.errors}
        labelOf={(path) => RECORD_FIELD_LABELS.organisation[path] ?? 'Formulier'}
      />
      <form
        method="post"
        action={`/beheer/organisaties/${organisation.id}`}
        class="site-form"
        novalidate
      >
        <FormTokenField page={props.page} />
        <input type="hidden" name="revisie" value={String(organisation.revision)} />
        <TextField
          path="name"
          label="Naam"
          value={str(state.values.name)}
          errors={state.errors}
          required
        />
        <TextArea
          path="aliases"
          label="Andere namen"
          hint="Schrijfwijzen waaronder deze organisatie ook bekend is, één per regel; zo worden dubbele organisaties voorkomen."
          rows={4}
          value={typeof state.values.aliases === 'string' ? state.values.aliases : ''}
          errors={state.errors}
        />
        <TextArea
          path="domains"
          label="Domeinen voor inloggen met instellingsaccount"
          hint="Wie inlogt met een instellingsaccount van een van deze domeinen (zoals novacollege.nl), hoort bij deze organisatie. Eén domein per regel, in kleine letters, zonder https:// of www."
          rows={3}
          value={typeof state.values.domains === 'string' ? state.values.domains : ''}
          errors={state.errors}
        />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Opslaan
        </button>
      </form>
    </>
  );
}
