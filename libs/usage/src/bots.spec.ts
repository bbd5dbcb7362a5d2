import { BOT_PATTERNS, MAX_BOT_PATTERNS, isBot } from './bots';

describe('known robots', () => {
  it.each([
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
    'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2)',
    'facebookexternalhit/1.1',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36',
    'curl/8.5.0',
    'python-requests/2.31',
    'Wget/1.21',
    'Go-http-client/1.1',
    'UptimeRobot/2.0',
    '',
    undefined,
  ])('%s is a robot', (agent) => {
    expect(isBot(agent)).toBe(true);
  });

  it.each([
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  ])('%s is a person', (agent) => {
    expect(isBot(agent)).toBe(false);
  });

  it('stays a bounded list of valid, distinct patterns', () => {
    expect(BOT_PATTERNS.length).toBeLessThanOrEqual(MAX_BOT_PATTERNS);
    expect(new Set(BOT_PATTERNS).size).toBe(BOT_PATTERNS.length);
    for (const pattern of BOT_PATTERNS) expect(() => new RegExp(pattern)).not.toThrow();
  });
});
