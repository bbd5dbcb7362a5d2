/**
 * The mail benchmark's floor, run as a process of its own where the worker runs (same CPU, same
 * lowered priority): `count` digest mails rendered beforehand with the real template, then sent
 * over the worker's own MailTransport (nodemailer, the same SMTP_URL) `concurrency` at a time,
 * as many as the worker's mail jobs run at once. No database, no jobs: what sending alone costs.
 * Prints one JSON line: { seconds, sent, cpuSeconds }.
 */
import { getPriority, setPriority } from 'node:os';
import { parseArgs } from 'node:util';
import type { AppConfig } from '@bouwsteen/config';
import { MailEntry, digestMail } from '@bouwsteen/mail';
import { MailTransport } from '../libs/mail/src/mail-transport';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    from: { type: 'string' },
    count: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '4' },
    entries: { type: 'string', default: '6' },
    nice: { type: 'string', default: '10' },
  },
});

function entry(n: number, k: number): MailEntry {
  return {
    type: 'new-version',
    subject: 'Nieuwe versie van een bouwsteen die u volgt',
    heading: k % 10 === 9 ? 'Gearchiveerd' : 'Nieuwe versies',
    line: `Nieuwe versie (2) van "Veilig samenwerken met cobots in de werkplaats ${n}-${k}"`,
    detail: 'Waarom u dit krijgt: u volgt deze bouwsteen.',
    link: {
      href: `https://bouwsteen.bench.invalid/bouwstenen/0b5e0c6e-7f2a-4f55-9d7e-${String(n).padStart(12, '0')}`,
      label: 'Bekijk de bouwsteen',
    },
  };
}

async function main(): Promise<void> {
  const nice = Number(args.nice);
  if (nice > 0) setPriority(Math.min(19, getPriority() + nice));
  const count = Number(args.count);
  const entries = Number(args.entries);
  const concurrency = Number(args.concurrency);
  // MailTransport reads only these of the configuration.
  const transport = new MailTransport({
    mail: { smtpUrl: args.url, from: args.from, concurrency },
  } as AppConfig);
  const unsubscribeUrl = 'https://bouwsteen.bench.invalid/e-mail/afmelden?code=' + 'x'.repeat(86);
  const mails = Array.from({ length: count }, (_, n) => ({
    ...digestMail(
      `Beste Lezer ${n},`,
      'daily',
      Array.from({ length: entries }, (_, k) => entry(n, k)),
      {
        because: 'U krijgt dit overzicht omdat u dat zo hebt ingesteld.',
        unsubscribe: { href: unsubscribeUrl, label: 'Geen overzicht meer' },
        settings: {
          href: 'https://bouwsteen.bench.invalid/mijn-account/e-mail',
          label: 'Uw e-mailinstellingen',
        },
      },
    ),
    to: { name: `Lezer ${n}`, address: `vloer-${n}@bench.bouwsteen.invalid` },
    unsubscribeUrl,
  }));
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < mails.length) await transport.send(mails[next++]);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  transport.onApplicationShutdown();
  console.log(
    JSON.stringify({ seconds, sent: count, cpuSeconds: (used.user + used.system) / 1e6 }),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
