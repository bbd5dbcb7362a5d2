import { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Principal, Role, UsersService } from '@bouwsteen/auth';

/** A real account and the principal it signs in as, for calling services directly. */
export async function principalFor(
  app: INestApplicationContext,
  role: Role,
  ppsIds: string[] = [],
  organisationId: string | null = null,
): Promise<Principal> {
  const email = `${role}-${randomBytes(5).toString('hex')}@test.bouwsteen.nl`;
  const user = await app.get(UsersService).create({
    email,
    password: `pw-${randomBytes(12).toString('hex')}`,
    role,
    displayName: `Test ${role}`,
    ppsIds,
    organisationId,
  });
  return { userId: user.id, email, role, ppsIds, organisationId, via: 'jwt' };
}
