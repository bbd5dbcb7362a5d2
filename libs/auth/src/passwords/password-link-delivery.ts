import { Injectable } from '@nestjs/common';
import { PasswordLinkPurpose } from './password-link-rules';

/** A link just made, with whom it is for: what a mailer needs to send it. */
export interface DeliverableLink {
  email: string;
  displayName: string;
  purpose: PasswordLinkPurpose;
  url: string;
  expiresAt: Date;
}

/**
 * How an invitation or reset link reaches its account's owner. Today the admin who made it is
 * shown it and passes it on; a mailer (a later issue) is one more implementation, provided under
 * this token, and called after the link is stored.
 */
export const PASSWORD_LINK_DELIVERY = Symbol('PASSWORD_LINK_DELIVERY');

export interface PasswordLinkDelivery {
  deliver(link: DeliverableLink): Promise<void>;
}

/** No e-mail yet: the link goes back to the admin only. */
@Injectable()
export class HandedToAdmin implements PasswordLinkDelivery {
  async deliver(): Promise<void> {}
}
