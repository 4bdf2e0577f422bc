export { columnName, writeXlsx } from './xlsx-write.ts';
export { crc32, type ZipEntry, zipStored } from './zip-stored.ts';
