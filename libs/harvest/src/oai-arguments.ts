import { textProblem } from '@bouwsteen/common/pure';
import { OaiError, OaiErrorCode } from './oai-errors';

/** Where the provider answers; the API's text guard leaves it to answer bad text itself. */
export const OAI_PMH_PATH = '/oai';

export const VERBS = [
  'Identify',
  'ListMetadataFormats',
  'ListSets',
  'ListIdentifiers',
  'ListRecords',
  'GetRecord',
] as const;
export type Verb = (typeof VERBS)[number];

/** The arguments each verb takes (§4); `resumptionToken` is exclusive where it appears. */
const ALLOWED: Record<Verb, string[]> = {
  Identify: [],
  ListMetadataFormats: ['identifier'],
  ListSets: ['resumptionToken'],
  ListIdentifiers: ['metadataPrefix', 'from', 'until', 'set', 'resumptionToken'],
  ListRecords: ['metadataPrefix', 'from', 'until', 'set', 'resumptionToken'],
  GetRecord: ['identifier', 'metadataPrefix'],
};

export interface OaiArguments {
  verb: Verb;
  identifier?: string;
  metadataPrefix?: string;
  from?: string;
  until?: string;
  set?: string;
  resumptionToken?: string;
}

/**
 * The request's arguments, checked as the protocol says: one verb, no argument twice, none the
 * verb does not take, the required ones present, and a resumption token alone; and none holding
 * text that no XML document can carry.
 */
export function readArguments(raw: Record<string, unknown>): OaiArguments {
  const verb = raw.verb;
  if (typeof verb !== 'string' || !(VERBS as readonly string[]).includes(verb))
    throw new OaiError(
      OaiErrorCode.BadVerb,
      Array.isArray(verb) ? 'The verb argument is repeated' : 'Illegal or missing verb',
    );
  const args: OaiArguments = { verb: verb as Verb };
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'verb') continue;
    // Text no record can hold (NUL, control characters) is a bad argument, and is never echoed:
    // an XML document cannot carry it.
    const unsafe =
      textProblem(name) ?? (typeof value === 'string' ? textProblem(value) : undefined);
    if (unsafe)
      throw new OaiError(
        OaiErrorCode.BadArgument,
        textProblem(name) ? `An argument's name ${unsafe}` : `${name.slice(0, 40)} ${unsafe}`,
      );
    if (!ALLOWED[args.verb].includes(name))
      throw new OaiError(
        OaiErrorCode.BadArgument,
        `${args.verb} does not take ${name.slice(0, 40)}`,
      );
    if (typeof value !== 'string')
      throw new OaiError(OaiErrorCode.BadArgument, `The argument ${name} is repeated or malformed`);
    if (value.length > 2000)
      throw new OaiError(OaiErrorCode.BadArgument, `The argument ${name} is too long`);
    (args as unknown as Record<string, string>)[name] = value;
  }
  if (args.resumptionToken !== undefined && Object.keys(raw).length > 2)
    throw new OaiError(OaiErrorCode.BadArgument, 'resumptionToken is an exclusive argument');
  const needsPrefix =
    args.verb === 'GetRecord' ||
    ((args.verb === 'ListRecords' || args.verb === 'ListIdentifiers') && !args.resumptionToken);
  if (needsPrefix && !args.metadataPrefix)
    throw new OaiError(OaiErrorCode.BadArgument, 'metadataPrefix is required');
  if (args.verb === 'GetRecord' && !args.identifier)
    throw new OaiError(OaiErrorCode.BadArgument, 'identifier is required');
  return args;
}
