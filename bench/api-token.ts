import { randomBytes } from 'node:crypto';
import { ApiTokensService, UsersService } from '@bouwsteen/auth';
import { Stack } from './stack';

/** An active admin's personal API token: benchmarks call the API as an integration would. */
export async function apiToken(stack: Stack): Promise<string> {
  const email = `bench-${randomBytes(4).toString('hex')}@bouwsteen.invalid`;
  const user = await stack.app.get(UsersService).create({
    email,
    password: randomBytes(16).toString('hex'),
    role: 'admin',
    displayName: 'Benchmark',
    ppsIds: [],
  });
  const created = await stack.app
    .get(ApiTokensService)
    .create(
      { userId: user.id, email, role: 'admin', ppsIds: [], organisationId: null, via: 'jwt' },
      { name: 'benchmark' },
    );
  return created.token;
}
