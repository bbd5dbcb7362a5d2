import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { Principal } from '@bouwsteen/auth';
import { PageQueryDto } from '@bouwsteen/common';
import { DeadLetterDto, DeadLettersService, JobEndReason, JobQueueName } from '@bouwsteen/jobs';
import { DataTable } from '../../components/data-table';
import { Pagination } from '../../components/pagination';
import { FormTokenField } from '../../forms/form-token';
import { formatDateTime, formatNumber } from '../../format/format';
import type { PageContext } from '../../http/page-context';
import { PageAnswer } from '../../http/page-answer';
import { unlessNotFound } from '../../http/unless-not-found';
import { SiteRenderer } from '../../layout/site-renderer';
import { adminPage } from './admin-layout';
import { StatusNotice } from '../../components/status-notice';

const KIND_LABELS: Record<DeadLetterDto['kind'], string> = {
  [JobQueueName.Import]: 'Import',
  [JobQueueName.ImportSimilar]: '"Dit bestaat al" voor een import',
  [JobQueueName.Webhook]: 'Webhook-bezorging',
  [JobQueueName.SavedSearchAlerts]: 'Meldingen voor bewaarde zoekopdrachten',
  [JobQueueName.Mail]: 'E-mail',
  [JobQueueName.MailDigest]: 'Zoeken naar verzamelmails die klaar zijn',
};

/** How the last attempt ended, as an admin reads it. */
const REASON_LABELS: Record<JobEndReason, string> = {
  [JobEndReason.Failed]: 'De taak gaf een fout',
  [JobEndReason.LeaseExpired]: 'De achtergronddienst stopte onderweg (hij reageerde niet meer)',
  [JobEndReason.Stopped]:
    'De achtergronddienst werd gestopt en de taak kon niet meer worden hervat',
  [JobEndReason.Expired]: 'De taak duurde langer dan is toegestaan',
};

const NOTICES: Record<string, string> = {
  verwijderd: 'De mislukte taak is van de lijst gehaald.',
  weg: 'Die taak stond al niet meer op de lijst.',
};

const PAGE_SIZE = 50;

/**
 * /beheer/taken: the job engine's queues and the jobs that ran out of attempts (the dead
 * letters), so an admin sees what failed for good and can mark it as seen.
 */
@Injectable()
export class BackgroundJobsPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly jobs: DeadLettersService,
  ) {}

  async list(
    page: PageContext,
    principal: Principal,
    pageNumber: unknown,
    code: unknown,
  ): Promise<string> {
    const current = Math.min(Math.max(Number(pageNumber) || 1, 1), 1000);
    const query = Object.assign(new PageQueryDto(), { pageNumber: current, pageSize: PAGE_SIZE });
    const [queues, letters] = await Promise.all([
      this.jobs.queues(principal),
      this.jobs.list(principal, query),
    ]);
    const notice = typeof code === 'string' ? NOTICES[code] : undefined;
    return adminPage(
      this.site,
      page,
      'Achtergrondtaken',
      '/beheer/taken',
      <>
        <h1 class="utrecht-heading-1">Achtergrondtaken</h1>
        <StatusNotice text={notice} />
        <p class="utrecht-paragraph">
          Imports en berichten aan gekoppelde systemen zijn taken die de achtergronddienst uitvoert.
          Een taak die mislukt, wordt na een wachttijd opnieuw geprobeerd; een import die werd
          onderbroken, gaat verder waar hij was. Een taak die na alle pogingen niet lukt, staat
          hieronder.
        </p>
        <dl class="facts">
          {queues.map((queue) => (
            <>
              <dt safe>{KIND_LABELS[queue.queue]}</dt>
              <dd
                safe
              >{`${formatNumber(queue.running)} bezig, ${formatNumber(queue.waiting)} wachtend, ${formatNumber(queue.retrying)} wacht op een nieuwe poging`}</dd>
            </>
          ))}
        </dl>
        <h2 class="utrecht-heading-2" id="mislukt-titel">
          Mislukte taken
        </h2>
        {letters.items.length ? (
          <DataTable
            labelledBy="mislukt-titel"
            rows={letters.items}
            columns={[
              { header: 'Soort', text: (letter) => KIND_LABELS[letter.kind] },
              { header: 'Waarover', render: (letter) => subject(letter) },
              { header: 'Laatste poging', render: (letter) => reason(letter) },
              { header: 'Mislukt op', text: (letter) => formatDateTime(letter.diedAt) },
              {
                header: 'Actie',
                render: (letter) => (
                  <form method="post" action={`/beheer/taken/${letter.id}/verwijderen`}>
                    <FormTokenField page={page} />
                    <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                      Gezien, van de lijst halen
                      <span class="visually-hidden" safe>
                        {`: ${KIND_LABELS[letter.kind]} van ${formatDateTime(letter.diedAt)}`}
                      </span>
                    </button>
                  </form>
                ),
              },
            ]}
          />
        ) : (
          <p class="utrecht-paragraph">Geen mislukte taken.</p>
        )}
        <Pagination
          current={current}
          total={letters.totalPages}
          href={(number) => `/beheer/taken?pagina=${number}`}
          label="Pagina's met mislukte taken"
        />
      </>,
    );
  }

  async remove(principal: Principal, id: string): Promise<PageAnswer> {
    const removed = await unlessNotFound(this.jobs.remove(principal, id).then(() => true));
    return { redirect: `/beheer/taken?melding=${removed ? 'verwijderd' : 'weg'}` };
  }
}

function subject(letter: DeadLetterDto): JSX.Element {
  if (!letter.subjectId) return '–';
  if (letter.kind === JobQueueName.Import || letter.kind === JobQueueName.ImportSimilar)
    return (
      <a class="utrecht-link" href={`/mijn-pps/importeren/${letter.subjectId}`}>
        Import bekijken
      </a>
    );
  return <span safe>{`Bezorging ${letter.subjectId}`}</span>;
}

function reason(letter: DeadLetterDto): JSX.Element {
  return (
    <>
      <span safe>{REASON_LABELS[letter.reason]}</span>
      {letter.detail ? (
        <details>
          <summary>Technische melding</summary>
          <code class="utrecht-code">{Html.escapeHtml(letter.detail.slice(0, 500))}</code>
        </details>
      ) : (
        ''
      )}
    </>
  );
}
