import { Injectable } from '@nestjs/common';
import { AssetsService } from '@bouwsteen/assets';
import { DomainException, normaliseText } from '@bouwsteen/common';
import { OrganisationsService, PpsService } from '@bouwsteen/organisations';
import {
  RequestError,
  RequestTarget,
  RequestsService,
  SendMaterialRequestDto,
} from '@bouwsteen/requests';
import { dutchMessage } from '@bouwsteen/taxonomy/pure';
import { maxLengths } from '../../forms/field-limits';
import { FieldErrors } from '../../forms/field-errors';
import { submitForm } from '../../forms/form-submit';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { RequestTargetView, TargetSources, assetTarget, ppsTarget } from './request-target';
import { NoRequest, RequestForm, RequestSent, refusalOf, requestWords } from './request-form.view';

const LIMITS = maxLengths(SendMaterialRequestDto);
type Form = Record<string, unknown>;
type Which = RequestTarget;

/** Refusals of a whole request: the form comes back as typed, with why (409). */
const WHOLE_REFUSALS: string[] = [RequestError.NoRecipient, RequestError.AssetArchived];

/**
 * /bouwstenen/:id/aanvragen and /pps/:id/vraag: anyone asks the owning PPS for its material
 * (or a PPS a question). Works without JavaScript; a refused post (validation, pasted control
 * characters, the rate limit, an archived block, a PPS nobody reads requests of) shows the
 * form again with everything typed. No form is offered where no request can go.
 */
@Injectable()
export class RequestFormPage {
  private readonly sources: TargetSources;

  constructor(
    private readonly site: SiteRenderer,
    assets: AssetsService,
    pps: PpsService,
    organisations: OrganisationsService,
    private readonly requests: RequestsService,
  ) {
    this.sources = { assets, pps, organisations, requests };
  }

  async form(page: PageContext, which: Which): Promise<string> {
    const target = await this.target(which);
    const why = refusalOf(target);
    return this.render(
      page,
      target,
      why ? (
        <NoRequest target={target} why={why} />
      ) : (
        <RequestForm
          page={page}
          target={target}
          values={{}}
          errors={new FieldErrors()}
          limits={LIMITS}
        />
      ),
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
    const again = async (status: number, errors: FieldErrors, refused?: string) => ({
      status,
      headers: status === 429 && retryAfter ? { 'Retry-After': retryAfter } : undefined,
      html: await this.render(
        page,
        target,
        <RequestForm
          page={page}
          target={target}
          values={input}
          errors={errors}
          limits={LIMITS}
          refused={refused}
        />,
        refused !== undefined,
      ),
    });
    try {
      return await submitForm({
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
        again: (errors) => {
          const tooOften = errors.some((error) => error.code === RequestError.TooOften);
          return again(tooOften ? 429 : 400, new FieldErrors(errors));
        },
      });
    } catch (error) {
      // Archived since the form was opened, or nobody reads requests: nothing was stored.
      if (error instanceof DomainException && WHOLE_REFUSALS.includes(error.code))
        return again(409, new FieldErrors(), dutchMessage(error.code));
      throw error;
    }
  }

  async sent(page: PageContext, which: Which): Promise<string> {
    const target = await this.target(which);
    const words = requestWords(target);
    return this.site.page(
      page,
      {
        title: words.sentHeading,
        description: words.sent,
        canonicalPath: `${target.path}/verstuurd`,
        section: 'zoeken',
        noindex: true,
      },
      <RequestSent target={target} />,
    );
  }

  private render(
    page: PageContext,
    target: RequestTargetView,
    content: JSX.Element,
    /** A whole request refused (no field's error summary to say so in the title). */
    refused = false,
  ): Promise<string> {
    const words = requestWords(target);
    return this.site.page(
      page,
      {
        title: refused ? `Fout: ${words.heading}` : words.heading,
        description: words.description,
        canonicalPath: target.path,
        section: 'zoeken',
        noindex: true,
      },
      content,
    );
  }

  private target(which: Which): Promise<RequestTargetView> {
    return 'assetId' in which
      ? assetTarget(this.sources, which.assetId)
      : ppsTarget(this.sources, which.ppsId);
  }
}
