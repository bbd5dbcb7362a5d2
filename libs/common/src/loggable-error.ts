/**
 * An error as a log line may hold it: its kind, PostgreSQL's SQLSTATE when there is one, and the
 * first frames of where it happened — never its message, which PostgreSQL and libraries fill
 * with the values they refused (a row's text, an e-mail address). Logs hold no personal text.
 */
export function loggableError(error: unknown, frames = 6): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const where = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, frames)
    .map((line) => line.trim())
    .join(' ← ');
  return `${error.name}${typeof code === 'string' ? ` (${code})` : ''}${where ? ` ${where}` : ''}`;
}
