import { inflateRawSync } from 'node:zlib';
import { AppError } from '../lib/app-error.ts';

/**
 * Caps on every uploaded table (people roster, CSV or XLSX), documented in docs/SECURITY.md.
 * A decompression bomb (a 491 KB XLSX holding a 500-million-character string) is refused by the
 * zip check before any parser sees it; the caps on rows, cells and characters bound the rest.
 */
export const TABLE_LIMITS = {
  /** Uncompressed size of one zip entry of an XLSX. */
  maxEntryBytes: 20 * 1024 * 1024,
  /** Uncompressed size of all entries together. */
  maxTotalBytes: 50 * 1024 * 1024,
  maxEntries: 1000,
  /** Rows read (header included); the roster itself accepts 10,000 people. */
  maxRows: 10_001,
  maxColumns: 100,
  maxCellLength: 2000,
} as const;

/** How many characters of any uploaded value a preview or an error echoes back. */
export const ECHO_LENGTH = 200;

export function tooLarge(message: string): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', message);
}

/**
 * Walks the zip central directory (PKWARE APPNOTE 4.3.12) and inflates every entry with a hard
 * output cap: declared sizes can lie, so the real size is measured, and inflation stops at the cap.
 * Throws PAYLOAD_TOO_LARGE above a limit; returns false when the bytes are not a zip at all.
 */
export function checkZipEntries(bytes: Buffer, limits = TABLE_LIMITS): boolean {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > bytes.length) {
    return false;
  }
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  if (count > limits.maxEntries) {
    throw tooLarge(`the file holds more than ${limits.maxEntries} parts`);
  }
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) {
      return false;
    }
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const declared = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;
    // 0xFFFFFFFF means ZIP64: sizes beyond 4 GB, far over any limit.
    if (declared > limits.maxEntryBytes || compressed === 0xffffffff) {
      throw tooLarge(`a part of the file unpacks to more than ${limits.maxEntryBytes / 1024 / 1024} MB`);
    }
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) {
      return false;
    }
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    let size = data.length;
    if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: limits.maxEntryBytes }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw tooLarge(`a part of the file unpacks to more than ${limits.maxEntryBytes / 1024 / 1024} MB`);
        }
        return false;
      }
    } else if (method !== 0) {
      return false;
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      throw tooLarge(`the file unpacks to more than ${limits.maxTotalBytes / 1024 / 1024} MB`);
    }
  }
  return true;
}

/** A value as echoed back to the client: at most ECHO_LENGTH characters. */
export function echo(value: string): string {
  return value.length > ECHO_LENGTH ? `${value.slice(0, ECHO_LENGTH - 1)}…` : value;
}
