import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { ApiPageResponse, Page, PageQueryDto } from '@bouwsteen/common';
import {
  CreateWebhookDto,
  CreatedWebhookDto,
  FollowDto,
  MarkAllReadDto,
  MarkedReadDto,
  NotificationDto,
  NotificationQueryDto,
  WebhookDto,
} from './dto/follow.dto';
import { FollowService } from './follow.service';

@ApiTags('me')
@Controller('me')
@Auth()
export class FollowController {
  constructor(private readonly follow: FollowService) {}

  @Get('follows')
  @ApiOperation({ summary: 'The assets and PPS you follow, newest first' })
  @ApiPageResponse(FollowDto)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQueryDto,
  ): Promise<Page<FollowDto>> {
    return this.follow.list(principal, query);
  }

  @Put('follows/assets/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Follow an asset: be told about new versions and archiving' })
  @ApiNoContentResponse()
  followAsset(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.follow.follow(principal, 'asset', id);
  }

  @Delete('follows/assets/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop following an asset' })
  @ApiNoContentResponse()
  unfollowAsset(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.follow.unfollow(principal, 'asset', id);
  }

  @Put('follows/pps/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Follow a PPS: be told about new versions of all its assets' })
  @ApiNoContentResponse()
  followPps(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.follow.follow(principal, 'pps', id);
  }

  @Delete('follows/pps/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop following a PPS' })
  @ApiNoContentResponse()
  unfollowPps(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.follow.unfollow(principal, 'pps', id);
  }

  @Get('notifications')
  @ApiOperation({ summary: 'Your notifications, newest first' })
  @ApiPageResponse(NotificationDto)
  notifications(
    @CurrentPrincipal() principal: Principal,
    @Query() query: NotificationQueryDto,
  ): Promise<Page<NotificationDto>> {
    return this.follow.notifications(principal, query);
  }

  @Post('notifications/read')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark all your unread notifications as read (those made up to upTo, when given)',
  })
  @ApiOkResponse({ type: MarkedReadDto })
  markAllRead(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: MarkAllReadDto,
  ): Promise<MarkedReadDto> {
    return this.follow.markAllRead(principal, dto);
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark a notification as read' })
  @ApiNoContentResponse()
  markRead(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.follow.markRead(principal, id);
  }

  @Get('webhooks')
  @ApiOperation({ summary: 'Your webhooks' })
  @ApiOkResponse({ type: [WebhookDto] })
  webhooks(@CurrentPrincipal() principal: Principal): Promise<WebhookDto[]> {
    return this.follow.webhooks(principal);
  }

  @Post('webhooks')
  @ApiOperation({
    summary: 'Register a webhook that receives your notifications, signed with HMAC-SHA256',
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  addWebhook(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateWebhookDto,
  ): Promise<CreatedWebhookDto> {
    return this.follow.addWebhook(principal, dto);
  }

  @Delete('webhooks/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook' })
  @ApiNoContentResponse()
  removeWebhook(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.follow.removeWebhook(principal, id);
  }
}
