import Html from '@kitajs/html';
import type { AssetSummaryDto } from '@bouwsteen/assets';
import type { NodeBacklog, OutboxStats, ParkedEntry } from '@bouwsteen/search';

/** A search server as the admin sees it: its number, address, whether it answers, its backlog. */
export interface NodeLine {
  number: number;
  host: string;
  up: boolean;
  /** For a further node: what it has still to apply. */
  backlog?: NodeBacklog;
}
import { assetPath } from '../../components/asset-card';
import { DataTable } from '../../components/data-table';
import { StatusNotice } from '../../components/status-notice';
import { FormTokenField } from '../../forms/form-token';
import { formatDate, formatNumber } from '../../format/format';
import type { PageContext } from '../../http/page-context';

/** A queue this long (seconds) means the changes no longer reach search by themselves. */
export const STUCK_AFTER_SECONDS = 300;

/** "minder dan een minuut", "12 minuten", "3 uur". */
export function waitingTime(seconds: number): string {
  if (seconds < 60) return 'minder dan een minuut';
  if (seconds < 2 * 3600) return `${formatNumber(Math.round(seconds / 60))} minuten`;
  return `${formatNumber(Math.round(seconds / 3600))} uur`;
}

/** What the numbers mean for people who search, and what the admin should do about it. */
function Verdict({ stats, nodes }: { stats: OutboxStats; nodes: NodeLine[] }): JSX.Element {
  const stuck = stats.pending > 0 && stats.oldestPendingSeconds >= STUCK_AFTER_SECONDS;
  if (nodes.some((node) => !node.up))
    return (
      <div class="utrecht-alert utrecht-alert--warning" role="status">
        <p class="utrecht-paragraph">
          Een zoekserver is onbereikbaar (zie Zoekservers hieronder). Docenten kunnen gewoon zoeken
          via een andere. Meld het bij de technische beheerder.
        </p>
      </div>
    );
  if (stuck)
    return (
      <div class="utrecht-alert utrecht-alert--warning" role="status">
        <p class="utrecht-paragraph" safe>
          {`Wijzigingen wachten al ${waitingTime(stats.oldestPendingSeconds)} op de zoekfunctie: nieuwe en gewijzigde bouwstenen zijn nog niet te vinden. Meld dit bij de technische beheerder: de achtergronddienst die de wachtrij verwerkt, draait waarschijnlijk niet.`}
        </p>
      </div>
    );
  if (stats.parked > 0)
    return (
      <div class="utrecht-alert utrecht-alert--warning" role="status">
        <p class="utrecht-paragraph" safe>
          {`${formatNumber(stats.parked)} ${stats.parked === 1 ? 'bouwsteen is' : 'bouwstenen zijn'} na herhaalde pogingen apart gezet: docenten vinden ${stats.parked === 1 ? 'hem' : 'ze'} niet, of in een oude versie. Bied ze hieronder opnieuw aan; staan ze daarna weer apart, meld het dan bij de technische beheerder.`}
        </p>
      </div>
    );
  return (
    <div class="utrecht-alert utrecht-alert--ok" role="status">
      <p class="utrecht-paragraph">
        {stats.pending > 0
          ? 'De zoekfunctie werkt bij: wat net is gewijzigd, is meestal binnen een minuut te vinden.'
          : 'Alles is bijgewerkt: wat op Bouwsteen staat, is ook te vinden.'}
      </p>
    </div>
  );
}

/** What one search server's line says. */
function nodeState(node: NodeLine): string {
  if (!node.up)
    return node.number === 1
      ? 'onbereikbaar: docenten zoeken via een andere zoekserver; wijzigingen wachten tot deze terug is'
      : 'onbereikbaar: docenten zoeken via een andere zoekserver; deze werkt zichzelf bij als hij terug is';
  const backlog = node.backlog;
  if (!backlog || backlog.pending === 0) return 'werkt, bijgewerkt';
  const many = backlog.pending === 1 ? 'wijziging wacht' : 'wijzigingen wachten';
  const stuck =
    backlog.oldestPendingSeconds >= STUCK_AFTER_SECONDS
      ? ': hij loopt achter; meld het bij de technische beheerder'
      : '';
  return `werkt, ${formatNumber(backlog.pending)} ${many}, de oudste ${waitingTime(backlog.oldestPendingSeconds)}${stuck}`;
}

