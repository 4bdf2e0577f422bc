import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider for the tests (`oidc-provider`, the certified Node implementation), on a
 * loopback port, behind a small pass-through proxy that can misbehave on demand the way an attacker
 * between the two would: tamper with the ID token, announce another issuer, or redeem the code as
 * another client so the ID token is for another audience.
 */
export type ProxyMode = 'pass' | 'tamper-id-token' | 'announce-other-issuer' | 'token-as-other-client';

export interface TestIdp {
  /** The issuer as the provider signs it (the proxy's origin). */
  issuer: string;
  /** The same proxy reached by another name (for the wrong-issuer case). */
  otherIssuerName: string;
  clientId: string;
  clientSecret: string;
  otherClientId: string;
  mode: ProxyMode;
  accounts: Map<string, { email?: string; email_verified?: boolean; name?: string }>;
  close(): Promise<void>;
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

export async function startTestIdp(rpOrigin: string): Promise<TestIdp> {
  const proxy = http.createServer();
  const proxyPort = await listen(proxy);
  const issuer = `http://127.0.0.1:${proxyPort}`;
  const otherIssuerName = `http://localhost:${proxyPort}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };
  const accounts: TestIdp['accounts'] = new Map();
  const client = (id: string) => ({
    client_id: id,
    client_secret: `${id}-secret-for-tests-only`,
    redirect_uris: [`${rpOrigin}/api/auth/sso/callback`],
    post_logout_redirect_uris: [`${rpOrigin}/sign-in`],
    token_endpoint_auth_method: 'client_secret_basic' as const,
  });
  const provider = new Provider(issuer, {
    clients: [client('essaim'), client('other-app')],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: async (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: async () => ({ sub, ...account }) } : undefined;
    },
  });
  const idpServer = http.createServer(provider.callback());
  const idpPort = await listen(idpServer);

  const idp: TestIdp = {
    issuer,
    otherIssuerName,
    clientId: 'essaim',
    clientSecret: 'essaim-secret-for-tests-only',
    otherClientId: 'other-app',
    mode: 'pass',
    accounts,
    async close() {
      await new Promise<void>((r) => proxy.close(() => r()));
      await new Promise<void>((r) => idpServer.close(() => r()));
    },
  };

  proxy.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = { ...req.headers };
      if (idp.mode === 'token-as-other-client' && req.url === '/token') {
        const other = `${idp.otherClientId}:${idp.otherClientId}-secret-for-tests-only`;
        headers.authorization = `Basic ${Buffer.from(other).toString('base64')}`;
      }
      const upstream = http.request(
        { host: '127.0.0.1', port: idpPort, method: req.method, path: req.url, headers },
        (up) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => {
            let out = Buffer.concat(body);
            if (idp.mode === 'tamper-id-token' && req.url === '/token' && up.statusCode === 200) {
              const json = JSON.parse(out.toString());
              const [h, p, s] = (json.id_token as string).split('.');
              const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
              claims.sub = 'someone-else';
              json.id_token = [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.');
              out = Buffer.from(JSON.stringify(json));
            }
            if (
              idp.mode === 'announce-other-issuer' &&
              req.url?.startsWith('/.well-known/openid-configuration')
            ) {
              const json = JSON.parse(out.toString());
              json.issuer = otherIssuerName;
              out = Buffer.from(JSON.stringify(json));
            }
            const outHeaders = { ...up.headers, 'content-length': String(out.length) };
            delete outHeaders['transfer-encoding'];
            res.writeHead(up.statusCode ?? 502, outHeaders);
            res.end(out);
          });
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  return idp;
}

/**
 * Play the browser at the provider: follow redirects with a cookie jar, sign in as `sub` on the
 * development login form and consent, until the provider sends the browser back to `rpOrigin`.
 * Returns that final URL (the callback with code and state, or with an error).
 */
export async function signInAtIdp(authorisationUrl: string, sub: string, rpOrigin: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = authorisationUrl;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(rpOrigin)) {
      return new URL(url);
    }
    const r = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: cookieHeader(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!, v.join('='));
    }
    method = 'GET';
    body = undefined;
    const location = r.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await r.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) {
      throw new Error(`unexpected page at the provider (${r.status}): ${html.slice(0, 300)}`);
    }
    url = new URL(action, url).href;
    method = 'POST';
    body = new URLSearchParams(
      prompt === 'login' ? { prompt, login: sub, password: 'x' } : { prompt },
    ).toString();
  }
  throw new Error('too many redirects at the provider');
}
