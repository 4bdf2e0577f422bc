import type { FastifyReply } from 'fastify';
import { csvToXlsx, XLSX_TYPE } from '../lib/xlsx-table.ts';

export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** Send a table export as CSV, or as its XLSX twin (the same rows: see csvToXlsx), as an attachment. */
export async function sendTable(
  reply: FastifyReply,
  csv: string,
  format: TableFormat,
  baseName: string,
): Promise<FastifyReply> {
  reply.header('content-disposition', `attachment; filename="${baseName}.${format}"`);
  if (format === 'xlsx') {
    return reply.type(XLSX_TYPE).send(await csvToXlsx(csv));
  }
  return reply.type('text/csv; charset=utf-8').send(csv);
}
