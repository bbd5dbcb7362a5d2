import { request as httpRequest } from 'node:http';
import { parse } from 'node-html-parser';
import { create } from 'xmlbuilder2';
import { TestApp, createTestApp } from './harness/test-app';

/** Raw bytes on the wire (supertest would decompress): what a first visit really transfers. */
function raw(
  port: number,
  path: string,
  encoding = 'br, gzip',
): Promise<{ status: number; headers: Record<string, unknown>; bytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': encoding } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: response.statusCode!,
            headers: response.headers,
            bytes: body.length,
            body,
          });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The pages' files, compression, caching, the first-visit budget, sitemaps and robots.txt. */
describe('web files and crawlers (e2e)', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp();
    port = (t.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(() => t.close());

  it('serves fingerprinted files compressed and cacheable for a year; an old fingerprint is not cached', async () => {
    const page = parse((await t.http().get('/').expect(200)).text);
    const css = page.querySelector('link[rel="stylesheet"]')!.getAttribute('href')!;
    expect(css).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.css$/);
    const br = await raw(port, css, 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(br.headers.vary).toBe('Accept-Encoding');
    const gzip = await raw(port, css, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await raw(port, css, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes).toBeGreaterThan(br.bytes * 5);
    const stale = await t.http().get('/assets/site.0123456789.css').expect(200);
    expect(stale.headers['cache-control']).toBe('no-cache');
    await t
      .http()
      .get('/assets/nothing.0123456789.css')
      .expect(404)
      .expect('Content-Type', /problem\+json/);
    await t
      .http()
      .get('/favicon.ico')
      .expect(301)
      .expect('Location', /^\/assets\/favicon\.[0-9a-f]{10}\.svg$/);
  });

  it('compresses pages, and a first visit stays within 150 KB (map tiles excluded)', async () => {
    for (const path of ['/', '/zoeken', '/kaart']) {
      const pageResponse = await raw(port, path, 'gzip');
      expect(pageResponse.headers['content-encoding']).toBe('gzip');
      const html = parse((await t.http().get(path)).text);
      const files = [
        ...html
          .querySelectorAll('link[rel="stylesheet"], link[rel="icon"]')
          .map((link) => link.getAttribute('href')!),
        ...html.querySelectorAll('script[src]').map((script) => script.getAttribute('src')!),
      ];
      let total = pageResponse.bytes;
      for (const file of files) total += (await raw(port, file)).bytes;
      expect(total).toBeLessThanOrEqual(150 * 1024);
    }
  });

  it('lists the site in a sitemap index of well-formed files, and tells crawlers where it is', async () => {
    const index = await t
      .http()
      .get('/sitemap.xml')
      .expect(200)
      .expect('Content-Type', /application\/xml/);
    const parsed = create(index.text).end({ format: 'object' }) as {
      sitemapindex: { sitemap: { loc: string }[] };
    };
    const locations = parsed.sitemapindex.sitemap.map((entry) => entry.loc);
    expect(locations).toEqual([
      'http://localhost:3000/sitemaps/paginas.xml',
      'http://localhost:3000/sitemaps/bouwstenen-1.xml',
    ]);
    const pages = await t.http().get('/sitemaps/paginas.xml').expect(200);
    const urls = (
      create(pages.text).end({ format: 'object' }) as { urlset: { url: { loc: string }[] } }
    ).urlset.url.map((url) => url.loc);
    expect(urls).toEqual(
      expect.arrayContaining([
        'http://localhost:3000/',
        'http://localhost:3000/zoeken',
        'http://localhost:3000/kaart',
        'http://localhost:3000/privacy',
      ]),
    );
    // The privacy page is listed for crawlers, and does not turn them away.
    const privacy = await t.http().get('/privacy').expect(200);
    expect(privacy.text).not.toContain('content="noindex"');
    expect(urls.filter((url) => url.includes('/pps/')).length).toBeGreaterThan(20);
    await t.http().get('/sitemaps/bouwstenen-1.xml').expect(200);
    await t.http().get('/sitemaps/bouwstenen-99.xml').expect(404);
    await t.http().get('/sitemaps/iets-anders.xml').expect(404);
    const robots = await t
      .http()
      .get('/robots.txt')
      .expect(200)
      .expect('Content-Type', /text\/plain/);
    expect(robots.text).toContain('Disallow: /api/');
    expect(robots.text).toContain('Disallow: /cursus/');
    expect(robots.text).toContain('Sitemap: http://localhost:3000/sitemap.xml');
  });
});
