import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp, TestUser } from './test-app';

/** A browser as supertest sees it: its cookies, and the form token of the last page it read. */
export class PageBrowser {
  cookies = new Map<string, string>();
  token = '';

  constructor(private readonly t: TestApp) {}

  private keep(setCookie: string[] | string | undefined): void {
    for (const line of ([] as string[]).concat(setCookie ?? [])) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async get(path: string) {
    const response = await this.t
      .http()
      .get(path)
      .set('Cookie', this.cookieHeader)
      .set('Accept', 'text/html');
    this.keep(response.headers['set-cookie']);
    const token = /name="_formulier" value="([^"]+)"/.exec(response.text ?? '');
    if (token) this.token = token[1];
    return response;
  }

  async post(
    path: string,
    form: Record<string, string> | string,
    headers: Record<string, string> = {},
  ) {
    const response = await this.t
      .http()
      .post(path)
      .set('Cookie', this.cookieHeader)
      .set(headers)
      .type('form')
      .send(form);
    this.keep(response.headers['set-cookie']);
    return response;
  }

  /** A body sent byte for byte as given (supertest would re-encode it). */
  postBytes(
    path: string,
    body: Buffer,
    type = 'application/x-www-form-urlencoded',
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
    const { port } = this.t.app.getHttpServer().address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        {
          port,
          path,
          method: 'POST',
          headers: {
            'Content-Type': type,
            'Content-Length': String(body.length),
            Cookie: this.cookieHeader,
            Accept: 'text/html',
            ...headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            this.keep(response.headers['set-cookie']);
            resolve({
              status: response.statusCode!,
              headers: response.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  async signIn(user: TestUser, back = '') {
    await this.get('/inloggen');
    return this.post('/inloggen', {
      _formulier: this.token,
      email: user.email,
      password: user.password,
      ...(back ? { terug: back } : {}),
    });
  }
}
