import { CurriculumDetailsDto, CurriculumViewDto } from '../dto/curriculum.dto';
import { AssetVersionEntity } from '../entities/asset-version.entity';
import { AssetKindHandler, compact, studyLoadView } from './asset-kind';

const NLQF: Record<string, number> = {
  entree: 1,
  'mbo-2': 2,
  'mbo-3': 3,
  'mbo-4': 4,
  ad: 5,
  hbo: 6,
  wo: 7,
};

export function nlqfLevel(levels: string[]): number | null {
  const known = levels
    .map((level) => NLQF[level])
    .filter((level): level is number => level !== undefined);
  return known.length > 0 ? Math.max(...known) : null;
}

export const curriculumKind: AssetKindHandler<CurriculumDetailsDto, CurriculumViewDto> = {
  kind: 'curriculum',
  checkCodes(checker, input, field) {
    checker.codes(`${field}.learningPaths`, 'learningPaths', input.learningPaths);
  },
  references(input, field) {
    return (input.moduleIds ?? []).map((id, index) => ({
      field: `${field}.moduleIds.${index}`,
      id,
      kinds: ['module'],
    }));
  },
  toColumns(input) {
    return {
      creboCodes: input.creboCodes ?? [],
      learningPaths: input.learningPaths ?? [],
      electiveCodes: input.electiveCodes ?? [],
      componentIds: input.moduleIds ?? [],
      studyLoadValue: input.studyLoad?.value ?? null,
      studyLoadUnit: input.studyLoad?.unit ?? null,
      details: compact({
        qualificationDossier: input.qualificationDossier,
        qualifications: input.qualifications,
        durationMonths: input.durationMonths,
        coreTasks: input.coreTasks,
        admissionRequirements: input.admissionRequirements,
        credential: input.credential,
      }),
    };
  },
  toInput(version) {
    const details = version.details as Partial<CurriculumDetailsDto>;
    return compact({
      ...details,
      creboCodes: version.creboCodes,
      learningPaths: version.learningPaths,
      electiveCodes: version.electiveCodes,
      moduleIds: version.componentIds,
      studyLoad:
        version.studyLoadValue !== null && version.studyLoadUnit !== null
          ? { value: version.studyLoadValue, unit: version.studyLoadUnit }
          : undefined,
    });
  },
  toView(version: AssetVersionEntity) {
    return compact({
      ...this.toInput(version),
      studyLoad: studyLoadView(version),
      nlqfLevel: nlqfLevel(version.levels),
    });
  },
};
