import type { FacetName } from '@bouwsteen/search';
import type { Vocabulary } from '@bouwsteen/taxonomy';

/**
 * The filters of the search page: a Dutch URL parameter, the search facet behind it, the
 * legend people read, and where its labels come from. Order is the order on the page.
 */
export interface FacetDefinition {
  param: string;
  facet: FacetName;
  legend: string;
  /** Labels from this vocabulary; kinds, qualifications and PPS have their own. */
  vocabulary?: Vocabulary;
  /** Not shown in the LLO tab: the preset already fixes it. */
  fixedByLlo?: boolean;
}

export const FACET_DEFINITIONS: readonly FacetDefinition[] = [
  { param: 'soort', facet: 'kind', legend: 'Soort bouwsteen', fixedByLlo: true },
  { param: 'niveau', facet: 'level', legend: 'Niveau', vocabulary: 'educationLevels' },
  // By name, from the qualification structure: the most served first (search.page.tsx).
  { param: 'kwalificatie', facet: 'qualification', legend: 'Kwalificatie (mbo)' },
  {
    param: 'doelgroep',
    facet: 'audience',
    legend: 'Doelgroep',
    vocabulary: 'audiences',
    fixedByLlo: true,
  },
  { param: 'vorm', facet: 'deliveryMode', legend: 'Vorm', vocabulary: 'deliveryModes' },
  {
    param: 'leervorm',
    facet: 'learningMode',
    legend: 'Formeel of non-formeel',
    vocabulary: 'learningModes',
  },
  { param: 'thema', facet: 'theme', legend: 'Provinciaal thema', vocabulary: 'provincialThemes' },
  {
    param: 'opgave',
    facet: 'challenge',
    legend: 'Maatschappelijke opgave',
    vocabulary: 'societalChallenges',
  },
  { param: 'provincie', facet: 'province', legend: 'Provincie', vocabulary: 'provinces' },
  { param: 'pps', facet: 'ppsId', legend: 'PPS' },
  { param: 'licentie', facet: 'license', legend: 'Licentie', vocabulary: 'licenses' },
];

export type FacetParam = (typeof FACET_DEFINITIONS)[number]['param'];

/** Sort choices: the Dutch value in the URL, its label, and the search sort. */
export const SORTS = [
  { value: 'relevantie', label: 'Best passend', sort: 'relevance' },
  { value: 'nieuw', label: 'Nieuwste eerst', sort: '-updated' },
  { value: 'hergebruik', label: 'Meest hergebruikt', sort: '-reuseCount' },
  { value: 'titel', label: 'Titel (A–Z)', sort: 'title' },
  { value: 'uren-op', label: 'Studiebelasting (laag–hoog)', sort: 'studyLoad' },
] as const;

export type SortValue = (typeof SORTS)[number]['value'];
