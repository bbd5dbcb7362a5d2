import type { AssetChangeLogEntry } from '@bouwsteen/assets';
import type { RecordedAuditEvent } from '@bouwsteen/database';
import { DataTable } from '../../components/data-table';
import { auditSummary, auditWhat, versionWhat } from './audit-wording';

export interface ChangesData {
  events: RecordedAuditEvent[];
  entries: AssetChangeLogEntry[];
  /** A person's name by account id ("het systeem" for none). */
  who: (id: string | null) => string;
  /** Links to each list's older page and back to its newest, when there is one. */
  paging: {
    olderEvents?: string;
    newestEvents?: string;
    olderEntries?: string;
    newestEntries?: string;
  };
}

/** "Oudere wijzigingen" and "Naar de nieuwste" under a list: plain links, no JavaScript needed. */
function ListPaging(props: { older?: string; newest?: string; label: string }): JSX.Element {
  if (!props.older && !props.newest) return '';
  return (
    <nav class="utrecht-pagination" aria-label={props.label}>
      <ul class="pagination-list">
        {props.newest ? (
          <li>
            <a class="utrecht-link" href={props.newest}>
              Naar de nieuwste
            </a>
          </li>
        ) : (
          ''
        )}
        {props.older ? (
          <li>
            <a class="utrecht-link" rel="next" href={props.older}>
              Oudere wijzigingen
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
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
      <ListPaging
        older={data.paging.olderEvents}
        newest={data.paging.newestEvents}
        label="Bladeren in accounts, PPS en organisaties"
      />
      <h2 class="utrecht-heading-2" id="wijzigingen-titel">
        Bouwstenen
      </h2>
      <p class="utrecht-paragraph">
        Wie wat deed aan bouwstenen, en wanneer; de nieuwste eerst, 50 per keer.
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
      <ListPaging
        older={data.paging.olderEntries}
        newest={data.paging.newestEntries}
        label="Bladeren in wijzigingen aan bouwstenen"
      />
    </>
  );
}
