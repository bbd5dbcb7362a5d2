import Html from '@kitajs/html';
import type { Principal } from '@bouwsteen/auth';
import type { PageContext } from '../../http/page-context';
import { TakeUpActions } from './take-up-actions';
import type {
  AssetDto,
  AssetSummaryDto,
  LineageDto,
  SimilarAssetDto,
  VersionSummaryDto,
} from '@bouwsteen/assets';
import type { OrganisationDto, PpsDto } from '@bouwsteen/organisations';
import type { ReuseDto } from '@bouwsteen/reuse';
import { assetPath } from '../../components/asset-card';
import { DataTable } from '../../components/data-table';
import { Facts, Paragraphs, safeUrl } from '../../components/facts';
import { count, formatDate } from '../../format/format';
import type { LabelBook } from '../../format/labels';
import {
  CurriculumSection,
  InfrastructureSection,
  KindProps,
  ModuleSection,
  PracticeSection,
} from './kind-sections';
import type { ElectiveNames } from './elective-names';
import { StatusNotice } from '../../components/status-notice';

const REUSE_MODES: Record<string, string> = {
  'as-is': 'zoals het is',
  adapted: 'aangepast',
  inspired: 'als inspiratie',
};

const LINK_TYPES: Record<string, string> = {
  website: 'Website',
  document: 'Document',
  video: 'Video',
  elearning: 'E-learning',
  repository: 'Bronbestanden',
  other: 'Link',
};

export interface AssetPageData {
  asset: AssetDto;
  /** Set on /versies/:n: the building block as it is now. */
  current?: AssetDto;
  labels: LabelBook;
  refs: Map<string, AssetSummaryDto>;
  electives?: ElectiveNames;
  versions: VersionSummaryDto[];
  reuses: { items: ReuseDto[]; total: number };
  lineage: LineageDto;
  /** Undefined when the search engine could not be asked. */
  similar: SimilarAssetDto[] | undefined;
  pps: PpsDto;
  lead: OrganisationDto | undefined;
  licence: { label: string; url?: string; explanation: string[]; attribution: string };
  /** A signed-in visitor, for what they can do with it (reuse, derive, follow, edit). */
  viewer?: {
    principal: Principal;
    following: boolean;
    page: PageContext;
    reuseRecorded?: boolean;
  };
  /** The outcome of an action just taken (after a redirect). */
  notice?: string;
}

export function AssetContent(data: AssetPageData): JSX.Element {
  const { asset, labels } = data;
  const kind: KindProps = { asset, labels, refs: data.refs, electives: data.electives };
  return (
    <>
      <nav class="utrecht-breadcrumb-nav" aria-label="Kruimelpad">
        <ol class="breadcrumb-list">
          <li>
            <a class="utrecht-link" href="/">
              Bouwsteen
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={`/zoeken?soort=${asset.kind}`} safe>
              {labels.kind(asset.kind)}
            </a>
          </li>
        </ol>
      </nav>
      <header class="asset-header">
        <p class="asset-card__kind">
          <span class={`kind-badge kind-badge--${asset.kind}`} safe>
            {labels.kind(asset.kind)}
          </span>
        </p>
        <h1 class="utrecht-heading-1" safe>
          {asset.title}
        </h1>
        <p class="utrecht-paragraph utrecht-paragraph--lead site-lines" safe>
          {asset.summary}
        </p>
        <p class="utrecht-paragraph">
          Van{' '}
          <a class="utrecht-link" href={`/pps/${asset.pps.id}`} safe>
            {asset.pps.name}
          </a>
          <span safe>{` · ${asset.pps.leadInstitution.name}`}</span>
        </p>
      </header>
      <StatusNotice text={data.notice} />
      <StatusBanners {...data} />
      <div class="asset-layout">
        <div class="asset-main">
          <Paragraphs text={asset.description} />
          <h2 class="utrecht-heading-2">Kenmerken</h2>
          <Facts
            facts={[
              { term: 'Soort', value: labels.kind(asset.kind) },
              { term: 'Niveau', value: labels.labels('educationLevels', asset.levels) },
              { term: 'Sector', value: labels.labels('sectors', asset.sectors) },
              { term: 'Provinciaal thema', value: labels.labels('provincialThemes', asset.themes) },
              {
                term: 'Maatschappelijke opgave',
                value: labels.labels('societalChallenges', asset.challenges),
              },
              { term: 'Taal', value: labels.label('languages', asset.language) },
              { term: 'Trefwoorden', value: asset.keywords },
              {
                term: 'Versie',
                value: `${asset.version.number}${asset.version.publishedAt ? `, gepubliceerd op ${formatDate(asset.version.publishedAt)}` : ''}`,
              },
              { term: 'Licentie', value: data.licence.label },
            ]}
          />
          {asset.module ? <ModuleSection {...kind} /> : ''}
          {asset.curriculum ? <CurriculumSection {...kind} /> : ''}
          {asset.infrastructure ? <InfrastructureSection {...kind} /> : ''}
          {asset.practice ? <PracticeSection {...kind} /> : ''}
          <Links asset={asset} />
          <Reuse {...data} />
          <Lineage {...data} />
          <Similar {...data} />
          <Versions {...data} />
        </div>
        <aside class="asset-aside" aria-label="Hergebruiken">
          {data.viewer ? (
            <TakeUpActions
              asset={data.current ?? data.asset}
              principal={data.viewer.principal}
              following={data.viewer.following}
              page={data.viewer.page}
              reuseRecorded={data.viewer.reuseRecorded}
            />
          ) : (
            ''
          )}
          <Licence {...data} />
          <Contact {...data} />
        </aside>
      </div>
    </>
  );
}

