import { stringify } from 'qs';
import { fieldId } from '../libs/web/src/forms/field-errors';
import { formSections } from '../libs/web/src/forms/asset-form/form-schema';
import { html } from './harness/html';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const KINDS = ['module', 'curriculum', 'infrastructure', 'practice'] as const;
type Kind = (typeof KINDS)[number];

/** The least a building-block form needs per kind, as a browser posts it. */
const REQUIRED: Record<Kind, Record<string, unknown>> = {
  module: {
    module: {
      moduleType: 'e-learning',
      learningOutcomes: [{ text: 'Last een naad volgens de tekening.' }],
      studyLoad: { value: '2', unit: 'ects' },
      audiences: ['worker'],
      learningMode: 'formal',
      deliveryModes: ['online'],
      certification: 'none',
    },
  },
  curriculum: { curriculum: { creboCodes: '25923' } },
  infrastructure: { infrastructure: { model: 'central', natures: ['digital'] } },
  practice: { practice: { problem: 'Te weinig stageplekken.', approach: 'Samen met de branche.' } },
};

/**
 * The pages' side of the validation edges (issue 23): a form body with bytes that are not
 * UTF-8, and a checkbox (or yes/no) value no box sends, come back as the form with the field
 * named in Dutch and what was typed kept; nothing is stored. The API's multipart upload too.
 */
