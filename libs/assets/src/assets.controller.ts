import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Optional,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import {
  ApiIfMatch,
  ApiPageResponse,
  EtagInterceptor,
  IfMatch,
  Page,
  PageQueryDto,
} from '@bouwsteen/common';
import { AssetsService } from './assets.service';
import { ASSET_LINKED_DATA, AssetLinkedData, prefersJsonLd } from './linked-data';
import {
  ArchiveAssetDto,
  AssetDto,
  AssetListQueryDto,
  AssetSummaryDto,
  CreateAssetDto,
  PublishAssetDto,
  UpdateAssetDto,
  VersionSummaryDto,
} from './dto/asset.dto';
import {
  AssetWithSimilarDto,
  DeriveAssetDto,
  DerivativeDto,
  LineageDto,
} from './dto/derivative.dto';
import { SimilarAssetDto } from './dto/similar-asset.dto';
import { PublishCheckDto } from './dto/publish-check.dto';

const EDITORS = { roles: ['admin', 'pps-editor'] } as const;

@ApiTags('assets')
@Controller('assets')
@UseInterceptors(EtagInterceptor)
export class AssetsController {
  constructor(
    private readonly assets: AssetsService,
    @Optional() @Inject(ASSET_LINKED_DATA) private readonly linkedData?: AssetLinkedData,
  ) {}

  @Get()
  @Auth({ public: true })
  @ApiOperation({
    summary: 'Curricula, modules, infrastructure profiles and good practices, newest change first',
  })
  @ApiPageResponse(AssetSummaryDto)
  list(
    @CurrentPrincipal() principal: Principal | undefined,
    @Query() query: AssetListQueryDto,
  ): Promise<Page<AssetSummaryDto>> {
    return this.assets.list(principal, query);
  }

  @Get(':id')
  @Auth({ public: true })
  @ApiOperation({
    summary:
      'One asset: the published version, or the draft for those who may read it; schema.org JSON-LD for Accept: application/ld+json',
  })
  @ApiProduces('application/json', 'application/ld+json')
  @ApiOkResponse({ type: AssetDto })
  async get(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AssetDto | object> {
    // Two representations of one URL, chosen by Accept: a cache must keep them apart.
    response.vary('Accept');
    const asset = await this.assets.get(principal, id);
    if (!this.linkedData || !prefersJsonLd(accept)) return asset;
    response.type('application/ld+json');
    // The public description is for any origin to read, like the feeds; an answer for a
    // signed-in reader (which may hold a draft) is left to the API's own CORS setting.
    if (!principal) response.setHeader('Access-Control-Allow-Origin', '*');
    return this.linkedData.describe(asset);
  }

  @Get(':id/versions')
  @Auth({ public: true })
  @ApiOperation({ summary: 'Version history, newest first' })
  @ApiPageResponse(VersionSummaryDto)
  versions(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<VersionSummaryDto>> {
    return this.assets.versions(principal, id, query);
  }

  @Get(':id/versions/:number')
  @Auth({ public: true })
  @ApiOperation({ summary: 'One version as it was published' })
  @ApiOkResponse({ type: AssetDto })
  version(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', ParseIntPipe) number: number,
  ): Promise<AssetDto> {
    return this.assets.version(principal, id, number);
  }

  @Post()
  @Auth(EDITORS)
  @ApiOperation({ summary: 'Create a draft asset in one of your PPS' })
  @ApiCreatedResponse({ type: AssetWithSimilarDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateAssetDto,
  ): Promise<AssetWithSimilarDto> {
    return this.assets.createDraft(principal, dto);
  }

  @Patch(':id')
  @Auth(EDITORS)
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Edit the draft; editing a published asset opens the next version as a draft',
  })
  @ApiOkResponse({ type: AssetWithSimilarDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() revision: number,
    @Body() dto: UpdateAssetDto,
  ): Promise<AssetWithSimilarDto> {
    return this.assets.updateDraft(principal, id, revision, dto);
  }

  @Get(':id/similar')
  @Auth({ public: true })
  @ApiOperation({
    summary:
      'Published assets of other PPS that probably cover the same ground: every finding above the threshold, best first, at most 20, with reasons',
  })
  @ApiOkResponse({ type: [SimilarAssetDto] })
  similar(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<readonly SimilarAssetDto[]> {
    return this.assets.similar(principal, id);
  }

  @Get(':id/publish-check')
  @Auth(EDITORS)
  @ApiOperation({
    summary: 'What the draft still needs before it may be published (empty when complete)',
    description:
      'Without a draft (published, nothing changed since) there is nothing to publish: `hasDraft` is false and the published version is checked, so `complete` says whether it has everything publishing needs.',
  })
  @ApiOkResponse({ type: PublishCheckDto })
  publishCheck(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PublishCheckDto> {
    return this.assets.publishCheck(principal, id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Auth(EDITORS)
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Publish the draft as the next version (change note required after the first)',
  })
  @ApiOkResponse({ type: AssetDto })
  publish(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() revision: number,
    @Body() dto: PublishAssetDto,
  ): Promise<AssetDto> {
    return this.assets.publish(principal, id, revision, dto);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Auth(EDITORS)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Archive a published asset, optionally naming its successor' })
  @ApiOkResponse({ type: AssetDto })
  archive(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() revision: number,
    @Body() dto: ArchiveAssetDto,
  ): Promise<AssetDto> {
    return this.assets.archive(principal, id, revision, dto);
  }

  @Post(':id/derive')
  @Auth(EDITORS)
  @ApiOperation({
    summary:
      'Start a derivative draft in your PPS (license rules apply: no ND; SA keeps the license; NC is carried)',
  })
  @ApiCreatedResponse({ type: DerivativeDto })
  derive(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DeriveAssetDto,
  ): Promise<DerivativeDto> {
    return this.assets.derive(principal, id, dto);
  }

  @Get(':id/lineage')
  @Auth({ public: true })
  @ApiOperation({ summary: 'What an asset is based on and what was derived from it' })
  @ApiOkResponse({ type: LineageDto })
  lineage(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<LineageDto> {
    return this.assets.lineage(principal, id);
  }

  @Delete(':id/draft')
  @HttpCode(204)
  @Auth(EDITORS)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Discard the unpublished draft (a never-published asset is removed)' })
  @ApiNoContentResponse()
  discardDraft(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() revision: number,
  ): Promise<void> {
    return this.assets.discardDraft(principal, id, revision);
  }
}
