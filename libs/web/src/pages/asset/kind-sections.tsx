import Html from '@kitajs/html';
import type { AssetDto, AssetSummaryDto } from '@bouwsteen/assets';
import { assetPath } from '../../components/asset-card';
import { DataTable } from '../../components/data-table';
import { Facts, Paragraphs, TextList } from '../../components/facts';
import { formatDate, formatEuro, formatHours, formatNumber } from '../../format/format';
import type { LabelBook } from '../../format/labels';
import { Crebos, Electives, NO_NAMES, QualificationNames } from './qualification-names';

const UNIT_LABELS: Record<string, string> = { hour: 'uur', sbu: 'sbu', ects: 'EC' };

/** Links to other building blocks by id; ids the visitor may not see are left out. */
function AssetLinks(props: {
  ids: string[] | undefined;
  refs: Map<string, AssetSummaryDto>;
  labels: LabelBook;
}): JSX.Element {
  const found = (props.ids ?? []).flatMap((id) => props.refs.get(id) ?? []);
  if (!found.length) return '';
  return (
    <ul class="utrecht-unordered-list">
      {found.map((ref) => (
        <li>
          <a class="utrecht-link" href={assetPath(ref.id)} safe>
            {ref.title}
          </a>{' '}
          <span class="site-muted" safe>{`(${props.labels.kind(ref.kind)}, ${ref.pps.name})`}</span>
        </li>
      ))}
    </ul>
  );
}

export interface KindProps {
  asset: AssetDto;
  labels: LabelBook;
  refs: Map<string, AssetSummaryDto>;
  /** Names for the crebo and keuzedeel codes the block carries. */
  names?: QualificationNames;
}

export function ModuleSection({ asset, labels, refs, names }: KindProps): JSX.Element {
  const module = asset.module!;
  const load = module.studyLoad;
  // A draft shown to its editors may have no study load yet.
  const loadText = !load
    ? 'Nog niet ingevuld'
    : load.unit === 'hour'
      ? formatHours(load.hours)
      : `${formatHours(load.hours)} (${formatNumber(load.value)} ${UNIT_LABELS[load.unit] ?? load.unit})`;
  return (
    <section aria-labelledby="module-titel">
      <h2 class="utrecht-heading-2" id="module-titel">
        Over de module
      </h2>
      <Facts
        facts={[
          { term: 'Soort module', value: labels.label('moduleTypes', module.moduleType) },
          { term: 'Studiebelasting', value: loadText },
          { term: 'Doelgroep', value: labels.labels('audiences', module.audiences) },
          { term: 'Leervorm', value: labels.label('learningModes', module.learningMode) },
          { term: 'Vorm', value: labels.labels('deliveryModes', module.deliveryModes) },
          { term: 'Certificaat', value: labels.label('certifications', module.certification) },
          {
            term: 'Stapelbaar',
            value: module.stackable === undefined ? undefined : module.stackable ? 'Ja' : 'Nee',
          },
          {
            term: 'Keuzedeel',
            value: module.electiveCode,
            rich: module.electiveCode ? (
              <Electives codes={[module.electiveCode]} names={names ?? NO_NAMES} self={asset} />
            ) : undefined,
          },
          {
            term: 'Toetsing',
            value: module.assessment
              ? [module.assessment.type, module.assessment.description].filter(Boolean).join(': ')
              : undefined,
          },
          {
            term: 'Prijs per deelnemer',
            value: module.price ? `${formatEuro(module.price.amountCents)} (excl. btw)` : undefined,
          },
        ]}
      />
      <h3 class="utrecht-heading-3">Leeruitkomsten</h3>
      <ol class="utrecht-ordered-list">
        {(module.learningOutcomes ?? []).map((outcome) => (
          <li>
            {Html.escapeHtml(outcome.text)}
            {outcome.escoUri ? (
              <>
                {' '}
                <a class="utrecht-link" href={outcome.escoUri}>
                  ESCO-vaardigheid
                </a>
              </>
            ) : (
              ''
            )}
          </li>
        ))}
      </ol>
      {module.prerequisites ? (
        <>
          <h3 class="utrecht-heading-3">Voorkennis</h3>
          <Paragraphs text={module.prerequisites.description} />
          <AssetLinks ids={module.prerequisites.moduleIds} refs={refs} labels={labels} />
        </>
      ) : (
        ''
      )}
      {module.offerings?.length ? (
        <>
          <h3 class="utrecht-heading-3" id="aanbod-titel">
            Aanbod
          </h3>
          <DataTable
            labelledBy="aanbod-titel"
            rows={module.offerings}
            columns={[
              {
                header: 'Periode',
                text: (offering) =>
                  [formatDate(offering.period.start), formatDate(offering.period.end)]
                    .filter(Boolean)
                    .join(' tot en met ') || 'Doorlopend',
              },
              { header: 'Locatie', text: (offering) => offering.location ?? '' },
              {
                header: 'Plaatsen',
                numeric: true,
                text: (offering) =>
                  offering.seats === undefined ? '' : formatNumber(offering.seats),
              },
            ]}
          />
        </>
      ) : (
        ''
      )}
      {module.microCredential ? (
        <>
          <h3 class="utrecht-heading-3">Microcredential</h3>
          <Facts
            facts={[
              { term: 'Uitgegeven door', value: module.microCredential.awardingBody },
              { term: 'Kwaliteitsborging', value: module.microCredential.qualityAssurance },
              { term: 'Beoordeling', value: module.microCredential.assessmentType },
              { term: 'Deelname', value: module.microCredential.participation },
            ]}
          />
        </>
      ) : (
        ''
      )}
    </section>
  );
}

