import type { Db } from '../db.ts';
import { decodeRow, decodeRows, StoredJson } from '../stored-json.ts';

/** The JSON columns and their schemas: rows leave this file parsed (see stored-json.ts). */
const boardJson = { criteria: StoredJson.criteria };
const optionJson = {
  advantages: StoredJson.strings,
  drawbacks: StoredJson.strings,
  risks: StoredJson.strings,
  scores: StoredJson.numberRecord,
};

/**
 * Options boards, their options and the choices made: reads by a board id the caller already
 * checked against its scope (through the board's engagement).
 */
export const optionsBoardsRepository = {
  async board(db: Db, boardId: string) {
    const row = await db
      .selectFrom('options_boards')
      .selectAll()
      .where('id', '=', boardId)
      .executeTakeFirstOrThrow();
    return decodeRow(row, boardJson);
  },

  async options(db: Db, boardId: string) {
    const rows = await db
      .selectFrom('options')
      .selectAll()
      .where('board_id', '=', boardId)
      .orderBy('position')
      .execute();
    return decodeRows(rows, optionJson);
  },

  choices(db: Db, boardId: string) {
    return db
      .selectFrom('option_choices')
      .leftJoin('users', 'users.id', 'option_choices.recorded_by')
      .selectAll('option_choices')
      .select(['users.display_name as recorder'])
      .where('board_id', '=', boardId)
      .orderBy('at', 'desc')
      .execute();
  },
};
