import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { RenderedMail } from './templates/mails';

export interface OutgoingMail extends RenderedMail {
  to: { name: string; address: string };
  /** List-Unsubscribe (RFC 2369) with its one-click POST (RFC 8058), for preference mail. */
  unsubscribeUrl?: string;
}

/**
 * nodemailer over SMTP_URL, in the worker only. Without SMTP_URL it is off: nothing is sent.
 * Nothing of a mail (address, text) is logged, here or by nodemailer (its logger is off unless
 * the URL asks for it: never add ?logger=true). Connections are pooled, as many as the worker's
 * mail jobs run at once (MAIL_CONCURRENCY), and reused: a connection (and its TLS handshake) per
 * mail made a digest run of 10,000 accounts wait on connecting (bench:mail). A URL that says
 * `pool=false` or its own `maxConnections` keeps it.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter?: Transporter;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.from = config.mail.from;
    if (config.mail.smtpUrl)
      this.transporter = createTransport({
        url: config.mail.smtpUrl,
        pool: true,
        maxConnections: config.mail.concurrency,
      });
  }

  get enabled(): boolean {
    return this.transporter !== undefined;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) return;
    await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.unsubscribeUrl
        ? {
            'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }
        : {},
    });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
