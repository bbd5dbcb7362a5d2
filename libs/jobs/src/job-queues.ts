/**
 * The engine's queues. Each is made by a migration (pg-boss makes a table per queue); their
 * retry settings are data, set from the configuration when a worker starts.
 */
export enum JobQueueName {
  Import = 'import',
  /** Imports of small files: a lane of their own, so they never wait behind a long one. */
  ImportSmall = 'import_small',
  /**
   * "Dit bestaat al" for an import's new rows, after the import: a slice of rows a job, each
   * job sending the next, so the checks of several imports take turns.
   */
  ImportSimilar = 'import_similar',
  Webhook = 'webhook',
  /**
   * Saved-search alerts: one run looks for new blocks for every saved search with alerts on.
   * Sent by every worker each interval; the queue holds one waiting and one running at most.
   */
  SavedSearchAlerts = 'saved_search_alerts',
  /** One e-mail each: an item mailed at once, an account link, or one account's digest. */
  Mail = 'mail',
  /** The periodic look for digests that are due (at most one waiting: policy "stately"). */
  MailDigest = 'mail_digest',
  /** Jobs that ran out of attempts: kept for admins to see in /beheer; nothing works it. */
  DeadLetter = 'dead_letter',
}

/** Every job carries what it is, so a dead letter still says where it came from. */
export interface JobData {
  kind:
    | JobQueueName.Import
    | JobQueueName.ImportSimilar
    | JobQueueName.Webhook
    | JobQueueName.SavedSearchAlerts
    | JobQueueName.Mail
    | JobQueueName.MailDigest;
}

export interface ImportJobData extends JobData {
  kind: JobQueueName.Import;
  importId: string;
  ppsId: string;
}

export interface ImportSimilarJobData extends JobData {
  kind: JobQueueName.ImportSimilar;
  importId: string;
  ppsId: string;
}

export interface WebhookJobData extends JobData {
  kind: JobQueueName.Webhook;
  deliveryId: string;
}

export interface SavedSearchAlertsJobData extends JobData {
  kind: JobQueueName.SavedSearchAlerts;
}

/**
 * One mail: an item (`itemId`); or digests, one mail per account of `userIds`, of each one's
 * items made before `before`. `userId` is the one account of a digest job queued before digests
 * were sent in batches: such a job still runs.
 */
export interface MailJobData extends JobData {
  kind: JobQueueName.Mail;
  itemId?: string;
  digest?: { userIds?: string[]; userId?: string; before: string };
}

export interface MailDigestJobData extends JobData {
  kind: JobQueueName.MailDigest;
}

/** Why an attempt ended without finishing: kept with the job, worded in Dutch by the pages. */
export enum JobEndReason {
  /** Its worker stopped answering (died or stalled) and its lease ran out. */
  LeaseExpired = 'lease_expired',
  /** Its worker was stopping and it stopped early, resumable. */
  Stopped = 'stopped',
  /** The handler failed (a receiver's error for webhooks, a fault for others). */
  Failed = 'failed',
  /** pg-boss's own time limit on one attempt. */
  Expired = 'expired',
}
