import { Body, Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { FollowService } from '@bouwsteen/follow';
import { UsageRecorder, UsageService } from '@bouwsteen/usage';
import { assetPath } from '../../components/asset-card';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { AssetPage } from './asset.page';
import { TakeUpPage } from './take-up.page';
import { VersionDiffPage } from './version-diff.page';

type Form = Record<string, unknown>;

/** Who may take up another PPS's work: its leads (reuse, derive) and LLO offices (reuse). */
const ADOPTERS = ['pps-editor', 'llo-office', 'admin'] as const;

@Auth({ public: true })
@Controller('bouwstenen')
export class AssetPageController {
  constructor(
    private readonly asset: AssetPage,
    private readonly diff: VersionDiffPage,
    private readonly takeUp: TakeUpPage,
    private readonly follow: FollowService,
    private readonly recorder: UsageRecorder,
    private readonly usage: UsageService,
  ) {}

  /**
   * The block's page. Once rendered, its view is pushed to the usage buffer (synchronous, never
   * awaited, never failing the page); robots are left out there, and the API is never counted.
   */
  @HtmlPage(':id')
  async show(
    @Page() page: PageContext,
    @Param('id') id: string,
    @Query('melding') code: unknown,
  ): Promise<string> {
    const html = await this.asset.render(page, id, undefined, code);
    this.recorder.view(id, { ...page.visitor, userId: page.principal?.userId });
    return html;
  }

  /**
   * A link to the block's material, counted, then on to the link stored on the block (the
   * `n`th of its current published version): never to an address the request names.
   */
  @HtmlPage(':id/naar/:n')
  async followLink(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('n') position: string,
    @Res() response: Response,
  ): Promise<void> {
    const target = await this.usage.linkTarget(id, position);
    this.recorder.click(id, { ...page.visitor, userId: page.principal?.userId });
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.redirect(302, target);
  }

  @HtmlPage(':id/versies/:version')
  version(
    @Page() page: PageContext,
    @Param('id') id: string,
    @Param('version') version: string,
  ): Promise<string> {
    return this.asset.render(page, id, version);
  }

  @HtmlPage(':id/verschillen')
  versionDiff(
    @Page() page: PageContext,
    @Param('id') id: string,
    @Query('van') from: unknown,
    @Query('naar') to: unknown,
  ): Promise<string> {
    return this.diff.render(page, id, from, to);
  }

  @Auth({ roles: ADOPTERS })
  @HtmlPage(':id/hergebruiken')
  reuseForm(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('concept') draft: unknown,
  ): Promise<string> {
    return this.takeUp.reuseForm(page, principal, id, draft);
  }

  @Auth({ roles: ADOPTERS })
  @HtmlForm(':id/hergebruiken')
  async recordReuse(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.takeUp.recordReuse(page, principal, id, body));
  }

  @Auth({ roles: ['pps-editor', 'admin'] })
  @HtmlPage(':id/afleiden')
  deriveForm(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('concept') draft: unknown,
  ): Promise<string> {
    return this.takeUp.deriveForm(page, principal, id, draft);
  }

  @Auth({ roles: ['pps-editor', 'admin'] })
  @HtmlForm(':id/afleiden')
  async derive(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.takeUp.derive(page, principal, id, body));
  }

  @Auth()
  @HtmlForm(':id/volgen')
  async toggleFollow(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    if (body.volgen === 'nee') await this.follow.unfollow(principal, 'asset', id);
    else await this.follow.follow(principal, 'asset', id);
    send(response, { redirect: `${assetPath(id)}#aan-de-slag-titel` });
  }
}
