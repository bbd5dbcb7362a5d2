import Html from '@kitajs/html';
import type { LineageDto, SimilarAssetDto } from '@bouwsteen/assets';
import { assetPath } from '../../components/asset-card';
import { AlsoPublishedBy } from '../../components/similar-panel';
import { DataTable } from '../../components/data-table';
import { count, formatDate } from '../../format/format';
import type { AssetPageData } from './asset-view';

const REUSE_MODES: Record<string, string> = {
  'as-is': 'zoals het is',
  adapted: 'aangepast',
  inspired: 'als inspiratie',
};

/* The lower sections of a building-block page: who reuses it, where it comes from and what was
   made from it, similar blocks of other PPS, and its versions. */

export function Reuse(data: AssetPageData): JSX.Element {
  const { reuses } = data;
  return (
    <section aria-labelledby="hergebruik-titel">
      <h2 class="utrecht-heading-2" id="hergebruik-titel">
        Wie dit hergebruikt
      </h2>
      {reuses.total === 0 ? (
        <p class="utrecht-paragraph">Er is nog geen hergebruik geregistreerd.</p>
      ) : (
        <>
          <ul class="utrecht-unordered-list">
            {reuses.items.map((reuse) => (
              <li>
                {reuse.adopter.type === 'pps' ? (
                  <a class="utrecht-link" href={`/pps/${reuse.adopter.id}`} safe>
                    {reuse.adopter.name}
                  </a>
                ) : (
                  <strong safe>{reuse.adopter.name}</strong>
                )}
                <span safe>
                  {` gebruikt versie ${reuse.assetVersion} ${REUSE_MODES[reuse.mode] ?? ''} in ${reuse.context}${reuse.startedOn ? `, sinds ${formatDate(reuse.startedOn)}` : ''}`}
                </span>
              </li>
            ))}
          </ul>
          {reuses.total > reuses.items.length ? (
            <p
              class="utrecht-paragraph"
              safe
            >{`En ${count(reuses.total - reuses.items.length, 'ander hergebruik', 'andere keren hergebruik')}.`}</p>
          ) : (
            ''
          )}
        </>
      )}
    </section>
  );
}

export function Lineage(data: AssetPageData): JSX.Element {
  const { lineage, labels } = data;
  if (!lineage.ancestors.length && !lineage.descendants.length) return '';
  const list = (nodes: LineageDto['ancestors']) => (
    <ul class="utrecht-unordered-list">
      {nodes.map((node) => (
        <li>
          <a class="utrecht-link" href={assetPath(node.id)} safe>
            {node.title}
          </a>{' '}
          <span
            class="site-muted"
            safe
          >{`(${labels.kind(node.kind)}, ${node.ppsName}${node.status === 'archived' ? ', gearchiveerd' : ''})`}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="afkomst-titel">
      <h2 class="utrecht-heading-2" id="afkomst-titel">
        Gebaseerd op en afgeleid
      </h2>
      {data.asset.attribution ? (
        <p class="utrecht-paragraph" safe>
          {data.asset.attribution}
        </p>
      ) : (
        ''
      )}
      {lineage.ancestors.length ? (
        <>
          <h3 class="utrecht-heading-3">Gebaseerd op</h3>
          {list(lineage.ancestors)}
        </>
      ) : (
        ''
      )}
      {lineage.descendants.length ? (
        <>
          <h3 class="utrecht-heading-3">Hiervan afgeleid</h3>
          {list(lineage.descendants)}
        </>
      ) : (
        ''
      )}
    </section>
  );
}

export function Similar(data: AssetPageData): JSX.Element {
  const { similar, labels } = data;
  return similar instanceof Promise
    ? similar.then((answer) => SimilarSection(answer, labels))
    : SimilarSection(similar, labels);
}

function SimilarSection(
  similar: readonly SimilarAssetDto[] | undefined,
  labels: AssetPageData['labels'],
): JSX.Element {
  return (
    <section aria-labelledby="vergelijkbaar-titel">
      <h2 class="utrecht-heading-2" id="vergelijkbaar-titel">
        Vergelijkbaar, van andere PPS
      </h2>
      {similar === undefined ? (
        <p class="utrecht-paragraph">
          Vergelijkbare bouwstenen kunnen nu niet worden opgezocht. Probeer het later opnieuw.
        </p>
      ) : similar.length === 0 ? (
        <p class="utrecht-paragraph">
          Er zijn geen vergelijkbare bouwstenen van andere PPS gevonden.
        </p>
      ) : (
        <ul class="utrecht-unordered-list">
          {similar.map((item) => (
            <li>
              <a class="utrecht-link" href={assetPath(item.id)} safe>
                {item.title}
              </a>{' '}
              <span class="site-muted" safe>{`(${labels.kind(item.kind)}, ${item.pps.name})`}</span>
              <AlsoPublishedBy siblings={item.alsoPublishedBy} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Versions(data: AssetPageData): JSX.Element {
  const { versions, asset } = data;
  const currentNumber = (data.current ?? asset).version.number;
  if (versions.length <= 1) return '';
  return (
    <section aria-labelledby="versies-titel">
      <h2 class="utrecht-heading-2" id="versies-titel">
        Versies
      </h2>
      <DataTable
        labelledBy="versies-titel"
        rows={versions}
        columns={[
          {
            header: 'Versie',
            render: (version) =>
              version.number === asset.version.number ? (
                <span aria-current="page" safe>{`Versie ${version.number} (deze)`}</span>
              ) : (
                <a
                  class="utrecht-link"
                  href={
                    version.number === currentNumber
                      ? assetPath(asset.id)
                      : assetPath(asset.id, version.number)
                  }
                  safe
                >
                  {`Versie ${version.number}${version.number === currentNumber ? ' (huidige)' : ''}`}
                </a>
              ),
          },
          { header: 'Gepubliceerd', text: (version) => formatDate(version.publishedAt) },
          {
            header: 'Wat is er veranderd',
            text: (version) => version.changeNote ?? (version.number === 1 ? 'Eerste versie' : ''),
          },
          {
            header: 'Verschillen',
            render: (version) =>
              version.number > 1 ? (
                <a
                  class="utrecht-link"
                  href={`/bouwstenen/${asset.id}/verschillen?van=${version.number - 1}&naar=${version.number}`}
                >
                  {Html.escapeHtml(`met versie ${version.number - 1}`)}
                </a>
              ) : (
                ''
              ),
          },
        ]}
      />
    </section>
  );
}
