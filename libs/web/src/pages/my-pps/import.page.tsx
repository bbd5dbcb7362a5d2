import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Principal } from '@bouwsteen/auth';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import {
  Constraint,
  DomainException,
  FieldError,
  PageQueryDto,
  ValidationFailedError,
} from '@bouwsteen/common';
import { ImportError, ImportListQueryDto, ImportPolicy, ImportsService } from '@bouwsteen/imports';
import { PpsService } from '@bouwsteen/organisations';
import { Pagination } from '../../components/pagination';
import { ProblemNotice } from '../../components/status-notice';
import { FORM_TOKEN_FIELD } from '../../forms/form-token';
import { tickedBox } from '../../forms/form-values';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import type { PageMeta } from '../../layout/page-meta';
import { SiteRenderer } from '../../layout/site-renderer';
import {
  FromDryRun,
  PickFirst,
  RecentImports,
  ReportTable,
  RunForReal,
  Templates,
  Totals,
  UploadForm,
} from './import-parts';
import { Progress, Stop, awaiting } from './import-progress';
import { workingPps } from './my-pps-scope';

const REPORT_PAGE = 100;
/**
 * /mijn-pps/importeren: a PPS lead brings a spreadsheet in from the browser — the templates,
 * the upload (a check first, by default), and each import's progress, totals and report. The
 * work is the imports library's; this page only asks and shows.
 */
