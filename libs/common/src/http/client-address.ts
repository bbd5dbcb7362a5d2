import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { clientAddressOf } from './client-address-of';

/** The sender's address as a handler parameter (instead of Nest's @Ip()). */
export const ClientAddress = createParamDecorator((_: unknown, context: ExecutionContext): string =>
  clientAddressOf(context.switchToHttp().getRequest()),
);
