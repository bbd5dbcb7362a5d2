import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthorizedError } from '@bouwsteen/common';
import { AuthOptions } from './auth.decorator';
import { AuthGuard } from './auth.guard';
import { IdentityProvider } from './identity/identity-provider';
import { Principal } from './principal';

const teacher: Principal = {
  userId: 'u1',
  email: 't@x.nl',
  role: 'teacher',
  ppsIds: [],
  organisationId: null,
  via: 'jwt',
};

function context(headers: Record<string, string>): {
  context: ExecutionContext;
  request: { headers: Record<string, string>; principal?: Principal };
} {
  const request = { headers } as { headers: Record<string, string>; principal?: Principal };
  const ctx = {
    getHandler: () => function handler() {},
    getClass: () => class Controller {},
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context: ctx, request };
}

function guard(options: AuthOptions | undefined, providers: IdentityProvider[]): AuthGuard {
  const reflector = { getAllAndOverride: () => options } as unknown as Reflector;
  return new AuthGuard(reflector, providers);
}

const accepts = (token: string): IdentityProvider => ({
  authenticate: async (bearer) => (bearer === token ? teacher : undefined),
});

describe('AuthGuard', () => {
  it('refuses a route without @Auth (fails closed)', async () => {
    await expect(guard(undefined, []).canActivate(context({}).context)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('lets anyone through a public route and still resolves a sent credential', async () => {
    const { context: ctx, request } = context({ authorization: 'Bearer good' });
    await expect(guard({ public: true }, [accepts('good')]).canActivate(ctx)).resolves.toBe(true);
    expect(request.principal).toBe(teacher);
  });

  it('answers 401 without a credential on a protected route', async () => {
    await expect(
      guard({}, [accepts('good')]).canActivate(context({}).context),
    ).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('answers 401 when no provider recognises the token, even on a public route', async () => {
    await expect(
      guard({ public: true }, [accepts('good')]).canActivate(
        context({ authorization: 'Bearer bad' }).context,
      ),
    ).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('asks providers in order and uses the first that recognises the token', async () => {
    const first: IdentityProvider = { authenticate: jest.fn(async () => undefined) };
    const second = accepts('good');
    const { context: ctx, request } = context({ authorization: 'Bearer good' });
    await guard({}, [first, second]).canActivate(ctx);
    expect(first.authenticate).toHaveBeenCalledWith('good');
    expect(request.principal).toBe(teacher);
  });

  it('answers 403 when the role is not allowed', async () => {
    await expect(
      guard({ roles: ['admin'] }, [accepts('good')]).canActivate(
        context({ authorization: 'Bearer good' }).context,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('rejects other authorisation schemes', async () => {
    await expect(
      guard({ public: true }, []).canActivate(context({ authorization: 'Basic abc' }).context),
    ).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
