import type { Db } from '../db/db.ts';
import { engagementsRepository } from '../db/repositories/engagements.repository.ts';
import { AppError } from '../lib/app-error.ts';

/**
 * The shared input guard: every path that accepts input belonging to an engagement (survey answers,
 * workshop commands, consent grants, option choices…) calls this first, inside its transaction, so a
 * stop or pause takes effect for the very next request. Withdrawing consent is never guarded: the right
 * to withdraw holds even when the process is stopped.
 */
export async function assertEngagementAcceptsInput(db: Db, engagementId: string): Promise<void> {
  const e = await engagementsRepository.statusOf(db, engagementId);
  if (!e) {
    throw new AppError('NOT_FOUND', 'engagement not found');
  }
  if (e.status === 'stopped') {
    throw new AppError('ENGAGEMENT_STOPPED', `this engagement was stopped: ${e.status_reason ?? ''}`.trim(), {
      reason: e.status_reason,
      at: e.status_at,
    });
  }
  if (e.status === 'paused') {
    throw new AppError('ENGAGEMENT_PAUSED', `this engagement is paused: ${e.status_reason ?? ''}`.trim(), {
      reason: e.status_reason,
      at: e.status_at,
    });
  }
}
