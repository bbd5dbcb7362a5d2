import type {
  CoverageReportDto,
  CoveredElectiveDto,
  CoveredQualificationDto,
} from '@bouwsteen/reports';
import { DataTable } from '../../components/data-table';
import { count, formatNumber } from '../../format/format';
import {
  ReferenceNotice,
  electivePath,
  materialText,
  qualificationPath,
} from '../qualifications/qualification-parts';

/**
 * Names shown per list; the download has every one. At SBB's size (some 800 qualifications and
 * 1,500 keuzedelen) a list of all gaps would bury the ones that matter.
 */
const LIST_ROWS = 100;

function qualificationName(row: CoveredQualificationDto): string {
  return row.level === null ? row.title : `${row.title} (niveau ${row.level})`;
}

/** "1 van 17 keuzedelen heeft", "2 van 17 keuzedelen hebben": the verb follows the first number. */
function ofTotal(part: number, total: number, one: string, many: string): string {
  return `${formatNumber(part)} van ${count(total, one, many)} ${part === 1 ? 'heeft' : 'hebben'}`;
}

/**
 * "Dekking" in a province report, as a region asks it before funding: how many current mbo
 * qualifications and keuzedelen already have reusable material of the province's PPS; then the
 * gaps, first those a PPS elsewhere serves (reuse, each linking to the page that lists who
 * serves it), then those nobody serves (what is left to fund). The split and the flags are the
 * report's (coverage-rules.ts); lists are behind disclosures so a phone sees the figures first.
 */
export function CoverageSection(props: { coverage: CoverageReportDto }): JSX.Element {
  const { qualifications, electives, scope } = props.coverage;
  const names = new Map(qualifications.items.map((row) => [row.crebo, qualificationName(row)]));
  const gaps = qualifications.items.filter((row) => row.gap);
  const electiveGaps = electives.items.filter((row) => row.gap);
  const covered = qualifications.items.filter((row) => row.current && !row.gap);
  const qualificationItem = (row: CoveredQualificationDto, national: boolean) => ({
    name: qualificationName(row),
    href: qualificationPath(row.crebo),
    note: national
      ? `elders: ${materialText(row.national.curricula, row.national.modules)} · ${row.dossierTitle}`
      : row.dossierTitle,
  });
  const electiveItem = (row: CoveredElectiveDto, national: boolean) => ({
    name: row.title,
    href: electivePath(row.code),
    note: [
      row.studyLoadSbu === null ? row.code : `${row.code}, ${formatNumber(row.studyLoadSbu)} sbu`,
      national ? `elders: ${count(row.nationalModules, 'module', 'modules')}` : '',
      belongsTo(row, names),
    ]
      .filter(Boolean)
      .join(' · '),
  });
  const expired = [
    qualifications.expired
      ? count(qualifications.expired, 'kwalificatie', 'kwalificaties') + ' zonder instroom'
      : '',
    electives.expired ? count(electives.expired, 'verlopen keuzedeel', 'verlopen keuzedelen') : '',
  ].filter(Boolean);
  return (
    <section aria-labelledby="dekking-titel" class="coverage">
      <h2 class="utrecht-heading-2" id="dekking-titel">
        Dekking: kwalificaties en keuzedelen
      </h2>
      <ReferenceNotice shown={props.coverage.illustrative} />
      {qualifications.items.length === 0 && electives.items.length === 0 ? (
        <p class="utrecht-paragraph">
          Er is nog geen kwalificatiestructuur ingelezen, dus de dekking is niet te bepalen.
        </p>
      ) : (
        <>
          <p class="utrecht-paragraph" safe>
            {`${ofTotal(qualifications.withMaterial, qualifications.total, 'kwalificatie', 'kwalificaties')} een curriculum of module van een PPS in ${scope.name}; ${ofTotal(electives.withModule, electives.total, 'keuzedeel', 'keuzedelen')} een module.`}
          </p>
          {expired.length ? (
            <p class="utrecht-paragraph" safe>
              {`Niet meegeteld, want niet meer te volgen: ${expired.join(' en ')}.`}
            </p>
          ) : (
            ''
          )}
          <h3
            class="utrecht-heading-3"
            safe
          >{`Kwalificaties zonder materiaal in ${scope.name}`}</h3>
          <Gaps
            elsewhere={gaps
              .filter((row) => row.servedElsewhere)
              .map((row) => qualificationItem(row, true))}
            nowhere={gaps
              .filter((row) => !row.servedElsewhere)
              .map((row) => qualificationItem(row, false))}
            empty="Elke kwalificatie heeft materiaal."
          />
          <h3 class="utrecht-heading-3" safe>{`Keuzedelen zonder module in ${scope.name}`}</h3>
          <Gaps
            elsewhere={electiveGaps
              .filter((row) => row.servedElsewhere)
              .map((row) => electiveItem(row, true))}
            nowhere={electiveGaps
              .filter((row) => !row.servedElsewhere)
              .map((row) => electiveItem(row, false))}
            empty="Elk keuzedeel heeft een module."
          />
          {covered.length ? <Covered rows={covered} province={scope.name} /> : ''}
        </>
      )}
    </section>
  );
}

