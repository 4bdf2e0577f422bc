import { readCsv } from '@essaim/core';
import ExcelJS from 'exceljs';

/** Decimal numbers that survive a round trip unchanged (no leading zero, no trailing decimal zero). */
const NUMBER = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

/**
 * The XLSX twin of a CSV export: the same rows, read back from the CSV the route already built (so the
 * two files cannot drift apart and confidentiality stays where the CSV was shaped). Every cell is written
 * as a value, never as a formula: text that looks like one stays text (the CSV writer's guard quote
 * included), and plain decimal numbers become numbers so a spreadsheet can sum them.
 */
export async function csvToXlsx(csv: string, sheetName = 'Export'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  for (const record of readCsv(csv, { trim: false }).records) {
    sheet.addRow(record.fields.map((cell) => (NUMBER.test(cell) && cell.length < 16 ? Number(cell) : cell)));
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
