import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ApiError, api, isApiError } from './api';

function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function mockFetch(response: Response | Error) {
  const fn = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    if (response instanceof Error) {
      throw response;
    }
    return response;
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('sends JSON with same-origin credentials and returns the parsed body', async () => {
    const fetchMock = mockFetch(jsonResponse(201, { id: 'e1' }));
    const result = await api.post<{ id: string }>(
      '/api/engagements',
      { name: 'Coop' },
      { query: { draft: true } },
    );
    expect(result).toEqual({ id: 'e1' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/engagements?draft=true');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{"name":"Coop"}');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('resolves to undefined on 204', async () => {
    mockFetch(new Response(null, { status: 204 }));
    await expect(api.delete('/api/engagements/e1')).resolves.toBeUndefined();
  });

  it('throws ApiError with the server code, message and details', async () => {
    mockFetch(
      jsonResponse(400, {
        error: { code: 'VALIDATION_FAILED', message: 'bad', details: { name: 'required' } },
      }),
    );
    const error = await api.get('/api/x').catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'bad' });
    expect((error as ApiError).details).toEqual({ name: 'required' });
    expect((error as ApiError).i18nKey).toBe('errors.VALIDATION_FAILED');
  });

  it('keeps unknown server codes but translates them as UNKNOWN', async () => {
    mockFetch(jsonResponse(409, { error: { code: 'SOMETHING_NEW', message: 'later' } }));
    const error = (await api.get('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('SOMETHING_NEW');
    expect(error.i18nKey).toBe('errors.UNKNOWN');
  });

  it('derives a code from the status when the body is not the error shape', async () => {
    mockFetch(new Response('<html>Bad gateway</html>', { status: 429 }));
    await expect(api.get('/api/x')).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });

  it('maps network failures to NETWORK', async () => {
    mockFetch(new TypeError('Failed to fetch'));
    await expect(api.get('/api/x')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('lets aborts through untouched', async () => {
    mockFetch(new DOMException('aborted', 'AbortError'));
    await expect(api.get('/api/x')).rejects.toMatchObject({ name: 'AbortError' });
  });
});
