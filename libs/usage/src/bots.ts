/**
 * Known robots by their user agent, COUNTER-style: crawlers, link checkers, monitors, previews
 * and scripts are never counted as views or clicks. A bounded list in one place (a pattern per
 * line, matched case-insensitively anywhere in the user agent), after COUNTER's robot list; a
 * request without a user agent counts as a robot too.
 */
export const BOT_PATTERNS: readonly string[] = [
  'bot\\b',
  'bot[/_-]',
  'crawl',
  'spider',
  'slurp',
  'archiver',
  'facebookexternalhit',
  'embedly',
  'preview',
  'monitor',
  'pingdom',
  'uptime',
  'headless',
  'phantomjs',
  'lighthouse',
  'pagespeed',
  'validator',
  'checklink',
  'linkcheck',
  'scrapy',
  'python-requests',
  'python-urllib',
  'aiohttp',
  'httpx',
  'go-http-client',
  'java/',
  'okhttp',
  'libwww',
  'wget',
  'curl/',
  'axios/',
  'node-fetch',
  'undici',
  'postmanruntime',
  'insomnia',
  'httpclient',
  'feedfetcher',
  'mediapartners',
  'bingpreview',
  'yandex',
  'baiduspider',
  'semrush',
  'ahrefs',
  'mj12',
  'dotbot',
  'petalbot',
  'bytespider',
  'gptbot',
  'ccbot',
  'claudebot',
  'perplexity',
];

/** At most this many patterns: the list is read on every counted page view. */
export const MAX_BOT_PATTERNS = 80;

const BOTS = new RegExp(BOT_PATTERNS.join('|'), 'i');

/** Whether a request with this user agent is a robot (none given: a robot). */
export function isBot(userAgent: string | undefined): boolean {
  if (!userAgent || userAgent.trim().length === 0) return true;
  return BOTS.test(userAgent);
}
