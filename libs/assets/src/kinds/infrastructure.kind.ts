import { InfrastructureDetailsDto } from '../dto/infrastructure.dto';
import { AssetKindHandler, compact } from './asset-kind';

export const infrastructureKind: AssetKindHandler<
  InfrastructureDetailsDto,
  InfrastructureDetailsDto
> = {
  kind: 'infrastructure',
  checkCodes(checker, input, field) {
    checker
      .code(`${field}.model`, 'infrastructureModels', input.model)
      .codes(`${field}.natures`, 'infrastructureNature', input.natures)
      .codes(`${field}.uses`, 'infrastructureUses', input.uses);
    input.software?.forEach((software, index) =>
      checker.code(`${field}.software.${index}.code`, 'infrastructureSoftware', software.code),
    );
    // That a physical environment needs a location is asked when publishing (completeness.ts).
  },
  references(input, field) {
    return (input.usedByIds ?? []).map((id, index) => ({
      field: `${field}.usedByIds.${index}`,
      id,
      kinds: ['module', 'curriculum'],
    }));
  },
  toColumns(input) {
    return {
      infrastructureModel: input.model ?? null,
      infrastructureNatures: input.natures ?? [],
      infrastructureSoftware: (input.software ?? []).map((software) => software.code),
      infrastructureUses: input.uses ?? [],
      usedByIds: input.usedByIds ?? [],
      details: compact({
        locations: input.locations,
        equipment: input.equipment,
        software: input.software,
        contributions: input.contributions,
        access: input.access,
        booking: input.booking,
        openingHours: input.openingHours,
        costModel: input.costModel,
      }),
    };
  },
  toInput(version) {
    return compact({
      ...(version.details as Partial<InfrastructureDetailsDto>),
      model: version.infrastructureModel ?? undefined,
      natures: version.infrastructureNatures,
      uses: version.infrastructureUses,
      usedByIds: version.usedByIds,
    });
  },
  toView(version) {
    return this.toInput(version);
  },
};
