import type { SetupBody, SignInBody } from '@essaim/contracts';
import type { Db } from '../db/db.ts';
import { sessionsRepository } from '../db/repositories/sessions.repository.ts';
import { type UserRow, usersRepository } from '../db/repositories/users.repository.ts';
import { AppError } from '../lib/app-error.ts';
import { addSeconds, hashToken, newId, newToken, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { assertPasswordSignInAllowed } from './sso.service.ts';
import type { SignInGuard } from './throttle.ts';

/** Idle sessions end after 14 days; activity slides the expiry (refreshed at most every 5 minutes). */
export const SESSION_IDLE_SECONDS = 14 * 24 * 3600;
const TOUCH_EVERY_MS = 5 * 60 * 1000;
export const RESET_TTL_SECONDS = 3600;

export interface SessionContext {
  user: UserRow;
  sessionId: string;
}

const invalidCredentials = () => new AppError('UNAUTHENTICATED', 'email or password is incorrect');

export async function needsSetup(db: Db): Promise<boolean> {
  return (await usersRepository.count(db)) === 0;
}

/** Create an account (no session). Email must be free. */
export async function createUser(
  db: Db,
  input: { email: string; displayName: string; password: string; language?: 'fr' | 'en'; isAdmin?: boolean },
): Promise<UserRow> {
  const now = nowIso();
  if (await usersRepository.findByEmail(db, input.email)) {
    throw new AppError('CONFLICT', 'an account with this email already exists');
  }
  const user: UserRow = {
    id: newId(),
    email: input.email.toLowerCase(),
    display_name: input.displayName,
    language: input.language ?? 'fr',
    is_admin: input.isAdmin ? 1 : 0,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  };
  await usersRepository.insert(db, user);
  await usersRepository.setPasswordHash(db, user.id, user.email, await hashPassword(input.password), now);
  return user;
}

export async function openSession(db: Db, userId: string, actor: Actor): Promise<string> {
  const token = newToken();
  const now = nowIso();
  await sessionsRepository.insert(db, {
    id: newId(),
    user_id: userId,
    token_hash: hashToken(token),
    created_at: now,
    last_seen_at: now,
    expires_at: addSeconds(now, SESSION_IDLE_SECONDS),
    ip: actor.ip,
    user_agent: actor.userAgent ? actor.userAgent.slice(0, 300) : null,
    revoked_at: null,
  });
  return token;
}

/** First run: the first account becomes the instance administrator. Refused once any account exists. */
export async function setupInstance(
  db: Db,
  body: SetupBody,
  actor: Actor,
): Promise<{ user: UserRow; token: string }> {
  const passwordHash = await hashPassword(body.password);
  return db.transaction().execute(async (trx) => {
    if (!(await needsSetup(trx))) {
      throw new AppError('SETUP_DONE', 'this instance is already set up');
    }
    const now = nowIso();
    const user: UserRow = {
      id: newId(),
      email: body.email,
      display_name: body.displayName,
      language: body.language ?? 'fr',
      is_admin: 1,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    };
    await usersRepository.insert(trx, user);
    await usersRepository.setPasswordHash(trx, user.id, user.email, passwordHash, now);
    const token = await openSession(trx, user.id, actor);
    await recordAudit(
      trx,
      { ...actor, userId: user.id },
      { orgId: null, action: 'instance.setup', objectKind: 'user', objectId: user.id },
    );
    return { user, token };
  });
}

export async function signIn(
  db: Db,
  guard: SignInGuard,
  body: SignInBody,
  actor: Actor,
): Promise<{ user: UserRow; token: string }> {
  const ip = actor.ip ?? '?';
  const wait = guard.retryAfter(body.email, ip);
  if (wait > 0) {
    throw new AppError('RATE_LIMITED', 'too many failed attempts, try again later', {
      retryAfterSeconds: wait,
    });
  }
  const user = await usersRepository.findByEmail(db, body.email);
  const ok = await verifyPassword(
    user ? await usersRepository.passwordHash(db, user.id) : null,
    body.password,
  );
  if (!user || !ok || user.disabled_at) {
    guard.fail(body.email, ip);
    await recordAudit(
      db,
      { ...actor, userId: user?.id ?? null },
      { orgId: null, action: 'auth.sign_in_failed' },
    );
    throw invalidCredentials();
  }
  guard.succeed(body.email, ip);
  await assertPasswordSignInAllowed(db, user);
  return db.transaction().execute(async (trx) => {
    const token = await openSession(trx, user.id, actor);
    await recordAudit(
      trx,
      { ...actor, userId: user.id },
      { orgId: null, action: 'auth.sign_in', objectKind: 'user', objectId: user.id },
    );
    return { user, token };
  });
}

/** Resolve the session cookie; slides the expiry. Null when missing, revoked, expired or disabled. */
export async function resolveSession(db: Db, token: string): Promise<SessionContext | null> {
  const now = nowIso();
  const row = await sessionsRepository.findLive(db, hashToken(token), now);
  if (!row || row.user_disabled_at) {
    return null;
  }
  if (Date.parse(now) - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await sessionsRepository.touch(db, row.id, now, addSeconds(now, SESSION_IDLE_SECONDS));
  }
  const user = await usersRepository.findById(db, row.user_id);
  return user ? { user, sessionId: row.id } : null;
}

export async function signOut(db: Db, session: SessionContext, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sessionsRepository.revoke(trx, session.user.id, session.sessionId, nowIso());
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'auth.sign_out',
      objectKind: 'session',
      objectId: session.sessionId,
    });
  });
}

