import { CreateAssetDto } from '@bouwsteen/assets';

/** A deterministic PRNG, so every run with the same size loads the same corpus. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  'veilig werken',
  'robotica',
  'cobots',
  'warmtepompen',
  'zonnepanelen',
  'laadpalen',
  'hydrauliek',
  'pneumatiek',
  'plc-programmeren',
  'sensoren',
  'data-analyse',
  'wijkzorg',
  'e-health',
  'magazijnbeheer',
  'reachtruck rijden',
  'voedselveiligheid',
  'haccp',
  'glastuinbouw',
  'kasklimaat',
  'drones',
  'akkerbouw',
  'cnc-frezen',
  'meubelmaken',
  'lassen',
  'elektrotechniek',
  'installatietechniek',
  'cybersecurity',
  'netwerkbeheer',
  'python',
  'webshopbeheer',
  'online marketing',
  'gastvrijheid',
  'sportcoaching',
  'circulair bouwen',
  'energietransitie',
  'preventief onderhoud',
  'storingzoeken',
  'procestechniek',
  'verpakkingstechniek',
  'vliegtuigonderhoud',
  'duurzame installaties',
  'smart industry',
];
const FORMS = [
  'E-learning',
  'Lesmodule',
  'Praktijktraining',
  'Masterclass',
  'Keuzedeel',
  'Workshop',
  'Leerlijn',
  'Basiscursus',
];
const AUDIENCE_WORDS = [
  'voor monteurs',
  'voor operators',
  'voor zij-instromers',
  'voor werkenden',
  'voor studenten',
  'in de praktijk',
  'op de werkvloer',
  'voor docenten',
];
const SECTORS = [
  'techniek',
  'ict',
  'zorg',
  'groen',
  'food',
  'logistiek',
  'luchtvaart',
  'bouw',
  'energie',
  'maakindustrie',
  'hout',
  'handel',
  'horeca',
  'sport',
];
const LEVELS = ['entree', 'mbo-2', 'mbo-3', 'mbo-4'];
const THEMES = ['inflow', 'llo', 'inclusion', 'innovation', 'ecosystem'];
const LICENSES = [
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC-BY-NC-4.0',
  'CC-BY-NC-SA-4.0',
  'CC-BY-ND-4.0',
  'CC0-1.0',
];
const AUDIENCES = ['student', 'worker', 'jobseeker', 'teacher'];
const DELIVERY = ['on-site', 'online', 'hybrid', 'workplace'];
const CERTS = ['mbo-certificaat', 'micro-credential', 'none', 'none'];
const MODULE_TYPES = ['lesmodule', 'e-learning', 'keuzedeel', 'training', 'masterclass'];
const KINDS = [
  'module',
  'module',
  'module',
  'module',
  'curriculum',
  'infrastructure',
  'practice',
] as const;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function some<T>(random: () => number, list: readonly T[], max: number): T[] {
  const count = 1 + Math.floor(random() * max);
  return [...new Set(Array.from({ length: count }, () => pick(random, list)))];
}

/**
 * The n-th synthetic asset, built from the vocabularies like a PPS lead would fill the form.
 * A curriculum is built of `options.moduleIds` (publishing one needs a module; an import may
 * name them by its own codes); `options.kind` fixes the kind without changing the stream.
 */
export function syntheticAsset(
  n: number,
  ppsIds: string[],
  random: () => number,
  options: { moduleIds?: string[]; kind?: (typeof KINDS)[number] } = {},
): CreateAssetDto {
  const picked = pick(random, KINDS);
  const kind = options.kind ?? picked;
  const topic = pick(random, TOPICS);
  const second = pick(random, TOPICS);
  const title = `${pick(random, FORMS)} ${topic} en ${second} ${pick(random, AUDIENCE_WORDS)} #${n}`;
  const base = {
    kind,
    ppsId: pick(random, ppsIds),
    title: title.slice(0, 200),
    summary: `Praktijkgericht aanbod over ${topic}, met opdrachten over ${second}. Ontwikkeld met bedrijven uit de regio en direct bruikbaar in het mbo.`,
    description: `In dit onderdeel werken deelnemers aan echte opdrachten rond ${topic}. De begeleiding is in handen van docenten en praktijkopleiders. Aandacht voor ${second}, samenwerking en reflectie.`,
    keywords: [...new Set([topic, second, pick(random, SECTORS)])],
    sectors: some(random, SECTORS, 2),
    levels: some(random, LEVELS, 2),
    themes: some(random, THEMES, 2),
    license: pick(random, LICENSES),
    contacts: [{ role: 'Projectleider', name: `Team ${topic}` }],
  };
  switch (kind) {
    case 'module': {
      const learningMode = random() < 0.6 ? 'formal' : 'non-formal';
      return {
        ...base,
        module: {
          moduleType: pick(random, MODULE_TYPES),
          learningOutcomes: [
            { text: `Past de principes van ${topic} toe in een realistische werksituatie.` },
            { text: `Beschrijft de risico's en kwaliteitseisen bij ${second}.` },
          ],
          studyLoad: {
            value: 4 + Math.floor(random() * 236),
            unit: random() < 0.7 ? 'hour' : 'sbu',
          },
          audiences: some(random, AUDIENCES, 2),
          learningMode,
          deliveryModes: some(random, DELIVERY, 2),
          certification:
            learningMode === 'formal'
              ? pick(random, CERTS)
              : pick(random, ['micro-credential', 'none']),
          ...(random() < 0.4
            ? {
                price: {
                  amountCents: 5000 + Math.floor(random() * 150000),
                  currency: 'EUR' as const,
                },
              }
            : {}),
        },
      } as CreateAssetDto;
    }
    case 'curriculum':
      return {
        ...base,
        curriculum: {
          creboCodes: [String(25000 + Math.floor(random() * 999))],
          learningPaths: [random() < 0.5 ? 'bol' : 'bbl'],
          durationMonths: 24 + Math.floor(random() * 24),
          ...(options.moduleIds?.length ? { moduleIds: options.moduleIds } : {}),
        },
      } as CreateAssetDto;
    case 'infrastructure':
      return {
        ...base,
        infrastructure: {
          model: random() < 0.7 ? 'central' : 'distributed',
          natures: ['physical'],
          locations: [
            {
              name: `Praktijklocatie ${n}`,
              lat: 52.2 + random() * 0.75,
              lng: 4.6 + random() * 1.2,
            },
          ],
          uses: ['learning'],
        },
      } as CreateAssetDto;
    default:
      return {
        ...base,
        practice: {
          problem: `Te weinig aanbod rond ${topic}.`,
          approach: `Samen met bedrijven een leerroute over ${second} opgezet.`,
          configurations: [pick(random, ['A', 'B', 'C', 'D'])],
        },
      } as CreateAssetDto;
  }
}
