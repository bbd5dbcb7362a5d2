import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as it arrived at the test's SMTP server, parsed by mailparser. */
export interface ArrivedMail {
  to: string[];
  parsed: ParsedMail;
  text: string;
  html: string;
  subject: string;
  header(name: string): string | undefined;
}

export interface TestSmtp {
  /** SMTP_URL for the app and its worker. */
  url: string;
  mails: ArrivedMail[];
  /** Addresses the server refuses (550 at RCPT TO), as a mailbox that no longer exists would. */
  refused: Set<string>;
  /** Mails to `address` so far. */
  to(address: string): ArrivedMail[];
  /** Waits until `count` mails to `address` arrived (or fails after `timeoutMs`). */
  waitFor(address: string, count?: number, timeoutMs?: number): Promise<ArrivedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 at a free port, taking every mail without
 * authentication or TLS, as a relay on the machine would; mailparser reads what arrived.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const mails: ArrivedMail[] = [];
  const refused = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, session, callback) {
      if (!refused.has(address.address.toLowerCase())) return callback();
      callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            parsed,
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            subject: parsed.subject ?? '',
            // The raw header as sent (mailparser makes objects of some, List-* among them).
            header: (name) =>
              parsed.headerLines
                .find((line) => line.key === name.toLowerCase())
                ?.line.replace(/^[^:]*:\s*/, '')
                .replace(/\r?\n\s+/g, ' '),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const to = (address: string) => mails.filter((mail) => mail.to.includes(address.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refused,
    to,
    async waitFor(address, count = 1, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (to(address).length >= count) return to(address);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${to(address).length} of ${count} mails to ${address} arrived`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
