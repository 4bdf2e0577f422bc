import type { Db } from '../db.ts';
import type { UsersTable } from '../tables.ts';

/** @deprecated import `Db` from `db/db.ts`. */
export type { Db };
export type UserRow = UsersTable;

export const usersRepository = {
  async count(db: Db): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  findById(db: Db, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findByEmail(db: Db, email: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  },

  async insert(db: Db, row: UserRow): Promise<void> {
    await db.insertInto('users').values(row).execute();
  },

  async update(db: Db, id: string, patch: Partial<Omit<UserRow, 'id'>>): Promise<void> {
    await db.updateTable('users').set(patch).where('id', '=', id).execute();
  },

  async delete(db: Db, id: string): Promise<void> {
    await db.deleteFrom('users').where('id', '=', id).execute();
  },

  list(db: Db): Promise<UserRow[]> {
    return db.selectFrom('users').selectAll().orderBy('created_at').execute();
  },

  async passwordHash(db: Db, userId: string): Promise<string | null> {
    const row = await db
      .selectFrom('user_credentials')
      .select('secret_hash')
      .where('user_id', '=', userId)
      .where('provider', '=', 'password')
      .executeTakeFirst();
    return row?.secret_hash ?? null;
  },

  async setPasswordHash(db: Db, userId: string, email: string, hash: string, now: string): Promise<void> {
    const updated = await db
      .updateTable('user_credentials')
      .set({ secret_hash: hash, updated_at: now, subject: email })
      .where('user_id', '=', userId)
      .where('provider', '=', 'password')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await db
        .insertInto('user_credentials')
        .values({
          user_id: userId,
          provider: 'password',
          subject: email,
          secret_hash: hash,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  },
};
