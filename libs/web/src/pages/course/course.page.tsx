import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { AssetsService, attributionText, canonicalLicenseUrl } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { CoursesService } from '@bouwsteen/courses';
import { OrganisationDto, OrganisationsService } from '@bouwsteen/organisations';
import { RequestsService } from '@bouwsteen/requests';
import { assetPath } from '../../components/asset-card';
import { DataTable } from '../../components/data-table';
import { formatEuro, formatHours } from '../../format/format';
import { CourseContact, Planning, audienceInPlainWords, extrasNote } from './course-parts';
import { LabelBook, Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { unlessNotFound } from '../../http/unless-not-found';
import { SiteRenderer } from '../../layout/site-renderer';
import { courseModes, isoHours } from '@bouwsteen/harvest';

export type Course = Awaited<ReturnType<CoursesService['shared']>>;

const ITEM_STATES: Record<string, string> = {
  current: 'actueel',
  'update-available': 'er is een nieuwere versie',
  withdrawn: 'niet meer beschikbaar',
};

/**
 * /cursus/:token: a course an LLO office shares with an employer. Anyone with the link may read
 * it, so it is never indexed or cached; it prints on paper without the site's navigation.
 */
@Injectable()
export class CoursePage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly courses: CoursesService,
    private readonly organisations: OrganisationsService,
    private readonly assets: AssetsService,
    private readonly requests: RequestsService,
  ) {}

  async render(page: PageContext, token: string): Promise<string> {
    const [{ course, officeOrganisationId }, labels] = await Promise.all([
      this.courses.sharedWithOffice(token),
      this.labels.book(),
    ]);
    const [office, answering] = await Promise.all([
      officeOrganisationId
        ? unlessNotFound(this.organisations.get(officeOrganisationId))
        : undefined,
      this.answeringParts(course),
    ]);
    return this.site.page(
      page,
      {
        title: course.title,
        description: `Cursusvoorstel voor ${course.employer.name}, samengesteld uit modules van de mbo-PPS.`,
        canonicalPath: `/cursus/${token}`,
        section: 'cursus',
        noindex: true,
        jsonLd: [this.jsonLd(course, labels)],
      },
      <CourseContent
        course={course}
        labels={labels}
        office={office}
        answering={answering}
        absolute={(path) => this.site.absolute(path)}
      />,
    );
  }

  /** The parts whose PPS someone reads requests for: only those get a request link. */
  private async answeringParts(course: { items: { assetId: string }[] }): Promise<Set<string>> {
    const parts = await this.assets.summaries(
      undefined,
      course.items.map((item) => item.assetId),
    );
    const ppsIds = [...new Set(parts.map((part) => part.pps.id))];
    const receiving = await Promise.all(ppsIds.map((id) => this.requests.canReceive(id)));
    const open = new Set(ppsIds.filter((_, index) => receiving[index]));
    return new Set(parts.filter((part) => open.has(part.pps.id)).map((part) => part.id));
  }

  /** The same proposal for the office that owns it (print view), without a share link. */
  async renderOwned(page: PageContext, principal: Principal, id: string): Promise<string> {
    const [course, labels] = await Promise.all([
      this.courses.get(principal, id),
      this.labels.book(),
    ]);
    const [office, answering] = await Promise.all([
      principal.organisationId
        ? unlessNotFound(this.organisations.get(principal.organisationId))
        : undefined,
      this.answeringParts(course),
    ]);
    return this.site.page(
      page,
      {
        title: course.title,
        description: `Cursusvoorstel voor ${course.employer.name} (afdrukversie)`,
        canonicalPath: `/mijn-cursussen/${id}/afdrukken`,
        section: 'mijn-cursussen',
        noindex: true,
      },
      <CourseContent
        course={course}
        labels={labels}
        office={office}
        answering={answering}
        absolute={(path) => this.site.absolute(path)}
      />,
    );
  }

  /** schema.org Course with its modules as parts; the study load as an ISO 8601 duration. */
  private jsonLd(course: Course, labels: LabelBook): object {
    return {
      '@context': 'https://schema.org',
      '@type': 'Course',
      name: course.title,
      description: course.goals ?? undefined,
      audience: {
        '@type': 'Audience',
        audienceType: audienceInPlainWords(course.audience, labels),
      },
      timeRequired: isoHours(course.totals.studyLoadHours),
      // A total that leaves out unpriced parts is not the price: then no offer is claimed.
      offers: unpricedNote(course)
        ? undefined
        : {
            '@type': 'Offer',
            price: (course.totals.priceCents / 100).toFixed(2),
            priceCurrency: 'EUR',
          },
      educationalCredentialAwarded: course.totals.certificates.map(
        (certificate) =>
          `${labels.label('certifications', certificate.certification)}: ${certificate.title}`,
      ),
      hasCourseInstance: {
        '@type': 'CourseInstance',
        startDate: course.schedule.start,
        endDate: course.schedule.end,
        courseMode: courseModes(Object.keys(course.totals.deliveryModes)),
      },
      hasPart: course.items.map((item) => ({
        '@type': 'LearningResource',
        name: item.title,
        url: this.site.absolute(assetPath(item.assetId, item.version)),
        version: item.version,
        license: canonicalLicenseUrl(item.license),
        provider: { '@type': 'Organization', name: item.ppsName },
      })),
    };
  }
}

