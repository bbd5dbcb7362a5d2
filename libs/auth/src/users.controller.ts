import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiIfMatch,
  ApiPageResponse,
  EtagInterceptor,
  IfMatch,
  Page,
  ProblemDetailsDto,
} from '@bouwsteen/common';
import { AccountDeletionService } from './deletion/account-deletion.service';
import { Auth } from './auth.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import { Principal } from './principal';
import { CreateUserDto, UpdateUserDto, UserDto, UserListQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { PasswordLinkDto } from './dto/password.dto';
import { PasswordLinksService } from './passwords/password-links.service';

@ApiTags('users')
@Controller('users')
@Auth({ roles: ['admin'] })
@UseInterceptors(EtagInterceptor)
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly links: PasswordLinksService,
    private readonly deletion: AccountDeletionService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List accounts (admin)' })
  @ApiPageResponse(UserDto)
  list(@Query() query: UserListQueryDto): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account (admin)' })
  @ApiOkResponse({ type: UserDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create an account with a role and PPS memberships (admin)' })
  @ApiCreatedResponse({ type: UserDto })
  create(@Body() dto: CreateUserDto, @CurrentPrincipal() principal: Principal): Promise<UserDto> {
    return this.users.create(dto, principal);
  }

  @Patch(':id')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Change role, memberships, password or deactivate an account (admin); a new password or a deactivation signs the account out everywhere',
  })
  @ApiOkResponse({ type: UserDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() revision: number,
    @Body() dto: UpdateUserDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UserDto> {
    return this.users.update(id, revision, dto, principal);
  }

  @Post(':id/invitation')
  @ApiOperation({
    summary: 'Make an invitation link for an account (admin)',
    description:
      'The account’s owner opens it to choose a password. Shown once; works once, for INVITATION_LINK_HOURS (72), and a newer link of the account ends it.',
  })
  @ApiCreatedResponse({ type: PasswordLinkDto })
  invite(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PasswordLinkDto> {
    return this.links.issue(id, 'invitation', principal);
  }

  @Post(':id/password-reset')
  @ApiOperation({
    summary: 'Make a password reset link for an account (admin)',
    description:
      'As an invitation, for RESET_LINK_HOURS (2). The old password keeps working until the link is used.',
  })
  @ApiCreatedResponse({ type: PasswordLinkDto })
  reset(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PasswordLinkDto> {
    return this.links.issue(id, 'reset', principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an account and everything personal with it (admin)',
    description:
      'As POST /me/deletion does for its owner, without asking twice. The last active admin cannot be deleted (409 last-admin).',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'last-admin' })
  delete(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.deletion.deleteByAdmin(id, principal);
  }
}
