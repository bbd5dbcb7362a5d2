import { DataSource } from 'typeorm';
import { moduleBody } from './harness/fixtures';
import { html, mainText } from './harness/html';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const REVIEW = {
  use: 'used',
  level: 3,
  pathway: 'bol',
  setting: 'school',
  usability: 4,
  quality: 5,
  adaptability: 3,
  body: 'Goed bruikbaar in leerjaar 2.',
};

/**
 * The reply and report forms under a review, posted as a browser without JavaScript posts them
 * (form token, urlencoded): the owning PPS replies once (a second reply 409, worded in Dutch,
 * the text kept), anyone signed in reports once (a second report is no error), every failure
 * keeps what was typed. And what happens to reviews when an account is deactivated or its row
 * deleted.
 */
describe('reviews: reply and report on the pages (e2e)', () => {
  let t: TestApp;
  let owner: TestUser;
  let ppsId: string;
  let ppsName: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    ppsId = await t.ppsId('GreenTechNHN');
    ppsName = (await t.http().get(`/api/v1/pps/${ppsId}`).expect(200)).body.name;
    owner = await t.user('pps-editor', [ppsId]);
  });
  afterAll(() => t.close());

  async function reviewed(author?: TestUser) {
    const asset = await t.publish(owner, moduleBody(ppsId));
    const writer = author ?? (await t.user('teacher'));
    const review = await t
      .http()
      .put(`/api/v1/assets/${asset.id}/reviews/mine`)
      .set(bearer(writer))
      .send(REVIEW)
      .expect(201);
    return { assetId: asset.id, reviewId: review.body.id as string, writer };
  }

  async function signedIn(user: TestUser): Promise<PageBrowser> {
    const browser = new PageBrowser(t);
    expect((await browser.signIn(user)).status).toBe(303);
    return browser;
  }

  it('asks for a choice where the review form was left at "Kies…", keeping what was chosen', async () => {
    const asset = await t.publish(owner, moduleBody(ppsId));
    const teacher = await signedIn(await t.user('teacher'));
    const path = `/bouwstenen/${asset.id}/reviews`;
    await teacher.get(path);
    const posted = await teacher.post(path, {
      _formulier: teacher.token,
      use: '',
      level: '',
      pathway: 'bol',
      setting: '',
      usability: '4',
      quality: '',
      adaptability: '',
      body: 'Goed bruikbaar.\u0007',
    });
    expect(posted.status).toBe(400);
    const page = html(posted);
    const error = (field: string) => page.querySelector(`#veld-${field}-fout`)?.text.trim();
    expect(error('quality')).toBe('Kies een score van 1 tot 5.');
    expect(error('adaptability')).toBe('Kies een score van 1 tot 5.');
    expect(error('level')).toBe('Kies het mbo-niveau waarvoor u de bouwsteen gebruikte of las.');
    expect(error('use')).toBe('Kies of u de bouwsteen hebt gebruikt of alleen gelezen.');
    expect(error('setting')).toBe('Kies of het op school of in de praktijk was.');
    expect(error('pathway')).toBeUndefined();
    expect(error('usability')).toBeUndefined();
    expect(page.querySelector('#foutmeldingen')!.text).not.toContain('geheel getal');
    // The summary lists the fields top to bottom (the text's problem last, as its field is).
    expect(
      page.querySelectorAll('#foutmeldingen a').map((link) => link.getAttribute('href')),
    ).toEqual([
      '#veld-use',
      '#veld-level',
      '#veld-setting',
      '#veld-quality',
      '#veld-adaptability',
      '#veld-body',
    ]);
    expect(page.querySelector('#veld-usability option[selected]')!.getAttribute('value')).toBe('4');
    expect(page.querySelector('#veld-body')!.text).toContain('Goed bruikbaar.');
  });

  it('lets the owning PPS reply once, the text kept and the second reply refused in Dutch', async () => {
    const { assetId, reviewId } = await reviewed();
    const path = `/bouwstenen/${assetId}/reviews`;
    const field = `reactie-${reviewId}`;
    const lead = await signedIn(owner);
    const colleague = await signedIn(await t.user('pps-editor', [ppsId]));

    const before = html(await lead.get(path));
    expect(mainText(before)).toContain(`Reageren namens ${ppsName}`);
    expect(before.querySelector(`form[action="${path}/${reviewId}/reactie"]`)).not.toBeNull();
    // A colleague opens the same page before the lead replies.
    await colleague.get(path);

    const empty = await lead.post(`${path}/${reviewId}/reactie`, {
      _formulier: lead.token,
      pagina: '1',
      [field]: '   ',
    });
    expect(empty.status).toBe(400);
    const emptyPage = html(empty);
    expect(emptyPage.querySelector('title')!.text).toMatch(/^Fout: /);
    expect(emptyPage.querySelector('#foutmeldingen')!.text).toContain('Uw reactie');
    expect(emptyPage.querySelector(`details[open] #veld-${field}`)).not.toBeNull();
    expect(emptyPage.querySelector(`#veld-${field}-fout`)!.text).toContain(
      'alleen spaties of lege regels tellen niet als tekst',
    );
    // Nothing typed at all: the plain "fill this in", not the sentence about spaces.
    const blank = await lead.post(`${path}/${reviewId}/reactie`, {
      _formulier: lead.token,
      pagina: '1',
      [field]: '',
    });
    expect(blank.status).toBe(400);
    expect(html(blank).querySelector(`#veld-${field}-fout`)!.text.trim()).toBe('Vul dit veld in.');

    const saved = await lead.post(`${path}/${reviewId}/reactie`, {
      _formulier: lead.token,
      pagina: '1',
      [field]: 'Dank u! De ingekorte versie delen we graag.',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`${path}?melding=gereageerd#review-${reviewId}`);
    const after = html(await lead.get(`${path}?melding=gereageerd`));
    const item = after.querySelector(`#review-${reviewId}`)!;
    expect(item.text).toContain(`Reactie van ${ppsName}`);
    expect(item.text).toContain('Dank u! De ingekorte versie delen we graag.');
    expect(item.querySelector('form[action$="/reactie"]')).toBeNull();
    expect(mainText(after)).toContain('Uw reactie staat onder de review.');

    const second = await colleague.post(`${path}/${reviewId}/reactie`, {
      _formulier: colleague.token,
      pagina: '1',
      [field]: 'Ook van mij een reactie.',
    });
    expect(second.status).toBe(409);
    const secondPage = html(second);
    expect(secondPage.querySelector(`#veld-${field}`)!.text).toBe('Ook van mij een reactie.');
    expect(mainText(secondPage)).toContain('Op deze review is al gereageerd');
    const api = await t.http().get(`/api/v1/assets/${assetId}/reviews`).expect(200);
    expect(api.body.items[0].reply.body).toBe('Dank u! De ingekorte versie delen we graag.');

    // Another PPS's editor and a teacher may not reply; nobody without a form token.
    const other = await signedIn(await t.user('pps-editor', [await t.ppsId('Techport mbo')]));
    await other.get(path);
    expect(mainText(html(await other.get(path)))).not.toContain('Reageren namens');
    const refused = await other.post(`${path}/${reviewId}/reactie`, {
      _formulier: other.token,
      [field]: 'Niet van ons.',
    });
    expect(refused.status).toBe(403);
    const tokenless = await lead.post(`${path}/${reviewId}/reactie`, { [field]: 'Zonder token.' });
    expect(tokenless.status).toBe(403);
  });

  it('lets anyone signed in report a review once, with a reason, keeping what was typed', async () => {
    const { assetId, reviewId, writer } = await reviewed();
    const path = `/bouwstenen/${assetId}/reviews`;
    const kind = `reden-${reviewId}`;
    const note = `toelichting-${reviewId}`;
    const reporter = await signedIn(await t.user('llo-office'));

    const page = html(await reporter.get(path));
    expect(page.querySelector(`form[action="${path}/${reviewId}/melden"]`)).not.toBeNull();
    // The author does not report their own review; a visitor who is not signed in sees no form.
    const author = await signedIn(writer);
    expect(html(await author.get(path)).querySelector('form[action$="/melden"]')).toBeNull();
    const visitor = new PageBrowser(t);
    expect(html(await visitor.get(path)).querySelector('form[action$="/melden"]')).toBeNull();

    const noReason = await reporter.post(`${path}/${reviewId}/melden`, {
      _formulier: reporter.token,
      [kind]: '',
      [note]: 'Er staat een naam in.',
    });
    expect(noReason.status).toBe(400);
    const noReasonPage = html(noReason);
    expect(noReasonPage.querySelector(`details[open] #veld-${note}`)!.text).toBe(
      'Er staat een naam in.',
    );
    expect(noReasonPage.querySelector('#foutmeldingen')!.text).toContain(
      'Waarom meldt u deze review?',
    );
    // Nothing chosen, nothing typed: the missing choice is named, the optional note is not.
    const nothing = html(
      await reporter.post(`${path}/${reviewId}/melden`, {
        _formulier: reporter.token,
        [kind]: '',
        [note]: '',
      }),
    );
    expect(nothing.querySelector(`#veld-${kind}-fout`)!.text).toContain(
      'Kies waarom u deze review meldt.',
    );
    expect(nothing.querySelector(`#veld-${note}-fout`)).toBeNull();
    expect(nothing.querySelector('#foutmeldingen')!.text).not.toContain('Toelichting');

    const otherWithoutText = await reporter.post(`${path}/${reviewId}/melden`, {
      _formulier: reporter.token,
      [kind]: 'anders',
      [note]: ' ',
    });
    expect(otherWithoutText.status).toBe(400);
    const otherPage = html(otherWithoutText);
    expect(otherPage.querySelector(`#veld-${kind} option[selected]`)!.getAttribute('value')).toBe(
      'anders',
    );
    expect(otherPage.querySelector(`#veld-${note}-fout`)!.text).toContain('Vul dit veld in.');

    const sent = await reporter.post(`${path}/${reviewId}/melden`, {
      _formulier: reporter.token,
      pagina: '1',
      [kind]: 'ongepast',
      [note]: 'Er staat de naam van een student in.',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`${path}?melding=gemeld#review-${reviewId}`);
    const after = html(await reporter.get(`${path}?melding=gemeld`));
    expect(mainText(after)).toContain('Dank u voor uw melding.');
    expect(after.querySelector(`#review-${reviewId}`)!.text).toContain(
      'U heeft deze review gemeld.',
    );
    expect(after.querySelector('form[action$="/melden"]')).toBeNull();

    // Twice (a second window): no error, the first report stands and the page says so.
    const again = await reporter.post(`${path}/${reviewId}/melden`, {
      _formulier: reporter.token,
      [kind]: 'reclame',
    });
    expect(again.status).toBe(303);
    expect(again.headers.location).toContain('melding=al-gemeld');
    expect(mainText(html(await reporter.get(`${path}?melding=al-gemeld`)))).toContain(
      'U had deze review al gemeld',
    );
    const reports = await t
      .http()
      .get(`/api/v1/pps/${ppsId}/review-reports`)
      .set(bearer(owner))
      .expect(200);
    const mine = reports.body.items.filter((r: { reviewId: string }) => r.reviewId === reviewId);
    expect(mine.map((r: { reason: string }) => r.reason)).toEqual([
      'Ongepast: Er staat de naam van een student in.',
    ]);

    // Not signed in: no report is taken.
    const anonymous = await visitor.post(`${path}/${reviewId}/melden`, {
      _formulier: visitor.token,
      [kind]: 'reclame',
    });
    expect([303, 401, 403]).toContain(anonymous.status);
    if (anonymous.status === 303) expect(anonymous.headers.location).toMatch(/^\/inloggen/);
  });

  it("offers no report form to the block's own PPS, and says why when one is posted anyway", async () => {
    const { assetId, reviewId } = await reviewed();
    const path = `/bouwstenen/${assetId}/reviews`;
    const kind = `reden-${reviewId}`;
    const note = `toelichting-${reviewId}`;
    const lead = await signedIn(owner);
    const page = html(await lead.get(path));
    expect(page.querySelector(`form[action="${path}/${reviewId}/reactie"]`)).not.toBeNull();
    expect(page.querySelector('form[action$="/melden"]')).toBeNull();

    // A page opened before its reader joined the PPS: refused, the form back with the reason.
    const posted = await lead.post(`${path}/${reviewId}/melden`, {
      _formulier: lead.token,
      [kind]: 'anders',
      [note]: 'Dit vinden wij niet terecht.',
    });
    expect(posted.status).toBe(403);
    const refused = html(posted);
    expect(refused.querySelector('#foutmeldingen')!.text).toContain(
      'Reviews van eigen werk meldt u niet',
    );
    expect(refused.querySelector(`#veld-${note}`)!.text).toBe('Dit vinden wij niet terecht.');
    const reports = await t
      .http()
      .get(`/api/v1/pps/${ppsId}/review-reports`)
      .set(bearer(owner))
      .expect(200);
    expect(reports.body.items.map((r: { reviewId: string }) => r.reviewId)).not.toContain(reviewId);
  });

  it('does not hide a review only its own PPS reported (before it no longer could), and says why', async () => {
    const { assetId, reviewId } = await reviewed();
    await t.app
      .get(DataSource)
      .query(`INSERT INTO review_report (review_id, reporter_id, reason) VALUES ($1, $2, 'Oud')`, [
        reviewId,
        owner.id,
      ]);
    const lead = await signedIn(owner);
    const listed = html(await lead.get(`/mijn-pps/reviewmeldingen?pps=${ppsId}`));
    expect(listed.querySelector(`form[action$="/${reviewId}/verbergen"]`)).not.toBeNull();
    const posted = await lead.post(`/mijn-pps/reviewmeldingen/${assetId}/${reviewId}/verbergen`, {
      _formulier: lead.token,
      verbergen: 'ja',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toContain('melding=niet-verborgen');
    const page = html(await lead.get(posted.headers.location));
    expect(mainText(page)).toContain('Deze review is niet verborgen');
    const review = await t.http().get(`/api/v1/assets/${assetId}/reviews`).expect(200);
    expect(review.body.items.map((r: { id: string }) => r.id)).toContain(reviewId);
  });

  it('shows the averages as figures "van 5" with bars, and the reviews unnumbered', async () => {
    const { assetId } = await reviewed();
    const page = html(await new PageBrowser(t).get(`/bouwstenen/${assetId}/reviews`));
    const averages = page.querySelectorAll('.review-averages .review-average');
    expect(averages.map((row) => row.querySelector('dt')!.text)).toEqual([
      'Bruikbaarheid',
      'Kwaliteit',
      'Aanpasbaarheid',
    ]);
    expect(averages[0].querySelector('dd')!.text).toContain('4 van 5');
    expect(averages[0].querySelector('.review-average__bar')!.classList.contains('bar-w80')).toBe(
      true,
    );
    expect(page.querySelector('[style]')).toBeNull();
  });

  it('keeps reviews of a deactivated account (without a name) and drops them with a deleted account row', async () => {
    const admin = await t.user('admin');
    const { assetId, reviewId, writer } = await reviewed();
    const reporter = await t.user('teacher');
    await t
      .http()
      .post(`/api/v1/assets/${assetId}/reviews/${reviewId}/reports`)
      .set(bearer(reporter))
      .send({ reason: 'Klopt niet.' })
      .expect(204);
    await t
      .http()
      .put(`/api/v1/assets/${assetId}/reviews/${reviewId}/reply`)
      .set(bearer(owner))
      .send({ body: 'Dank u.' })
      .expect(200);

    // Deactivated (what an admin can do): the review stays, anonymous as every review.
    await t
      .http()
      .patch(`/api/v1/users/${writer.id}`)
      .set(await t.userEtag(writer.id))
      .set(bearer(admin))
      .send({ active: false })
      .expect(200);
    const list = await t.http().get(`/api/v1/assets/${assetId}/reviews`).expect(200);
    expect(list.body.summary.total).toBe(1);
    expect(JSON.stringify(list.body)).not.toContain(writer.email);

    // An account row deleted (by the database's owner: the site has no deletion): its reviews
    // and its reports go with it (ON DELETE CASCADE); a PPS member's reply loses only its author.
    const db = t.app.get(DataSource);
    await db.query('DELETE FROM app_user WHERE id = $1', [reporter.id]);
    expect(await db.query('SELECT 1 FROM review_report WHERE review_id = $1', [reviewId])).toEqual(
      [],
    );
    const replier = await t.user('pps-editor', [ppsId]);
    const second = await reviewed();
    await t
      .http()
      .put(`/api/v1/assets/${second.assetId}/reviews/${second.reviewId}/reply`)
      .set(bearer(replier))
      .send({ body: 'Graag gedaan.' })
      .expect(200);
    await db.query('DELETE FROM app_user WHERE id = $1', [replier.id]);
    const kept = (await db.query('SELECT reply, reply_by FROM review WHERE id = $1', [
      second.reviewId,
    ])) as { reply: string; reply_by: string | null }[];
    expect(kept).toEqual([{ reply: 'Graag gedaan.', reply_by: null }]);

    await db.query('DELETE FROM app_user WHERE id = $1', [writer.id]);
    expect(await db.query('SELECT 1 FROM review WHERE id = $1', [reviewId])).toEqual([]);
    const gone = await t.http().get(`/api/v1/assets/${assetId}/reviews`).expect(200);
    expect(gone.body.summary.total).toBe(0);
  });
});
