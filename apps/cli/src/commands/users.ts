import { randomBytes } from 'node:crypto';
import { EmailSchema } from '@essaim/contracts';
import {
  createPasswordReset,
  createUser,
  type DbHandle,
  loadConfig,
  recordAudit,
  sessionsRepository,
  usersRepository,
} from '@essaim/server';
import { withDatabase } from '../database.ts';
import { CliError, type CommandIo } from '../io.ts';

export interface UsersOptions {
  data?: string;
  databaseUrl?: string;
  publicUrl?: string;
}

const operator = { userId: null, ip: 'cli', userAgent: 'essaim-cli' };

/** Account commands run on an up-to-date database (a fresh data directory works too). */
function withDb<T>(opts: UsersOptions, fn: (db: DbHandle['db']) => Promise<T>): Promise<T> {
  return withDatabase(opts, ({ db }) => fn(db), { migrate: true });
}

function parseEmail(raw: string): string {
  const r = EmailSchema.safeParse(raw);
  if (!r.success) {
    throw new CliError(`"${raw}" is not a valid email address`, 2);
  }
  return r.data;
}

/** `essaim users create EMAIL --name NAME [--admin]`: prints a generated password once. */
export async function usersCreate(
  email: string,
  opts: UsersOptions & { name: string; admin?: boolean; password?: string },
  io: CommandIo,
) {
  const address = parseEmail(email);
  const password = opts.password ?? randomBytes(12).toString('base64url');
  if (password.length < 10) {
    throw new CliError('the password needs at least 10 characters', 2);
  }
  await withDb(opts, async (db) => {
    if (await usersRepository.findByEmail(db, address)) {
      throw new CliError(`an account with ${address} already exists`);
    }
    const user = await createUser(db, {
      email: address,
      displayName: opts.name,
      password,
      isAdmin: opts.admin ?? false,
    });
    await recordAudit(db, operator, {
      orgId: null,
      action: 'user.created_by_operator',
      objectKind: 'user',
      objectId: user.id,
    });
    io.stdout(`created ${address}${opts.admin ? ' (administrator)' : ''}\n`);
    if (!opts.password) {
      io.stdout(`password: ${password}\n(shown once; ask the person to change it)\n`);
    }
  });
}

export async function usersList(opts: UsersOptions, io: CommandIo) {
  await withDb(opts, async (db) => {
    const users = await usersRepository.list(db);
    for (const u of users) {
      const flags = [u.is_admin ? 'admin' : '', u.disabled_at ? `disabled ${u.disabled_at}` : '']
        .filter(Boolean)
        .join(', ');
      io.stdout(`${u.email}\t${u.display_name}\t${u.created_at}${flags ? `\t${flags}` : ''}\n`);
    }
    io.stdout(`${users.length} account(s)\n`);
  });
}

export async function usersDisable(email: string, opts: UsersOptions, io: CommandIo) {
  const address = parseEmail(email);
  await withDb(opts, async (db) => {
    const user = await usersRepository.findByEmail(db, address);
    if (!user) {
      throw new CliError(`no account with ${address}`);
    }
    await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      await usersRepository.update(trx, user.id, { disabled_at: now, updated_at: now });
      await sessionsRepository.revokeAll(trx, user.id, now);
      await recordAudit(trx, operator, {
        orgId: null,
        action: 'user.disabled_by_operator',
        objectKind: 'user',
        objectId: user.id,
      });
    });
    io.stdout(`disabled ${address} and ended its sessions\n`);
  });
}

/** Print a single-use password reset link for an administrator to pass on (no SMTP needed). */
export async function usersResetLink(email: string, opts: UsersOptions, io: CommandIo) {
  const address = parseEmail(email);
  const config = loadConfig({ data: opts.data, databaseUrl: opts.databaseUrl, publicUrl: opts.publicUrl });
  await withDb(opts, async (db) => {
    const reset = await createPasswordReset(db, address, operator);
    if (!reset) {
      throw new CliError(`no enabled account with ${address}`);
    }
    const base = config.publicUrl ?? `http://localhost:${config.port}`;
    io.stdout(`${base}/reset-password?token=${reset.token}\n(valid for one hour, single use)\n`);
  });
}