export function CourseContent(props: {
  course: Course;
  labels: LabelBook;
  office: OrganisationDto | undefined;
  /** Parts whose PPS reads requests (the others get no request link). */
  answering: ReadonlySet<string>;
  absolute: (path: string) => string;
}): JSX.Element {
  const { course, labels, office } = props;
  return (
    <>
      <p class="utrecht-paragraph site-muted">Cursusvoorstel</p>
      <h1 class="utrecht-heading-1" safe>
        {course.title}
      </h1>
      <dl class="facts">
        <dt>Voor</dt>
        <dd safe>{course.employer.name}</dd>
        <dt>Doelgroep</dt>
        <dd safe>{audienceInPlainWords(course.audience, labels)}</dd>
      </dl>
      {course.goals ? (
        <p class="utrecht-paragraph" safe>
          {course.goals}
        </p>
      ) : (
        ''
      )}
      <Planning course={course} />
      <h2 class="utrecht-heading-2" id="onderdelen-titel">
        Onderdelen
      </h2>
      <DataTable
        labelledBy="onderdelen-titel"
        rows={course.items}
        columns={[
          { header: 'Nr.', text: (item) => String(item.position) },
          {
            header: 'Onderdeel',
            render: (item) => (
              <>
                <a class="utrecht-link" href={assetPath(item.assetId, item.version)} safe>
                  {item.title}
                </a>
                <br />
                <small class="site-muted" safe>
                  {`${item.ppsName} · versie ${item.version}${item.state === 'current' ? '' : ` · ${ITEM_STATES[item.state] ?? item.state}`}`}
                </small>
              </>
            ),
          },
          {
            header: 'Uren',
            numeric: true,
            text: (item) => (item.studyLoadHours === null ? '' : formatHours(item.studyLoadHours)),
          },
          {
            header: 'Prijs',
            numeric: true,
            text: (item) =>
              item.priceCents === null ? 'geen prijs opgegeven' : formatEuro(item.priceCents),
          },
          {
            header: 'Certificaat',
            text: (item) =>
              item.certification ? labels.label('certifications', item.certification) : '',
          },
          {
            header: 'Vorm en locatie',
            text: (item) =>
              [labels.labels('deliveryModes', item.deliveryModes).join(', '), item.location]
                .filter(Boolean)
                .join(' — '),
          },
        ]}
      />
      <h2 class="utrecht-heading-2">Totaal</h2>
      <dl class="facts course-totals">
        <dt>Studiebelasting</dt>
        <dd safe>{formatHours(course.totals.studyLoadHours)}</dd>
        <dt>Prijs per deelnemer</dt>
        <dd safe>
          {`${formatEuro(course.totals.priceCents)} (excl. btw)${extrasNote(course)}${unpricedNote(course)}`}
        </dd>
        <dt>Certificaten</dt>
        <dd>
          {Html.escapeHtml(
            course.totals.certificates.length
              ? `${course.totals.certificates.map((certificate) => `${certificate.title} (${labels.label('certifications', certificate.certification)})`).join(', ')}${course.totals.certificatesStack ? ' — samen stapelbaar' : ''}`
              : 'Geen',
          )}
        </dd>
      </dl>
      <h2 class="utrecht-heading-2">Licenties en naamsvermelding</h2>
      <p class="utrecht-paragraph">
        De onderdelen zijn gemaakt door PPS in Noord-Holland en Flevoland en gedeeld via Bouwsteen.
        Vermeld bij gebruik:
      </p>
      <ul class="utrecht-unordered-list attribution-list">
        {course.items.map((item) => (
          <li safe>
            {attributionText({
              title: item.title,
              version: item.version,
              ppsName: item.ppsName,
              url: props.absolute(assetPath(item.assetId, item.version)),
              licenseLabel: labels.label('licenses', item.license),
              licenseCode: item.license,
            })}
          </li>
        ))}
      </ul>
      <CourseContact course={course} office={office} answering={props.answering} />
      <p class="utrecht-paragraph no-print site-muted">
        Deze pagina is ook af te drukken of als PDF op te slaan via de printfunctie van uw browser.
      </p>
    </>
  );
}

/** The total only adds the prices that were given; say so when a part has none. */
function unpricedNote(course: Course): string {
  const unpriced = course.items.filter((item) => item.priceCents === null).length;
  if (!unpriced) return '';
  return unpriced === 1
    ? '; 1 onderdeel heeft geen prijs opgegeven en telt niet mee'
    : `; ${unpriced} onderdelen hebben geen prijs opgegeven en tellen niet mee`;
}
