import type { Role } from '@essaim/core';
import type { AppInstance } from '../src/app-instance.ts';

export const ORIGIN = 'http://localhost:4000';

export interface TestResponse {
  status: number;
  body: unknown;
  json: <T = Record<string, unknown>>() => T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A browser-like client for `app.inject`: keeps its cookie, sends our Origin on unsafe methods. */
export function testClient(app: AppInstance) {
  let cookie: string | null = null;
  const request = async (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse> => {
    const r = await app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      headers: {
        ...(method === 'GET' ? {} : { origin: ORIGIN }),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
    });
    const set = r.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = c.split(';');
      if (pair?.startsWith('essaim_session=')) {
        cookie = pair.endsWith('=') || /Expires=Thu, 01 Jan 1970/.test(c) ? null : pair;
      }
    }
    let body: unknown = r.body;
    try {
      body = JSON.parse(r.body);
    } catch {
      // not JSON
    }
    return { status: r.statusCode, body, json: <T>() => body as T, headers: r.headers };
  };
  return {
    request,
    get: (url: string, headers?: Record<string, string>) => request('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) =>
      request('POST', url, body ?? {}, headers),
    patch: (url: string, body?: unknown) => request('PATCH', url, body ?? {}),
    del: (url: string, body?: unknown) => request('DELETE', url, body),
    get cookie() {
      return cookie;
    },
    set cookie(value: string | null) {
      cookie = value;
    },
  };
}
export type TestClient = ReturnType<typeof testClient>;

let counter = 0;
export const uniqueEmail = (prefix = 'user') =>
  `${prefix}-${Date.now().toString(36)}-${counter++}@example.org`;
export const PASSWORD = 'correct horse battery';

/** First account of the instance (administrator), signed in. */
export async function setupAdmin(app: AppInstance, email = uniqueEmail('admin')) {
  const client = testClient(app);
  const r = await client.post('/api/setup', { email, password: PASSWORD, displayName: 'Admin Person' });
  if (r.status !== 200) {
    throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return { client, email, userId: r.json<{ user: { id: string } }>().user.id };
}

export async function createOrg(client: TestClient, name = 'Org') {
  const r = await client.post('/api/orgs', { name });
  if (r.status !== 200) {
    throw new Error(`create org failed: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return r.json<{ id: string }>().id;
}

/** Invite a new person with `role` into `orgId` and accept as them (account created); returns their client. */
export async function addMember(
  app: AppInstance,
  owner: TestClient,
  orgId: string,
  role: Role,
  email = uniqueEmail(role),
) {
  const inv = await owner.post(`/api/orgs/${orgId}/invitations`, { email, role });
  if (inv.status !== 200) {
    throw new Error(`invite failed: ${inv.status} ${JSON.stringify(inv.body)}`);
  }
  const token = inv.json<{ link: string }>().link.split('/invite/')[1]!;
  const client = testClient(app);
  const acc = await client.post(`/api/invitations/${token}/accept`, {
    displayName: `${role} person`,
    password: PASSWORD,
  });
  if (acc.status !== 200) {
    throw new Error(`accept failed: ${acc.status} ${JSON.stringify(acc.body)}`);
  }
  return { client, email, userId: acc.json<{ user: { id: string } }>().user.id };
}
