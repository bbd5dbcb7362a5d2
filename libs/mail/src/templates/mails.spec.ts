import { accountLinkMail, digestMail, entryMail } from './mails';

const footer = {
  because: 'U krijgt dit omdat…',
  unsubscribe: { href: 'https://b.example/e-mail/afmelden?code=x&y', label: 'Afmelden' },
  settings: { href: 'https://b.example/mijn-account/e-mail', label: 'Instellingen' },
};

const entry = {
  type: 'new-version' as const,
  subject: 'Nieuwe versie',
  heading: 'Nieuwe versies',
  line: 'Nieuwe versie (2) van "<script>alert(1)</script>"',
  link: { href: 'https://b.example/bouwstenen/1', label: 'Bekijk' },
};

describe('mail templates', () => {
  it('escape every value in HTML and load nothing from elsewhere', () => {
    const mail = entryMail('Beste <b>Sanne</b>,', entry, footer);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('Beste &lt;b&gt;Sanne&lt;/b&gt;,');
    expect(mail.html).toContain('href="https://b.example/e-mail/afmelden?code=x&amp;y"');
    expect(mail.html).not.toMatch(/<img|<link|src=|url\(/i);
    expect(mail.text).toContain('"<script>alert(1)</script>"');
    expect(mail.text).toContain('Afmelden: https://b.example/e-mail/afmelden?code=x&y');
  });

  it('count and group a digest', () => {
    const mail = digestMail(
      'Beste Sanne,',
      'weekly',
      [entry, { ...entry, line: 'Tweede' }],
      footer,
    );
    expect(mail.subject).toBe('Uw weekoverzicht van Bouwsteen: 2 berichten');
    expect(mail.text.match(/Nieuwe versies/g)).toHaveLength(1);
    expect(mail.html.match(/<li/g)).toHaveLength(2);
  });

  it('word an account link by its purpose, with its expiry in Dutch time', () => {
    const mail = accountLinkMail({
      displayName: 'Sanne',
      purpose: 'reset',
      url: 'https://b.example/wachtwoord-instellen/abc',
      expiresAt: new Date('2027-01-08T11:00:00Z'),
    });
    expect(mail.subject).toBe('Kies een nieuw wachtwoord voor Bouwsteen');
    expect(mail.text).toContain('https://b.example/wachtwoord-instellen/abc');
    expect(mail.text).toContain('8 januari 2027 om 12:00');
  });
});
