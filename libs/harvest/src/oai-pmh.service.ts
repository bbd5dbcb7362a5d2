import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { PublicRelations, PublishedRelationsReader, wholeSeconds } from '@bouwsteen/assets';
import { Clock } from '@bouwsteen/common';
import { QualificationsService } from '@bouwsteen/qualifications';
import { TaxonomyService } from '@bouwsteen/taxonomy';
import { OaiArguments, readArguments } from './oai-arguments';
import { OaiDate, endOf, formatOaiDate, parseOaiDate } from './oai-dates';
import { OAI_DC, writeOaiDc } from './oai-dc';
import { OaiError, OaiErrorCode } from './oai-errors';
import { HarvestFilter, OaiRecordRow, OaiRecordsRepository } from './oai-records.repository';
import { allSets, filterForSet, setsOf } from './oai-sets';
import { LOM, writeLom } from './nl-lom';
import { REPOSITORY_NAME, publicLinks } from './public-links';
import { NO_QUALIFICATION_NAMES, QualificationNames, codesOf } from './qualification-names';
import { recordFacts } from './record-facts';
import { TokenState, decodeToken, encodeToken } from './resumption-token';
import { XmlWriter } from './xml-writer';

const OAI = 'http://www.openarchives.org/OAI/2.0/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const FORMATS = [
  { ...OAI_DC, write: writeOaiDc },
  { ...LOM, write: writeLom },
];
/** Records per page: inside the 100–500 harvesters and validators expect. */
export const PAGE_SIZE = 200;

/**
 * The OAI-PMH 2.0 provider: every published building block is a record, every archived one a
 * deleted header, kept forever. Answers are whole XML documents; errors are OAI errors in them.
 */
@Injectable()
export class OaiPmhService {
  private readonly baseUrl: string;
  private readonly links: ReturnType<typeof publicLinks>;
  private readonly repositoryId: string;
  private readonly secret: string;

  constructor(
    private readonly records: OaiRecordsRepository,
    private readonly relations: PublishedRelationsReader,
    private readonly taxonomy: TaxonomyService,
    private readonly qualifications: QualificationsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.links = publicLinks(config);
    this.baseUrl = this.links.absolute('/oai');
    this.repositoryId = config.harvest.repositoryIdentifier;
    this.secret = config.auth.jwtSecret;
  }

  identifierOf(id: string): string {
    return `oai:${this.repositoryId}:${id}`;
  }

