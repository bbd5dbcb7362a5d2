import type { ImportJobDto } from '@bouwsteen/imports';
import { FormTokenField } from '../../forms/form-token';
import { formatNumber } from '../../format/format';
import type { PageContext } from '../../http/page-context';

/**
 * A job's progress on its page: the rows read, then "dit bestaat al" for the new ones (which
 * runs after the rows are written), polled by htmx until each is over; and how to stop it.
 */

/** A job's status as the pages word it. */
export const STATUS: Record<string, string> = {
  queued: 'In de wachtrij',
  running: 'Bezig',
  done: 'Klaar',
  failed: 'Mislukt',
  cancelled: 'Geannuleerd',
};

export function Stop({ job, page }: { job: ImportJobDto; page: PageContext }): JSX.Element {
  if (job.cancelRequested)
    return (
      <p class="utrecht-paragraph">
        Stoppen aangevraagd: de import stopt na de rijen die nu worden verwerkt.
      </p>
    );
  return (
    <form method="post" action={`/mijn-pps/importeren/${job.id}/stoppen`} class="site-form">
      <FormTokenField page={page} />
      <p class="utrecht-paragraph">
        {job.dryRun
          ? 'Stoppen kan tussendoor; het verslag gaat dan over de rijen tot dan toe.'
          : 'Stoppen kan tussendoor: de bouwstenen die al zijn ingelezen, blijven staan.'}
      </p>
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        Import stoppen
      </button>
    </form>
  );
}

/** What a page showing a job waits for: its rows to be read, or then their "dit bestaat al". */
export type Awaited = 'import' | 'controle';

/** What the job's page is still waiting for, if anything. */
export function awaiting(job: ImportJobDto): Awaited | null {
  if (job.status === 'queued' || job.status === 'running') return 'import';
  return job.similarCheck.status === 'waiting' ? 'controle' : null;
}

export function Progress({ job }: { job: ImportJobDto }): JSX.Element {
  const waitingFor = awaiting(job);
  const running = waitingFor === 'import';
  const left = job.similarCheck.rowsLeft;
  return (
    <div
      id="voortgang"
      role="status"
      hx-get={
        waitingFor ? `/mijn-pps/importeren/${job.id}/voortgang?wacht=${waitingFor}` : undefined
      }
      hx-trigger={waitingFor ? 'every 2s' : undefined}
      hx-swap={waitingFor ? 'outerHTML' : undefined}
    >
      <p class="utrecht-paragraph" safe>
        {`Status: ${waitingFor === 'controle' && job.status === 'done' ? 'Ingelezen' : (STATUS[job.status] ?? job.status)}. ${formatNumber(job.progress.rowsRead)} rijen gelezen.`}
      </p>
      {running ? (
        <>
          <label class="utrecht-form-label" for="voortgang-balk">
            Voortgang
          </label>
          <progress id="voortgang-balk" max="100" value={String(job.progress.percent)} safe>
            {`${job.progress.percent}%`}
          </progress>
          {/* The bar's value as a number for the eye (a screen reader has it from the bar). */}
          <span aria-hidden="true" safe>
            {` ${job.progress.percent}%`}
          </span>
          {job.checkSimilar ? (
            <p class="utrecht-paragraph">
              Als alle rijen zijn ingelezen, kijken we of de nieuwe bouwstenen al bestaan bij een
              andere PPS.
            </p>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
      {waitingFor === 'controle' ? (
        <p class="utrecht-paragraph" safe>
          {`We kijken nog of de nieuwe bouwstenen al bestaan bij een andere PPS: nog ${left === 1 ? '1 rij' : `${formatNumber(left)} rijen`} te gaan${job.totals.similar > 0 ? `; tot nu toe lijken er ${formatNumber(job.totals.similar)} op een bouwsteen van een andere PPS` : ''}. Wat we vinden, komt in het verslag bij de rij als de controle klaar is.`}
        </p>
      ) : (
        ''
      )}
      {waitingFor ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/mijn-pps/importeren/${job.id}`}>
            Vernieuwen
          </a>
        </p>
      ) : (
        ''
      )}
      {job.error ? (
        <div class="utrecht-alert utrecht-alert--error">
          <p class="utrecht-paragraph" safe>
            {job.error}
          </p>
        </div>
      ) : (
        ''
      )}
    </div>
  );
}