describe('form edges (e2e)', () => {
  let t: TestApp;
  let lead: TestUser;
  let ppsId: string;
  let browser: PageBrowser;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    ppsId = await t.ppsId('Techport mbo');
    lead = await t.user('pps-editor', [ppsId]);
    browser = new PageBrowser(t);
    expect((await browser.signIn(lead)).status).toBe(303);
  });
  afterAll(() => t.close());

  async function blockCount(): Promise<number> {
    const response = await t
      .http()
      .get(`/api/v1/assets?ppsId=${ppsId}&pageSize=1`)
      .set(bearer(lead))
      .expect(200);
    return response.body.totalItems;
  }

  /** A new building block's form as the browser posts it (`levels[]=…`, `module[…]`). */
  async function formOf(kind: Kind, extra: Record<string, unknown> = {}): Promise<string> {
    await browser.get(`/mijn-pps/nieuw?soort=${kind}&pps=${ppsId}`);
    return stringify(
      {
        _formulier: browser.token,
        soort: kind,
        pps: ppsId,
        title: `Lassen voor beginners ${Math.random().toString(36).slice(2, 8)}`,
        summary: 'Een bouwsteen over lassen, voor wie net begint.',
        license: 'CC-BY-4.0',
        ...REQUIRED[kind],
        ...extra,
      },
      { arrayFormat: 'brackets', encodeValuesOnly: true },
    );
  }

  it('marks a group publishing needs as needed, not each of its parts as "niet verplicht"', async () => {
    const page = html(await browser.get(`/mijn-pps/nieuw?soort=module&pps=${ppsId}`));
    const studyLoad = page.querySelector(`#${fieldId('module.studyLoad')}`)!;
    expect(studyLoad.querySelector('legend')?.text).not.toContain('niet verplicht');
    expect(studyLoad.querySelector('p')?.text).toContain('Nodig om te publiceren');
    expect(studyLoad.querySelectorAll('label').map((label) => label.text)).not.toContainEqual(
      expect.stringContaining('niet verplicht'),
    );
  });

  it('opens the form again at the first empty entry after "Meer velden", not at its top', async () => {
    const form = await formOf('module', { _meer: 'module.learningOutcomes' });
    const answer = await browser.post('/mijn-pps/nieuw', form);
    expect(answer.status).toBe(200);
    const page = html(answer);
    const focused = page.querySelectorAll('[autofocus]');
    expect(focused.map((node) => node.id)).toEqual([`${fieldId('module.learningOutcomes')}-nieuw`]);
    expect(focused[0].getAttribute('tabindex')).toBe('-1');
    // The one typed is entry 1; the focus lands on entry 2, the first empty one.
    expect(focused[0].querySelector('legend')?.text).toMatch(/ 2$/);
    expect(focused[0].querySelector('textarea, input')?.getAttribute('name')).toBe(
      'module[learningOutcomes][1][text]',
    );
  });

  it('names an unknown module together with a too-long title, in one round', async () => {
    const unknown = '0b6c2f4e-1111-4c3e-9d1a-3f5e2a7b8c9d';
    const answer = await browser.post(
      '/mijn-pps/nieuw',
      await formOf('curriculum', {
        title: 'T'.repeat(201),
        // A mistake in the same section as the modules hides nothing of theirs.
        curriculum: {
          creboCodes: '25923',
          moduleIds_toevoegen: unknown,
          studyLoad: { value: 'veel' },
        },
      }),
    );
    expect(answer.status).toBe(400);
    const page = html(answer);
    const summary = page
      .querySelectorAll('#foutmeldingen a')
      .map((link) => link.getAttribute('href'));
    expect(summary).toEqual(
      expect.arrayContaining([
        `#${fieldId('title')}`,
        `#${fieldId('curriculum.moduleIds')}`,
        `#${fieldId('curriculum.studyLoad.value')}`,
      ]),
    );
    expect(page.querySelector(`#${fieldId('curriculum.moduleIds')}`)?.text).toContain(
      'bestaat niet',
    );
  });

  it('shows a number again with its decimal comma, and says how many decimals it may have', async () => {
    const answer = await browser.post(
      '/mijn-pps/nieuw',
      await formOf('module', {
        module: {
          ...(REQUIRED.module.module as object),
          studyLoad: { value: '12,5051', unit: 'hour' },
        },
      }),
    );
    expect(answer.status).toBe(400);
    const page = html(answer);
    const input = page.querySelector(`#${fieldId('module.studyLoad.value')}`);
    expect(input?.getAttribute('value')).toBe('12,5051');
    expect(page.querySelector(`#${fieldId('module.studyLoad.value')}-fout`)?.text).toContain(
      'hoogstens 2 cijfers na de komma',
    );
  });

  it('saves each kind from its least form (what the cases below change one field of)', async () => {
    for (const kind of KINDS) {
      const saved = await browser.post('/mijn-pps/nieuw', await formOf(kind));
      expect({ kind, status: saved.status }).toEqual({ kind, status: 303 });
    }
  });

  describe('bytes that are not UTF-8', () => {
    it('shows the form again with the field named and every value kept, escaped or raw', async () => {
      const before = await blockCount();
      const form = await formOf('module');
      for (const body of [
        Buffer.from(`${form}&description=Caf%C3%A9+%FF+thee`),
        Buffer.concat([
          Buffer.from(`${form}&description=Caf%C3%A9+`),
          Buffer.from([0xe9]),
          Buffer.from('+thee'),
        ]),
      ]) {
        const response = await browser.postBytes('/mijn-pps/nieuw', body);
        expect(response.status).toBe(400);
        const page = html({ text: response.text } as never);
        expect(page.querySelector(`#${fieldId('description')}-fout`)?.text).toContain(
          'Deze tekst bevat tekens die niet konden worden gelezen',
        );
        expect(page.querySelector(`#${fieldId('description')}`)?.text).toBe('Café \uFFFD thee');
        expect(page.querySelector(`#${fieldId('title')}`)?.getAttribute('value')).toMatch(
          /^Lassen voor beginners/,
        );
        expect(page.querySelector(`#${fieldId('module.learningOutcomes.0.text')}`)?.text).toBe(
          'Last een naad volgens de tekening.',
        );
      }
      expect(await blockCount()).toBe(before);
    });

    it('refuses a file whose name is not UTF-8: 400 problem from the API, the form again on the page', async () => {
      const file = (name: Buffer, fields = '') =>
        Buffer.concat([
          Buffer.from(
            `${fields}--grens\r\nContent-Disposition: form-data; name="file"; filename="`,
          ),
          name,
          Buffer.from(
            '"\r\nContent-Type: text/csv\r\n\r\nkind,title\r\nModule,Lassen\r\n--grens--\r\n',
          ),
        ]);
      const name = Buffer.concat([
        Buffer.from('catalogus-'),
        Buffer.from([0xff]),
        Buffer.from('.csv'),
      ]);
      const jobs = async () =>
        (await t.http().get(`/api/v1/imports?ppsId=${ppsId}`).set(bearer(lead)).expect(200)).body
          .totalItems;
      const before = await jobs();
      // The API, as an integration sends it (a bearer token, no cookie).
      const upload = (body: Buffer) =>
        new PageBrowser(t).postBytes(
          `/api/v1/imports?ppsId=${ppsId}&dryRun=true`,
          body,
          'multipart/form-data; boundary=grens',
          { ...bearer(lead), Accept: 'application/json' },
        );
      const api = await upload(file(name));
      expect(api.status).toBe(400);
      expect(api.headers['content-type']).toContain('application/problem+json');
      expect(JSON.parse(api.text).errors).toEqual([
        {
          field: 'file',
          message: expect.stringMatching(/^name is not valid UTF-8/),
          code: 'textUnreadable',
        },
      ]);
      await browser.get(`/mijn-pps/importeren?pps=${ppsId}`);
      const page = await browser.postBytes(
        `/mijn-pps/importeren?pps=${ppsId}&_formulier=${encodeURIComponent(browser.token)}`,
        file(name),
        'multipart/form-data; boundary=grens',
      );
      expect(page.status).toBe(400);
      expect(page.text).toContain(
        'De naam van het bestand bevat tekens die niet konden worden gelezen',
      );
      expect(await jobs()).toBe(before);
      // A name in UTF-8 is read as such (it came out as "cafÃ©.csv" before).
      const good = await upload(file(Buffer.from('café.csv')));
      expect(good.status).toBe(202);
      expect(JSON.parse(good.text).fileName).toBe('café.csv');
    });
  });

  describe('a value the form never offers', () => {
    // Every checkbox group and yes/no choice of every kind's form, from the form's own schema.
    const fields = KINDS.flatMap((kind) =>
      formSections(kind)
        .flatMap((section) => section.fields)
        .filter((spec) => spec.type === 'choices' || spec.type === 'yesno')
        .map((spec) => [kind, spec.path, spec.type] as const),
    );

    it('finds the checkbox groups and yes/no choices', () =>
      expect(fields.map(([, path]) => path)).toEqual(
        expect.arrayContaining([
          'levels',
          'module.audiences',
          'module.stackable',
          'infrastructure.uses',
        ]),
      ));

    it.each(fields)(
      '%s: %s (%s) is named on the form again, and nothing is stored',
      async (kind, path, type) => {
        const before = await blockCount();
        const value = type === 'choices' ? ['onbekend'] : 'misschien';
        const [top, ...rest] = path.split('.');
        const extra = rest.length
          ? { [top]: { ...(REQUIRED[kind][top] as object), [rest.join('.')]: value } }
          : { [top]: value };
        const response = await browser.post('/mijn-pps/nieuw', await formOf(kind, extra));
        expect(response.status).toBe(400);
        expect(
          html(response)
            .querySelector(`#${fieldId(path)}-fout`)
            ?.text.trim(),
        ).toBeTruthy();
        expect(await blockCount()).toBe(before);
      },
    );

    it('names an account state and an import choice the forms never offer', async () => {
      const admin = await t.user('admin');
      const other = await t.user('teacher');
      const adminBrowser = new PageBrowser(t);
      await adminBrowser.signIn(admin);
      await adminBrowser.get(`/beheer/gebruikers/${other.id}`);
      const saved = await adminBrowser.post(`/beheer/gebruikers/${other.id}`, {
        _formulier: adminBrowser.token,
        revisie: '1',
        displayName: 'Docent',
        role: 'teacher',
        active: 'misschien',
      });
      expect(saved.status).toBe(400);
      expect(html(saved).querySelector(`#${fieldId('active')}-fout`)?.text).toContain(
        'Kies ja of nee.',
      );
      const account = await t
        .http()
        .get(`/api/v1/users/${other.id}`)
        .set(bearer(admin))
        .expect(200);
      expect(account.body).toMatchObject({ active: true, revision: 1 });

      await browser.get(`/mijn-pps/importeren?pps=${ppsId}`);
      const upload = await browser.postBytes(
        `/mijn-pps/importeren?pps=${ppsId}&_formulier=${encodeURIComponent(browser.token)}`,
        Buffer.from(
          '--grens\r\nContent-Disposition: form-data; name="doel"\r\n\r\nconcept\r\n' +
            '--grens\r\nContent-Disposition: form-data; name="vergelijken"\r\n\r\nmisschien\r\n' +
            '--grens\r\nContent-Disposition: form-data; name="file"; filename="c.csv"\r\n' +
            'Content-Type: text/csv\r\n\r\nkind,title\r\nModule,Lassen\r\n--grens--\r\n',
        ),
        'multipart/form-data; boundary=grens',
      );
      expect(upload.status).toBe(400);
      expect(upload.text).toContain('vink het vakje aan of laat het leeg');
    });
  });

  describe('where a location is', () => {
    const located = (location: Record<string, unknown>) =>
      formOf('infrastructure', {
        infrastructure: { model: 'central', natures: ['physical'], locations: [location] },
      });
    const idOf = (location: string) => /bouwstenen\/([0-9a-f-]{36})/.exec(location)![1];

    it('saves a draft with a place the list does not know, as typed; publishing asks for a point in Dutch', async () => {
      const saved = await browser.post(
        '/mijn-pps/nieuw',
        await located({ name: 'Praktijkhal', address: { city: 'Spaarnwoude-Oost' } }),
      );
      expect(saved.status).toBe(303);
      const id = idOf(saved.headers.location);
      const block = await t.http().get(`/api/v1/assets/${id}`).set(bearer(lead)).expect(200);
      expect(block.body.infrastructure.locations).toEqual([
        { name: 'Praktijkhal', address: { city: 'Spaarnwoude-Oost' } },
      ]);
      // The form shows it again as typed.
      const form = html(await browser.get(`/mijn-pps/bouwstenen/${id}`));
      expect(
        form
          .querySelector(`#${fieldId('infrastructure.locations.0.address.city')}`)
          ?.getAttribute('value'),
      ).toBe('Spaarnwoude-Oost');
      // The publish check names the place as typed, in Dutch.
      const check = html(await browser.get(`/mijn-pps/bouwstenen/${id}/publiceren`));
      expect(check.text).toContain('"Spaarnwoude-Oost" staat niet in onze lijst');
      // Its link leads to the town's field, where it is fixed.
      expect(
        check
          .querySelectorAll('a')
          .find((link) => link.text.includes('Plaats'))
          ?.getAttribute('href'),
      ).toBe(`/mijn-pps/bouwstenen/${id}#${fieldId('infrastructure.locations.0.address.city')}`);
      // The API refuses to publish it, naming the location's town.
      const refused = await t
        .http()
        .post(`/api/v1/assets/${id}/publish`)
        .set(bearer(lead))
        .set('If-Match', `"${block.body.revision}"`)
        .send({})
        .expect(400);
      expect(refused.body.errors).toContainEqual(
        expect.objectContaining({
          field: 'infrastructure.locations.0.address.city',
          code: 'unknownPlace',
          values: { place: 'Spaarnwoude-Oost' },
        }),
      );
    });

    it('places a town typed with its postcode, in other capitals, without "\'s-"', async () => {
      for (const [city, lat] of [
        ['1941 AA beverwijk', 52.49],
        ['HERTOGENBOSCH', 51.69],
        ['Den-Haag', 52.08],
      ] as const) {
        const saved = await browser.post(
          '/mijn-pps/nieuw',
          await located({ name: 'Hal', address: { city } }),
        );
        expect(saved.status).toBe(303);
        const block = await t
          .http()
          .get(`/api/v1/assets/${idOf(saved.headers.location)}`)
          .set(bearer(lead))
          .expect(200);
        expect(block.body.infrastructure.locations[0]).toMatchObject({ address: { city }, lat });
      }
    });

    it('names coordinates outside the Netherlands, and swapped ones, at the field; the form is kept', async () => {
      const before = await blockCount();
      for (const [lat, lng, field, words] of [
        ['12', '4,9', 'lat', 'Deze plek ligt niet in Nederland'],
        ['52,3', '-0,1', 'lng', 'Deze plek ligt niet in Nederland'],
        ['4,9', '52,3', 'lat', 'lijken omgewisseld'],
      ]) {
        const answer = await browser.post(
          '/mijn-pps/nieuw',
          await located({ name: 'Praktijkhal', address: { city: 'Atlantis' }, lat, lng }),
        );
        expect(answer.status).toBe(400);
        const page = html(answer);
        const at = `infrastructure.locations.0.${field}`;
        expect(page.querySelector(`#${fieldId(at)}-fout`)?.text).toContain(words);
        expect(
          page
            .querySelector(`#${fieldId('infrastructure.locations.0.lat')}`)
            ?.getAttribute('value'),
        ).toBe(lat);
        expect(
          page
            .querySelector(`#${fieldId('infrastructure.locations.0.address.city')}`)
            ?.getAttribute('value'),
        ).toBe('Atlantis');
        expect(page.querySelectorAll('#foutmeldingen a').map((a) => a.text)).toContainEqual(
          expect.stringContaining(words),
        );
      }
      expect(await blockCount()).toBe(before);
    });

    it('answers the API 400 problem+json for swapped or foreign coordinates, unless the country says abroad', async () => {
      const post = (location: Record<string, unknown>) =>
        t
          .http()
          .post('/api/v1/assets')
          .set(bearer(lead))
          .send({
            kind: 'infrastructure',
            ppsId,
            title: 'Werkplaats met coördinaten',
            infrastructure: { locations: [{ name: 'Hal', ...location }] },
          });
      const swapped = await post({ lat: 4.9, lng: 52.3 }).expect(400);
      expect(swapped.headers['content-type']).toContain('application/problem+json');
      expect(swapped.body.errors).toEqual([
        expect.objectContaining({ field: 'infrastructure.locations.0.lat', code: 'latLngSwapped' }),
      ]);
      const outside = await post({ lat: 48.85, lng: 2.35 }).expect(400);
      expect(
        outside.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      ).toEqual([
        ['infrastructure.locations.0.lat', 'inNetherlands'],
        ['infrastructure.locations.0.lng', 'inNetherlands'],
      ]);
      await post({ lat: 48.85, lng: 2.35, address: { city: 'Parijs', country: 'FR' } }).expect(201);
      const half = await post({ lat: 52.3 }).expect(400);
      expect(half.body.errors).toEqual([
        expect.objectContaining({ field: 'infrastructure.locations.0.lng', code: 'isDefined' }),
      ]);
    });
  });

  it('keeps the coordinates a person types with a decimal comma as numbers', async () => {
    const form = await formOf('infrastructure', {
      infrastructure: {
        model: 'central',
        natures: ['physical'],
        locations: [{ name: 'Praktijkhal', lat: '52,37', lng: '4,89' }],
      },
    });
    const saved = await browser.post('/mijn-pps/nieuw', form);
    expect(saved.status).toBe(303);
    const id = /bouwstenen\/([0-9a-f-]{36})/.exec(saved.headers.location)![1];
    const block = await t.http().get(`/api/v1/assets/${id}`).set(bearer(lead)).expect(200);
    expect(block.body.infrastructure.locations[0]).toMatchObject({ lat: 52.37, lng: 4.89 });
  });
});
