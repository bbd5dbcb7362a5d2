import { randomUUID } from 'node:crypto';
import { CreateAssetDto } from '@bouwsteen/assets';
import { DocumentRow, SearchDocument, toSearchDocument } from '@bouwsteen/search';

export interface PpsFacts {
  id: string;
  name: string;
  provinces: string[];
  leadId: string;
  leadName: string;
}

/**
 * The search document a synthetic asset would get once published, built by the real document
 * mapping (toSearchDocument) without going through PostgreSQL: for measuring queries at a size
 * whose write path would take twenty minutes to load.
 */
export function syntheticDocument(asset: CreateAssetDto, pps: PpsFacts): SearchDocument {
  const module = asset.module;
  const studyLoad = module?.studyLoad;
  const row: DocumentRow = {
    id: randomUUID(),
    kind: asset.kind,
    version: 1,
    published_at: new Date(),
    reuse_count: 0,
    pps_id: pps.id,
    pps_name: pps.name,
    provinces: pps.provinces,
    pps_configurations: [],
    pps_building_blocks: [],
    lead_id: pps.leadId,
    lead_name: pps.leadName,
    title: asset.title,
    summary: asset.summary ?? '',
    description: asset.description ?? null,
    keywords: asset.keywords ?? [],
    language: 'nl',
    sectors: asset.sectors ?? [],
    levels: asset.levels ?? [],
    themes: asset.themes ?? [],
    challenges: [],
    license: asset.license ?? '',
    crebo_codes: asset.curriculum?.creboCodes ?? [],
    elective_codes: module?.electiveCode ? [module.electiveCode] : [],
    module_type: module?.moduleType ?? null,
    study_load_hours: studyLoad
      ? String(studyLoad.value * (studyLoad.unit === 'ects' ? 28 : 1))
      : null,
    price_cents: module?.price?.amountCents ?? null,
    audiences: module?.audiences ?? [],
    learning_mode: module?.learningMode ?? null,
    delivery_modes: module?.deliveryModes ?? [],
    certification: module?.certification ?? null,
    building_blocks: [],
    configurations: asset.practice?.configurations ?? [],
    details: {
      learningOutcomes: module?.learningOutcomes ?? [],
      locations: asset.infrastructure?.locations ?? [],
      problem: asset.practice?.problem,
      approach: asset.practice?.approach,
    },
  };
  return toSearchDocument(row);
}