  async respond(raw: Record<string, unknown>): Promise<string> {
    const now = wholeSeconds(this.clock.now());
    const xml = new XmlWriter().start('OAI-PMH', {
      xmlns: OAI,
      'xmlns:xsi': XSI,
      'xsi:schemaLocation': `${OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd`,
    });
    xml.text('responseDate', formatOaiDate(now));
    let args: OaiArguments | undefined;
    try {
      args = readArguments(raw);
    } catch (error) {
      if (!(error instanceof OaiError)) throw error;
      // After badVerb or badArgument the request element carries no attributes (§3.2).
      xml.text('request', this.baseUrl);
      xml.text('error', error.message, { code: error.code });
      return xml.end().toString();
    }
    const attributes = Object.fromEntries(
      Object.entries(args).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    try {
      // Everything that can fail is checked before the first byte of the answer is written.
      const body = await this.answer(args, now);
      xml.text('request', this.baseUrl, attributes);
      xml.start(args.verb);
      body(xml);
      xml.end();
    } catch (error) {
      if (!(error instanceof OaiError)) throw error;
      const plain = error.code === OaiErrorCode.BadArgument || error.code === OaiErrorCode.BadVerb;
      xml.text('request', this.baseUrl, plain ? {} : attributes);
      xml.text('error', error.message, { code: error.code });
    }
    return xml.end().toString();
  }

  /** Checks everything first, then returns the writer of the verb's element. */
  private async answer(args: OaiArguments, now: Date): Promise<(xml: XmlWriter) => void> {
    switch (args.verb) {
      case 'Identify':
        return this.identify();
      case 'ListMetadataFormats':
        if (args.identifier) await this.existing(args.identifier);
        return (xml) => {
          for (const format of FORMATS)
            xml
              .start('metadataFormat')
              .text('metadataPrefix', format.prefix)
              .text('schema', format.schema)
              .text('metadataNamespace', format.namespace)
              .end();
        };
      case 'ListSets':
        if (args.resumptionToken)
          throw new OaiError(OaiErrorCode.BadResumptionToken, 'ListSets answers in one piece');
        return this.listSets();
      case 'GetRecord': {
        const format = this.format(args.metadataPrefix!);
        const row = await this.existing(args.identifier!);
        const [relations, sectors, names] = await Promise.all([
          this.relationsOf([row]),
          this.sectors(),
          this.namesOf([row]),
        ]);
        return (xml) => this.writeRecord(xml, row, format, relations, sectors, names);
      }
      case 'ListIdentifiers':
      case 'ListRecords':
        return this.list(args, now);
    }
  }

  private async identify(): Promise<(xml: XmlWriter) => void> {
    const earliest = (await this.records.earliestDatestamp()) ?? new Date(0);
    return (xml) => {
      xml.text('repositoryName', REPOSITORY_NAME);
      xml.text('baseURL', this.baseUrl);
      xml.text('protocolVersion', '2.0');
      xml.text('adminEmail', this.config.harvest.adminEmail);
      xml.text('earliestDatestamp', formatOaiDate(earliest));
      xml.text('deletedRecord', 'persistent');
      xml.text('granularity', 'YYYY-MM-DDThh:mm:ssZ');
      xml.start('description').start('oai-identifier', {
        xmlns: 'http://www.openarchives.org/OAI/2.0/oai-identifier',
        'xsi:schemaLocation':
          'http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd',
      });
      xml.text('scheme', 'oai');
      xml.text('repositoryIdentifier', this.repositoryId);
      xml.text('delimiter', ':');
      xml.text('sampleIdentifier', this.identifierOf('6f1d2c3e-0a4b-4c5d-8e9f-0123456789ab'));
      xml.end().end();
    };
  }

  private async listSets(): Promise<(xml: XmlWriter) => void> {
    const owners = await this.records.setOwners();
    const provinces = await Promise.all(
      owners.provinces.map(async (code) => ({
        code,
        label: (await this.taxonomy.term('provinces', code))?.label ?? code,
      })),
    );
    const sets = allSets(owners.pps, provinces);
    return (xml) => {
      for (const set of sets)
        xml.start('set').text('setSpec', set.spec).text('setName', set.name).end();
    };
  }

  private format(prefix: string) {
    const format = FORMATS.find((candidate) => candidate.prefix === prefix);
    if (!format)
      throw new OaiError(
        OaiErrorCode.CannotDisseminateFormat,
        `Formats offered: ${FORMATS.map((f) => f.prefix).join(', ')}`,
      );
    return format;
  }

  private async existing(identifier: string): Promise<OaiRecordRow> {
    const prefix = `oai:${this.repositoryId}:`;
    const id = identifier.startsWith(prefix) ? identifier.slice(prefix.length) : '';
    const row = /^[0-9a-f-]{36}$/.test(id) ? await this.records.one(id) : undefined;
    if (!row) throw new OaiError(OaiErrorCode.IdDoesNotExist, 'No record has this identifier');
    return row;
  }

  private async list(args: OaiArguments, now: Date): Promise<(xml: XmlWriter) => void> {
    const state = args.resumptionToken ? this.resume(args) : this.firstPage(args, now);
    const format = this.format(state.prefix);
    const filter: HarvestFilter = {
      ...(state.set ? filterForSet(state.set) : {}),
      from: state.from ? new Date(state.from) : undefined,
      until: new Date(state.until),
    };
    const after =
      state.cursor > 0 ? { datestamp: new Date(state.after[0]), id: state.after[1] } : undefined;
    const total = state.cursor > 0 ? state.total : await this.records.count(filter);
    const rows = await this.records.page(filter, after, PAGE_SIZE + 1);
    if (rows.length === 0 && state.cursor === 0)
      throw new OaiError(OaiErrorCode.NoRecordsMatch, 'No records match these arguments');
    const page = rows.slice(0, PAGE_SIZE);
    // One query for the whole page's relations, never one per record.
    // The names of the page's qualification codes: one look-up for the page, as for relations.
    const records = args.verb === 'ListRecords';
    const [relations, sectors, names] = await Promise.all([
      records ? this.relationsOf(page) : new Map<string, never>(),
      this.sectors(),
      records ? this.namesOf(page) : NO_QUALIFICATION_NAMES,
    ]);
    const more = rows.length > PAGE_SIZE;
    const last = page.at(-1);
    const next: TokenState | undefined =
      more && last
        ? {
            ...state,
            after: [last.datestamp.toISOString(), last.id],
            cursor: state.cursor + page.length,
            total,
          }
        : undefined;
    return (xml) => {
      for (const row of page)
        if (args.verb === 'ListIdentifiers') this.writeHeader(xml, row);
        else this.writeRecord(xml, row, format, relations, sectors, names);
      // A list in several pieces ends with an empty token (§3.5).
      const position = { completeListSize: total, cursor: state.cursor };
      if (next) xml.text('resumptionToken', encodeToken(next, this.secret), position);
      else if (state.cursor > 0) xml.empty('resumptionToken', position);
    };
  }

  private firstPage(args: OaiArguments, now: Date): TokenState {
    this.format(args.metadataPrefix!);
    const from = args.from !== undefined ? this.date('from', args.from) : undefined;
    const until = args.until !== undefined ? this.date('until', args.until) : undefined;
    if (from && until && from.granularity !== until.granularity)
      throw new OaiError(OaiErrorCode.BadArgument, 'from and until must have the same granularity');
    if (from && until && from.date > endOf(until))
      throw new OaiError(OaiErrorCode.BadArgument, 'from is later than until');
    if (args.set !== undefined && !filterForSet(args.set))
      throw new OaiError(OaiErrorCode.NoRecordsMatch, `There is no set ${args.set.slice(0, 80)}`);
    // The list is taken as of the second before this one: what changes from now on, during the
    // harvest too, comes with the next harvest (whose `from` is this responseDate).
    const asOf = new Date(now.getTime() - 1000);
    const cap = until && endOf(until) < asOf ? endOf(until) : asOf;
    return {
      verb: args.verb as TokenState['verb'],
      prefix: args.metadataPrefix!,
      set: args.set,
      from: from?.date.toISOString(),
      until: cap.toISOString(),
      after: ['', ''],
      cursor: 0,
      total: 0,
    };
  }

  private resume(args: OaiArguments): TokenState {
    const state = decodeToken(args.resumptionToken!, this.secret);
    if (!state || state.verb !== args.verb)
      throw new OaiError(
        OaiErrorCode.BadResumptionToken,
        'This resumption token is not valid here',
      );
    return state;
  }

  private date(name: string, value: string): OaiDate {
    const parsed = parseOaiDate(value);
    if (!parsed)
      throw new OaiError(
        OaiErrorCode.BadArgument,
        `${name} must be a date YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ`,
      );
    return parsed;
  }

  private writeHeader(xml: XmlWriter, row: OaiRecordRow): void {
    xml.start('header', row.deleted ? { status: 'deleted' } : undefined);
    xml.text('identifier', this.identifierOf(row.id));
    xml.text('datestamp', formatOaiDate(row.datestamp));
    for (const set of setsOf(row)) xml.text('setSpec', set);
    xml.end();
  }

  /** The listed relations of the records that carry metadata (deleted ones are headers). */
  private relationsOf(rows: OaiRecordRow[]): Promise<Map<string, PublicRelations>> {
    return this.relations.of(rows.filter((row) => !row.deleted).map((row) => row.id));
  }

  /** The names of the crebo and keuzedeel codes of the records that carry metadata. */
  private namesOf(rows: OaiRecordRow[]): Promise<QualificationNames> {
    const codes = codesOf(rows.filter((row) => !row.deleted));
    return this.qualifications.names(codes.crebos, codes.electives);
  }

  /** The sectors' Dutch labels (the taxonomy's cached copy), for the discipline classification. */
  private async sectors(): Promise<(code: string) => string> {
    const terms = (await this.taxonomy.vocabularies()).get('sectors');
    return (code) => terms?.get(code)?.label ?? code;
  }

  private writeRecord(
    xml: XmlWriter,
    row: OaiRecordRow,
    format: (typeof FORMATS)[number],
    relations: Map<string, PublicRelations>,
    sectors: (code: string) => string,
    names: QualificationNames,
  ): void {
    xml.start('record');
    this.writeHeader(xml, row);
    // A deleted record is its header alone (§2.5.1).
    if (!row.deleted) {
      xml.start('metadata');
      format.write(
        xml,
        recordFacts(
          row,
          this.links.page,
          this.identifierOf(row.id),
          relations.get(row.id),
          sectors,
          names,
        ),
      );
      xml.end();
    }
    xml.end();
  }
}
