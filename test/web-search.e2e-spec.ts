import { SearchReader } from '@bouwsteen/search';
import { curriculumWith, moduleBody } from './harness/fixtures';
import { expectPage, mainText } from './harness/html';
import { TestApp, TestUser, createTestApp } from './harness/test-app';

/** /zoeken over HTTP: the URL holds the search, facets count what a click would give, htmx gets a fragment. */
describe('search page (e2e)', () => {
  let t: TestApp;
  let editorA: TestUser;
  let editorB: TestUser;
  let ppsA: string;
  let ppsB: string;

  const module = (
    ppsId: string,
    title: string,
    fields: Record<string, unknown> = {},
    details: Record<string, unknown> = {},
  ) => {
    const robots = /cobot/i.test(title)
      ? { summary: 'Samenwerken met robots op de werkvloer.', keywords: ['robotica'] }
      : {};
    const base = moduleBody(ppsId, { title, ...robots, ...fields });
    const outcomes = robots.summary
      ? { learningOutcomes: [{ text: 'Werkt veilig samen met een cobot.' }] }
      : {};
    return { ...base, module: { ...(base.module as object), ...outcomes, ...details } };
  };

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    ppsA = await t.ppsId('Techport mbo');
    ppsB = await t.ppsId('Lelytalent');
    editorA = await t.user('pps-editor', [ppsA]);
    editorB = await t.user('pps-editor', [ppsB]);
    await t.publish(
      editorA,
      module(
        ppsA,
        'Veilig werken met cobots',
        { levels: ['mbo-3'] },
        { studyLoad: { value: 8, unit: 'hour' } },
      ),
    );
    const programming = await t.publish(
      editorB,
      module(
        ppsB,
        'Cobots programmeren',
        { levels: ['mbo-4'] },
        { studyLoad: { value: 40, unit: 'hour' }, certification: 'none', audiences: ['student'] },
      ),
    );
    await t.publish(
      editorB,
      curriculumWith(ppsB, [programming.id], {
        title: 'Leerlijn robotica en cobots',
        levels: ['mbo-4'],
      }),
    );
    // Enough hydraulics modules for two pages of twenty.
    for (let i = 1; i <= 21; i++)
      await t.publish(
        editorA,
        module(
          ppsA,
          `Hydrauliek deel ${String(i).padStart(2, '0')}`,
          { levels: ['mbo-2'] },
          { studyLoad: { value: 4, unit: 'hour' } },
        ),
      );
    // Welding: "Lassen" (older, the whole title) and "Lassen en snijden" (newer) match exactly;
    // "Laden en lossen" only by a typo; "lessen" is in one description only.
    const welding = (title: string, description?: string) =>
      module(
        ppsA,
        title,
        {
          summary: 'Praktijkmodule in de werkplaats.',
          keywords: ['werkplaats'],
          ...(description ? { description } : {}),
        },
        { learningOutcomes: [{ text: 'Werkt veilig in de werkplaats.' }] },
      );
    await t.publish(editorA, welding('Lassen'));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await t.publish(editorA, welding('Lassen en snijden'));
    await t.publish(editorA, welding('Laden en lossen', 'Praktijklessen en gastlessen.'));
    await t.indexed();
  });

  afterAll(() => t.close());

  const titles = (root: ReturnType<typeof expectPage>) =>
    root.querySelectorAll('.asset-card__title a').map((a) => a.text.trim());
  const sortChoice = (root: ReturnType<typeof expectPage>) => {
    const option = root.querySelector('#zoek-sorteer option[selected]')!;
    return { value: option.getAttribute('value'), label: option.text.trim() };
  };

  it("sorts by relevance once there are words, whatever the empty page's form sends", async () => {
    // The empty page shows newest first, but sends that as "no choice" (an empty value).
    const empty = expectPage(await t.http().get('/zoeken').expect(200));
    expect(sortChoice(empty)).toEqual({ value: '', label: 'Nieuwste eerst' });
    const sent = sortChoice(empty).value!;
    // The form's empty fields are dropped by a redirect, so the URL never carries them.
    const sentForm = await t.http().get(`/zoeken?q=lassen&sorteer=${sent}`).expect(303);
    expect(sentForm.headers.location).toBe('/zoeken?q=lassen');
    const words = expectPage(await t.http().get(sentForm.headers.location).expect(200));
    expect(titles(words).slice(0, 2)).toEqual(['Lassen', 'Lassen en snijden']);
    expect(sortChoice(words)).toEqual({ value: '', label: 'Best passend' });
    // Chosen on a page with words, newest first is honoured (and sent by name from then on).
    const chosen = expectPage(await t.http().get('/zoeken?q=lassen&sorteer=nieuw').expect(200));
    expect(titles(chosen).slice(0, 2)).toEqual(['Lassen en snijden', 'Lassen']);
    expect(sortChoice(chosen)).toEqual({ value: 'nieuw', label: 'Nieuwste eerst' });
  });

  it('puts exact words first and says which words were found by approximation', async () => {
    const root = expectPage(await t.http().get('/zoeken?q=lassen').expect(200));
    expect(titles(root)).toEqual(['Lassen', 'Lassen en snijden', 'Laden en lossen']);
    const note = root.querySelector('.search-approximate')!.text.replace(/\s+/g, ' ');
    expect(note).toContain('Ook gevonden voor „lassen”, met een andere spelling: lossen.');
    // "lassen" is in the index as typed: no "did you mean lossen".
    expect(root.querySelector('.search-suggestion')).toBeNull();
    const exact = expectPage(await t.http().get('/zoeken?q=hydrauliek').expect(200));
    expect(exact.querySelector('.search-approximate')).toBeNull();
  });

  it('suggests a spelling only when it finds exact matches the typed word does not', async () => {
    const typo = expectPage(await t.http().get('/zoeken?q=lasen').expect(200));
    expect(typo.querySelector('.search-suggestion a')!.text).toBe('lassen');
    // "lessen" is only in a description, but it is there: never "did you mean lassen".
    const known = expectPage(await t.http().get('/zoeken?q=lessen').expect(200));
    expect(titles(known)[0]).toBe('Laden en lossen');
    expect(known.querySelector('.search-suggestion')).toBeNull();
  });

  it('asks Meilisearch once for a typo search: the exact counts travel with the results', async () => {
    const reader = t.app.get(SearchReader);
    const spy = jest.spyOn(reader, 'multiSearch');
    try {
      const typo = expectPage(await t.http().get('/zoeken?q=lasen').expect(200));
      expect(typo.querySelector('.search-suggestion a')!.text).toBe('lassen');
      expect(spy).toHaveBeenCalledTimes(1);
      // The results, then how often the one word that could be a typo is in the index as typed.
      expect(spy.mock.calls[0][0].slice(1)).toEqual([{ q: '"lasen"', page: 1, hitsPerPage: 0 }]);
      spy.mockClear();
      // Dutch words are never corrected, so nothing is counted for them.
      expectPage(await t.http().get('/zoeken?q=lassen+en+snijden').expect(200));
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0][0]).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('says a page past the last does not exist, and links to the last page', async () => {
    const root = expectPage(await t.http().get('/zoeken?q=hydrauliek&pagina=9').expect(200));
    expect(root.querySelector('#zoek-aantal')!.text).toBe('Pagina 9 bestaat niet');
    const text = mainText(root);
    expect(text).toContain("Er zijn 21 bouwstenen gevonden, op 2 pagina's.");
    expect(text).not.toContain('niets gevonden');
    expect(root.querySelector('.no-results a')!.getAttribute('href')).toBe(
      '/zoeken?q=hydrauliek&pagina=2',
    );
  });

  it('labels what a card says: kind, licence, PPS and penvoerder, level, hours, reuse', async () => {
    const root = expectPage(await t.http().get('/zoeken?q=cobots&soort=module').expect(200));
    const card = root
      .querySelectorAll('.asset-card')
      .find(
        (item) => item.querySelector('.asset-card__title')!.text.trim() === 'Cobots programmeren',
      )!;
    const text = (selector: string) =>
      card.querySelector(selector)!.text.replace(/\s+/g, ' ').trim();
    expect(text('.kind-badge')).toBe('Module');
    expect(text('.licence-badge')).toBe('Licentie: CC BY-SA 4.0');
    expect(text('.asset-card__source')).toMatch(/^PPS: Lelytalent · Penvoerder: \S/);
    const facts = card
      .querySelectorAll('.asset-card__facts li')
      .map((li) => li.text.replace(/\s+/g, ' ').trim());
    expect(facts).toEqual(['Niveau: mbo niveau 4', 'Studiebelasting: 40 uur']);
  });

  it('suggests the spelling it found, and still shows what it found', async () => {
    const root = expectPage(await t.http().get('/zoeken?q=cobts').expect(200));
    const suggestion = root.querySelector('.search-suggestion a')!;
    expect(suggestion.text).toBe('cobots');
    expect(suggestion.getAttribute('href')).toBe('/zoeken?q=cobots');
    expect(root.querySelector('#zoek-aantal')!.text).toBe('3 bouwstenen gevonden');
  });

  it('counts each facet value as what choosing it too would give, and keeps the filters in the URL', async () => {
    const root = expectPage(await t.http().get('/zoeken?q=cobots&niveau=mbo-3').expect(200));
    expect(root.querySelector('#zoek-aantal')!.text).toBe('1 bouwsteen gevonden');
    const option = (id: string) =>
      root.querySelector(`label[for="${id}"]`)!.text.replace(/\s+/g, ' ').trim();
    expect(root.querySelector('#f-niveau-mbo-3')!.getAttribute('checked')).toBeDefined();
    // mbo 4 would add two more: counted without the level filter, with the words.
    expect(option('f-niveau-mbo-4')).toBe('mbo niveau 4 (2)');
    expect(option('f-niveau-mbo-3')).toBe('mbo niveau 3 (1)');
    // Other facets count within the current results.
    expect(option('f-soort-module')).toBe('Module (1)');
    expect(root.querySelector('#f-soort-curriculum')).toBeNull();
    // A chip removes one filter; canonical is the normalised URL, and filtered pages are not indexed.
    expect(root.querySelector('.active-filters a')!.getAttribute('href')).toBe('/zoeken?q=cobots');
    expect(root.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
      'http://localhost:3000/zoeken?q=cobots&niveau=mbo-3',
    );
    expect(root.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');

    const both = expectPage(await t.http().get('/zoeken?q=cobots&niveau=mbo-3,mbo-4').expect(200));
    expect(both.querySelector('#zoek-aantal')!.text).toBe('3 bouwstenen gevonden');
  });

  it('leaves out what it cannot use from a link and says so, instead of failing', async () => {
    const root = expectPage(
      await t
        .http()
        .get('/zoeken?niveau=mbo-9&niveau=mbo-2&pps=nope&sorteer=raar&pagina=-1&uren-min=abc')
        .expect(200),
    );
    const notice = root.querySelector('.utrecht-alert--warning')!.text;
    expect(notice).toContain('niveau „mbo-9”');
    expect(notice).toContain('pps „nope”');
    expect(notice).toContain('sortering „raar”');
    expect(root.querySelector('#zoek-aantal')!.text).toBe('21 bouwstenen gevonden');
  });

  it('pages with links that work without JavaScript', async () => {
    const first = expectPage(await t.http().get('/zoeken?q=hydrauliek&sorteer=titel').expect(200));
    const titles = first.querySelectorAll('.asset-card__title a').map((a) => a.text);
    expect(titles).toHaveLength(20);
    expect(titles[0]).toBe('Hydrauliek deel 01');
    const next = first.querySelector('a[rel="next"]')!.getAttribute('href')!;
    expect(next).toBe('/zoeken?q=hydrauliek&sorteer=titel&pagina=2');
    const second = expectPage(await t.http().get(next).expect(200));
    expect(second.querySelectorAll('.asset-card__title a').map((a) => a.text)).toEqual([
      'Hydrauliek deel 21',
    ]);
    expect(second.querySelector('a[aria-current="page"][aria-label="Pagina 2"]')).toBeTruthy();
  });

  it('answers htmx with just the results, and a history restore with the whole page', async () => {
    // As the form sends it: every field, the empty ones too. htmx is told the URL without them.
    const fragment = await t
      .http()
      .get('/zoeken?q=cobots&sorteer=&uren-min=&uren-max=')
      .set('HX-Request', 'true')
      .set('HX-Target', 'zoekresultaten')
      .expect(200);
    expect(fragment.headers['hx-push-url']).toBe('/zoeken?q=cobots');
    // The title a full load has, for htmx to put in the document, then the results.
    const full = expectPage(await t.http().get('/zoeken?q=cobots').expect(200));
    const title = full.querySelector('title')!.text;
    expect(title).toMatch(/^Zoeken naar „cobots”: \d+ bouwstenen? gevonden \| Bouwsteen$/);
    expect(fragment.text.startsWith(`<title>${title}</title><div id="zoekresultaten"`)).toBe(true);
    expect(fragment.text).not.toContain('<html');
    expect(fragment.headers.vary).toContain('HX-Request');
    const restore = await t
      .http()
      .get('/zoeken?q=cobots')
      .set('HX-Request', 'true')
      .set('HX-History-Restore-Request', 'true')
      .expect(200);
    expectPage(restore);
  });

  it('helps when nothing is found: the filter to drop, with what it would give', async () => {
    const root = expectPage(await t.http().get('/zoeken?q=hydrauliek&niveau=mbo-4').expect(200));
    expect(root.querySelector('#zoek-aantal')!.text).toBe('Geen bouwstenen gevonden');
    const drop = root.querySelector('.no-results a')!;
    expect(drop.text).toBe('21 bouwstenen zonder filter niveau');
    expect(drop.getAttribute('href')).toBe('/zoeken?q=hydrauliek');
    expect(mainText(root)).toContain('Controleer de spelling');
  });

  it('offers the LLO catalogue as a tab: modules for workers, with the certificate filter', async () => {
    const root = expectPage(await t.http().get('/zoeken?aanbod=llo&q=cobots').expect(200));
    expect(root.querySelector('.search-tabs a[aria-current="page"]')!.text).toBe(
      'LLO-aanbod voor werkenden',
    );
    expect(root.querySelectorAll('.asset-card__title a').map((a) => a.text)).toEqual([
      'Veilig werken met cobots',
    ]);
    expect(root.querySelector('input[name="soort"]')).toBeNull();
    // LLO cards answer what a worker or employer asks first: price, certificate, duration.
    expect(
      root
        .querySelectorAll('.asset-card__facts li')
        .map((li) => li.text.replace(/\s+/g, ' ').trim()),
    ).toEqual([
      'Niveau: mbo niveau 3',
      'Prijs: € 250,00 per deelnemer',
      'Certificaat: Microcredential',
      'Duur: 8 uur',
    ]);
    expect(root.querySelector('input[name="aanbod"]')!.getAttribute('value')).toBe('llo');
    const certified = expectPage(
      await t.http().get('/zoeken?aanbod=llo&certificaat=nee').expect(200),
    );
    expect(certified.querySelector('#zoek-aantal')!.text).toBe('Geen bouwstenen gevonden');
  });

  it('filters on study load in hours', async () => {
    const root = expectPage(
      await t.http().get('/zoeken?q=cobots&uren-min=10&uren-max=100').expect(200),
    );
    expect(root.querySelectorAll('.asset-card__title a').map((a) => a.text)).toEqual([
      'Cobots programmeren',
    ]);
    expect(root.querySelector('#f-uren-min')!.getAttribute('value')).toBe('10');
  });
});
