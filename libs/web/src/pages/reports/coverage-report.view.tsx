import Html from '@kitajs/html';
import type { CoverageReportDto, CoveredQualificationDto } from '@bouwsteen/reports';
import { DataTable } from '../../components/data-table';
import { formatNumber } from '../../format/format';

/** Gaps and covered qualifications shown by name; the download has every one. */
const LIST_ROWS = 100;

/** A qualification's page: which blocks serve it and which keuzedelen still lack a module. */
export const qualificationPath = (crebo: string) => `/kwalificaties/${encodeURIComponent(crebo)}`;

function qualificationName(row: CoveredQualificationDto): string {
  return row.level === null ? row.title : `${row.title} (niveau ${row.level})`;
}

const count = (n: number, one: string, many: string) =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;

/**
 * "Dekking" in a province report: how many mbo qualifications and keuzedelen already have
 * reusable material of the province's PPS, then the gaps by name (each qualification linking to
 * its page) and what covers the others, behind disclosures so a phone sees the figures first.
 */
export function CoverageSection(props: { coverage: CoverageReportDto }): JSX.Element {
  const { qualifications, electives, scope } = props.coverage;
  const gaps = qualifications.items.filter((row) => row.curricula + row.modules === 0);
  const covered = qualifications.items.filter((row) => row.curricula + row.modules > 0);
  const electiveGaps = electives.items.filter((row) => row.modules === 0);
  return (
    <section aria-labelledby="dekking-titel" class="coverage">
      <h2 class="utrecht-heading-2" id="dekking-titel">
        Dekking: kwalificaties en keuzedelen
      </h2>
      {qualifications.total === 0 && electives.total === 0 ? (
        <p class="utrecht-paragraph">
          Er is nog geen kwalificatiestructuur ingelezen, dus de dekking is niet te bepalen.
        </p>
      ) : (
        <>
          <p class="utrecht-paragraph" safe>
            {`${formatNumber(qualifications.withMaterial)} van ${count(qualifications.total, 'kwalificatie heeft', 'kwalificaties hebben')} een curriculum of module van een PPS in ${scope.name}; ${formatNumber(electives.withModule)} van ${count(electives.total, 'keuzedeel heeft', 'keuzedelen hebben')} een module.`}
          </p>
          <details class="chart-table">
            <summary
              safe
            >{`Kwalificaties zonder materiaal (${formatNumber(gaps.length)})`}</summary>
            <NameList
              items={gaps.slice(0, LIST_ROWS).map((row) => ({
                name: qualificationName(row),
                href: qualificationPath(row.crebo),
                note: row.dossierTitle,
              }))}
              more={gaps.length - LIST_ROWS}
              empty="Elke kwalificatie heeft materiaal."
            />
          </details>
          <details class="chart-table">
            <summary
              safe
            >{`Keuzedelen zonder module (${formatNumber(electiveGaps.length)})`}</summary>
            <NameList
              items={electiveGaps.slice(0, LIST_ROWS).map((row) => ({
                name: row.title,
                note:
                  row.studyLoadSbu === null
                    ? row.code
                    : `${row.code}, ${formatNumber(row.studyLoadSbu)} sbu`,
              }))}
              more={electiveGaps.length - LIST_ROWS}
              empty="Elk keuzedeel heeft een module."
            />
          </details>
          {covered.length ? (
            <details class="chart-table">
              <summary
                safe
              >{`Kwalificaties met materiaal (${formatNumber(covered.length)})`}</summary>
              <h3 class="visually-hidden" id="dekking-gedekt-titel">
                Kwalificaties met materiaal
              </h3>
              <DataTable
                labelledBy="dekking-gedekt-titel"
                rows={covered.slice(0, LIST_ROWS)}
                columns={[
                  {
                    header: 'Kwalificatie',
                    render: (row) => (
                      <a class="utrecht-link" href={qualificationPath(row.crebo)} safe>
                        {qualificationName(row)}
                      </a>
                    ),
                  },
                  {
                    header: 'Curricula',
                    numeric: true,
                    text: (row) => formatNumber(row.curricula),
                  },
                  { header: 'Modules', numeric: true, text: (row) => formatNumber(row.modules) },
                ]}
              />
            </details>
          ) : (
            ''
          )}
        </>
      )}
    </section>
  );
}

function NameList(props: {
  items: { name: string; href?: string; note: string }[];
  more: number;
  empty: string;
}): JSX.Element {
  if (props.items.length === 0)
    return (
      <p class="utrecht-paragraph" safe>
        {props.empty}
      </p>
    );
  return (
    <>
      <ul class="plain-list coverage__list">
        {props.items.map((item) => (
          <li>
            {item.href ? (
              <a class="utrecht-link" href={item.href} safe>
                {item.name}
              </a>
            ) : (
              Html.escapeHtml(item.name)
            )}{' '}
            <span class="site-muted" safe>{`· ${item.note}`}</span>
          </li>
        ))}
      </ul>
      {props.more > 0 ? (
        <p class="utrecht-paragraph" safe>
          {`En nog ${formatNumber(props.more)}: de download van de dekking heeft ze allemaal.`}
        </p>
      ) : (
        ''
      )}
    </>
  );
}
