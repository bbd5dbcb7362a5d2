import { ASSET_KINDS, CreateAssetDto, missingToPublish } from '@bouwsteen/assets';
import { nestedTypesOf } from '@bouwsteen/common';
import { maxLengths } from '../../libs/web/src/forms/field-limits';
import type { FieldSpec } from '../../libs/web/src/pages/my-pps/asset-form/form-schema';
import { formSections } from '../../libs/web/src/pages/my-pps/asset-form/form-schema';

/**
 * The building blocks' rules are written once, on the DTOs; the form is held to them here
 * (issue 24): what publishing needs is a field of the form of that kind (so "Nog nodig om te
 * publiceren" always links to a field), and every text field whose property has a MaxLength
 * gets it as `maxlength`. Loads the DTOs with their Nest decorators, hence this tier.
 */
function paths(specs: FieldSpec[], prefix = ''): { path: string; spec: FieldSpec }[] {
  return specs.flatMap((spec) => {
    const path = prefix + spec.path;
    if (spec.type === 'group') return [{ path, spec }, ...paths(spec.fields, `${path}.`)];
    if (spec.type === 'list') return [{ path, spec }, ...paths(spec.item, `${path}.`)];
    return [{ path, spec }];
  });
}

describe('the field catalogue holds the form to the DTOs (integration)', () => {
  const limits = maxLengths(
    CreateAssetDto,
    nestedTypesOf(CreateAssetDto) as Record<string, new () => object>,
  );

  it.each(ASSET_KINDS)('every answer a %s needs to be published is a field of its form', (kind) => {
    const form = new Set(
      paths(formSections(kind).flatMap((section) => section.fields)).map((field) => field.path),
    );
    const needed = missingToPublish(kind, {});
    expect(needed.length).toBeGreaterThan(1);
    expect(needed.filter((path) => !form.has(path))).toEqual([]);
  });

  it.each(ASSET_KINDS)(
    'every text field of a %s form has the limit its DTO property sets',
    (kind) => {
      const text = paths(formSections(kind).flatMap((section) => section.fields)).filter(
        ({ spec }) => spec.type === 'text',
      );
      expect(text.length).toBeGreaterThan(3);
      // A property the DTO limits and the form has no limit for: none (the title, summary,
      // description, a contact's role… all carry one).
      const limited = text.filter(({ path }) => limits[path] !== undefined);
      expect(limited.map(({ path }) => path)).toEqual(
        expect.arrayContaining(['title', 'summary', 'description']),
      );
      for (const { path } of limited) expect(limits[path]).toBeGreaterThan(0);
    },
  );

  it('finds the nested classes at every depth, lists and objects alike', () => {
    const nested = nestedTypesOf(CreateAssetDto);
    expect(Object.keys(nested)).toEqual(
      expect.arrayContaining([
        'contacts',
        'links',
        'module',
        'module.learningOutcomes',
        'module.offerings.period',
        'infrastructure.locations.address',
        'curriculum.coreTasks',
      ]),
    );
    expect(limits['contacts.role']).toBeGreaterThan(0);
  });
});