/** "bij Eerste monteur (niveau 3) en 4 andere kwalificaties", from the names the report has. */
function belongsTo(row: CoveredElectiveDto, names: ReadonlyMap<string, string>): string {
  const named = row.qualifications.flatMap((crebo) => names.get(crebo) ?? []);
  if (named.length === 0) return '';
  const others = row.qualificationCount - named.length;
  return `bij ${named.join(', ')}${others > 0 ? ` en ${count(others, 'andere kwalificatie', 'andere kwalificaties')}` : ''}`;
}

interface Item {
  name: string;
  href: string;
  note: string;
}

/** The gaps split: those to reuse from elsewhere first, then those nobody serves. */
function Gaps(props: { elsewhere: Item[]; nowhere: Item[]; empty: string }): JSX.Element {
  if (props.elsewhere.length + props.nowhere.length === 0)
    return (
      <p class="utrecht-paragraph" safe>
        {props.empty}
      </p>
    );
  return (
    <>
      <details class="chart-table">
        <summary safe>{`Elders wel materiaal (${formatNumber(props.elsewhere.length)})`}</summary>
        <p class="utrecht-paragraph">
          Een PPS in een andere provincie heeft er materiaal voor: hergebruik het. De pagina van elk
          noemt wat er is en van welke PPS.
        </p>
        <NameList items={props.elsewhere} />
      </details>
      <details class="chart-table">
        <summary safe>{`Nergens materiaal (${formatNumber(props.nowhere.length)})`}</summary>
        <NameList items={props.nowhere} />
      </details>
    </>
  );
}

function Covered(props: { rows: CoveredQualificationDto[]; province: string }): JSX.Element {
  return (
    <details class="chart-table">
      <summary
        safe
      >{`Kwalificaties met materiaal in ${props.province} (${formatNumber(props.rows.length)})`}</summary>
      <h3 class="visually-hidden" id="dekking-gedekt-titel">
        Kwalificaties met materiaal
      </h3>
      <DataTable
        labelledBy="dekking-gedekt-titel"
        rows={props.rows.slice(0, LIST_ROWS)}
        columns={[
          {
            header: 'Kwalificatie',
            render: (row) => (
              <a class="utrecht-link" href={qualificationPath(row.crebo)} safe>
                {qualificationName(row)}
              </a>
            ),
          },
          { header: 'Curricula', numeric: true, text: (row) => formatNumber(row.curricula) },
          { header: 'Modules', numeric: true, text: (row) => formatNumber(row.modules) },
        ]}
      />
      <More count={props.rows.length - LIST_ROWS} />
    </details>
  );
}

function NameList(props: { items: Item[] }): JSX.Element {
  if (props.items.length === 0) return <p class="utrecht-paragraph">Geen.</p>;
  return (
    <>
      <ul class="plain-list coverage__list">
        {props.items.slice(0, LIST_ROWS).map((item) => (
          <li>
            <a class="utrecht-link" href={item.href} safe>
              {item.name}
            </a>{' '}
            <span class="site-muted" safe>{`· ${item.note}`}</span>
          </li>
        ))}
      </ul>
      <More count={props.items.length - LIST_ROWS} />
    </>
  );
}

function More(props: { count: number }): JSX.Element {
  return props.count > 0 ? (
    <p class="utrecht-paragraph" safe>
      {`En nog ${formatNumber(props.count)}: de download van de dekking heeft ze allemaal.`}
    </p>
  ) : (
    ''
  );
}
