import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  OBK_DISCIPLINES,
  OBK_DISCIPLINES_VERSION,
  hasObkDiscipline,
  obkDisciplinePath,
} from './obk-disciplines';
import { obkLevelPath } from './obk-levels';

const vocabularies = JSON.parse(
  readFileSync(join(__dirname, '../../seed/data/vocabularies-bouwsteen.json'), 'utf8'),
) as { vocabularies: { sectors: { code: string }[] } };
const sectors = vocabularies.vocabularies.sectors.map((term) => term.code);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The review of the sector → OBK discipline mapping (what a change to it must keep true). */
describe('OBK discipline mapping', () => {
  it('has a version', () => {
    expect(OBK_DISCIPLINES_VERSION).toMatch(/^\d+ \(\d{4}-\d{2}-\d{2}\)$/);
  });

  it('maps every sector of the seeded vocabulary, and nothing else', () => {
    expect(sectors.length).toBeGreaterThan(10);
    expect(Object.keys(OBK_DISCIPLINES).sort()).toEqual([...sectors].sort());
    for (const sector of sectors) expect(obkDisciplinePath(sector).length).toBeGreaterThan(0);
  });

  it('names only well-formed OBK ids, each with one label, no concept twice in a path', () => {
    const labels = new Map<string, string>();
    for (const mapping of Object.values(OBK_DISCIPLINES)) {
      const ids = mapping.obk.map((concept) => concept.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const concept of mapping.obk) {
        expect(concept.id).toMatch(UUID);
        expect(concept.label.trim()).not.toBe('');
        expect(labels.get(concept.id) ?? concept.label).toBe(concept.label);
        labels.set(concept.id, concept.label);
      }
    }
  });

  it('maps every sector to an mbo domain of OBK, broadest first, never to the level MBO', () => {
    const levels = new Set(
      ['entree', 'mbo-2', 'mbo-3', 'mbo-4', 'vo', 'hbo', 'wo'].flatMap((level) =>
        obkLevelPath(level).map((concept) => concept.id),
      ),
    );
    const domains = new Set(Object.values(OBK_DISCIPLINES).map((entry) => entry.obk[0].id));
    // Eleven of the sixteen domains, each a different one for the sectors that are one.
    expect(domains.size).toBe(11);
    for (const mapping of Object.values(OBK_DISCIPLINES)) {
      expect(mapping.obk.length).toBeLessThanOrEqual(2);
      for (const concept of mapping.obk) expect(levels.has(concept.id)).toBe(false);
    }
    expect(obkDisciplinePath('zorg')).toEqual([
      { id: '750580b3-11c3-46a8-9bc2-dd5a6e7612b6', label: 'Zorg en welzijn' },
    ]);
    expect(obkDisciplinePath('luchtvaart').map((concept) => concept.label)).toEqual([
      'Techniek en procesindustrie',
      'Vliegtuigbouwkunde',
    ]);
  });

  it('says which discipline each sector stands for, each once', () => {
    const intended = Object.values(OBK_DISCIPLINES).map((entry) => entry.intended);
    expect(new Set(intended).size).toBe(intended.length);
    for (const words of intended) expect(words.trim()).not.toBe('');
  });

  it('finds a discipline when some sector has one', () => {
    expect(hasObkDiscipline(['onbekend', 'zorg'])).toBe(true);
    expect(hasObkDiscipline(['onbekend'])).toBe(false);
    expect(hasObkDiscipline([])).toBe(false);
    expect(obkDisciplinePath('constructor')).toEqual([]);
  });
});
