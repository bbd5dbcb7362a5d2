import type { AssetChangeLogEntry } from '@bouwsteen/assets';
import type { RecordedAuditEvent } from '@bouwsteen/database';
import { DataTable } from '../../components/data-table';
import { auditSummary, auditWhat, versionWhat } from './audit-wording';

export interface ChangesData {
  events: RecordedAuditEvent[];
  entries: AssetChangeLogEntry[];
  /** A person's name by account id ("het systeem" for none). */
  who: (id: string | null) => string;
}

function when(at: Date): string {
  return new Date(at).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' });
}

/** /beheer/wijzigingen: the audit trail and the latest changes to building blocks, in Dutch. */
export function ChangesView({ data }: { data: ChangesData }): JSX.Element {
  return (
    <>
      <h1 class="utrecht-heading-1">Wijzigingen</h1>
      <h2 class="utrecht-heading-2" id="beheer-wijzigingen-titel">
        Accounts, PPS, organisaties en weggegooide concepten
      </h2>
      {data.events.length ? (
        <DataTable
          labelledBy="beheer-wijzigingen-titel"
          rows={data.events}
          columns={[
            { header: 'Wanneer', text: (event) => when(event.at) },
            { header: 'Wie', text: (event) => data.who(event.actorId) },
            { header: 'Wat', text: (event) => auditWhat(event.subjectType, event.action) },
            {
              header: 'Welke gegevens',
              text: (event) => auditSummary(event.subjectType, event.summary),
            },
          ]}
        />
      ) : (
        <p class="utrecht-paragraph">Nog geen wijzigingen vastgelegd.</p>
      )}
      <h2 class="utrecht-heading-2" id="wijzigingen-titel">
        Bouwstenen
      </h2>
      <p class="utrecht-paragraph">
        De laatste 100 wijzigingen aan bouwstenen: wie wat deed, en wanneer.
      </p>
      <DataTable
        labelledBy="wijzigingen-titel"
        rows={data.entries}
        columns={[
          { header: 'Wanneer', text: (entry) => when(entry.at) },
          { header: 'Wie', text: (entry) => (entry.userId ? data.who(entry.userId) : '—') },
          {
            header: 'Wat',
            text: (entry) => `${versionWhat(entry.what)} (versie ${entry.number})`,
          },
          {
            header: 'Bouwsteen',
            render: (entry) => (
              <a
                class="utrecht-link"
                href={`/bouwstenen/${entry.assetId}/verschillen?naar=${entry.number}`}
                safe
              >
                {entry.title}
              </a>
            ),
          },
          { header: 'Toelichting', text: (entry) => entry.changeNote ?? '' },
        ]}
      />
    </>
  );
}
