import { getMetadataStorage } from 'class-validator';
import type { Vocabulary } from '@bouwsteen/taxonomy/pure';
import { ASSET_KINDS, AssetKind } from '../asset-codes';
import { publishNeedsOf } from '../publish-needs';
import { FieldLimits, limitsSentence } from './dutch-limits';
import { FIELD_TEXTS, fieldLabel, withoutIndices } from './field-texts';
import type { FieldTexts } from './record-texts';

/** What a value of a field is, as its DTO's type rule says. */
export type FieldType =
  | 'text'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'date'
  | 'uuid'
  | 'url'
  | 'email'
  /** One code of a fixed list (the DTO's IsIn), with Dutch names in `options`. */
  | 'choice'
  /** An object of its own fields (a nested DTO class). */
  | 'record';

/** One field of a building block: the texts written for it and the rules its DTO declares. */
export interface CatalogueField {
  /** The API path, list entries without their index (`contacts.role`). */
  path: string;
  type: FieldType;
  /** A list of such values (or records). */
  list: boolean;
  vocabulary?: Vocabulary;
  /** Dutch names of a choice's codes, in the DTO's order. */
  options?: Readonly<Record<string, string>>;
  label: string;
  /** The name of one entry of a list of records. */
  entry?: string;
  /** What the field asks for, as written in the catalogue. */
  about: string;
  /** Its limits in words, made from `limits`. */
  limitsText: string;
  /** Both: what a form's hint and a template's explanation show. */
  help: string;
  /** Whether its record (or the body) must have it: no IsOptional or conditional rule. */
  required: boolean;
  /** A draft is refused without it (required here and in every record above it). */
  draft: boolean;
  /** The kinds whose publishing needs it (@NeededToPublish on its DTO property). */
  publish: readonly AssetKind[];
  limits: FieldLimits;
  /** The kind whose section it is (or is in), if any. */
  kind?: AssetKind;
}

type DtoClass = abstract new (...args: never[]) => object;
type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

const TYPE_RULES: [string, FieldType][] = [
  ['isIn', 'choice'],
  ['isInt', 'integer'],
  ['isNumber', 'number'],
  ['isBoolean', 'boolean'],
  ['isCalendarDate', 'date'],
  ['isUuid', 'uuid'],
  ['isUrl', 'url'],
  ['isEmail', 'email'],
];

const LIMIT_RULES: Record<string, keyof FieldLimits> = {
  minLength: 'minLength',
  maxLength: 'maxLength',
  arrayMinSize: 'minSize',
  arrayMaxSize: 'maxSize',
  min: 'min',
  max: 'max',
};

/** The properties of `dto`, and its ancestors', that publishing needs. */
function publishNeeds(dto: DtoClass): Set<string> {
  const needs = new Set<string>();
  for (let owner: unknown = dto; typeof owner === 'function'; owner = Object.getPrototypeOf(owner))
    for (const property of publishNeedsOf(owner)) needs.add(property);
  return needs;
}

/**
 * The fields of a building block, read once from its DTO: each property's type, list-ness and
 * limits from class-validator's metadata (`getMetadataStorage()`), what a draft and publishing
 * need from IsOptional and @NeededToPublish, and its Dutch label and help from the texts. The
 * form, the import templates and export, and the error summaries read it; so a rule written on
 * the DTO reaches all of them. Pure: the DTO classes are handed in (asset-fields.ts does so).
 */
export class FieldCatalogue {
  private readonly byPath = new Map<string, CatalogueField>();

  /**
   * @param root the body's class (CreateAssetDto)
   * @param nested the class each nested property holds, by path (common's nestedTypesOf)
   */
  constructor(
    root: DtoClass,
    nested: Readonly<Record<string, DtoClass>>,
    private readonly texts: FieldTexts = FIELD_TEXTS,
  ) {
    const walk = (dto: DtoClass, prefix: string, draft: boolean) => {
      const needs = publishNeeds(dto);
      for (const [property, rules] of rulesByProperty(dto)) {
        const path = prefix + property;
        const field = this.describe(path, rules, draft, needs.has(property));
        this.byPath.set(path, field);
        if (nested[path]) walk(nested[path], `${path}.`, field.draft);
      }
    };
    walk(root, '', true);
  }

  private describe(
    path: string,
    rules: ValidationMetadata[],
    draftAbove: boolean,
    needed: boolean,
  ): CatalogueField {
    const names = new Set(rules.map((rule) => rule.name ?? rule.type));
    const nested = rules.some((rule) => rule.type === 'nestedValidation');
    const type = nested ? 'record' : (TYPE_RULES.find(([name]) => names.has(name))?.[1] ?? 'text');
    const list = names.has('isArray');
    const limits: FieldLimits = {};
    for (const rule of rules) {
      const limit = LIMIT_RULES[rule.name ?? ''];
      if (limit) limits[limit] = rule.constraints[0] as number;
    }
    const required = !rules.some((rule) => rule.type === 'conditionalValidation');
    const kind = ASSET_KINDS.find(
      (candidate) => path === candidate || path.startsWith(`${candidate}.`),
    );
    const text = this.texts[path];
    const codes = rules.find((rule) => rule.name === 'isIn')?.constraints[0] as
      | string[]
      | undefined;
    const about = text?.help ?? '';
    const limitsText = limitsSentence(limits, list);
    return {
      path,
      type,
      list,
      vocabulary: text?.vocabulary,
      options:
        codes && Object.fromEntries(codes.map((code) => [code, text?.options?.[code] ?? code])),
      label: text?.label ?? path,
      entry: text?.entry,
      about,
      limitsText,
      help: [about, limitsText].filter(Boolean).join(' '),
      required,
      draft: draftAbove && required,
      publish: needed ? (kind ? [kind] : ASSET_KINDS) : [],
      limits,
      kind,
    };
  }

  /** A field by its path; list indices are ignored (`contacts.0.role`). */
  get(path: string): CatalogueField | undefined {
    return this.byPath.get(withoutIndices(path));
  }

  /** Every field, records before their parts, in the DTOs' order. */
  all(): CatalogueField[] {
    return [...this.byPath.values()];
  }

  /** The field's name standing alone ("Leeruitkomst 2 — Leeruitkomst"); see fieldLabel. */
  label(path: string): string {
    return fieldLabel(path, this.texts);
  }

  /** DTO paths the texts have no label for, and texts that name no DTO path. */
  disagreements(): { unwritten: string[]; unknown: string[] } {
    return {
      unwritten: this.all()
        .filter((field) => !this.texts[field.path])
        .map((field) => field.path),
      unknown: Object.keys(this.texts).filter((path) => !this.byPath.has(path)),
    };
  }
}

/** A class's rules (its ancestors' included) by property, in declaration order. */
function rulesByProperty(dto: DtoClass): Map<string, ValidationMetadata[]> {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(
    dto as unknown as new () => object,
    '',
    true,
    false,
  )) {
    const rules = byProperty.get(rule.propertyName) ?? [];
    rules.push(rule);
    byProperty.set(rule.propertyName, rules);
  }
  return byProperty;
}
