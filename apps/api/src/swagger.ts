import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ASSET_FIELDS } from '@bouwsteen/assets';
import { ProblemDetailsDto, allProblems } from '@bouwsteen/common';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Bouwsteen API')
    .setDescription(
      'The shared registry of reusable building blocks of the mbo public-private partnerships (PPS) ' +
        'in Noord-Holland and Flevoland: curricula, modules, infrastructure profiles and good practices. ' +
        'Errors are RFC 9457 problem+json. Edits need If-Match with the ETag you read.',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'A JWT from /api/v1/auth/login or a personal API token (bst_…)',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDetailsDto],
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  listProblemCodes(document);
  titleAssetFields(document, 'CreateAssetDto');
  titleAssetFields(document, 'UpdateAssetDto');
  return sortKeys(document) as OpenAPIObject;
}

/** Every problem code the API can answer, on the problem schema (each explained at /problems/<code>). */
function listProblemCodes(document: OpenAPIObject): void {
  const schema = document.components?.schemas?.ProblemDetailsDto as
    | { properties?: Record<string, Record<string, unknown>> }
    | undefined;
  const code = schema?.properties?.code;
  if (!code) return;
  const problems = allProblems();
  code.enum = problems.map((problem) => problem.code);
  code.description =
    'Stable, machine-readable; GET /problems/<code> explains it. ' +
    problems.map((problem) => `${problem.code} (${problem.status})`).join(', ');
}

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  title?: string;
};

/**
 * Each building-block field's Dutch name from the field catalogue, as the `title` of its schema
 * (the descriptions stay the API's English): the name the form and the templates use. A nested
 * class used at several paths (a study load, a period) has the same names at each.
 */
function titleAssetFields(document: OpenAPIObject, body: string): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const named = (ref: string | undefined) => (ref ? schemas[ref.split('/').pop()!] : undefined);
  const visit = (schema: Schema | undefined, prefix: string) => {
    for (const [property, child] of Object.entries(schema?.properties ?? {})) {
      const path = prefix + property;
      const field = ASSET_FIELDS.get(path);
      if (!field) continue;
      // A bare $ref takes no siblings: wrapped as Nest wraps one with a description.
      const titled = child.$ref ? { allOf: [{ $ref: child.$ref }] } : child;
      titled.title = field.label;
      schema!.properties![property] = titled;
      const inner = titled.allOf?.[0]?.$ref ?? titled.items?.$ref;
      visit(named(inner), `${path}.`);
    }
  };
  visit(schemas[body], '');
}

/** The document is built at its first request (about 0.1 s, which every start paid before). */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Bouwsteen API',
    swaggerOptions: { persistAuthorization: true },
  });
}

/** Stable key order, so the committed document only changes when the API does. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
