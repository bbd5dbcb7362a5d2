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
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiPageResponse, Page, PageQueryDto } from '@bouwsteen/common';
import { ApiTokensService } from './api-tokens.service';
import { Auth } from './auth.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './dto/api-token.dto';
import { UserDto } from './dto/user.dto';
import { Principal } from './principal';
import { UsersService } from './users.service';

@ApiTags('me')
@Controller('me')
@Auth()
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: ApiTokensService,
  ) {}

  @Get()
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
}
