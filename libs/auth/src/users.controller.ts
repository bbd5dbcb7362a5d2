import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiIfMatch, ApiPageResponse, EtagInterceptor, IfMatch, Page } from '@bouwsteen/common';
import { Auth } from './auth.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import { Principal } from './principal';
import { CreateUserDto, UpdateUserDto, UserDto, UserListQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@Auth({ roles: ['admin'] })
@UseInterceptors(EtagInterceptor)
export class UsersController {
  constructor(private readonly users: UsersService) {}

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
}
