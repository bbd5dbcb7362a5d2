/** Harvesters see changes by the second (OAI-PMH datestamps). */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
