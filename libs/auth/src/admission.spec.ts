import { ForbiddenError, UnauthorizedError } from '@bouwsteen/common/pure';
import { admit } from './admission';
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

const accepts = (token: string): IdentityProvider => ({
  authenticate: async (bearer) => (bearer === token ? teacher : undefined),
});

describe('admit (the rule of the global guard)', () => {
  it('refuses a route without @Auth (fails closed)', async () => {
    await expect(admit(undefined, {}, [])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      admit(undefined, { authorization: 'Bearer good' }, [accepts('good')]),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets anyone through a public route and still resolves a sent credential', async () => {
    await expect(admit({ public: true }, {}, [])).resolves.toBeUndefined();
    await expect(
      admit({ public: true }, { authorization: 'Bearer good' }, [accepts('good')]),
    ).resolves.toBe(teacher);
  });

  it('answers 401 without a credential on a protected route', async () => {
    await expect(admit({}, {}, [accepts('good')])).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('answers 401 when no provider recognises the token, even on a public route', async () => {
    await expect(
      admit({ public: true }, { authorization: 'Bearer bad' }, [accepts('good')]),
    ).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('asks providers in order and uses the first that recognises the token', async () => {
    const first: IdentityProvider = { authenticate: jest.fn(async () => undefined) };
    const never: IdentityProvider = { authenticate: jest.fn(async () => teacher) };
    await expect(
      admit({}, { authorization: 'Bearer good' }, [first, accepts('good'), never]),
    ).resolves.toBe(teacher);
    expect(first.authenticate).toHaveBeenCalledWith('good');
    expect(never.authenticate).not.toHaveBeenCalled();
  });

  it('answers 403 when the role is not allowed, and lets an allowed role in', async () => {
    await expect(
      admit({ roles: ['admin'] }, { authorization: 'Bearer good' }, [accepts('good')]),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      admit({ roles: ['teacher'] }, { authorization: 'Bearer good' }, [accepts('good')]),
    ).resolves.toBe(teacher);
  });

  it('admits a page session on a protected route; a sent token decides over it', async () => {
    const admin: Principal = { ...teacher, userId: 'u2', role: 'admin', via: 'session' };
    await expect(admit({ roles: ['admin'] }, { principal: admin }, [])).resolves.toBe(admin);
    await expect(
      admit({ roles: ['admin'] }, { authorization: 'Bearer good', principal: admin }, [
        accepts('good'),
      ]),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('rejects other authorisation schemes', async () => {
    await expect(
      admit({ public: true }, { authorization: 'Basic abc' }, []),
    ).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('lets an account that must choose its own password through only where the route allows it', async () => {
    const invited: Principal = { ...teacher, mustChangePassword: true };
    const session = { principal: invited };
    for (const options of [{}, { public: true }, { roles: ['teacher'] as const }])
      await expect(admit(options, session, [])).rejects.toMatchObject({
        code: 'password-change-required',
        status: 403,
      });
    await expect(admit({ beforeNewPassword: true }, session, [])).resolves.toBe(invited);
    await expect(admit({ public: true, beforeNewPassword: true }, session, [])).resolves.toBe(
      invited,
    );
    // Anonymous visitors of public routes are not concerned.
    await expect(admit({ public: true }, {}, [])).resolves.toBeUndefined();
  });
});
