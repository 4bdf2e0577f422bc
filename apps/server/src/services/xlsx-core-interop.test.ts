import { writeXlsx } from '@essaim/core/spreadsheet';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

/** The browser's own XLSX (core's writer) opens in a real spreadsheet library, cell for cell. */
describe('core XLSX read back by exceljs', () => {
  it('reads every cell as the text written, accents and formula-looking text included', async () => {
    const rows = [
      ['name', 'email', 'link'],
      ['Élodie Ça', 'e@example.org', 'https://x.example/r/abc?x=1&y=2'],
      ['=1+1', '', '@mention'],
    ];
    const workbook = new ExcelJS.Workbook();
    // ExcelJS reads a whole ArrayBuffer, which is what the writer returns (its own buffer, no offset).
    await workbook.xlsx.load(writeXlsx('Liens', rows).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Liens');
    const read: string[][] = [];
    sheet?.eachRow({ includeEmpty: true }, (row) => {
      read.push(rows[0]!.map((_, c) => String(row.getCell(c + 1).value ?? '')));
    });
    expect(read).toEqual(rows);
    expect(sheet?.getCell('A3').formula).toBeUndefined();
  });
});
