/**
 * The Dutch words for what reading a qualification file refuses or leaves out: the parser raises
 * codes with the subject they concern, this table words them for the operator (page and CLI).
 */

export type FileRefusalCode =
  | 'not-xml'
  | 'empty'
  | 'web-page'
  | 'not-utf8'
  | 'not-sbb'
  | 'doctype'
  | 'too-deep'
  | 'too-many'
  | 'too-large'
  | 'nothing-in-it';

export type FileWarningCode =
  | 'dossier-without-crebo'
  | 'qualification-without-crebo'
  | 'crebo-twice'
  | 'bad-level'
  | 'bad-date'
  | 'elective-without-code'
  | 'elective-twice'
  | 'bad-study-load'
  | 'elective-bad-crebo'
  | 'untitled'
  | 'unsafe-title'
  | 'long-title'
  | 'too-many-parts'
  | 'bad-certificate';

export interface FileWarning {
  code: FileWarningCode;
  /** What it concerns, as written in the file ("dossier 23045", "keuzedeel K0771"). */
  subject: string;
  /** The value that was refused, if any. */
  value?: string;
}

const REFUSALS: Record<FileRefusalCode, string> = {
  'not-xml': 'Het bestand is geen geldige XML',
  empty: 'Het bestand is leeg',
  'web-page':
    'Het bestand is een webpagina (HTML), geen XML-bestand van SBB; download de XML van de kwalificatiestructuur en lees die in',
  'not-utf8':
    "Het bestand is niet in UTF-8 opgeslagen (de tekenset van SBB's bestanden); sla het op als UTF-8 en probeer opnieuw",
  'not-sbb':
    'Het bestand is geen kwalificatiebestand van SBB: het hoofdelement heet niet <sbb> of er staan geen <dossiers> of <keuzedelen> in',
  doctype:
    'Het bestand bevat een DOCTYPE of entiteitsdefinitie; die worden uit veiligheid niet gelezen',
  'too-deep': 'Het bestand is dieper genest dan een kwalificatiebestand ooit is',
  'too-many':
    'Het bestand bevat meer dan 400.000 dossiers, kwalificaties, kerntaken, werkprocessen, keuzedelen en crebocodes samen: veel meer dan de hele kwalificatiestructuur',
  'too-large': 'Het bestand is groter dan de ingestelde grens',
  'nothing-in-it': 'Het bestand bevat geen enkel dossier en geen enkel keuzedeel',
};

const WARNINGS: Record<FileWarningCode, string> = {
  'dossier-without-crebo': 'overgeslagen: het dossier heeft geen geldige crebocode (5 cijfers)',
  'qualification-without-crebo':
    'overgeslagen: de kwalificatie heeft geen geldige crebocode (5 cijfers)',
  'crebo-twice': 'komt twee keer voor; de laatste telt',
  'bad-level': 'het niveau is geen 1, 2, 3 of 4 en is leeg gelaten',
  'bad-date': 'een datum is geen bestaande datum (JJJJ-MM-DD) en is leeg gelaten',
  'elective-without-code': 'overgeslagen: het keuzedeel heeft geen geldige code (K en 4 cijfers)',
  'elective-twice': 'komt twee keer voor; de laatste telt',
  'bad-study-load': 'de omvang is geen geheel aantal sbu en is leeg gelaten',
  'elective-bad-crebo': 'een gekoppelde crebocode is geen 5 cijfers en is overgeslagen',
  untitled: 'heeft geen titel; de pagina toont alleen de code',
  'unsafe-title':
    'de titel bevat stuurtekens of onzichtbare tekens (zoals een richtingswissel) en is leeg gelaten; de pagina toont de code',
  'long-title': 'de titel is langer dan 300 tekens en is ingekort',
  'too-many-parts': 'bevat er meer dan een kwalificatiebestand ooit heeft; de rest is overgeslagen',
  'bad-certificate': 'certificaat is geen "ja" of "nee"; opgeslagen als geen certificaat',
};

/** The reason, with the line where the XML broke when the parser knows it. */
export function refusalText(code: FileRefusalCode, line?: number): string {
  return line ? `${REFUSALS[code]} (regel ${line})` : REFUSALS[code];
}

export function warningText(warning: FileWarning): string {
  const value = warning.value ? ` ("${warning.value}")` : '';
  return `${warning.subject}: ${WARNINGS[warning.code]}${value}`;
}
