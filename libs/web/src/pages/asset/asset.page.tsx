import { Injectable } from '@nestjs/common';
import { ListsService } from '@bouwsteen/lists';
import {
  AssetDto,
  AssetError,
  AssetsService,
  DuplicateQuery,
  Licenses,
  PublishedRelationsReader,
  SimilarAssetDto,
  attributionText,
  licenseExplanation,
  licenseInOneLine,
  licenseUrl,
} from '@bouwsteen/assets';
import type { Principal } from '@bouwsteen/auth';
import { NotFoundError } from '@bouwsteen/common';
import { pageQuery } from '../search-queries';
import { FollowService } from '@bouwsteen/follow';
import { notice } from '../../components/notices';
import { OrganisationsService, PpsService } from '@bouwsteen/organisations';
import { RequestsService } from '@bouwsteen/requests';
import { ReviewsService } from '@bouwsteen/reviews';
import { QualificationsService } from '@bouwsteen/qualifications';
import { ReuseService } from '@bouwsteen/reuse';
import { UsageService } from '@bouwsteen/usage';
import { SearchUnavailableError } from '@bouwsteen/search';
import { Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { unlessNotFound } from '../../http/unless-not-found';
import { SiteRenderer } from '../../layout/site-renderer';
import { assetJsonLd } from '@bouwsteen/harvest';
import { AssetContent } from './asset-view';
import { NO_NAMES, QualificationNames } from './qualification-names';
import { adopterIdsFor } from './take-up-actions';
import { referencedIds } from './kind-sections';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REUSES_SHOWN = 50;
const VERSIONS_SHOWN = 50;
/** The best findings of the shared similarity check that the block page lists. */
const SIMILAR_SHOWN = 5;
/** The latest reviews on the block page; the rest on its reviews page. */
const REVIEWS_SHOWN = 3;

/**
 * /bouwstenen/:id and /bouwstenen/:id/versies/:n: everything a teacher needs to decide to
 * reuse a building block. Read as an anonymous visitor, so drafts never show (AssetPolicy).
 */
@Injectable()
export class AssetPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly assets: AssetsService,
    private readonly reuse: ReuseService,
    private readonly pps: PpsService,
    private readonly organisations: OrganisationsService,
    private readonly licenses: Licenses,
    private readonly follow: FollowService,
    private readonly requests: RequestsService,
    private readonly relations: PublishedRelationsReader,
    private readonly qualifications: QualificationsService,
    private readonly reviews: ReviewsService,
    private readonly usage: UsageService,
    private readonly lists: ListsService,
  ) {}

  async render(
    page: PageContext,
    id: string,
    versionParam?: string,
    code?: unknown,
  ): Promise<string> {
    if (!UUID.test(id)) throw new NotFoundError(AssetError.NotFound, 'asset', id);
    // One read of the block ("not found" for a block nobody may see) gives both the page's block
    // and its similar-blocks question. That search is the slowest read (Meilisearch): it is sent
    // first, and the database reads and their mapping run while Meilisearch works, not after.
    // The page is rendered while the search is under way; its section joins when it answers.
    const { asset: current, query } = await this.assets.withDuplicateQuery(undefined, id);
    const similar = this.similar(query);
    // A failure of the search reaches the visitor through the rendered page (awaited by
    // site.page); this only keeps it from counting as unhandled should a database read fail first.
    similar.catch(() => undefined);
    const [facts, following, reviews, views, lists] = await Promise.all([
      this.facts(current, versionParam),
      page.principal ? this.follow.isFollowing(page.principal, 'asset', id) : false,
      this.reviews.listOf(current, pageQuery(REVIEWS_SHOWN)),
      this.usage.viewsThisMonth(id),
      page.principal ? this.lists.choices(page.principal, id) : [],
    ]);
    const { asset, labels, refs, versions, reuses, lineage, pps, lead, terms } = facts;
    const { names, receives, relations } = facts;
    const reuseRecorded = page.principal
      ? await this.reuseRecorded(page.principal, current)
      : false;
    const oldVersion = asset.version.number !== current.version.number;
    const canonicalPath = oldVersion
      ? `/bouwstenen/${id}/versies/${asset.version.number}`
      : `/bouwstenen/${id}`;
    // A draft may not have a licence yet (publishing asks for one).
    const licenceLabel = asset.license
      ? labels.label('licenses', asset.license)
      : 'Nog geen licentie gekozen';
    const content = AssetContent({
      asset,
      current: oldVersion ? current : undefined,
      labels,
      refs: new Map(refs.map((ref) => [ref.id, ref])),
      names,
      versions: versions.items,
      reuses: { items: reuses.items, total: reuses.totalItems },
      lineage,
      similar,
      pps,
      lead,
      receives,
      notice: notice(code),
      use: current.publishedVersion === null ? undefined : { views, reuses: current.reuseCount },
      reviews: {
        summary: reviews.summary,
        latest: reviews.items,
        mayWrite: this.reviews.mayWrite(page.principal, current),
      },
      viewer: page.principal
        ? { principal: page.principal, following, page, reuseRecorded, lists }
        : undefined,
      licence: {
        label: licenceLabel,
        url: asset.license ? licenseUrl(asset.license) : undefined,
        explanation: licenseExplanation(terms),
        oneLine: asset.license
          ? licenseInOneLine(terms)
          : 'De PPS heeft nog geen licentie gekozen.',
        attribution: attributionText({
          title: asset.title,
          version: asset.version.number,
          ppsName: asset.pps.name,
          leadInstitutionName: asset.pps.leadInstitution.name,
          url: this.site.absolute(canonicalPath),
          licenseLabel: licenceLabel,
          licenseCode: asset.license ?? '',
        }),
      },
    });
    return this.site.page(
      page,
      {
        title: oldVersion ? `${asset.title} (versie ${asset.version.number})` : asset.title,
        description: asset.summary ?? asset.title,
        canonicalPath,
        section: 'zoeken',
        ogType: 'article',
        noindex: oldVersion,
        jsonLd: oldVersion
          ? []
          : [
              // SBB's names as the API's JSON-LD gives them, read with the page's other facts
              // (no round trip of its own); not the names modules lend unknown keuzedelen, which
              // are no names of the structure and have no page to link to.
              assetJsonLd(asset, labels, (path) => this.site.absolute(path), relations, {
                crebos: names.crebos,
                electives: names.electives,
              }),
            ],
      },
      content,
    );
  }

  /** What the database holds for the page: the block (or one of its versions) and its context. */
  private async facts(current: AssetDto, versionParam: string | undefined) {
    const id = current.id;
    let asset = current;
    if (versionParam !== undefined) {
      const number = /^\d{1,6}$/.test(versionParam) ? Number(versionParam) : NaN;
      if (!Number.isInteger(number) || number < 1)
        throw new NotFoundError(AssetError.VersionNotFound, 'version', `${id}/${versionParam}`);
      asset = await this.assets.version(undefined, id, number);
    }
    const codes = asset.module?.electiveCode
      ? [asset.module.electiveCode]
      : (asset.curriculum?.electiveCodes ?? []);
    const crebos = asset.curriculum?.creboCodes ?? [];
    const [labels, refs, versions, reuses, lineage, pps, lead, terms, names, receives, relations] =
      await Promise.all([
        this.labels.book(),
        this.assets.summaries(undefined, referencedIds(asset)),
        this.assets.versions(undefined, id, pageQuery(VERSIONS_SHOWN)),
        this.reuse.forAsset(undefined, id, pageQuery(REUSES_SHOWN)),
        this.assets.lineage(undefined, id),
        this.pps.get(asset.pps.id),
        unlessNotFound(this.organisations.get(asset.pps.leadInstitution.id)),
        this.licenses.terms(asset.license ?? ''),
        // Only a block with codes asks (most have none).
        codes.length || crebos.length ? this.names(crebos, codes) : NO_NAMES,
        // Whether anyone reads the PPS's requests (one indexed query, beside the others).
        this.requests.canReceive(asset.pps.id),
        this.relations.one(id),
      ]);
    return {
      asset,
      labels,
      refs,
      versions,
      reuses,
      lineage,
      pps,
      lead,
      terms,
      receives,
      relations,
      names,
    };
  }

  /**
   * SBB's names for the block's codes; a keuzedeel the structure does not know (none imported
   * yet, or an expired code) is named by a published module carrying it, as before the
   * structure existed, so a site without SBB's file still names what it can.
   */
  private async names(crebos: string[], codes: string[]): Promise<QualificationNames> {
    const known = await this.qualifications.names(crebos, codes);
    const unknown = codes.filter((code) => !known.electives.has(code));
    const modules = unknown.length ? await this.assets.electiveNames(unknown) : [];
    return {
      crebos: known.crebos,
      electives: known.electives,
      modules: new Map(modules.map((entry) => [entry.code, entry])),
    };
  }

  /** Whether every adopter this person speaks for recorded reuse of the current version. */
  private async reuseRecorded(principal: Principal, current: AssetDto): Promise<boolean> {
    const adopters = adopterIdsFor(principal, current.pps.id);
    if (adopters.length === 0 || current.publishedVersion === null) return false;
    const recorded = await this.reuse.recordedBy(current.id, current.publishedVersion, adopters);
    return adopters.every((id) => recorded.includes(id));
  }

  /** Similar building blocks of other PPS; undefined when the search engine cannot answer. */
  private async similar(query: DuplicateQuery): Promise<readonly SimilarAssetDto[] | undefined> {
    try {
      return await this.assets.similarTo(query, SIMILAR_SHOWN);
    } catch (error) {
      if (error instanceof SearchUnavailableError) return undefined;
      throw error;
    }
  }
}
