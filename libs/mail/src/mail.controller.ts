import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { MailPreferencesDto, ChangeMailPreferencesDto } from './dto/mail-preferences.dto';
import { MailPreferencesService } from './mail-preferences.service';

@ApiTags('me')
@Controller('me')
@Auth()
export class MailController {
  constructor(private readonly preferences: MailPreferencesService) {}

  @Get('mail-preferences')
  @ApiOperation({
    summary:
      'Your e-mail settings: per mail type off, digest (default) or immediate, and the digest frequency',
  })
  @ApiOkResponse({ type: MailPreferencesDto })
  get(@CurrentPrincipal() principal: Principal): Promise<MailPreferencesDto> {
    return this.preferences.get(principal.userId);
  }

  @Put('mail-preferences')
  @ApiOperation({
    summary: 'Change your e-mail settings; types left out keep theirs',
  })
  @ApiOkResponse({ type: MailPreferencesDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangeMailPreferencesDto,
  ): Promise<MailPreferencesDto> {
    return this.preferences.update(principal.userId, body);
  }
}
