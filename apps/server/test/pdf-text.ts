import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text of a PDF as `pdftotext` (poppler-utils) extracts it, and its page count from `pdfinfo`. */
export function pdfText(pdf: Buffer): { text: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'essaim-pdf-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text without the running header and footer lines (page numbers, confidentiality, title). */
export function bodyText(text: string): string {
  return text
    .split('\n')
    .filter(
      (l) =>
        !/^(Page \d+ (sur|of) \d+|Niveau de confidentialité : .*|Confidentiality: .*|[A-ZÉ ]{5,})$/.test(
          l.trim(),
        ),
    )
    .join('\n');
}
