/**
 * Worker thread that reads the first worksheet of an XLSX (ExcelJS) with row, column and cell caps.
 * It runs under `resourceLimits`, so a workbook that still manages to blow up the parser kills
 * this worker, not the server. Posts `{ table }` or `{ limit }` (a cap exceeded) or `{ malformed }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

export interface XlsxWorkerData {
  /** A copy of the file over its own ArrayBuffer, transferred to the worker (not cloned). */
  bytes: Uint8Array<ArrayBuffer>;
  maxRows: number;
  maxColumns: number;
  maxCellLength: number;
}

export type XlsxWorkerResult =
  | { table: { cells: string[]; line: number }[] }
  | { limit: string }
  | { malformed: true };

async function read(data: XlsxWorkerData): Promise<XlsxWorkerResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    const { buffer, byteOffset, byteLength } = data.bytes;
    // ExcelJS reads a whole ArrayBuffer: the view covers all of it unless a caller sent a slice.
    await workbook.xlsx.load(
      byteOffset === 0 && byteLength === buffer.byteLength
        ? buffer
        : buffer.slice(byteOffset, byteOffset + byteLength),
    );
  } catch {
    return { malformed: true };
  }
  const sheet = workbook.worksheets[0];
  const table: { cells: string[]; line: number }[] = [];
  if (!sheet) {
    return { table };
  }
  if (sheet.actualRowCount > data.maxRows) {
    return { limit: `more than ${data.maxRows - 1} rows` };
  }
  if (sheet.actualColumnCount > data.maxColumns) {
    return { limit: `more than ${data.maxColumns} columns` };
  }
  let limit: string | null = null;
  sheet.eachRow((row, rowNumber) => {
    if (limit) {
      return;
    }
    if (row.cellCount > data.maxColumns) {
      limit = `more than ${data.maxColumns} columns`;
      return;
    }
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const text = row.getCell(c).text ?? '';
      if (text.length > data.maxCellLength) {
        limit = `a cell is longer than ${data.maxCellLength} characters (row ${rowNumber})`;
        return;
      }
      cells.push(text);
    }
    table.push({ cells, line: rowNumber });
  });
  return limit ? { limit } : { table };
}

read(workerData as XlsxWorkerData).then(
  (result) => parentPort?.postMessage(result),
  () => parentPort?.postMessage({ malformed: true } satisfies XlsxWorkerResult),
);
