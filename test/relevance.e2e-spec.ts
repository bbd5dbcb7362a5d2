import { demoTemplate } from './harness/demo-site';
import { DataSource } from 'typeorm';
import { TestApp, createTestApp } from './harness/test-app';

/**
 * Dutch queries a teacher would type, over the demo set, each with the demo asset that must be
 * among the first three hits. Typos, synonyms, several words and filters are all represented.
 */
const CASES: [string, string, string][] = [
  ['exact word', 'q=cobots', 'm-cobot-tp'],
  ['typo in two words', 'q=cobtos veilighied', 'm-cobot-tp'],
  ['typo', 'q=warmtpomp', 'm-warmtepomp-otia'],
  ['typo in a long word', 'q=vliegtuigonderhout', 'c-aviation-hoa'],
  [
    'synonym: leven lang ontwikkelen → llo',
    'q=leven lang ontwikkelen loket werkgevers',
    'p-llo-loket-ec',
  ],
  ['synonym: online leren → e-learning', 'q=online leren cybersecurity', 'm-cyber-basis'],
  ['synonym: zonne-energie → zonnepanelen', 'q=zonne-energie installatie', 'm-zonnepanelen-otia'],
  ['synonym: kunstmatige intelligentie → ai', 'q=kunstmatige intelligentie', 'm-ai-hod'],
  ['synonym: heftruck → reachtruck', 'q=heftruck rijden', 'm-heftruck-hol'],
  ['synonym: zorgtechnologie → e-health', 'q=ehealth zij-instromers', 'm-ehealth-pz'],
  ['acronym', 'q=haccp', 'm-hygiene-fptc'],
  ['several words', 'q=voedselveiligheid productie operators', 'm-hygiene-fptc'],
  ['good practice', 'q=hybride docenten bedrijfsleven', 'p-hybride-docent-tp'],
  ['place', 'q=hangaar schiphol', 'i-hangaar-hoa'],
  ['words from learning outcomes', 'q=siem incident escaleert', 'm-soc-cyber'],
  ['two topics', 'q=drones precisielandbouw', 'm-drone-pb'],
  ['curriculum for career switchers', 'q=verzorgende zij-instromers', 'c-zorg-pz'],
  ['craft', 'q=cnc frezen meubel', 'm-cnc-meubel'],
  ['data in horticulture', 'q=glastuinbouw data', 'm-kas-gt'],
  ['programming', 'q=python data-analyse', 'm-data-hod'],
  ['neighbourhood sport', 'q=buurtsport', 'm-sport-ust'],
  ['circular construction', 'q=circulair bouwen hergebruik', 'm-circulair-bouw'],
  ['place by town', 'q=leerwerkplein den helder', 'i-leerwerkplein-tlp'],
  ['pathway', 'q=mechatronica bbl', 'c-mechatronica-tp'],
  ['filter: online modules', 'q=veiligheid&kind=module&deliveryMode=online', 'm-cobot-tp'],
  [
    'filter: places in Flevoland',
    'q=akkerbouw&kind=infrastructure&province=flevoland',
    'i-proefboerderij-pb',
  ],
  [
    'filter: certifiable modules for workers',
    'q=webshop&audience=worker&certifiable=true',
    'm-ecom-webshop',
  ],
  ['practice about knowledge transfer', 'q=meester gezel vakmanschap', 'p-vakmanschap-meubel'],
  ['practice about young job seekers', 'q=werkzoekende jongeren', 'p-talentcoach-lt'],
  ['open material', 'q=open leermateriaal creative commons', 'p-open-leeromgeving-hod'],
  // Compounds: split with the OpenTaal word list, so parts and whole meet either way.
  ['compound in the query, parts in the text', 'q=warmtepompstoringen', 'm-warmtepomp-tlp'],
  ['compound in the query, plural in the text', 'q=wachtwoordbeheer', 'm-cyber-basis'],
  ['parts in the query, compound in the text', 'q=sporten in de buurt', 'm-sport-ust'],
  ['compound of two parts found apart', 'q=vliegtuigmotoren onderhoud', 'i-hangaar-hoa'],
  ['compound with a linking s', 'q=gewasbeschermingsdrones', 'm-drone-pb'],
  ['compound against a longer compound', 'q=zonnepaneleninstallatie keuren', 'm-zonnepanelen-otia'],
  ['compound job title', 'q=magazijnmedewerker reachtruck', 'm-heftruck-hol'],
  ['compound for a place', 'q=zorgappartement wijkteam', 'i-wijkleerbedrijf-zw'],
  // The curated thesaurus (libs/language/data/thesaurus-nl.json) as Meilisearch synonyms.
  ['synonym: kleinbedrijf → mkb', 'q=kleinbedrijf robots', 'p-fieldlab-mkb-frob'],
  ['synonym: chatbots → generatieve ai', 'q=chatbots administratie', 'm-ai-hod'],
  ['synonym: duurzaam bouwen → circulair bouwen', 'q=duurzaam bouwen', 'm-circulair-bouw'],
  ['synonym: vorkheftruck → reachtruck', 'q=vorkheftruck certificaat', 'm-heftruck-hol'],
  ['synonym: carrièreswitchers → zij-instromers', 'q=carrièreswitchers zorg', 'c-zorg-pz'],
  ['synonym: thuiszorg → wijkverpleging', 'q=thuiszorg domotica', 'm-wijkzorg-zw'],
  ['synonym: oefenziekenhuis → skillslab', 'q=oefenziekenhuis', 'i-skillslab-pz'],
  ['synonym: security operations center → soc', 'q=security operations center', 'i-soc-cyber'],
  [
    'synonym: open educational resources',
    'q=open educational resources',
    'p-open-leeromgeving-hod',
  ],
  ['synonym: leerlingstelsel → meester-gezel', 'q=leerlingstelsel', 'p-vakmanschap-meubel'],
  [
    'synonym: digitale marketing → online marketing',
    'q=digitale marketing webshop',
    'm-ecom-webshop',
  ],
  ['synonym: plaatsspecifiek telen → precisielandbouw', 'q=plaatsspecifiek telen', 'm-drone-pb'],
  ['synonym: laadpunten → laadpalen', 'q=laadpunten monteur', 'c-monteur-otia'],
  // Paraphrases: what a teacher types when they do not know the title.
  ['paraphrase: cobots', 'q=robots veilig samenwerken', 'm-cobot-tp'],
  ['paraphrase: hybrid teachers', 'q=vakmensen uit bedrijven geven les', 'p-hybride-docent-tp'],
  ['paraphrase: circular building', 'q=bouwmaterialen hergebruiken', 'm-circulair-bouw'],
  [
    'paraphrase: young job seekers',
    'q=jongeren zonder startkwalificatie begeleiden',
    'p-talentcoach-lt',
  ],
];

describe('search relevance over the demo data (e2e)', () => {
  let t: TestApp;
  const idsByKey = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp({ isolated: true, template: await demoTemplate() });
    await t.startWorker();
    await t.indexed(60_000);
    const rows: { id: string; demo_key: string }[] = await t.app
      .get(DataSource)
      .query('SELECT id, demo_key FROM asset WHERE demo_key IS NOT NULL');
    rows.forEach((row) => idsByKey.set(row.demo_key, row.id));
  }, 120_000);
  afterAll(() => t.close());

  it('has at least 45 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(45);
  });

  it.each(CASES)('%s (%s) has %s in the top 3', async (_name, query, key) => {
    const response = await t
      .http()
      .get(`/api/v1/search?${encodeURI(query)}&pageSize=3`)
      .expect(200);
    const titles = response.body.hits.map((hit: { title: string }) => hit.title);
    expect({
      query,
      top3: titles,
      found: response.body.hits.some((hit: { id: string }) => hit.id === idsByKey.get(key)),
    }).toEqual({
      query,
      top3: titles,
      found: true,
    });
  });
});