export async function changePassword(
  db: Db,
  session: SessionContext,
  body: { currentPassword: string; newPassword: string },
  actor: Actor,
): Promise<void> {
  const ok = await verifyPassword(
    await usersRepository.passwordHash(db, session.user.id),
    body.currentPassword,
  );
  if (!ok) {
    throw new AppError('FORBIDDEN', 'the current password is incorrect');
  }
  const hashed = await hashPassword(body.newPassword);
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    await usersRepository.setPasswordHash(trx, session.user.id, session.user.email, hashed, now);
    await sessionsRepository.revokeAll(trx, session.user.id, now, session.sessionId);
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'auth.password_changed',
      objectKind: 'user',
      objectId: session.user.id,
    });
  });
}

/**
 * Issue a single-use reset token for the email, or null when no (enabled) account has it. Callers
 * answer the same way in both cases so the response does not reveal whether the email exists.
 */
export async function createPasswordReset(
  db: Db,
  email: string,
  actor: Actor,
): Promise<{ token: string; user: UserRow } | null> {
  const user = await usersRepository.findByEmail(db, email);
  if (!user || user.disabled_at) {
    return null;
  }
  const token = newToken();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_resets')
      .values({
        id: newId(),
        user_id: user.id,
        token_hash: hashToken(token),
        created_at: now,
        expires_at: addSeconds(now, RESET_TTL_SECONDS),
        used_at: null,
      })
      .execute();
    await recordAudit(
      trx,
      { ...actor, userId: actor.userId },
      { orgId: null, action: 'auth.password_reset_requested', objectKind: 'user', objectId: user.id },
    );
  });
  return { token, user };
}

export async function confirmPasswordReset(
  db: Db,
  token: string,
  newPassword: string,
  actor: Actor,
): Promise<{ userId: string }> {
  const hashed = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const reset = await trx
      .selectFrom('password_resets')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    const user = reset ? await usersRepository.findById(trx, reset.user_id) : undefined;
    if (!reset || !user || user.disabled_at) {
      throw new AppError('BAD_REQUEST', 'this reset link is invalid or has expired');
    }
    const used = await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('id', '=', reset.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) {
      throw new AppError('BAD_REQUEST', 'this reset link is invalid or has expired');
    }
    await usersRepository.setPasswordHash(trx, user.id, user.email, hashed, now);
    await sessionsRepository.revokeAll(trx, user.id, now);
    await recordAudit(
      trx,
      { ...actor, userId: user.id },
      { orgId: null, action: 'auth.password_reset', objectKind: 'user', objectId: user.id },
    );
    return { userId: user.id };
  });
}
