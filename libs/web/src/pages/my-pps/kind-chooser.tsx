import { KIND_LABELS, KIND_ORDER } from '@bouwsteen/taxonomy/pure';
import type { PageContext } from '../../http/page-context';
import type { SiteRenderer } from '../../layout/site-renderer';

/** What each kind is, in one line, for someone about to add one. */
export const KIND_EXPLANATIONS: Record<(typeof KIND_ORDER)[number], string> = {
  module:
    'Een lesmodule, e-learning, keuzedeel of training: iets wat een docent in de les kan gebruiken.',
  curriculum: 'Een opleiding of leerlijn, opgebouwd uit modules, voor een kwalificatie en niveau.',
  infrastructure:
    'Een praktijkomgeving: een plek met apparatuur waar studenten en werkenden leren en werken.',
  practice:
    'Een goede praktijk: wat uw PPS leerde, wat werkte en wat niet, zodat anderen verder kunnen.',
};

/** /mijn-pps/nieuw without a kind (or with one we do not know): choose what to add first. */
export function kindChooserPage(
  site: SiteRenderer,
  page: PageContext,
  pps: { id: string; name: string },
): Promise<string> {
  return site.page(
    page,
    {
      title: 'Nieuwe bouwsteen',
      description: 'Kies wat voor bouwsteen u wilt toevoegen.',
      canonicalPath: '/mijn-pps/nieuw',
      section: 'mijn-pps',
      noindex: true,
    },
    <>
      <h1 class="utrecht-heading-1">Wat wilt u toevoegen?</h1>
      <p class="utrecht-paragraph" safe>
        {`Een nieuwe bouwsteen van ${pps.name}. Kies de soort; daarna vult u het formulier in.`}
      </p>
      <ul class="kind-tiles kind-tiles--explained">
        {KIND_ORDER.map((kind) => (
          <li>
            <a class="kind-tile" href={`/mijn-pps/nieuw?soort=${kind}&pps=${pps.id}`}>
              <span class="kind-tile__label" safe>
                {KIND_LABELS[kind].one}
              </span>
              <span class="kind-tile__text" safe>
                {KIND_EXPLANATIONS[kind]}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/mijn-pps/importeren?pps=${pps.id}`}>
          Of: een hele catalogus importeren uit een spreadsheet
        </a>
      </p>
    </>,
  );
}
