import { Injectable } from '@nestjs/common';
import { AssetsService } from '@bouwsteen/assets';
import { normaliseText } from '@bouwsteen/common';
import { PpsService } from '@bouwsteen/organisations';
import {
  RequestError,
  RequestTarget,
  RequestsService,
  SendMaterialRequestDto,
} from '@bouwsteen/requests';
import { maxLengths } from '../../forms/field-limits';
import { FieldErrors } from '../../forms/field-errors';
import { submitForm } from '../../forms/form-submit';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { RequestTargetView, assetTarget, ppsTarget } from './request-target';
import { RequestForm, RequestSent, requestHeading } from './request-form.view';

const LIMITS = maxLengths(SendMaterialRequestDto);
type Form = Record<string, unknown>;
type Which = RequestTarget;

/**
 * /bouwstenen/:id/aanvragen and /pps/:id/vraag: anyone asks the owning PPS for its material
 * (or a PPS a question). Works without JavaScript; a refused post (validation, pasted control
 * characters, the rate limit) shows the form again with everything typed.
 */
@Injectable()
export class RequestFormPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly assets: AssetsService,
    private readonly pps: PpsService,
    private readonly requests: RequestsService,
  ) {}

  async form(
    page: PageContext,
    which: Which,
    state: { values?: Form; errors?: FieldErrors } = {},
  ): Promise<string> {
    const target = await this.target(which);
    return this.site.page(
      page,
      {
        title: requestHeading(target),
        description: `Vraag ${target.pps.name} om het materiaal of stel een vraag.`,
        canonicalPath: target.path,
        section: 'zoeken',
        noindex: true,
      },
      <RequestForm
        page={page}
        target={target}
        values={state.values ?? {}}
        errors={state.errors ?? new FieldErrors()}
        limits={LIMITS}
      />,
    );
  }

  async send(page: PageContext, which: Which, body: Form, address: string): Promise<PageAnswer> {
    const target = await this.target(which);
    const input: Form = {};
    for (const field of ['name', 'email', 'organisation', 'purpose'])
      input[field] =
        typeof body[field] === 'string'
          ? normaliseText(body[field], { singleLine: field !== 'purpose' })
          : body[field];
    let retryAfter: string | undefined;
    return submitForm({
      dto: SendMaterialRequestDto,
      input,
      write: async (value) => {
        try {
          await this.requests.send(which, value, address);
        } catch (error) {
          retryAfter = (error as { headers?: Record<string, string> }).headers?.['Retry-After'];
          throw error;
        }
        return { redirect: `${target.path}/verstuurd` };
      },
      conflicts: { [RequestError.TooOften]: 'email' },
      again: async (errors) => {
        const tooOften = errors.some((error) => error.code === RequestError.TooOften);
        return {
          status: tooOften ? 429 : 400,
          headers: tooOften && retryAfter ? { 'Retry-After': retryAfter } : undefined,
          html: await this.form(page, which, {
            values: input,
            errors: new FieldErrors(errors),
          }),
        };
      },
    });
  }

  async sent(page: PageContext, which: Which): Promise<string> {
    const target = await this.target(which);
    return this.site.page(
      page,
      {
        title: 'Uw verzoek is verstuurd',
        description: `Uw verzoek is verstuurd naar ${target.pps.name}.`,
        canonicalPath: `${target.path}/verstuurd`,
        section: 'zoeken',
        noindex: true,
      },
      <RequestSent target={target} />,
    );
  }

  private target(which: Which): Promise<RequestTargetView> {
    return 'assetId' in which
      ? assetTarget(this.assets, which.assetId)
      : ppsTarget(this.pps, which.ppsId);
  }
}
