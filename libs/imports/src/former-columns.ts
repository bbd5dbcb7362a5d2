import type { Column } from './columns';

/**
 * Columns files made before may still have, read but never written: the price in cents (as the
 * API keeps it), from before spreadsheets held euros. `sameAs` names the column it stands for,
 * so a file with both is refused as having that column twice.
 */
export const FORMER_COLUMNS: (Column & { sameAs: string })[] = [
  {
    name: 'module.price.amountCents',
    type: 'integer',
    label: 'Prijs (eurocent)',
    note: 'Prijs per deelnemer in eurocent, exclusief btw: 39500 is € 395,00.',
    implies: { 'module.price.currency': 'EUR' },
    sameAs: 'module.price',
  },
];