/**
 * With further search servers (MEILI_NODE_URLS), each a full copy that searches fall back on:
 * whether each answers and is up to date. Shown only where there are any.
 */
function SearchServers({ nodes }: { nodes: NodeLine[] }): JSX.Element {
  if (nodes.length === 0) return <></>;
  return (
    <>
      <h2 class="utrecht-heading-2">Zoekservers</h2>
      <p class="utrecht-paragraph">
        Elke zoekserver heeft een volledige kopie. Valt er een uit, dan zoeken docenten gewoon
        verder via een andere; als hij terug is, werkt hij zichzelf bij.
      </p>
      <ul class="utrecht-unordered-list">
        {nodes.map((node) => (
          <li safe>{`Zoekserver ${node.number} (${node.host}): ${nodeState(node)}`}</li>
        ))}
      </ul>
    </>
  );
}

export interface SearchIndexData {
  stats: OutboxStats;
  parked: ParkedEntry[];
  /** With further search servers: every server (MEILI_URL's first), empty otherwise. */
  nodes: NodeLine[];
  titles: Map<string, AssetSummaryDto>;
  notice?: string;
}

/** /beheer/zoekindex in an operator's words; the commands behind it are in the README. */
export function SearchIndexView(props: { page: PageContext; data: SearchIndexData }): JSX.Element {
  const { stats, parked, nodes, titles, notice } = props.data;
  return (
    <>
      <h1 class="utrecht-heading-1">Zoekindex</h1>
      <StatusNotice text={notice} />
      <p class="utrecht-paragraph">
        Een nieuwe of gewijzigde bouwsteen is pas te vinden als hij ook in de zoekfunctie staat.
        Daarvoor wacht elke wijziging even in een wachtrij, die vanzelf wordt verwerkt. Hier ziet u
        of dat lukt.
      </p>
      <Verdict stats={stats} nodes={nodes} />
      <dl class="facts">
        <dt>Wachtend</dt>
        <dd safe>{formatNumber(stats.pending)}</dd>
        <dt>Wacht het langst</dt>
        <dd>{stats.pending ? waitingTime(stats.oldestPendingSeconds) : 'niets wacht'}</dd>
        <dt>Mislukt, wordt vanzelf opnieuw geprobeerd</dt>
        <dd safe>{formatNumber(stats.failing)}</dd>
        <dt>Apart gezet</dt>
        <dd safe>{formatNumber(stats.parked)}</dd>
        <dt>Verwerkt in het afgelopen uur</dt>
        <dd safe>{formatNumber(stats.processedLastHour)}</dd>
      </dl>
      {stats.lastError ? (
        <details>
          <summary>Laatste foutmelding (voor de technische beheerder)</summary>
          <p class="utrecht-paragraph">
            <code class="utrecht-code">{Html.escapeHtml(stats.lastError.slice(0, 300))}</code>
          </p>
        </details>
      ) : (
        ''
      )}
      <SearchServers nodes={nodes} />
      <h2 class="utrecht-heading-2" id="apart-titel">
        Apart gezet
      </h2>
      {parked.length ? (
        <DataTable
          labelledBy="apart-titel"
          rows={parked}
          columns={[
            {
              header: 'Bouwsteen',
              render: (entry) => (
                <a class="utrecht-link" href={assetPath(entry.assetId)} safe>
                  {titles.get(entry.assetId)?.title ?? 'Verwijderde of onbekende bouwsteen'}
                </a>
              ),
            },
            { header: 'Pogingen', numeric: true, text: (entry) => String(entry.attempts) },
            { header: 'Sinds', text: (entry) => formatDate(entry.parkedAt) },
          ]}
        />
      ) : (
        <p class="utrecht-paragraph">Niets apart gezet.</p>
      )}
      <h2 class="utrecht-heading-2">Herstellen</h2>
      <form method="post" action="/beheer/zoekindex/herstel" class="site-form">
        <FormTokenField page={props.page} />
        <p class="utrecht-paragraph">
          Zet de apart gezette bouwstenen terug in de wachtrij. Mist een docent een bouwsteen die
          hier niet apart staat, vraag dan de technische beheerder de hele zoekfunctie te laten
          controleren en herstellen.
        </p>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Apart gezette opnieuw aanbieden
        </button>
      </form>
    </>
  );
}
