import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  ApiPageResponse,
  ClientAddress,
  Page,
  PageQueryDto,
  ProblemDetailsDto,
} from '@bouwsteen/common';
import { AuthService } from './auth.service';
import { AccessTokenDto } from './dto/login.dto';
import { ChangePasswordDto, SessionDto } from './dto/password.dto';
import { PasswordsService } from './passwords/passwords.service';
import { SESSIONS_LISTED, WebSessionsService } from './sessions/web-sessions.service';
import { ApiTokensService } from './api-tokens.service';
import { Auth } from './auth.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './dto/api-token.dto';
import { UserDto } from './dto/user.dto';
import { Principal } from './principal';
import { UsersService } from './users.service';
import { AccountDeletionService } from './deletion/account-deletion.service';
import { DeleteOwnAccountDto } from './dto/delete-account.dto';

@ApiTags('me')
@Controller('me')
@Auth()
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: ApiTokensService,
    private readonly passwords: PasswordsService,
    private readonly auth: AuthService,
    private readonly sessions: WebSessionsService,
    private readonly deletion: AccountDeletionService,
  ) {}

  @Get()
  @Auth({ beforeNewPassword: true })
  @ApiOperation({ summary: 'The signed-in account, its role and PPS memberships' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentPrincipal() principal: Principal): Promise<UserDto> {
    return this.users.get(principal.userId);
  }

  @Get('tokens')
  @ApiOperation({
    summary: 'Your personal API tokens, newest first (secrets are never shown again)',
  })
  @ApiPageResponse(ApiTokenDto)
  listTokens(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQueryDto,
  ): Promise<Page<ApiTokenDto>> {
    return this.tokens.list(principal, query);
  }

  @Post('tokens')
  @ApiOperation({ summary: 'Create a personal API token for an integration' })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  createToken(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateApiTokenDto,
  ): Promise<CreatedApiTokenDto> {
    return this.tokens.create(principal, dto);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of your API tokens' })
  @ApiNoContentResponse()
  revokeToken(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.tokens.revoke(principal, id);
  }

  @Post('password')
  @HttpCode(200)
  @Auth({ beforeNewPassword: true })
  @ApiOperation({
    summary: 'Change your own password',
    description:
      'Needs the current password (a wrong one is a 400 naming currentPassword, counted like a failed sign-in). Every session, access token and API token of the account ends, the one used here too; the answer is a new access token to go on with. The only write open to an account whose password someone else chose (403 password-change-required elsewhere).',
  })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiBadRequestResponse({ type: ProblemDetailsDto })
  @ApiTooManyRequestsResponse({ type: ProblemDetailsDto, description: 'See Retry-After' })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ChangePasswordDto,
    @ClientAddress() address: string,
  ): Promise<AccessTokenDto> {
    return this.auth.accessToken(await this.passwords.changeOwn(principal, dto, address));
  }

  @Post('deletion')
  @HttpCode(204)
  // An account whose password an admin chose knows that password: it may leave without choosing one.
  @Auth({ beforeNewPassword: true })
  @ApiOperation({
    summary: 'Delete your own account and everything personal with it',
    description:
      'Give the account’s e-mail address again as `confirmation`, and `currentPassword` when the account has a password (a wrong one is a 400 counted like a failed sign-in). Removed at once, in one transaction: the account, its sessions and tokens, linked institution accounts, follows, notifications, webhooks, mail settings and queued mail, reviews and reports of reviews, lists and saved searches, courses it owned without an office, and its address in the audit trail. Blocks, versions, reuse and imports it made for a PPS stay, without its name; so do the courses of its office. The last active admin cannot be deleted (409 last-admin).',
  })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ProblemDetailsDto })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'last-admin' })
  @ApiTooManyRequestsResponse({ type: ProblemDetailsDto, description: 'See Retry-After' })
  deleteOwn(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: DeleteOwnAccountDto,
    @ClientAddress() address: string,
  ): Promise<void> {
    return this.deletion.deleteOwn(principal, dto, address);
  }

  @Get('sessions')
  @ApiOperation({
    summary: 'Browsers signed in to the pages with your account, last used first',
    description: `At most ${SESSIONS_LISTED}; an expired or ended session is never listed.`,
  })
  @ApiOkResponse({ type: [SessionDto] })
  async listSessions(@CurrentPrincipal() principal: Principal): Promise<SessionDto[]> {
    const { sessions } = await this.sessions.list(principal, undefined, SESSIONS_LISTED);
    return sessions.map((session) => ({
      id: session.id,
      startedAt: session.startedAt.toISOString(),
      lastSeenAt: session.lastSeenAt?.toISOString() ?? null,
      expiresAt: session.expiresAt.toISOString(),
      browser: session.browser,
    }));
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out one browser',
    description:
      'Ends one page session of your account (its id from GET /me/sessions); other sessions and tokens go on. 404 when it is not one of yours, or already ended.',
  })
  @ApiNoContentResponse()
  async signOutOne(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.sessions.endOne(principal, id);
  }

  @Delete('sessions')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out everywhere',
    description:
      'Ends every page session, access token and personal API token of your account, the one used here included.',
  })
  @ApiNoContentResponse()
  async signOutEverywhere(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.sessions.endEverywhere(principal);
  }
}
