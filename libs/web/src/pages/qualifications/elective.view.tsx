import type { ElectivePage } from '@bouwsteen/qualifications';
import { Facts } from '../../components/facts';
import { formatDate, formatNumber } from '../../format/format';
import {
  BackToOverview,
  BlockList,
  MoreNote,
  ReferenceNotice,
  electiveName,
  levelText,
  qualificationName,
  qualificationPath,
} from './qualification-parts';

/**
 * /kwalificaties/keuzedelen/:code: what the keuzedeel is (size, certificate), the
 * qualifications it may be combined with, and the modules (and curricula) that offer it.
 */
export function ElectiveView(props: { data: ElectivePage; reference: boolean }): JSX.Element {
  const { elective: e, qualifications, qualificationsTotal, blocks } = props.data;
  const modules = blocks.filter((block) => block.kind === 'module');
  const curricula = blocks.filter((block) => block.kind === 'curriculum');
  return (
    <>
      <p class="site-muted qualification-kicker">Keuzedeel</p>
      <h1 class="utrecht-heading-1" safe>
        {electiveName(e.title, e.code)}
      </h1>
      <ReferenceNotice shown={props.reference} />
      <Facts
        facts={[
          { term: 'Code', value: e.code },
          {
            term: 'Omvang',
            value: e.studyLoadSbu === null ? undefined : `${formatNumber(e.studyLoadSbu)} sbu`,
          },
          { term: 'Niveau', value: levelText(e.level) },
          { term: 'mbo-certificaat', value: e.certificate ? 'Ja' : 'Nee' },
          { term: 'Geldig vanaf', value: formatDate(e.validFrom) },
          { term: 'Geldig tot', value: formatDate(e.validUntil) },
        ]}
      />
      <section aria-labelledby="modules-titel">
        <h2 class="utrecht-heading-2" id="modules-titel" safe>
          {`Modules (${formatNumber(modules.length)})`}
        </h2>
        {modules.length ? (
          <BlockList blocks={modules} />
        ) : (
          <p class="utrecht-paragraph">Er is nog geen herbruikbare module voor dit keuzedeel.</p>
        )}
        {curricula.length ? (
          <>
            <h3 class="utrecht-heading-3" safe>
              {`Curricula die het aanbieden (${formatNumber(curricula.length)})`}
            </h3>
            <BlockList blocks={curricula} />
          </>
        ) : (
          ''
        )}
      </section>
      <section aria-labelledby="kwalificaties-titel">
        <h2 class="utrecht-heading-2" id="kwalificaties-titel" safe>
          {`Past bij deze kwalificaties (${formatNumber(qualificationsTotal)})`}
        </h2>
        {qualifications.length ? (
          <ul class="utrecht-unordered-list">
            {qualifications.map((q) =>
              q.title === null ? (
                <li safe>{`Crebo ${q.crebo} (niet in de ingelezen kwalificatiestructuur)`}</li>
              ) : (
                <li>
                  <a class="utrecht-link" href={qualificationPath(q.crebo)} safe>
                    {qualificationName(q.title, q.crebo)}
                  </a>{' '}
                  <span class="site-muted" safe>
                    {[`crebo ${q.crebo}`, levelText(q.level)].filter(Boolean).join(', ')}
                  </span>
                </li>
              ),
            )}
          </ul>
        ) : (
          <p class="utrecht-paragraph">
            De ingelezen kwalificatiestructuur noemt geen kwalificaties bij dit keuzedeel.
          </p>
        )}
        <MoreNote shown={qualifications.length} total={qualificationsTotal} what="kwalificaties" />
      </section>
      <BackToOverview />
    </>
  );
}
