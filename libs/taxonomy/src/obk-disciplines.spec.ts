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

  it('uses, where it is not exact, only concepts documented with our OBK levels', () => {
    const documented = new Set(
      ['entree', 'mbo-2', 'mbo-3', 'mbo-4', 'vo', 'hbo', 'wo'].flatMap((level) =>
        obkLevelPath(level).map((concept) => concept.id),
      ),
    );
    for (const mapping of Object.values(OBK_DISCIPLINES).filter((entry) => !entry.exact))
      for (const concept of mapping.obk) expect(documented.has(concept.id)).toBe(true);
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
