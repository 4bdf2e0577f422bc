/**
 * Communities of practice: the vocabulary, the check of an uploaded file's type from its first bytes,
 * and the reading of @mentions. Pure (no I/O): the server stores what these accept.
 */

/** What a member contributes: a post, a question and its answers, a shared resource, an event. */
export const COMMUNITY_ITEM_KINDS = ['post', 'question', 'answer', 'resource', 'event'] as const;
export type CommunityItemKind = (typeof COMMUNITY_ITEM_KINDS)[number];

/** Largest file a member may share (decoded bytes): resources are notes and slides, not videos. */
export const COMMUNITY_FILE_MAX_BYTES = 2 * 1024 * 1024;

/**
 * File types a community accepts, each with the extensions it may carry. Office and OpenDocument files
 * are zip containers: their magic bytes are the zip's, so the extension chooses among them.
 */
const FAMILIES = [
  { mime: 'application/pdf', extensions: ['pdf'], magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  { mime: 'image/png', extensions: ['png'], magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: [[0xff, 0xd8, 0xff]] },
  {
    mime: 'application/zip',
    extensions: ['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
] as const;
const TEXT_EXTENSIONS = ['txt', 'md', 'csv'];

const ZIP_MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

export type FileCheck =
  | { ok: true; mime: string }
  | { ok: false; reason: 'file-too-large' | 'file-empty' | 'file-type' | 'file-extension' };

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** Strict UTF-8 without NUL bytes: what a text file is (a binary renamed .txt is not). */
function isPlainText(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0) {
      return false;
    }
    // Length of the sequence from its lead byte, and the smallest code point it may encode (no overlongs).
    const [n, min] =
      b < 0x80
        ? [0, 0]
        : b >= 0xc2 && b < 0xe0
          ? [1, 0x80]
          : b >= 0xe0 && b < 0xf0
            ? [2, 0x800]
            : b >= 0xf0 && b < 0xf5
              ? [3, 0x10000]
              : [-1, 0];
    if (n < 0 || i + n >= bytes.length) {
      return false;
    }
    let cp = n === 0 ? b : b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) {
        return false;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

/**
 * Accept a file only when its first bytes say what its extension claims: a renamed executable, or a
 * PDF named .png, is refused. The declared MIME type of the upload is not trusted at all.
 */
export function checkCommunityFile(name: string, bytes: Uint8Array): FileCheck {
  if (bytes.length === 0) {
    return { ok: false, reason: 'file-empty' };
  }
  if (bytes.length > COMMUNITY_FILE_MAX_BYTES) {
    return { ok: false, reason: 'file-too-large' };
  }
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
  const family = FAMILIES.find((f) => f.magic.some((m) => startsWith(bytes, m)));
  if (family) {
    if (!(family.extensions as readonly string[]).includes(extension)) {
      return { ok: false, reason: 'file-extension' };
    }
    return { ok: true, mime: family.mime === 'application/zip' ? ZIP_MIME[extension]! : family.mime };
  }
  if (TEXT_EXTENSIONS.includes(extension) && isPlainText(bytes)) {
    return {
      ok: true,
      mime: extension === 'csv' ? 'text/csv' : extension === 'md' ? 'text/markdown' : 'text/plain',
    };
  }
  return { ok: false, reason: 'file-type' };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/**
 * Members named in a text as `@Full Name` or `@FullName` (case, accents and the spaces of the name do
 * not matter). A name must end at a word boundary, so `@Ann` does not mention "Anne".
 */
export function mentionedMembers<M extends { id: string; name: string }>(
  text: string,
  members: readonly M[],
): M[] {
  const folded = fold(text);
  if (!folded.includes('@')) {
    return [];
  }
  return members.filter((m) => {
    const name = fold(m.name).trim();
    if (name.length === 0) {
      return false;
    }
    for (const form of new Set([name, name.replace(/\s+/g, '')])) {
      let at = folded.indexOf(`@${form}`);
      while (at >= 0) {
        const next = folded[at + form.length + 1];
        if (next === undefined || !/[\p{L}\p{N}]/u.test(next)) {
          return true;
        }
        at = folded.indexOf(`@${form}`, at + 1);
      }
    }
    return false;
  });
}
