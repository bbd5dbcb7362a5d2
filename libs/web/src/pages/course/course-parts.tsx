import Html from '@kitajs/html';
import type { OrganisationDto } from '@bouwsteen/organisations';
import { assetPath } from '../../components/asset-card';
import { contactRole } from '../../components/contact-role';
import { safeUrl } from '../../components/facts';
import { formatDate, formatEuro, formatHours } from '../../format/format';
import type { LabelBook } from '../../format/labels';
import type { Course } from './course.page';

/**
 * The planning the LLO office entered (start, end, duration in weeks), with what it means per
 * week; said plainly when none was entered yet.
 */
export function Planning({ course }: { course: Course }): JSX.Element {
  const { start, end, durationWeeks } = course.schedule;
  const hours = course.totals.studyLoadHours;
  const perWeek = durationWeeks && hours > 0 ? hours / durationWeeks : undefined;
  return (
    <section aria-labelledby="planning-titel">
      <h2 class="utrecht-heading-2" id="planning-titel">
        Planning
      </h2>
      {start || end || durationWeeks ? (
        <dl class="facts">
          {start ? (
            <>
              <dt>Begint op</dt>
              <dd safe>{formatDate(start)}</dd>
            </>
          ) : (
            ''
          )}
          {end ? (
            <>
              <dt>Eindigt op</dt>
              <dd safe>{formatDate(end)}</dd>
            </>
          ) : (
            ''
          )}
          {durationWeeks ? (
            <>
              <dt>Duur</dt>
              <dd safe>
                {`${durationWeeks} ${durationWeeks === 1 ? 'week' : 'weken'}${perWeek ? `, gemiddeld ${formatHours(Math.round(perWeek * 10) / 10)} per week` : ''}`}
              </dd>
            </>
          ) : (
            ''
          )}
        </dl>
      ) : (
        <p class="utrecht-paragraph">
          De data zijn nog niet vastgelegd. Het LLO-loket spreekt ze met u af.
        </p>
      )}
    </section>
  );
}

/**
 * Whom to ask: the LLO office that made the proposal (its website when it has one), and for
 * each part the contact role of the PPS that made it, through that block's request form.
 */
export function CourseContact(props: {
  course: Course;
  office: OrganisationDto | undefined;
  /** Parts whose PPS reads requests: a PPS nobody answers for gets its block page instead. */
  answering: ReadonlySet<string>;
}): JSX.Element {
  const { course, office } = props;
  const website = safeUrl(office?.website);
  const address = office?.addresses[0];
  // One way per PPS: the request form of its first part in this course.
  const byPps = new Map<string, string>();
  for (const item of course.items)
    if (!byPps.has(item.ppsName)) byPps.set(item.ppsName, item.assetId);
  const way = (ppsName: string, assetId: string) =>
    props.answering.has(assetId)
      ? { href: `${assetPath(assetId)}/aanvragen`, text: `Vraag het ${contactRole(ppsName)}` }
      : {
          href: assetPath(assetId),
          text: `${ppsName} (ontvangt nog geen vragen via Bouwsteen: de bouwsteen noemt hun website)`,
        };
  return (
    <section aria-labelledby="contact-titel">
      <h2 class="utrecht-heading-2" id="contact-titel">
        Contact
      </h2>
      <p class="utrecht-paragraph">
        {Html.escapeHtml(
          office
            ? `Uw contact voor dit voorstel: de LLO-adviseur van ${office.name}.`
            : 'Uw contact voor dit voorstel: de LLO-adviseur die u deze link stuurde.',
        )}
        {address ? (
          <>
            <br />
            <span safe>
              {[address.street, address.postalCode, address.city].filter(Boolean).join(', ')}
            </span>
          </>
        ) : (
          ''
        )}
        {website ? (
          <>
            <br />
            <a class="utrecht-link" href={website} rel="noopener">
              Website van het LLO-loket
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      {byPps.size ? (
        <div class="no-print">
          <p class="utrecht-paragraph">
            Een vraag over een onderdeel of het materiaal? Stel die aan de PPS die het maakte:
          </p>
          <ul class="utrecht-unordered-list">
            {[...byPps].map(([ppsName, assetId]) => (
              <li>
                <a class="utrecht-link" href={way(ppsName, assetId).href} safe>
                  {way(ppsName, assetId).text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
    </section>
  );
}

/**
 * The target group as an employer reads it. The vocabulary's labels are written for PPS and
 * LLO offices ("Werkenden (LLO)", "Werkzoekenden / van werk naar werk"); an employer gets the
 * plain group. A code without a plain word keeps the vocabulary's label.
 */
const AUDIENCE_PLAIN: Record<string, string> = {
  worker: 'Werkenden die zich bij- of omscholen',
  jobseeker: 'Werkzoekenden',
  student: 'Studenten in het mbo',
  teacher: 'Docenten',
  pupil: 'Leerlingen die een opleiding kiezen',
};

export function audienceInPlainWords(code: string, labels: LabelBook): string {
  return AUDIENCE_PLAIN[code] ?? labels.label('audiences', code);
}

/** ", waarvan € 150,00 voor intake en begeleiding" — the extras' amount beside the total. */
export function extrasNote(course: Course): string {
  if (course.extrasCents <= 0)
    return course.extrasDescription ? `, inclusief ${course.extrasDescription}` : '';
  return `, waarvan ${formatEuro(course.extrasCents)} voor ${course.extrasDescription ?? 'extra begeleiding en materiaal'}`;
}
