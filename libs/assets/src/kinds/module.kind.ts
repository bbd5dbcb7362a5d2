import { FieldCode } from '@bouwsteen/common/pure';
import { ModuleDetailsDto, ModuleViewDto } from '../dto/module.dto';
import { AssetKindHandler, compact, studyLoadView } from './asset-kind';

export const moduleKind: AssetKindHandler<ModuleDetailsDto, ModuleViewDto> = {
  kind: 'module',
  checkCodes(checker, input, field) {
    checker
      .code(`${field}.moduleType`, 'moduleTypes', input.moduleType)
      .codes(`${field}.audiences`, 'audiences', input.audiences)
      .code(`${field}.learningMode`, 'learningModes', input.learningMode)
      .codes(`${field}.deliveryModes`, 'deliveryModes', input.deliveryModes)
      .code(`${field}.certification`, 'certifications', input.certification);
    if (input.certification === 'mbo-certificaat' && input.learningMode === 'non-formal') {
      checker.add({
        field: `${field}.certification`,
        message: 'an mbo-certificaat requires formal learning',
        code: FieldCode.CertificateNeedsFormal,
      });
    }
    input.offerings?.forEach((offering, index) => {
      const { start, end } = offering.period;
      if (start && end && end < start) {
        checker.add({
          field: `${field}.offerings.${index}.period.end`,
          message: 'must not be before start',
          code: FieldCode.EndBeforeStart,
        });
      }
    });
  },
  references(input, field) {
    return (input.prerequisites?.moduleIds ?? []).map((id, index) => ({
      field: `${field}.prerequisites.moduleIds.${index}`,
      id,
      kinds: ['module'],
    }));
  },
  toColumns(input) {
    return {
      moduleType: input.moduleType ?? null,
      studyLoadValue: input.studyLoad?.value ?? null,
      studyLoadUnit: input.studyLoad?.unit ?? null,
      audiences: input.audiences ?? [],
      learningMode: input.learningMode ?? null,
      deliveryModes: input.deliveryModes ?? [],
      certification: input.certification ?? null,
      stackable: input.stackable ?? null,
      priceCents: input.price?.amountCents ?? null,
      prerequisiteIds: input.prerequisites?.moduleIds ?? [],
      electiveCodes: input.electiveCode ? [input.electiveCode] : [],
      details: compact({
        learningOutcomes: input.learningOutcomes,
        assessment: input.assessment,
        prerequisitesDescription: input.prerequisites?.description,
        offerings: input.offerings,
        microCredential: input.microCredential,
      }),
    };
  },
  toInput(version) {
    const details = version.details as {
      learningOutcomes: ModuleDetailsDto['learningOutcomes'];
      assessment?: ModuleDetailsDto['assessment'];
      prerequisitesDescription?: string;
      offerings?: ModuleDetailsDto['offerings'];
      microCredential?: ModuleDetailsDto['microCredential'];
    };
    const prerequisites =
      version.prerequisiteIds.length > 0 || details.prerequisitesDescription
        ? compact({
            moduleIds: version.prerequisiteIds,
            description: details.prerequisitesDescription,
          })
        : undefined;
    return compact({
      // A draft may lack what publishing needs: left out, not filled in with a stand-in.
      moduleType: version.moduleType ?? undefined,
      learningOutcomes: details.learningOutcomes ?? [],
      studyLoad:
        version.studyLoadValue !== null && version.studyLoadUnit !== null
          ? { value: version.studyLoadValue, unit: version.studyLoadUnit }
          : undefined,
      audiences: version.audiences,
      learningMode: version.learningMode ?? undefined,
      deliveryModes: version.deliveryModes,
      assessment: details.assessment,
      certification: version.certification ?? undefined,
      stackable: version.stackable ?? undefined,
      prerequisites,
      electiveCode: version.electiveCodes[0],
      price:
        version.priceCents !== null
          ? { amountCents: version.priceCents, currency: 'EUR' as const }
          : undefined,
      offerings: details.offerings,
      microCredential: details.microCredential,
    });
  },
  toView(version) {
    return compact({ ...this.toInput(version), studyLoad: studyLoadView(version) ?? undefined });
  },
};
