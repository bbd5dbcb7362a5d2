/** The vocabularies a write may reference. Names follow the keys of the 2021 taxonomy file. */
export const VOCABULARIES = [
  'buildingBlocks',
  'configurations',
  'focus',
  'provincialThemes',
  'societalChallenges',
  'growthPhases',
  'waves',
  'coordinationPositions',
  'sustainmentModels',
  'risks',
  'educationLevels',
  'audiences',
  'learningModes',
  'deliveryModes',
  'infrastructureModels',
  'infrastructureNature',
  'infrastructureSoftware',
  'infrastructureUses',
  'provinces',
  'languages',
  'sectors',
  'licenses',
  'moduleTypes',
  'certifications',
  'learningPaths',
  'organisationTypes',
  'partnerRoles',
  'ppsStatuses',
] as const;

export type Vocabulary = (typeof VOCABULARIES)[number];

export interface Term {
  code: string;
  label: string;
  labelEn: string | null;
  attributes: Record<string, unknown>;
}
