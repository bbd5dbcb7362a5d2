import { FieldCode } from '@bouwsteen/common/pure';
import { PracticeDetailsDto } from '../dto/practice.dto';
import { AssetKindHandler, compact } from './asset-kind';

export const practiceKind: AssetKindHandler<PracticeDetailsDto, PracticeDetailsDto> = {
  kind: 'practice',
  checkCodes(checker, input, field) {
    checker
      .codes(`${field}.buildingBlocks`, 'buildingBlocks', input.buildingBlocks)
      .codes(`${field}.configurations`, 'configurations', input.configurations);
    const { start, end } = input.period ?? {};
    if (start && end && end < start)
      checker.add({
        field: `${field}.period.end`,
        message: 'must not be before start',
        code: FieldCode.EndBeforeStart,
      });
  },
  references() {
    return [];
  },
  toColumns(input) {
    return {
      buildingBlocks: input.buildingBlocks ?? [],
      configurations: input.configurations ?? [],
      periodStart: input.period?.start ?? null,
      periodEnd: input.period?.end ?? null,
      details: compact({
        context: input.context,
        problem: input.problem,
        approach: input.approach,
        results: input.results,
        successConditions: input.successConditions,
        pitfalls: input.pitfalls,
        partnerOrganisationIds: input.partnerOrganisationIds,
        region: input.region,
      }),
    };
  },
  toInput(version) {
    const period =
      version.periodStart || version.periodEnd
        ? compact({ start: version.periodStart ?? undefined, end: version.periodEnd ?? undefined })
        : undefined;
    return compact({
      ...(version.details as Omit<
        PracticeDetailsDto,
        'buildingBlocks' | 'configurations' | 'period'
      >),
      buildingBlocks: version.buildingBlocks,
      configurations: version.configurations,
      period,
    });
  },
  toView(version) {
    return this.toInput(version);
  },
};
