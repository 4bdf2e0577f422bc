import { expect } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { TestClient } from './factories.ts';
import { pdfText } from './pdf-text.ts';

type Job = { id: string; status: string; progress: number; stage: string; error: string | null };

/**
 * Request a report as `client` (202, queued), wait for the job to finish, check it reached `done`, and
 * download its PDF: its id, text (pdftotext) and page count.
 */
export async function generateReport(
  app: AppInstance,
  client: TestClient,
  orgId: string,
  engagementPath: string,
  body: Record<string, unknown>,
) {
  const r = await client.post(`${engagementPath}/reports`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  const job = r.json<Job>();
  expect(job.status).toBe('queued');
  await app.deps.reports.idle();
  const done = (await client.get(`/api/orgs/${orgId}/reports/${job.id}`)).json<Job>();
  expect(done.status, JSON.stringify(done)).toBe('done');
  expect(done.progress).toBe(1);
  const file = await app.inject({
    method: 'GET',
    url: `/api/orgs/${orgId}/reports/${job.id}/file`,
    headers: { cookie: client.cookie ?? '' },
  });
  expect(file.statusCode).toBe(200);
  expect(file.headers['content-type']).toBe('application/pdf');
  return { id: job.id, ...pdfText(file.rawPayload) };
}
