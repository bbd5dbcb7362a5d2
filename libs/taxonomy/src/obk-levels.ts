/**
 * The OnderwijsBegrippenKader (OBK) concepts of our education levels, as Edurep's own mapping
 * uses them: NL-LOM's classification and schema.org's educationalLevel both name levels by them.
 * mbo levels are a path (MBO, then the level); an associate degree is HBO.
 */
export const OBK_SOURCE = 'http://purl.edustandaard.nl/begrippenkader';

export interface ObkConcept {
  id: string;
  label: string;
}

const MBO: ObkConcept = { id: 'f3ac3fbb-5eae-49e0-8494-0a44855fff25', label: 'MBO' };
const HBO: ObkConcept = { id: 'be140797-803f-4b9e-81cc-5572c711e09c', label: 'HBO' };

const PATHS: Record<string, ObkConcept[]> = {
  entree: [
    MBO,
    { id: 'a598e56e-d1a6-4907-9e2c-3da64e59f9ae', label: 'MBO, Niveau 1: Assistentenopleiding' },
  ],
  'mbo-2': [
    MBO,
    { id: '00ace3c7-d7a8-41e6-83b1-7f13a9af7668', label: 'MBO, Niveau 2: Basisberoepsopleiding' },
  ],
  'mbo-3': [
    MBO,
    { id: '654931e1-6f8b-4f72-aa4b-92c99c72c347', label: 'MBO, Niveau 3: Vakopleiding' },
  ],
  'mbo-4': [
    MBO,
    { id: '8beca7eb-95a5-4c7d-9704-2d2a2fc4bc65', label: 'MBO, Niveau 4: Middenkaderopleiding' },
  ],
  vo: [{ id: '2a1401e9-c223-493b-9b86-78f6993b1a8d', label: 'VO' }],
  ad: [HBO],
  hbo: [HBO],
  wo: [{ id: 'bbbd99c6-cf49-4980-baed-12388f8dcff4', label: 'WO' }],
};

/** From the broadest concept to the level itself; [] for a code OBK does not name. */
export function obkLevelPath(code: string): ObkConcept[] {
  return PATHS[code] ?? [];
}

/** The concept's IRI, as schema.org DefinedTerms name it. */
export function obkIri(concept: ObkConcept): string {
  return `${OBK_SOURCE}/${concept.id}`;
}
