import { DomainException } from '@bouwsteen/common';

/**
 * A form that checks a password answers the limiter's refusal (429) with the form again and
 * this sentence, not an error page: what it says, and the Retry-After to send along. Undefined
 * for any other error, which the caller throws on.
 */
export function tooManyAttempts(
  error: unknown,
): { problem: string; headers?: Record<string, string> } | undefined {
  if (!(error instanceof DomainException) || error.status !== 429) return undefined;
  const wait = error.headers?.['Retry-After'] ?? '60';
  return {
    problem: `Te veel mislukte pogingen. Probeer het over ${wait} seconden opnieuw.`,
    headers: error.headers,
  };
}
