/** The slice of archiver (no bundled types) the import-limit tests use to build a zip as a stream. */
declare module 'archiver' {
  import type { Readable } from 'node:stream';

  interface Archiver extends Readable {
    append(source: string | Buffer | Readable, data: { name: string }): this;
    finalize(): Promise<void>;
  }
  export default function archiver(format: 'zip', options?: { zlib?: { level?: number } }): Archiver;
}
