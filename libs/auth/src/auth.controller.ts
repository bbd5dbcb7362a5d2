import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ClientAddress, ProblemDetailsDto } from '@bouwsteen/common';
import { Auth } from './auth.decorator';
import { AuthService } from './auth.service';
import { AccessTokenDto, LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Auth({ public: true })
  @ApiOperation({ summary: 'Exchange email and password for a short-lived bearer token' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ type: ProblemDetailsDto })
  @ApiTooManyRequestsResponse({
    type: ProblemDetailsDto,
    description:
      'Too many unsuccessful attempts for this account or from this address; see Retry-After',
  })
  login(@Body() credentials: LoginDto, @ClientAddress() address: string): Promise<AccessTokenDto> {
    return this.auth.login(credentials, address);
  }
}
