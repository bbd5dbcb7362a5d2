import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QualificationFileRefusal, parseSbbXml } from './sbb-xml';

/** A small file in SBB's structure, written for this test (with things SBB's files also hold that we skip). */
const SAMPLE = `<?xml version="1.0" encoding="utf-8"?>
<sbb xmlns="urn:example:sbb">
  <competenties><competentie nr="7" titel="Samenwerken"/></competenties>
  <dossiers>
    <dossier nr="23045" titel="Betonboren" versie="2.1" status="vastgesteld">
      <dossiercrebos><dossiercrebo ministerie="OCW" Geldig_vanaf="2025-08-01" Datum_einde_instroom="">23045</dossiercrebo></dossiercrebos>
      <voorblad><omschrijving>Lange tekst die niet wordt bewaard</omschrijving></voorblad>
      <basis><basistaken><basiskerntaken>
        <kerntaak nr="1" titel="Bereidt het boorwerk voor" hoofdstuk="3.1">
          <complexiteit>Complex</complexiteit>
          <basiswerkprocessen>
            <werkproces nr="11" titel="Verzamelt informatie"><werkprocesomschrijving>…</werkprocesomschrijving></werkproces>
            <werkproces nr="12" titel="Richt de werkplek in"/>
          </basiswerkprocessen>
        </kerntaak>
      </basiskerntaken></basistaken></basis>
      <profielen>
        <profiel nr="2" titel="Betonboorder" niveau="2">
          <creboinformatie><crebo Geldig_vanaf="2025-08-01" Datum_einde_instroom="2030-07-31">25078</crebo></creboinformatie>
          <profielkerntaken><kerntaak nr="5" titel="Boort en zaagt beton">
            <profielwerkprocessen><werkproces nr="51" titel="Boort gaten"/></profielwerkprocessen>
          </kerntaak></profielkerntaken>
        </profiel>
        <profiel nr="3" titel="Allround betonboorder" niveau="7">
          <creboinformatie><crebo>25079</crebo></creboinformatie>
        </profiel>
        <profiel nr="4" titel="Zonder code"><creboinformatie><crebo>onbekend</crebo></creboinformatie></profiel>
      </profielen>
    </dossier>
    <dossier titel="Dossier zonder nummer"/>
  </dossiers>
  <keuzedelen>
    <keuzedeel code="k0771" titel="Warmtepompen" omvang="240" niveau="3" certificaat="ja" Geldig_vanaf="2024-02-30">
      <kwalificaties><crebo>25078</crebo><crebo>2507</crebo><crebo>25078</crebo></kwalificaties>
    </keuzedeel>
    <keuzedeel code="K12" titel="Verkeerde code"/>
    <keuzedeel code="K0800" titel="Eerste" omvang="veel"/>
    <keuzedeel code="K0800" titel="Tweede"/>
  </keuzedelen>
</sbb>`;

