import { FieldCode, type FieldError } from '@bouwsteen/common/pure';
import { hasObkDiscipline, obkLevelPath } from '@bouwsteen/taxonomy/pure';
import { AssetKind } from './asset-codes';
import { AssetContentDto } from './dto/asset-content.dto';
import { CurriculumDetailsDto } from './dto/curriculum.dto';
import { InfrastructureDetailsDto } from './dto/infrastructure.dto';
import { ModuleDetailsDto } from './dto/module.dto';
import { PracticeDetailsDto } from './dto/practice.dto';
import { publishNeedsOf } from './publish-needs';

/** Each kind's own fields, as the DTO of its section declares them. */
const SECTIONS: Record<AssetKind, object> = {
  module: ModuleDetailsDto,
  curriculum: CurriculumDetailsDto,
  infrastructure: InfrastructureDetailsDto,
  practice: PracticeDetailsDto,
};

/**
 * The paths of what a block of `kind` needs to be published and `content` lacks, in the order
 * the DTOs declare them (so also the order of the form). A kind's section that is missing
 * counts as each of its needed fields missing, so every answer names a real field.
 */
export function missingToPublish(kind: AssetKind, content: Partial<AssetContentDto>): string[] {
  const missing: string[] = [];
  const shared = content as Record<string, unknown>;
  for (const property of publishNeedsOf(AssetContentDto))
    if (!filled(shared[property]) || !(SHARED_ANSWERS[property]?.answers(shared) ?? true))
      missing.push(property);
  const section = (shared[kind] ?? {}) as Record<string, unknown>;
  for (const property of publishNeedsOf(SECTIONS[kind]))
    if (!filled(section[property])) missing.push(`${kind}.${property}`);
  for (const need of CONDITIONAL_NEEDS)
    if (need.kind === kind && need.applies(section) && !filled(section[need.property]))
      missing.push(`${kind}.${need.property}`);
  if (kind === 'infrastructure')
    missing.push(...unplacedLocations(section).map(({ path }) => path));
  return missing;
}

/**
 * Locations without a point on the map: a draft may keep a place the place list does not know
 * (what was typed is kept), but a published profile is found on the map, so each of its
 * locations needs coordinates. Named at its town (or postcode), with the place as typed.
 */
function unplacedLocations(section: Record<string, unknown>): { path: string; place: string }[] {
  const locations = Array.isArray(section.locations) ? (section.locations as unknown[]) : [];
  return locations.flatMap((entry, index) => {
    const location = (entry ?? {}) as Record<string, unknown>;
    if (typeof location.lat === 'number' && typeof location.lng === 'number') return [];
    const address = (location.address ?? {}) as Record<string, unknown>;
    const place = [address.city, address.postalCode]
      .filter((part): part is string => typeof part === 'string' && filled(part))
      .join(', ');
    // Named at the field a person fixes it in: the postcode when only that was typed, else the town.
    const at = !filled(address.city) && filled(address.postalCode) ? 'postalCode' : 'city';
    return [{ path: `infrastructure.locations.${index}.address.${at}`, place }];
  });
}

/**
 * What publishing needs only given another answer, with the code that says why: a physical
 * environment is somewhere, so it needs a location (a draft may still leave it out).
 */
const CONDITIONAL_NEEDS: {
  kind: AssetKind;
  property: string;
  applies: (section: Record<string, unknown>) => boolean;
  code: FieldCode;
  message: string;
}[] = [
  {
    kind: 'infrastructure',
    property: 'locations',
    applies: (section) =>
      Array.isArray(section.natures) && (section.natures as unknown[]).includes('physical'),
    code: FieldCode.PhysicalNeedsLocation,
    message: 'a physical environment needs at least one location',
  },
];

/**
 * A shared answer that is filled in but does not yet do what publishing needs it for, with the
 * code that says what to add: a contact of only a role ("Projectleider") reaches nobody.
 */
const SHARED_ANSWERS: Record<
  string,
  { answers: (content: Record<string, unknown>) => boolean; code: FieldCode; message: string }
> = {
  contacts: {
    answers: (content) =>
      Array.isArray(content.contacts) &&
      content.contacts.some((contact: Record<string, unknown> | null) =>
        ['name', 'email', 'phone', 'organisationId'].some((part) => filled(contact?.[part])),
      ),
    code: FieldCode.ContactNeedsWho,
    message: 'a contact needs a name, e-mail, phone or organisation besides a role',
  },
};