function StatusBanners(data: AssetPageData): JSX.Element {
  const { asset, current, refs } = data;
  const successor = asset.successorId ? refs.get(asset.successorId) : undefined;
  return (
    <>
      {current ? (
        <div class="utrecht-alert utrecht-alert--info version-banner" role="note">
          <p class="utrecht-paragraph">
            {Html.escapeHtml(
              `U bekijkt versie ${asset.version.number}${asset.version.publishedAt ? ` van ${formatDate(asset.version.publishedAt)}` : ''}. Dit is niet de huidige versie.`,
            )}{' '}
            <a class="utrecht-link" href={assetPath(asset.id)} safe>
              {`Bekijk versie ${current.version.number} (de huidige)`}
            </a>
          </p>
          {asset.version.changeNote ? (
            <p
              class="utrecht-paragraph"
              safe
            >{`Wijziging in deze versie: ${asset.version.changeNote}`}</p>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      {(current ?? asset).status === 'archived' ? (
        <div class="utrecht-alert utrecht-alert--warning" role="note">
          <p class="utrecht-paragraph">
            Deze bouwsteen is gearchiveerd: de PPS onderhoudt hem niet meer.{' '}
            {successor ? (
              <>
                Gebruik liever{' '}
                <a class="utrecht-link" href={assetPath(successor.id)} safe>
                  {successor.title}
                </a>
                .
              </>
            ) : (
              ''
            )}
          </p>
        </div>
      ) : (
        ''
      )}
    </>
  );
}

function Links(props: { asset: AssetDto }): JSX.Element {
  const links = (props.asset.links ?? []).flatMap((link) => {
    const url = safeUrl(link.url);
    return url ? [{ ...link, url }] : [];
  });
  if (!links.length) return '';
  return (
    <section aria-labelledby="links-titel">
      <h2 class="utrecht-heading-2" id="links-titel">
        Materiaal en links
      </h2>
      <ul class="utrecht-unordered-list">
        {links.map((link) => (
          <li>
            <a class="utrecht-link" href={link.url} rel="noopener" safe>
              {link.title}
            </a>{' '}
            <span class="site-muted" safe>{`(${LINK_TYPES[link.type] ?? 'Link'})`}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Licence(data: AssetPageData): JSX.Element {
  const { licence, asset } = data;
  return (
    <section aria-labelledby="licentie-titel">
      <h2 class="utrecht-heading-3" id="licentie-titel">
        Licentie en naamsvermelding
      </h2>
      <p class="utrecht-paragraph">
        {licence.url ? (
          <a class="utrecht-link" href={licence.url} rel="license" safe>
            {licence.label}
          </a>
        ) : (
          <strong safe>{licence.label}</strong>
        )}
      </p>
      <ul class="utrecht-unordered-list">
        {licence.explanation.map((line) => (
          <li safe>{line}</li>
        ))}
      </ul>
      <div class="attribution">
        <label class="utrecht-form-label" for={`naamsvermelding-${asset.id}`}>
          Naamsvermelding om te kopiëren
        </label>
        <textarea
          class="utrecht-textarea attribution__text"
          id={`naamsvermelding-${asset.id}`}
          readonly
          rows="7"
          safe
        >
          {licence.attribution}
        </textarea>
        <p class="utrecht-paragraph no-print">
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            data-copy-target={`naamsvermelding-${asset.id}`}
            data-copy-status="kopieer-status"
            hidden
          >
            Kopieer naamsvermelding
          </button>
          <span id="kopieer-status" class="copy-status" role="status"></span>
        </p>
      </div>
    </section>
  );
}

function Contact(data: AssetPageData): JSX.Element {
  const { asset, pps, lead } = data;
  const website = safeUrl(pps.website);
  const leadWebsite = safeUrl(lead?.website);
  return (
    <section aria-labelledby="contact-titel">
      <h2 class="utrecht-heading-3" id="contact-titel">
        PPS en contact
      </h2>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/pps/${pps.id}`} safe>
          {pps.name}
        </a>
        {website ? (
          <>
            <br />
            <a class="utrecht-link" href={website} rel="noopener">
              Website van de PPS
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <p class="utrecht-paragraph">
        Penvoerder: <span safe>{pps.leadInstitution.name}</span>
        {leadWebsite ? (
          <>
            <br />
            <a class="utrecht-link" href={leadWebsite} rel="noopener">
              Website van de penvoerder
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      {asset.contacts?.length ? (
        <ul class="plain-list contact-list">
          {asset.contacts.map((contact) => (
            <li>
              <strong safe>{contact.role}</strong>
              {contact.name ? <span safe>{`: ${contact.name}`}</span> : ''}
              {contact.email ? (
                <>
                  <br />
                  <a class="utrecht-link" href={`mailto:${contact.email}`} safe>
                    {contact.email}
                  </a>
                </>
              ) : (
                ''
              )}
              {contact.phone ? (
                <>
                  <br />
                  <a class="utrecht-link" href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`} safe>
                    {contact.phone}
                  </a>
                </>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </section>
  );
}

function Reuse(data: AssetPageData): JSX.Element {
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

function Lineage(data: AssetPageData): JSX.Element {
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

function Similar(data: AssetPageData): JSX.Element {
  const { similar, labels } = data;
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
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Versions(data: AssetPageData): JSX.Element {
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
