/**
 * A real SMTP server (smtp-server) on 127.0.0.1 that accepts every mail and keeps only counts:
 * the mail benchmark's receiving end. Like the e2e tests' server it needs no authentication or
 * TLS (a relay on the same machine), but it reads each message through to its end without
 * parsing it, so the receiver costs the shared machine as little as it can.
 */
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SMTPConnection } from 'smtp-server/lib/smtp-connection';
import { sleep } from './timing';

export interface SmtpSink {
  url: string;
  /** Messages accepted (the server answered 250 to their DATA). */
  readonly accepted: number;
  /** Distinct recipients of the accepted messages. */
  readonly recipients: number;
  readonly bytes: number;
  /** When the first and the last message were accepted (performance.now()). */
  readonly firstAt: number;
  readonly lastAt: number;
  /** Forgets what arrived so far (between the floor and the measured run). */
  reset(): void;
  /** Waits until `count` messages were accepted; throws after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number, progress?: (accepted: number) => void): Promise<void>;
  close(): Promise<void>;
}

/**
 * smtp-server waits 100 ms before its greeting to catch clients that talk too soon (an anti-spam
 * check, as postscreen does for port 25); a relay that takes the site's own mail greets at once,
 * so the sink does. Without this every new connection would cost the benchmark 100 ms of
 * waiting that no real relay adds (the rest of init: the listeners, then the greeting).
 */
SMTPConnection.prototype.init = function init(this: SMTPConnection): void {
  this._setListeners(() => this.connectionReady());
};

export async function startSmtpSink(): Promise<SmtpSink> {
  let accepted = 0;
  let bytes = 0;
  let firstAt = 0;
  let lastAt = 0;
  let recipients = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // No reverse DNS lookup of 127.0.0.1 per connection: where no resolver answers, each waits
    // for its timeout and the benchmark would time that, not the mail.
    disableReverseLookup: true,
    // The worker's jobs and the floor's senders each hold a connection at a time.
    maxClients: 256,
    onData(stream, session, callback) {
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.on('end', () => {
        accepted++;
        lastAt = performance.now();
        if (accepted === 1) firstAt = lastAt;
        for (const rcpt of session.envelope.rcptTo) recipients.add(rcpt.address.toLowerCase());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get accepted() {
      return accepted;
    },
    get recipients() {
      return recipients.size;
    },
    get bytes() {
      return bytes;
    },
    get firstAt() {
      return firstAt;
    },
    get lastAt() {
      return lastAt;
    },
    reset() {
      accepted = bytes = firstAt = lastAt = 0;
      recipients = new Set();
    },
    async waitFor(count, timeoutMs, progress) {
      const deadline = performance.now() + timeoutMs;
      let reported = performance.now();
      while (accepted < count) {
        if (performance.now() > deadline)
          throw new Error(`${accepted} of ${count} mails arrived in ${timeoutMs / 1000} s`);
        if (progress && performance.now() - reported >= 5000) {
          reported = performance.now();
          progress(accepted);
        }
        await sleep(20);
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
