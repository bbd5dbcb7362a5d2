import { Injectable } from '@nestjs/common';
import type { Principal } from '@bouwsteen/auth';
import type { FieldError } from '@bouwsteen/common';
import {
  OrganisationError,
  OrganisationsService,
  PpsService,
  UpdateOrganisationDto,
  UpdatePpsDto,
} from '@bouwsteen/organisations';
import { FieldErrors } from '../../forms/field-errors';
import { submitForm } from '../../forms/form-submit';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { Form, organisationOptions, str } from './admin-form-values';
import { adminPage } from './admin-layout';
import { OrganisationFormView, PpsFormView, PpsListView } from './pps-admin.view';

/** The boxes of the organisation form. */
const ORGANISATION_FIELDS = new Set(['name', 'aliases', 'domains']);

type FormState = { values?: Form; errors?: FieldErrors; stale?: boolean };

/** /beheer/pps and /beheer/organisaties: rename a PPS or organisation, its lead, its aliases. */
@Injectable()
export class PpsAdminPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly pps: PpsService,
    private readonly organisations: OrganisationsService,
  ) {}

  async ppsList(page: PageContext): Promise<string> {
    const directory = await this.pps.directory();
    return adminPage(
      this.site,
      page,
      'PPS en organisaties',
      '/beheer/pps',
      <PpsListView directory={directory} />,
    );
  }

  async ppsForm(page: PageContext, id: string, state: FormState = {}): Promise<string> {
    const [pps, directory] = await Promise.all([this.pps.get(id), this.pps.directory()]);
    const values = state.values ?? { name: pps.name, leadOrganisationId: pps.leadInstitution.id };
    return adminPage(
      this.site,
      page,
      `PPS: ${pps.name}`,
      '/beheer/pps',
      <PpsFormView
        page={page}
        pps={pps}
        organisations={organisationOptions(directory)}
        state={{ values, errors: state.errors ?? new FieldErrors(), stale: state.stale }}
      />,
    );
  }

  async savePps(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    const input = { name: str(body.name), leadOrganisationId: str(body.leadOrganisationId) };
    return submitForm({
      dto: UpdatePpsDto,
      input,
      write: async (value) => {
        await this.pps.update(principal, id, Number(body.revisie), value);
        return { redirect: '/beheer/pps' };
      },
      again: async (errors, stale) => ({
        status: stale ? 409 : 400,
        html: await this.ppsForm(page, id, {
          values: body,
          errors: new FieldErrors(errors),
          stale,
        }),
      }),
    });
  }

  async organisationForm(page: PageContext, id: string, state: FormState = {}): Promise<string> {
    const organisation = await this.organisations.get(id);
    const values = state.values ?? {
      name: organisation.name,
      aliases: organisation.aliases.join('\n'),
      domains: organisation.domains.join('\n'),
    };
    return adminPage(
      this.site,
      page,
      `Organisatie: ${organisation.name}`,
      '/beheer/pps',
      <OrganisationFormView
        page={page}
        organisation={organisation}
        state={{ values, errors: state.errors ?? new FieldErrors(), stale: state.stale }}
      />,
    );
  }

  async saveOrganisation(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    const lines = (value: unknown) =>
      str(value)
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    const input = {
      name: str(body.name),
      aliases: lines(body.aliases),
      domains: lines(body.domains),
    };
    const again = async (errors: FieldError[], stale = false) => ({
      status: stale ? 409 : 400,
      html: await this.organisationForm(page, id, {
        values: body,
        // A wrong line of a list is shown at its box ("domains.1" at "domains").
        errors: new FieldErrors(errors, ORGANISATION_FIELDS),
        stale,
      }),
    });
    return submitForm({
      dto: UpdateOrganisationDto,
      input,
      again,
      conflicts: { [OrganisationError.DomainTaken]: 'domains' },
      write: async (value) => {
        await this.organisations.update(id, Number(body.revisie), value, principal);
        return { redirect: '/beheer/pps' };
      },
    });
  }
}
