import { TermRow } from '@bouwsteen/taxonomy';
import { readJson } from './seed-files';

interface RawTerm {
  code: string | number;
  label: string;
  en?: string;
  attributes?: Record<string, unknown>;
  [extra: string]: unknown;
}

interface ProductFile {
  vocabularies: Record<string, RawTerm[]>;
  extend: Record<string, Record<string, Partial<RawTerm> & Record<string, unknown>>>;
}

function toRow(vocabulary: string, term: RawTerm, position: number): TermRow {
  const { code, label, en, attributes, ...extra } = term;
  return {
    vocabulary,
    code: String(code),
    label,
    labelEn: en ?? null,
    attributes: { ...extra, ...(attributes ?? {}) },
    position,
  };
}

/** The 2021 vocabularies plus Bouwsteen's own, merged into rows for `taxonomy_term`. */
export function vocabularyRows(): TermRow[] {
  const rows = new Map<string, TermRow>();
  const put = (row: TermRow) => rows.set(`${row.vocabulary}/${row.code}`, row);
  const source = readJson<Record<string, RawTerm[] | string>>('taxonomy-2021.json');
  for (const [vocabulary, terms] of Object.entries(source)) {
    if (!Array.isArray(terms)) continue;
    terms.forEach((term, index) => put(toRow(vocabulary, term, index)));
  }
  const product = readJson<ProductFile>('vocabularies-bouwsteen.json');
  for (const [vocabulary, terms] of Object.entries(product.vocabularies)) {
    terms.forEach((term, index) => put(toRow(vocabulary, term, index)));
  }
  for (const [vocabulary, codes] of Object.entries(product.extend)) {
    for (const [code, extension] of Object.entries(codes)) {
      const existing = rows.get(`${vocabulary}/${code}`);
      const { label, en, ...attributes } = extension;
      if (existing) {
        existing.attributes = { ...existing.attributes, ...attributes };
      } else {
        const position = [...rows.values()].filter((row) => row.vocabulary === vocabulary).length;
        put({
          vocabulary,
          code,
          label: String(label ?? code),
          labelEn: (en as string) ?? null,
          attributes,
          position,
        });
      }
    }
  }
  return [...rows.values()];
}
