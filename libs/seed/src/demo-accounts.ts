import { Injectable } from '@nestjs/common';
import { Role, UsersService } from '@bouwsteen/auth';
import { nameKey } from '@bouwsteen/common';
import { OrganisationsRepository, PpsRepository } from '@bouwsteen/organisations';

interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  pps?: string;
  organisation?: string;
}

/** Who tries the demo: a PPS lead and an LLO office (funders need no account). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'projectleider@demo.bouwsteen.invalid',
    displayName: 'Projectleider House of Digital (demo)',
    role: 'pps-editor',
    pps: 'House of Digital',
  },
  {
    email: 'llo-loket@demo.bouwsteen.invalid',
    displayName: 'LLO-loket Nova College (demo)',
    role: 'llo-office',
    organisation: 'Nova College',
  },
];

/**
 * Demo sign-ins for a local start, only when a password is given in the environment
 * (DEMO_ACCOUNTS_PASSWORD): no account ever exists with a password anyone could know.
 * Existing accounts are left as they are.
 */
@Injectable()
export class DemoAccounts {
  constructor(
    private readonly users: UsersService,
    private readonly pps: PpsRepository,
    private readonly organisations: OrganisationsRepository,
  ) {}

  async ensure(password: string): Promise<string[]> {
    const created: string[] = [];
    for (const account of DEMO_ACCOUNTS) {
      if (await this.users.exists(account.email)) continue;
      const pps = account.pps ? await this.pps.findByKey(nameKey(account.pps)) : null;
      const organisation = account.organisation
        ? await this.organisations.findByKey(nameKey(account.organisation))
        : null;
      await this.users.create({
        email: account.email,
        displayName: account.displayName,
        password,
        role: account.role,
        ppsIds: pps ? [pps.id] : [],
        organisationId: organisation?.id ?? null,
      });
      created.push(account.email);
    }
    return created;
  }
}
