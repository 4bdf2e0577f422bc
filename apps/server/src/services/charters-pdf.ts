import type { ReportBlock, ReportDocument } from '@essaim/core/reports';
import { type ExportData, LABELS } from './charters-export.service.ts';
import { renderReportPdf } from './report-pdf.ts';

/**
 * A charter as a `ReportDocument`, printed by the reports' pdfkit renderer (same fonts, page numbers and
 * confidentiality line as every report): the text clause by clause, its fingerprint, and the signed list
 * of commitments (name, answer, date, version hash). The list is in `data` only for readers allowed to
 * see names (the export route leaves it empty for sponsors and observers).
 */
export function charterReportDocument(
  data: ExportData,
  locale: 'fr' | 'en',
  at = new Date(),
): ReportDocument {
  const l = LABELS[locale];
  const text: ReportBlock[] = [
    { kind: 'heading', level: 1, text: data.title },
    { kind: 'paragraph', tone: 'muted', text: `${l.version}: ${data.hash}` },
  ];
  if (data.adoptedHash) {
    text.push({ kind: 'paragraph', tone: 'muted', text: `${l.adopted}: ${data.adoptedHash}` });
  }
  for (const c of data.clauses) {
    if (c.kind === 'heading') {
      // Clause headings sit under the charter's title (level 1 in the table of contents).
      text.push({ kind: 'heading', level: c.level <= 1 ? 2 : 3, text: c.text || '—' });
    } else if (c.text.trim()) {
      text.push({ kind: 'paragraph', text: c.text });
    }
  }
  const sections = [{ id: 'text', blocks: text }];
  if (data.commitments.length > 0) {
    sections.push({
      id: 'commitments',
      blocks: [
        { kind: 'heading', level: 1, text: l.commitments },
        { kind: 'paragraph', text: l.signed(data.commitments.length) },
        {
          kind: 'table',
          columns: [l.name, l.state, l.date, l.hash],
          widths: [3, 2, 2, 6],
          rows: data.commitments.map((c) => [
            c.name,
            l.states[c.state] ?? c.state,
            c.at.slice(0, 10),
            c.versionHash,
          ]),
        },
      ],
    });
  }
  return {
    title: data.title,
    subtitle: l.subtitle,
    lang: locale,
    // Names of the people who committed are shared inside the engagement, not beyond it.
    confidentiality: data.commitments.length > 0 ? 'confidential' : 'internal',
    generatedAt: at.toISOString(),
    sections,
  };
}

export function charterPdf(data: ExportData, locale: 'fr' | 'en'): Promise<Buffer> {
  return renderReportPdf(charterReportDocument(data, locale));
}