/** The same, as the field errors a refused publish answers with. */
export function publishProblems(kind: AssetKind, content: Partial<AssetContentDto>): FieldError[] {
  const shared = content as Record<string, unknown>;
  const unplaced = new Map(
    kind === 'infrastructure'
      ? unplacedLocations((shared.infrastructure ?? {}) as Record<string, unknown>).map(
          (location) => [location.path, location.place] as const,
        )
      : [],
  );
  return missingToPublish(kind, content).map((field): FieldError => {
    const place = unplaced.get(field);
    if (place !== undefined)
      return place
        ? {
            field,
            message: 'a location needs lat and lng to be published; its place is not known',
            code: FieldCode.UnknownPlace,
            values: { place },
          }
        : {
            field,
            message: 'a location needs lat and lng (or a known place) to be published',
            code: FieldCode.PlaceNeeded,
          };
    const conditional = CONDITIONAL_NEEDS.find((need) => `${need.kind}.${need.property}` === field);
    if (conditional) return { field, message: conditional.message, code: conditional.code };
    const answer = SHARED_ANSWERS[field];
    if (answer && filled(shared[field]))
      return { field, message: answer.message, code: answer.code };
    return { field, message: 'is needed to publish', code: FieldCode.NeededToPublish };
  });
}

/**
 * What an edit of a published block may not take away: what publishing needs that the version
 * edited has and the edit leaves empty. The next version of a published block is on its way to
 * the public, so clearing its summary or licence is refused at the field (400), where a draft of
 * a block never published may be without them until it is published.
 */
export function takenFromPublished(
  kind: AssetKind,
  before: Partial<AssetContentDto>,
  after: Partial<AssetContentDto>,
): FieldError[] {
  const had = new Set(missingToPublish(kind, before));
  return publishProblems(kind, after)
    .filter((problem) => !had.has(problem.field))
    .map((problem) =>
      problem.code === FieldCode.NeededToPublish
        ? {
            field: problem.field,
            message: 'is needed to publish; a published asset cannot be without it',
            code: FieldCode.KeptWhilePublished,
          }
        : problem,
    );
}

/** The feeds that take a published block only when it has what they need (OAI-PMH sets). */
export const FEEDS = ['edurep'] as const;
export type Feed = (typeof FEEDS)[number];

/**
 * What a feed needs beyond publishing: the kinds it takes, and its mandatory fields that are a
 * block's own answers, each with what makes the answer do (a sector counts as a discipline only
 * when it has an OBK discipline). Edurep: its mandatory fields as NL-LOM 1.0.1 and Edurep's
 * metadata page list them — title, description (our summary), keywords, discipline (sectors),
 * educational level (levels with an OBK level), licence. The others (identifiers, URL,
 * publisher, language, aggregation level, intended end user, access rights, cost) the record
 * always has. It takes learning material only: modules and curricula.
 */
const FEED_NEEDS: Record<
  Feed,
  {
    kinds: readonly AssetKind[];
    needs: [string, ((content: Partial<AssetContentDto>) => boolean)?][];
  }
> = {
  edurep: {
    kinds: ['module', 'curriculum'],
    needs: [
      ['title'],
      ['summary'],
      ['keywords'],
      ['sectors', (content) => hasObkDiscipline(content.sectors ?? [])],
      ['levels', (content) => (content.levels ?? []).some((level) => obkLevelPath(level).length)],
      ['license'],
    ],
  },
};

/** The kinds a feed may take. */
export function feedKinds(feed: Feed): readonly AssetKind[] {
  return FEED_NEEDS[feed].kinds;
}

/**
 * What keeps a published block of `kind` with `content` out of `feed`, as field paths ([]: it
 * belongs in it), or null when the feed never takes that kind. Publishing stores the answer
 * with the version (publication.ts), so the feed's set is a column, not a computation.
 */
export function missingForFeed(
  feed: Feed,
  kind: AssetKind,
  content: Partial<AssetContentDto>,
): string[] | null {
  const { kinds, needs } = FEED_NEEDS[feed];
  if (!kinds.includes(kind)) return null;
  const shared = content as Record<string, unknown>;
  return needs
    .filter(([property, answers]) => !filled(shared[property]) || !(answers?.(content) ?? true))
    .map(([property]) => property);
}

/**
 * Characters that show nothing: white space, format characters (bidi marks, soft hyphen,
 * zero-width), combining marks on nothing, and the fillers and blanks of other scripts. A text of
 * only these is as empty as "" to a reader, so it does not answer what publishing needs.
 */
const INVISIBLE = /[\s\p{Cf}\p{Mn}\p{Me}\u034F\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Whether a value says something a reader can see: text, a list with such an entry, an object. */
function filled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.replace(INVISIBLE, '').length > 0;
  if (Array.isArray(value)) return value.some((entry) => filled(entry));
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>).some((entry) => filled(entry));
  return true;
}
