import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PasswordLinkPurpose } from './password-link-rules';

/** A link just made, with whom it is for: what a mailer needs to send it. */
export interface IssuedLink {
  linkId: string;
  userId: string;
  purpose: PasswordLinkPurpose;
  /** The whole link, secret included: only a mailer that keeps it sealed may hold on to it. */
  url: string;
  expiresAt: Date;
}

/**
 * Reacts inside the transaction that stores the link: both commit, or neither. Answers whether
 * it queued a mail with the link (false: e-mail is not set up).
 */
export interface PasswordLinkListener {
  linkIssued(manager: EntityManager, link: IssuedLink): Promise<boolean>;
}

/**
 * How an invitation or reset link reaches its account's owner. The admin who made it is shown
 * it; a mailer (libs/mail) subscribes here and queues its mail in the link's own transaction,
 * so the mail exists exactly when the link does.
 */
@Injectable()
export class PasswordLinkEvents {
  private readonly listeners: PasswordLinkListener[] = [];

  subscribe(listener: PasswordLinkListener): void {
    this.listeners.push(listener);
  }

  /** Whether a mail with the link was queued (by any listener). */
  async emit(manager: EntityManager, link: IssuedLink): Promise<boolean> {
    let mailed = false;
    for (const listener of this.listeners)
      if (await listener.linkIssued(manager, link)) mailed = true;
    return mailed;
  }
}