describe('parseSbbXml', () => {
  const file = parseSbbXml(SAMPLE);

  it('reads a dossier with its basisdeel, profiles and their codes by position', () => {
    expect(file.dossiers).toHaveLength(1);
    const [dossier] = file.dossiers;
    expect(dossier).toMatchObject({
      crebo: '23045',
      title: 'Betonboren',
      version: '2.1',
      status: 'vastgesteld',
      validFrom: '2025-08-01',
      intakeEnds: null,
    });
    expect(dossier.coreTasks).toEqual([
      {
        code: 'B1-K1',
        title: 'Bereidt het boorwerk voor',
        workProcesses: [
          { code: 'B1-K1-W1', title: 'Verzamelt informatie' },
          { code: 'B1-K1-W2', title: 'Richt de werkplek in' },
        ],
      },
    ]);
    expect(dossier.qualifications.map((q) => q.crebo)).toEqual(['25078', '25079']);
    expect(dossier.qualifications[0]).toMatchObject({
      title: 'Betonboorder',
      level: 2,
      validFrom: '2025-08-01',
      intakeEnds: '2030-07-31',
      coreTasks: [
        {
          code: 'P1-K1',
          title: 'Boort en zaagt beton',
          workProcesses: [{ code: 'P1-K1-W1', title: 'Boort gaten' }],
        },
      ],
    });
    expect(dossier.qualifications[1].level).toBeNull();
  });

  it('reads keuzedelen with their sbu, certificate and qualifications, once each', () => {
    expect(file.electives.map((e) => e.code)).toEqual(['K0771', 'K0800']);
    expect(file.electives[0]).toMatchObject({
      title: 'Warmtepompen',
      studyLoadSbu: 240,
      level: 3,
      certificate: true,
      validFrom: null,
      crebos: ['25078'],
    });
    expect(file.electives[1]).toMatchObject({ title: 'Tweede', studyLoadSbu: null });
  });

  it('says in Dutch what it left out', () => {
    expect(file.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^kwalificatie 25079 .*niveau is geen 1, 2, 3 of 4.*\("7"\)/),
        expect.stringMatching(/^kwalificatie Zonder code .*geen geldige crebocode/),
        expect.stringMatching(/^dossier Dossier zonder nummer: overgeslagen/),
        expect.stringMatching(/^keuzedeel K0771: een datum is geen bestaande datum.*2024-02-30/),
        expect.stringMatching(/^keuzedeel K0771: een gekoppelde crebocode.*"2507"/),
        expect.stringMatching(/^keuzedeel K12: overgeslagen/),
        expect.stringMatching(/^keuzedeel K0800: de omvang is geen geheel aantal sbu/),
        expect.stringMatching(/^keuzedeel K0800: komt twee keer voor/),
      ]),
    );
    expect(file.warnings).toHaveLength(8);
  });

  it('keeps the last of a qualification named twice, also within one dossier', () => {
    const twice = parseSbbXml(
      `<sbb><dossiers><dossier nr="23001" titel="A"><profielen>
        <profiel titel="Eerste" niveau="2"><creboinformatie><crebo>25001</crebo></creboinformatie></profiel>
        <profiel titel="Tweede" niveau="3"><creboinformatie><crebo>25001</crebo></creboinformatie></profiel>
      </profielen></dossier></dossiers></sbb>`,
    );
    expect(twice.dossiers[0].qualifications).toEqual([
      expect.objectContaining({ crebo: '25001', title: 'Tweede' }),
    ]);
    expect(twice.warnings).toEqual(['kwalificatie 25001: komt twee keer voor; de laatste telt']);
  });

  it('warns about what has no title and a certificate that is neither ja nor nee', () => {
    const file = parseSbbXml(
      `<sbb><dossiers><dossier nr="23001" titel="A"><basis><basistaken><basiskerntaken>
        <kerntaak><basiswerkprocessen><werkproces/></basiswerkprocessen></kerntaak>
      </basiskerntaken></basistaken></basis></dossier></dossiers>
      <keuzedelen><keuzedeel code="K0001" titel="B" certificaat="misschien"/></keuzedelen></sbb>`,
    );
    expect(file.warnings).toEqual([
      'kerntaak B1-K1 (dossier 23001): heeft geen titel; de pagina toont alleen de code',
      'werkproces B1-K1-W1 (dossier 23001): heeft geen titel; de pagina toont alleen de code',
      'keuzedeel K0001: certificaat is geen "ja" of "nee"; opgeslagen als geen certificaat ("misschien")',
    ]);
    expect(file.electives[0].certificate).toBe(false);
  });

  it('names the line where the XML broke', () => {
    try {
      parseSbbXml('<sbb>\n<dossiers>\n<dossier nr="1"\n</sbb>');
      throw new Error('not refused');
    } catch (error) {
      expect(error).toMatchObject({ code: 'not-xml', line: 4 });
    }
  });

  it.each([
    ['', 'empty'],
    ['  \n ', 'empty'],
    ['<!DOCTYPE html><html><body>SBB</body></html>', 'web-page'],
    ['<html><body>SBB</body></html>', 'web-page'],
    ['<sbb><dossiers>', 'not-xml'],
    ['geen xml', 'not-xml'],
    ['<root><dossiers/></root>', 'not-sbb'],
    ['<sbb><iets/></sbb>', 'not-sbb'],
    ['<sbb><dossiers/></sbb>', 'nothing-in-it'],
    [
      '<!DOCTYPE sbb [<!ENTITY x SYSTEM "file:///etc/passwd">]><sbb><dossiers>&x;</dossiers></sbb>',
      'doctype',
    ],
    [`<sbb>${'<a>'.repeat(100)}${'</a>'.repeat(100)}<dossiers/></sbb>`, 'too-deep'],
  ])('refuses %s', (xml, code) => {
    expect(() => parseSbbXml(xml)).toThrow(QualificationFileRefusal);
    try {
      parseSbbXml(xml);
    } catch (error) {
      expect((error as QualificationFileRefusal).code).toBe(code);
    }
  });

  it('reads the bundled reference set without a warning', () => {
    const reference = parseSbbXml(
      readFileSync(join(__dirname, '../../seed/data/kwalificaties-referentieset.xml'), 'utf8'),
    );
    expect(reference.warnings).toEqual([]);
    expect(reference.dossiers.length).toBeGreaterThanOrEqual(12);
    expect(reference.electives.map((e) => e.code)).toEqual(
      expect.arrayContaining(['K0771', 'K0942']),
    );
  });

  describe('bounds (from the attack on issue 26)', () => {
    it('keeps an element only where the schema puts it: 1,000,000 stray codes build nothing', () => {
      const stray = `<sbb><dossiers>${'<crebo/>'.repeat(1_000_000)}</dossiers></sbb>`;
      const started = Date.now();
      expect(() => parseSbbXml(stray)).toThrow(QualificationFileRefusal);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('refuses a file of more kept elements than the whole structure has', () => {
      const crebos = '<crebo>25001</crebo>'.repeat(400_001);
      expect(() =>
        parseSbbXml(
          `<sbb><keuzedelen><keuzedeel code="K0001" titel="x"><kwalificaties>${crebos}</kwalificaties></keuzedeel></keuzedelen></sbb>`,
        ),
      ).toThrow(expect.objectContaining({ code: 'too-many' }));
    });

    it('reads a keuzedeel naming 90,000 crebos and 40,000 profiles sharing one crebo in linear time', () => {
      const crebos = Array.from({ length: 90_000 }, (_, n) => `<crebo>${10000 + n}</crebo>`).join(
        '',
      );
      const profiles =
        '<profiel titel="p"><creboinformatie><crebo>25001</crebo></creboinformatie></profiel>'.repeat(
          40_000,
        );
      const started = Date.now();
      const file = parseSbbXml(
        `<sbb><dossiers><dossier nr="23001" titel="A"><profielen>${profiles}</profielen></dossier></dossiers>
         <keuzedelen><keuzedeel code="K0001" titel="x"><kwalificaties>${crebos}</kwalificaties></keuzedeel></keuzedelen></sbb>`,
      );
      // About 2 s alone, 6 s on a loaded CI machine; a quadratic reading would take minutes.
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(file.dossiers[0].qualifications).toHaveLength(1);
      expect(file.electives[0].crebos).toHaveLength(2000);
      expect(file.warnings.length).toBeLessThanOrEqual(501);
      expect(file.warnings[file.warnings.length - 1]).toMatch(/^… en nog \d+ waarschuwingen/);
    });

    it('empties a title with controls or bidi overrides and cuts a very long one', () => {
      const file = parseSbbXml(
        `<sbb><keuzedelen>
          <keuzedeel code="K0001" titel="Bidi \u202Egnp.exe\u202C"/>
          <keuzedeel code="K0002" titel="${'A'.repeat(100_000)}"/>
        </keuzedelen></sbb>`,
      );
      expect(file.electives[0].title).toBe('');
      expect([...file.electives[1].title]).toHaveLength(300);
      expect(file.warnings).toEqual([
        expect.stringMatching(/^keuzedeel K0001: de titel bevat stuurtekens/),
        expect.stringMatching(/^keuzedeel K0002: de titel is langer dan 300 tekens/),
      ]);
    });

    it('reads bytes as UTF-8 piece by piece, a character split between pieces included', () => {
      const title = 'Hygiëne '.repeat(200_000);
      const bytes = Buffer.from(
        `<sbb><keuzedelen><keuzedeel code="K0001" titel="${title}"/></keuzedelen></sbb>`,
      );
      const file = parseSbbXml(bytes);
      expect(file.electives[0].title.startsWith('Hygiëne Hygiëne')).toBe(true);
      expect(() => parseSbbXml(Buffer.from([0x3c, 0x73, 0x62, 0x62, 0x3e, 0xe9, 0x3c]))).toThrow(
        expect.objectContaining({ code: 'not-utf8' }),
      );
    });

    it('takes the years 0000–0099 as written, not as 19xx', () => {
      const file = parseSbbXml(
        '<sbb><keuzedelen><keuzedeel code="K0001" titel="x" Geldig_vanaf="0099-01-01"/></keuzedelen></sbb>',
      );
      expect(file.electives[0].validFrom).toBe('0099-01-01');
    });
  });
});
