// A real OpenID provider (oidc-provider) for the tests, one per configured issuer, each on a free
// port of 127.0.0.1: started by test/harness/oidc-issuers.ts in a process of its own (both
// packages are ES modules only). Who signs in next, or whether the person refuses, is set by the
// test through POST /__test/next; its login and consent then finish without a form.
//
// OIDC_TEST_CONFIG (JSON): { redirectBase, issuers: [{ key, clientId, clientSecret, claims,
// logout }] }. Prints one line of JSON, { key: issuer URL }, once every issuer listens.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import {
  generateKeyPair,
  exportJWK,
  decodeJwt,
  decodeProtectedHeader,
  SignJWT,
  importJWK,
} from 'jose';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_TEST_CONFIG);

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

async function start(issuer) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = {
    ...(await exportJWK(privateKey)),
    kid: `${issuer.key}-key`,
    alg: 'RS256',
    use: 'sig',
  };
  const signingKey = await importJWK(jwk, 'RS256');
  /** sub → claims of the people who signed in. */
  const people = new Map();
  /** What the next sign-in does: { account } or { refuse: true }; foreignAudience once. */
  let next = {};
  let foreignAudience = false;

  const redirect = `${config.redirectBase}/inloggen/instelling/${issuer.key}/terug`;
  const provider = new Provider(url, {
    clients: [
      {
        client_id: issuer.clientId,
        client_secret: issuer.clientSecret,
        redirect_uris: [redirect],
        post_logout_redirect_uris: [`${config.redirectBase}/uitgelogd`],
        token_endpoint_auth_method: 'client_secret_post',
      },
      {
        // Another relying party of the same issuer: its ID tokens must never sign anyone in here.
        client_id: 'another-client',
        client_secret: 'another-secret',
        redirect_uris: ['https://another.example/terug'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [`cookie-key-${issuer.key}-${port}`] },
    claims: {
      openid: ['sub'],
      email: ['email'],
      profile: ['name', ...issuer.claims.filter((claim) => claim !== 'email' && claim !== 'name')],
    },
    findAccount: (_ctx, sub) => {
      const claims = people.get(sub);
      return claims ? { accountId: sub, claims: () => ({ ...claims, sub }) } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: issuer.logout,
        logoutSource: (ctx, form) => {
          ctx.body = `<!doctype html><html><body>${form}<button form="op.logoutForm" name="logout" value="yes">Uitloggen</button></body></html>`;
        },
      },
    },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      Session: 3600,
      Interaction: 600,
      Grant: 3600,
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
    },
  });
  provider.proxy = false;

  provider.use(async (ctx, nextMiddleware) => {
    if (ctx.path === '/__test/next' && ctx.method === 'POST') {
      const body = await readJson(ctx.req);
      next = body;
      foreignAudience = Boolean(body.foreignAudience);
      ctx.status = 204;
      return;
    }
    if (ctx.path.startsWith('/interaction/')) {
      const details = await provider.interactionDetails(ctx.req, ctx.res);
      if (next.refuse) {
        await provider.interactionFinished(ctx.req, ctx.res, {
          error: 'access_denied',
          error_description: 'De gebruiker weigerde',
        });
        return;
      }
      if (details.prompt.name === 'login') {
        const account = next.account;
        people.set(account.sub, account);
        await provider.interactionFinished(
          ctx.req,
          ctx.res,
          { login: { accountId: account.sub } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({
            accountId: details.session.accountId,
            clientId: details.params.client_id,
          });
      grant.addOIDCScope(details.params.scope);
      const grantId = await grant.save();
      await provider.interactionFinished(
        ctx.req,
        ctx.res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    await nextMiddleware();
    // "An ID token for another client": the token endpoint's answer, with the ID token's
    // audience changed and signed again with the issuer's own key (so only the audience is wrong).
    if (ctx.path === '/token' && foreignAudience && ctx.body && ctx.body.id_token) {
      foreignAudience = false;
      const claims = decodeJwt(ctx.body.id_token);
      const header = decodeProtectedHeader(ctx.body.id_token);
      ctx.body.id_token = await new SignJWT({
        ...claims,
        aud: 'another-client',
        azp: 'another-client',
      })
        .setProtectedHeader(header)
        .sign(signingKey);
    }
  });

  await new Promise((resolve) => provider.listen(port, '127.0.0.1', resolve));
  return [issuer.key, url];
}

const started = Object.fromEntries(await Promise.all(config.issuers.map(start)));
process.stdout.write(`${JSON.stringify(started)}\n`);
