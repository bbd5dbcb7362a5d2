import { CourseDto } from './dto/course.dto';

const escape = (text: unknown) =>
  String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const euro = (cents: number) => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;

/** schema.org Course with its modules as parts; the study load as an ISO 8601 duration. */
export function courseJsonLd(course: CourseDto): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: course.title,
    description: course.goals ?? undefined,
    audience: { '@type': 'Audience', audienceType: course.audience },
    timeRequired: `PT${Math.round(course.totals.studyLoadHours)}H`,
    offers: {
      '@type': 'Offer',
      price: (course.totals.priceCents / 100).toFixed(2),
      priceCurrency: 'EUR',
    },
    educationalCredentialAwarded: course.totals.certificates.map(
      (certificate) => `${certificate.certification}: ${certificate.title}`,
    ),
    hasCourseInstance: {
      '@type': 'CourseInstance',
      startDate: course.schedule.start,
      endDate: course.schedule.end,
      courseMode: Object.keys(course.totals.deliveryModes),
    },
    hasPart: course.items.map((item) => ({
      '@type': item.kind === 'module' ? 'LearningResource' : 'Place',
      name: item.title,
      identifier: `${item.assetId}@${item.version}`,
      license: item.license,
      provider: { '@type': 'Organization', name: item.ppsName },
    })),
  };
}

/** A printable page that reads without JavaScript; the JSON-LD is embedded for machines. */
export function renderCoursePage(course: CourseDto): string {
  const jsonLd = JSON.stringify(courseJsonLd(course)).replace(/</g, '\\u003c');
  const rows = course.items
    .map(
      (item) =>
        `<tr><td>${item.position}</td><td>${escape(item.title)}<br><small>${escape(item.ppsName)} · versie ${item.version}${
          item.state === 'current' ? '' : ` · ${escape(item.state)}`
        }</small></td><td>${item.studyLoadHours ?? ''}</td><td>${item.priceCents === null ? '' : euro(item.priceCents)}</td><td>${escape(
          item.certification ?? '',
        )}</td><td>${escape(item.location ?? '')}</td></tr>`,
    )
    .join('\n');
  const schedule = [course.schedule.start, course.schedule.end].filter(Boolean).join(' – ');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(course.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}small{color:#555}@media print{body{margin:0}}</style>
<script type="application/ld+json">${jsonLd}</script>
</head>
<body>
<h1>${escape(course.title)}</h1>
<p><strong>Voor:</strong> ${escape(course.employer.name)}${schedule ? ` · <strong>Planning:</strong> ${escape(schedule)}` : ''}</p>
${course.goals ? `<p>${escape(course.goals)}</p>` : ''}
<table>
<thead><tr><th>#</th><th>Onderdeel</th><th>Uren</th><th>Prijs</th><th>Certificaat</th><th>Locatie</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p><strong>Totale studiebelasting:</strong> ${course.totals.studyLoadHours} uur · <strong>Prijs per deelnemer:</strong> ${euro(course.totals.priceCents)}${
    course.extrasDescription ? ` (inclusief ${escape(course.extrasDescription)})` : ''
  }</p>
<p><strong>Certificaten:</strong> ${
    course.totals.certificates.length
      ? course.totals.certificates
          .map((certificate) => escape(`${certificate.title} (${certificate.certification})`))
          .join(', ')
      : 'geen'
  }${course.totals.certificatesStack ? ' — stapelbaar' : ''}</p>
</body>
</html>
`;
}

export function courseCsvRows(course: CourseDto): Record<string, unknown>[] {
  return course.items.map((item) => ({
    position: item.position,
    title: item.title,
    pps: item.ppsName,
    version: item.version,
    state: item.state,
    studyLoadHours: item.studyLoadHours,
    priceCents: item.priceCents,
    certification: item.certification,
    deliveryModes: item.deliveryModes,
    levels: item.levels,
    license: item.license,
    location: item.location,
  }));
}

/** What a browser shows for a share link that was revoked, replaced or mistyped. */
export function renderLinkUnavailablePage(): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Deze link werkt niet meer – Bouwsteen</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222;line-height:1.5}</style>
</head>
<body>
<main>
<h1>Deze link werkt niet meer</h1>
<p>Het cursusaanbod dat met deze link werd gedeeld, is niet (meer) beschikbaar. Misschien is de link ingetrokken of vervangen door een nieuwe, of is hij niet helemaal goed overgenomen.</p>
<p>Vraag het LLO-loket dat u de link stuurde om een nieuwe link.</p>
</main>
</body>
</html>
`;
}