export function CurriculumSection({ asset, labels, refs, names }: KindProps): JSX.Element {
  const curriculum = asset.curriculum!;
  return (
    <section aria-labelledby="curriculum-titel">
      <h2 class="utrecht-heading-2" id="curriculum-titel">
        Over het curriculum
      </h2>
      <Facts
        facts={[
          { term: 'Kwalificatiedossier', value: curriculum.qualificationDossier },
          { term: 'Kwalificaties', value: curriculum.qualifications },
          {
            term: 'Crebo-code',
            value: curriculum.creboCodes,
            rich: curriculum.creboCodes?.length ? (
              <Crebos codes={curriculum.creboCodes} names={names ?? NO_NAMES} />
            ) : undefined,
          },
          { term: 'Diploma', value: curriculum.credential },
          {
            term: 'NLQF-niveau',
            value: curriculum.nlqfLevel === null ? undefined : String(curriculum.nlqfLevel),
          },
          { term: 'Leerweg', value: labels.labels('learningPaths', curriculum.learningPaths) },
          {
            term: 'Duur',
            value: curriculum.durationMonths ? `${curriculum.durationMonths} maanden` : undefined,
          },
          {
            term: 'Studiebelasting',
            value: curriculum.studyLoad ? formatHours(curriculum.studyLoad.value) : undefined,
          },
          {
            term: 'Keuzedelen',
            value: curriculum.electiveCodes,
            rich: curriculum.electiveCodes?.length ? (
              <Electives codes={curriculum.electiveCodes} names={names ?? NO_NAMES} />
            ) : undefined,
          },
        ]}
      />
      {curriculum.coreTasks?.length ? (
        <>
          <h3 class="utrecht-heading-3">Kerntaken en werkprocessen</h3>
          <ul class="utrecht-unordered-list">
            {curriculum.coreTasks.map((task) => (
              <li safe>{`${task.code} ${task.title}`}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {curriculum.moduleIds?.length ? (
        <>
          <h3 class="utrecht-heading-3">Modules in dit curriculum</h3>
          <AssetLinks ids={curriculum.moduleIds} refs={refs} labels={labels} />
        </>
      ) : (
        ''
      )}
    </section>
  );
}

export function InfrastructureSection({ asset, labels, refs }: KindProps): JSX.Element {
  const place = asset.infrastructure!;
  return (
    <section aria-labelledby="plek-titel">
      <h2 class="utrecht-heading-2" id="plek-titel">
        Over de praktijkomgeving
      </h2>
      <Facts
        facts={[
          { term: 'Model', value: labels.label('infrastructureModels', place.model) },
          { term: 'Aard', value: labels.labels('infrastructureNature', place.natures) },
          { term: 'Gebruik', value: labels.labels('infrastructureUses', place.uses) },
          { term: 'Toegang', value: place.access },
          { term: 'Reserveren', value: place.booking },
          { term: 'Openingstijden', value: place.openingHours },
          { term: 'Kosten', value: place.costModel },
        ]}
      />
      {place.locations?.length ? (
        <>
          <h3 class="utrecht-heading-3">Locaties</h3>
          <ul class="utrecht-unordered-list">
            {place.locations.map((location) => (
              <li>
                <strong safe>{location.name}</strong>
                {location.address ? (
                  <span
                    safe
                  >{`, ${[location.address.street, location.address.postalCode, location.address.city].filter(Boolean).join(', ')}`}</span>
                ) : (
                  ''
                )}{' '}
                <a class="utrecht-link" href={`/kaart?soort=infrastructure#plaats-${asset.id}`}>
                  op de kaart
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {place.equipment?.length ? (
        <>
          <h3 class="utrecht-heading-3" id="faciliteiten-titel">
            Faciliteiten
          </h3>
          <DataTable
            labelledBy="faciliteiten-titel"
            rows={place.equipment}
            columns={[
              {
                header: 'Faciliteit',
                text: (item) => [item.name, item.description].filter(Boolean).join(' — '),
              },
              { header: 'Eigenaar', text: (item) => item.owner ?? '' },
              {
                header: 'Capaciteit',
                numeric: true,
                text: (item) => (item.capacity === undefined ? '' : formatNumber(item.capacity)),
              },
            ]}
          />
        </>
      ) : (
        ''
      )}
      {place.software?.length ? (
        <>
          <h3 class="utrecht-heading-3">Wat de plek laat werken</h3>
          <ul class="utrecht-unordered-list">
            {place.software.map((item) => (
              <li safe>
                {[labels.label('infrastructureSoftware', item.code), item.description]
                  .filter(Boolean)
                  .join(': ')}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {place.contributions?.length ? (
        <>
          <h3 class="utrecht-heading-3">Bijdragen van partners</h3>
          <ul class="utrecht-unordered-list">
            {place.contributions.map((item) => (
              <li safe>{`${item.partner}: ${item.contribution}`}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {place.usedByIds?.length ? (
        <>
          <h3 class="utrecht-heading-3">Gebruikt door</h3>
          <AssetLinks ids={place.usedByIds} refs={refs} labels={labels} />
        </>
      ) : (
        ''
      )}
    </section>
  );
}

export function PracticeSection({ asset, labels }: KindProps): JSX.Element {
  const practice = asset.practice!;
  return (
    <section aria-labelledby="praktijk-titel">
      <h2 class="utrecht-heading-2" id="praktijk-titel">
        De praktijk
      </h2>
      <Facts
        facts={[
          { term: 'Regio', value: practice.region },
          { term: 'Bouwstenen', value: labels.labels('buildingBlocks', practice.buildingBlocks) },
          {
            term: 'Configuraties',
            value: labels.labels('configurations', practice.configurations),
          },
        ]}
      />
      {practice.context ? (
        <>
          <h3 class="utrecht-heading-3">Context</h3>
          <Paragraphs text={practice.context} />
        </>
      ) : (
        ''
      )}
      <h3 class="utrecht-heading-3">Het probleem</h3>
      <Paragraphs text={practice.problem} />
      <h3 class="utrecht-heading-3">De aanpak</h3>
      <Paragraphs text={practice.approach} />
      {practice.results ? (
        <>
          <h3 class="utrecht-heading-3">Resultaten</h3>
          <Paragraphs text={practice.results} />
        </>
      ) : (
        ''
      )}
      {practice.successConditions?.length ? (
        <>
          <h3 class="utrecht-heading-3">Wat nodig is om het te laten slagen</h3>
          <TextList items={practice.successConditions} />
        </>
      ) : (
        ''
      )}
      {practice.pitfalls?.length ? (
        <>
          <h3 class="utrecht-heading-3">Valkuilen</h3>
          <TextList items={practice.pitfalls} />
        </>
      ) : (
        ''
      )}
    </section>
  );
}

/** The ids of other building blocks a page names, so their titles are read in one query. */
export function referencedIds(asset: AssetDto): string[] {
  return [
    ...(asset.module?.prerequisites?.moduleIds ?? []),
    ...(asset.curriculum?.moduleIds ?? []),
    ...(asset.infrastructure?.usedByIds ?? []),
    ...(asset.successorId ? [asset.successorId] : []),
  ];
}
