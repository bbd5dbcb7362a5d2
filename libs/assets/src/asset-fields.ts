import { nestedTypesOf } from '@bouwsteen/common';
import { CreateAssetDto } from './dto/asset.dto';
import { FieldCatalogue } from './fields/field-catalogue';

/**
 * The building blocks' field catalogue, read from the DTOs the API validates with: the form,
 * the import templates and the error summaries take labels, help, limits and needs from here.
 * Built where the DTOs (and so Nest's Swagger decorators) are loaded; the catalogue itself is
 * pure (`@bouwsteen/assets/pure`), as are the texts it adds.
 */
export const ASSET_FIELDS = new FieldCatalogue(
  CreateAssetDto,
  nestedTypesOf(CreateAssetDto) as Record<string, new () => object>,
);