@Injectable()
export class ImportPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly pps: PpsService,
    private readonly imports: ImportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async form(
    page: PageContext,
    principal: Principal,
    requested: unknown,
    problem?: string,
  ): Promise<string> {
    const pps = workingPps(principal, await this.pps.directory(), requested);
    if (!pps)
      return this.site.page(
        page,
        meta('Catalogus importeren', '/mijn-pps/importeren'),
        <PickFirst />,
      );
    const recent = await this.imports.list(
      principal,
      Object.assign(new ImportListQueryDto(), { ppsId: pps.id, pageNumber: 1, pageSize: 20 }),
    );
    const action = `/mijn-pps/importeren?pps=${pps.id}&${FORM_TOKEN_FIELD}=${encodeURIComponent(page.formToken)}`;
    return this.site.page(
      page,
      meta(`Catalogus importeren: ${pps.name}`, `/mijn-pps/importeren?pps=${pps.id}`),
      <>
        <h1 class="utrecht-heading-1" safe>{`Catalogus importeren: ${pps.name}`}</h1>
        <p class="utrecht-paragraph">
          Zet uw modules, curricula, praktijkomgevingen en goede praktijken in een spreadsheet en
          breng ze in één keer over. Eén rij is één bouwsteen. Met een eigen code per bouwsteen
          werkt een volgende import dezelfde bouwstenen bij in plaats van nieuwe te maken.
        </p>
        <ProblemNotice text={problem} />
        <Templates />
        <UploadForm action={action} />
        <RecentImports jobs={recent.items} />
      </>,
    );
  }

  /** The upload: a job, then its page; a refused file brings the form back with the reason. */
  async start(
    page: PageContext,
    principal: Principal,
    requested: unknown,
    request: Request,
  ): Promise<PageAnswer> {
    const pps = workingPps(principal, await this.pps.directory(), requested);
    if (!pps) return { redirect: '/mijn-pps/importeren' };
    try {
      const job = await this.imports.start(principal, { ppsId: pps.id }, request, uploadChoices);
      return { redirect: `/mijn-pps/importeren/${job.id}` };
    } catch (error) {
      if (!(error instanceof DomainException) || error.status >= 500) throw error;
      // Refused before the file was read (a choice the form never offers): let the rest of the
      // upload drain instead of holding the connection.
      request.unpipe();
      request.resume();
      return {
        html: await this.form(page, principal, pps.id, uploadProblem(error)),
        status: error.status,
        headers: error.headers,
      };
    }
  }

  async job(
    page: PageContext,
    principal: Principal,
    id: string,
    pageNumber: unknown,
    problem?: string,
  ): Promise<string> {
    const job = await this.imports.get(principal, id);
    const number = Math.min(Math.max(Number(pageNumber) || 1, 1), 1000);
    const report = await this.imports.report(
      principal,
      id,
      Object.assign(new PageQueryDto(), { pageNumber: number, pageSize: REPORT_PAGE }),
    );
    const running = job.status === 'queued' || job.status === 'running';
    return this.site.page(
      page,
      meta(
        `${job.dryRun ? 'Proefimport' : 'Import'} ${job.fileName ?? ''}`.trim(),
        `/mijn-pps/importeren/${id}`,
      ),
      <>
        <h1 class="utrecht-heading-1" safe>
          {`${job.dryRun ? 'Proefimport' : 'Import'}${job.fileName ? `: ${job.fileName}` : ''}`}
        </h1>
        <ProblemNotice text={problem} />
        <FromDryRun job={job} />
        <Progress job={job} />
        {running ? (
          <Stop job={job} page={page} />
        ) : (
          <>
            <Totals job={job} />
            <RunForReal
              job={job}
              page={page}
              mayStart={ImportPolicy.canStart(principal, job.ppsId)}
              now={new Date()}
            />
            <section aria-labelledby="verslag-titel">
              <h2 class="utrecht-heading-2" id="verslag-titel">
                Verslag
              </h2>
              {report.items.length ? (
                <ReportTable lines={report.items} />
              ) : (
                <p class="utrecht-paragraph">Niets te melden: elke rij is ingelezen.</p>
              )}
              <Pagination
                current={report.pageNumber}
                total={report.totalPages}
                href={(n) => `/mijn-pps/importeren/${id}?pagina=${n}`}
                label="Pagina's van het verslag"
              />
            </section>
          </>
        )}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/mijn-pps/importeren?pps=${job.ppsId}`}>
            Terug naar importeren
          </a>
        </p>
      </>,
    );
  }

  /**
   * "Nu echt importeren" on a dry run's page: the same file, imported as drafts or published;
   * then the new import's page. Clicked twice, it is still one import (its page both times).
   * A file no longer kept brings the upload form with why; a full line, the page with why.
   */
  async runForReal(
    page: PageContext,
    principal: Principal,
    id: string,
    form: Record<string, unknown>,
  ): Promise<PageAnswer> {
    const goal = form.doel;
    if (goal !== 'concept' && goal !== 'publiceren')
      return {
        html: await this.job(
          page,
          principal,
          id,
          1,
          'Kies of u als concept importeert of meteen publiceert.',
        ),
        status: 400,
      };
    try {
      const job = await this.imports.runDryRun(principal, id, { publish: goal === 'publiceren' });
      return { redirect: `/mijn-pps/importeren/${job.id}` };
    } catch (error) {
      if (!(error instanceof DomainException) || error.status >= 500) throw error;
      if (error.code === ImportError.NotRunnable) return { redirect: `/mijn-pps/importeren/${id}` };
      const answer = { status: error.status, headers: error.headers };
      if (error.code === ImportError.FileGone) {
        const { ppsId } = await this.imports.get(principal, id);
        const { dryRunKeepHours, maxJobsPerPps } = this.config.imports;
        const problem = `Het bestand van die proefimport wordt niet meer bewaard: een proefimport bewaart zijn bestand ${dryRunKeepHours} uur, en alleen bij de ${maxJobsPerPps} nieuwste proefimports van de PPS. Kies het bestand hieronder opnieuw en kies wat u wilt doen.`;
        return { ...answer, html: await this.form(page, principal, ppsId, problem) };
      }
      if (error.code === ImportError.TooManyWaiting)
        return { ...answer, html: await this.job(page, principal, id, 1, uploadProblem(error)) };
      throw error;
    }
  }

  /** Stops the import after the rows it is working on; one that has ended already is left as is. */
  async stop(principal: Principal, id: string): Promise<PageAnswer> {
    try {
      await this.imports.cancel(principal, id);
    } catch (error) {
      if (!(error instanceof DomainException && error.code === ImportError.Finished)) throw error;
    }
    return { redirect: `/mijn-pps/importeren/${id}` };
  }

  /** The progress block alone, for htmx while the job runs; a finished job reloads the page. */
  /**
   * The progress part, and whether what the page waited for (`wacht`: the rows, or then their
   * "dit bestaat al") is over: the page then reloads to show the totals and report.
   */
  async progress(
    principal: Principal,
    id: string,
    waitedFor: unknown,
  ): Promise<{ html: string; finished: boolean }> {
    const job = await this.imports.get(principal, id);
    const now = awaiting(job);
    return {
      html: String(<Progress job={job} />),
      finished: now === null || (waitedFor === 'import' && now !== 'import'),
    };
  }
}

const GOALS = ['proef', 'concept', 'publiceren'];

/**
 * The form's choices (sent before the file): what to do, and whether to look for blocks that
 * already exist. A value the form never offers is refused, not read as the default.
 */
function uploadChoices(fields: Record<string, string>) {
  const goal = fields.doel ?? 'proef';
  const compare = tickedBox('vergelijken', fields.vergelijken);
  const errors: FieldError[] = compare.error ? [compare.error] : [];
  if (!GOALS.includes(goal))
    errors.push({
      field: 'doel',
      message: `must be one of the following values: ${GOALS.join(', ')}`,
      code: Constraint.IsIn,
      values: { allowed: GOALS.join(', ') },
    });
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return { dryRun: goal === 'proef', publish: goal === 'publiceren', checkSimilar: compare.ticked };
}

const UPLOAD_PROBLEM =
  'Dit bestand kon niet worden ingelezen. Kies een .xlsx-, .csv- of .jsonl-bestand.';
const UPLOAD_PROBLEMS: Record<string, string> = {
  'import-unsupported-format':
    'Kies een Excel-bestand (.xlsx), een CSV-bestand of JSON Lines (.jsonl).',
  'import-no-file': 'Kies eerst een bestand.',
  'import-too-large': 'Dit bestand is te groot. Verdeel het over meer bestanden.',
  'import-too-many-waiting':
    'Voor deze PPS staan al zoveel imports klaar of lopen nog, dat deze er niet meer bij kan. Start hem opnieuw zodra een van de imports hieronder klaar is.',
  'unsupported-charset': 'Sla het CSV-bestand op als "CSV UTF-8" en probeer het opnieuw.',
  'validation-failed':
    'Kies wat u wilt doen met een van de keuzes hieronder, en vink het vakje aan of laat het leeg.',
};

function uploadProblem(error: DomainException): string {
  if (error.errors?.some((problem) => problem.field === 'file'))
    return 'De naam van het bestand bevat tekens die niet konden worden gelezen. Geef het bestand een andere naam en probeer het opnieuw.';
  return UPLOAD_PROBLEMS[error.code] ?? UPLOAD_PROBLEM;
}

function meta(title: string, canonicalPath: string): PageMeta {
  return {
    title,
    description: 'Bouwstenen uit een spreadsheet in één keer overbrengen.',
    canonicalPath,
    section: 'mijn-pps',
    noindex: true,
  };
}
