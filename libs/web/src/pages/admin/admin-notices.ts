/** What an admin page says after a change, by the `melding` in its address. */
export const ADMIN_NOTICES: Record<string, string> = {
  opgeslagen: 'De wijziging is opgeslagen.',
  gedeactiveerd:
    'Het account is gedeactiveerd: alle sessies, toegangstokens en API-sleutels werken niet meer.',
  verwijderd:
    'Het account is verwijderd, met alles wat Bouwsteen persoonlijk over deze persoon bewaarde.',
  'opnieuw-aangeboden':
    'De apart gezette bouwstenen staan weer in de wachtrij. Binnen enkele minuten zijn ze weer te vinden; staan ze hier daarna opnieuw, dan ligt het aan de bouwsteen zelf.',
};
