import Html from '@kitajs/html';
import type { CoreTask } from '@bouwsteen/qualifications/pure';
import type { QualificationPage, ServingBlock } from '@bouwsteen/qualifications';
import { assetPath } from '../../components/asset-card';
import { Facts } from '../../components/facts';
import { count, formatDate, formatNumber } from '../../format/format';
import {
  BackToOverview,
  BlockList,
  MoreNote,
  ReferenceNotice,
  dossierName,
  electiveName,
  electivePath,
  qualificationName,
  electivesText,
  levelText,
  materialText,
} from './qualification-parts';

/**
 * /kwalificaties/:crebo: what the qualification asks (kerntaken and werkprocessen), which
 * published curricula say they cover each kerntaak, its keuzedelen with their modules or the
 * plain statement that there is none yet, and every curriculum and module that serves it.
 */
export function QualificationView(props: {
  data: QualificationPage;
  reference: boolean;
}): JSX.Element {
  const { qualification: q, electives, electivesTotal, blocks } = props.data;
  const curricula = blocks.filter((block) => block.kind === 'curriculum');
  const modules = blocks.filter((block) => block.kind === 'module');
  const withModule = electives.filter((elective) => elective.modules > 0).length;
  const dossier = [
    `crebo ${q.dossierCrebo}`,
    q.dossierVersion ? `versie ${q.dossierVersion}` : '',
  ].filter(Boolean);
  return (
    <>
      <p class="site-muted qualification-kicker">Kwalificatie</p>
      <h1 class="utrecht-heading-1" safe>
        {qualificationName(q.title, q.crebo)}
      </h1>
      <ReferenceNotice shown={props.reference} />
      <Facts
        facts={[
          { term: 'Crebocode', value: q.crebo },
          { term: 'Niveau', value: levelText(q.level) },
          {
            term: 'Kwalificatiedossier',
            value: `${dossierName(q.dossierTitle, q.dossierCrebo)} (${dossier.join(', ')})`,
          },
          { term: 'Geldig vanaf', value: formatDate(q.validFrom) },
          { term: 'Einde instroom', value: formatDate(q.intakeEnds) },
        ]}
      />
      <p class="utrecht-paragraph utrecht-paragraph--lead" safe>
        {coverageSentence(curricula.length, modules.length, electivesTotal, withModule)}
      </p>
      <nav aria-label="Op deze pagina" class="page-contents">
        <ul class="plain-list">
          <li>
            <a class="utrecht-link" href="#kerntaken-titel">
              Kerntaken en werkprocessen
            </a>
          </li>
          <li>
            <a class="utrecht-link" href="#keuzedelen-titel">
              Keuzedelen
            </a>
          </li>
          <li>
            <a class="utrecht-link" href="#materiaal-titel">
              Curricula en modules
            </a>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="kerntaken-titel">
        <h2 class="utrecht-heading-2" id="kerntaken-titel">
          Kerntaken en werkprocessen
        </h2>
        <CoreTaskPart
          title="Basisdeel"
          note="Gelijk voor alle kwalificaties in het dossier."
          tasks={q.sharedCoreTasks}
          curricula={curricula}
        />
        <CoreTaskPart
          title="Profieldeel"
          note="Alleen voor deze kwalificatie."
          tasks={q.ownCoreTasks}
          curricula={curricula}
        />
      </section>
      <section aria-labelledby="keuzedelen-titel">
        <h2 class="utrecht-heading-2" id="keuzedelen-titel" safe>
          {`Keuzedelen (${formatNumber(electivesTotal)})`}
        </h2>
        {electives.length ? (
          <ul class="elective-list">
            {electives.map((elective) => {
              const carrying = modules.filter((block) =>
                block.electiveCodes.includes(elective.code),
              );
              const facts = [
                elective.studyLoadSbu === null ? '' : `${formatNumber(elective.studyLoadSbu)} sbu`,
                elective.certificate ? 'met mbo-certificaat' : 'zonder mbo-certificaat',
              ].filter(Boolean);
              return (
                <li class="elective-item" data-keuzedeel={elective.code}>
                  <h3 class="utrecht-heading-3 elective-item__title">
                    <a class="utrecht-link" href={electivePath(elective.code)} safe>
                      {electiveName(elective.title, elective.code)}
                    </a>
                  </h3>
                  <p class="site-muted" safe>
                    {facts.join(' · ')}
                  </p>
                  {carrying.length ? (
                    <BlockList blocks={carrying} />
                  ) : (
                    <p class="utrecht-paragraph">
                      Er is nog geen herbruikbare module voor dit keuzedeel.
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="utrecht-paragraph">
            In de ingelezen kwalificatiestructuur staan geen keuzedelen bij deze kwalificatie.
          </p>
        )}
        <MoreNote shown={electives.length} total={electivesTotal} what="keuzedelen" />
      </section>
      <section aria-labelledby="materiaal-titel">
        <h2 class="utrecht-heading-2" id="materiaal-titel">
          Curricula en modules
        </h2>
        <p class="utrecht-paragraph">
          Een curriculum hoort bij deze kwalificatie als het haar crebocode of die van het dossier
          noemt; een module als zij een keuzedeel van deze kwalificatie is of deel uitmaakt van zo'n
          curriculum.
        </p>
        <h3 class="utrecht-heading-3" safe>{`Curricula (${formatNumber(curricula.length)})`}</h3>
        {curricula.length ? (
          <BlockList blocks={curricula} />
        ) : (
          <p class="utrecht-paragraph">Nog geen gepubliceerd curriculum.</p>
        )}
        <h3 class="utrecht-heading-3" safe>{`Modules (${formatNumber(modules.length)})`}</h3>
        {modules.length ? (
          <BlockList blocks={modules} />
        ) : (
          <p class="utrecht-paragraph">Nog geen gepubliceerde module.</p>
        )}
      </section>
      <BackToOverview />
    </>
  );
}

/** "Bouwsteen heeft 1 curriculum en 2 modules voor deze kwalificatie. 1 van 3 keuzedelen …" */
function coverageSentence(
  curricula: number,
  modules: number,
  electives: number,
  withModule: number,
): string {
  const material =
    curricula + modules === 0
      ? 'Bouwsteen heeft nog geen herbruikbaar materiaal voor deze kwalificatie.'
      : `Bouwsteen heeft ${materialText(curricula, modules)} voor deze kwalificatie.`;
  if (electives === 0) return material;
  return `${material} ${electivesText(electives, withModule)}.`;
}

/** One part's kerntaken with their werkprocessen and the curricula that say they cover each. */
function CoreTaskPart(props: {
  title: string;
  note: string;
  tasks: readonly CoreTask[];
  curricula: readonly ServingBlock[];
}): JSX.Element {
  if (props.tasks.length === 0) return '';
  return (
    <>
      <h3 class="utrecht-heading-3" safe>
        {props.title}
      </h3>
      <p class="utrecht-paragraph site-muted" safe>
        {props.note}
      </p>
      <ul class="core-task-list">
        {props.tasks.map((task) => {
          const covering = props.curricula.filter((block) =>
            block.coreTaskCodes.includes(task.code),
          );
          return (
            <li class="core-task" data-kerntaak={task.code}>
              <h4 class="utrecht-heading-4 core-task__title" safe>
                {`${task.code} ${task.title}`}
              </h4>
              {task.workProcesses.length ? (
                <ul class="utrecht-unordered-list core-task__processes">
                  {task.workProcesses.map((process) => (
                    <li safe>{`${process.code} ${process.title}`}</li>
                  ))}
                </ul>
              ) : (
                ''
              )}
              <p class="utrecht-paragraph core-task__covered">
                {covering.length ? (
                  <>
                    {Html.escapeHtml(
                      `${count(covering.length, 'curriculum dekt', 'curricula dekken')} deze kerntaak: `,
                    )}
                    {covering.map((block, index) => (
                      <>
                        {index > 0 ? ', ' : ''}
                        <a class="utrecht-link" href={assetPath(block.id)} safe>
                          {block.title}
                        </a>
                      </>
                    ))}
                  </>
                ) : (
                  'Nog geen gepubliceerd curriculum dat zegt deze kerntaak te dekken.'
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
