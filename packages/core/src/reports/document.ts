/**
 * The report document model: what a report says, independent of how it is printed. Services build a
 * `ReportDocument` from what a reader may see (the same redacted views as the screens); the server's
 * renderer turns it into a PDF. Charts are data (a spec), rendered as vectors by the renderer.
 *
 * Any capability (diagnostics, networks, workshops, decisions, and later charters, plans, spread)
 * contributes by producing `ReportSection`s; the final report is the concatenation of sections.
 */

export const CONFIDENTIALITY_LEVELS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type ConfidentialityLevel = (typeof CONFIDENTIALITY_LEVELS)[number];

export type ReportLang = 'fr' | 'en';

export type ChartSpec =
  | {
      type: 'radar';
      /** Axis names and their maximum. */
      axes: { name: string; max: number }[];
      series: { name: string; values: (number | null)[] }[];
    }
  | {
      type: 'bar';
      categories: string[];
      series: { name: string; values: (number | null)[] }[];
      /** Horizontal bars read better with long labels. */
      isHorizontal?: boolean;
      max?: number;
    }
  | {
      type: 'network';
      /** People: the label, the community (colour) and a size (e.g. scaled betweenness). */
      nodes: { name: string; group: number; size: number }[];
      /** Ties as indices into `nodes`. */
      edges: [number, number][];
    }
  | {
      type: 'interval';
      /** One row per measure: a point with its interval (before/after differences). */
      rows: { name: string; value: number; low: number | null; high: number | null }[];
    };

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; tone?: 'normal' | 'muted' | 'notice' }
  | { kind: 'list'; items: string[] }
  | {
      kind: 'table';
      columns: string[];
      rows: (string | number | null)[][];
      /** Relative column widths (default equal). */
      widths?: number[];
      caption?: string;
    }
  | { kind: 'chart'; chart: ChartSpec; caption: string; height?: number }
  | { kind: 'pageBreak' };

export interface ReportSection {
  /** Stable id (a table of contents entry per level-1 heading). */
  id: string;
  blocks: ReportBlock[];
}

export interface ReportDocument {
  title: string;
  subtitle: string;
  lang: ReportLang;
  confidentiality: ConfidentialityLevel;
  /** ISO date-time written on the cover. */
  generatedAt: string;
  sections: ReportSection[];
}

/** Level-1 and level-2 headings, in order: the table of contents before page numbers are known. */
export function tableOfContents(doc: ReportDocument): { level: 1 | 2; text: string }[] {
  return doc.sections.flatMap((s) =>
    s.blocks.flatMap((b) =>
      b.kind === 'heading' && b.level <= 2 ? [{ level: b.level as 1 | 2, text: b.text }] : [],
    ),
  );
}

/**
 * Sections of a document placed under one new level-1 heading: their headings move down one level
 * (level 3 stays 3), so a stand-alone document (a charter, a specification) becomes one part of a
 * larger report without its chapters crowding the top of the table of contents.
 */
export function nestSections(heading: string, sections: readonly ReportSection[], idPrefix: string) {
  return sections.map(
    (s, i): ReportSection => ({
      id: `${idPrefix}-${s.id}`,
      blocks: [
        ...(i === 0 ? [{ kind: 'heading', level: 1, text: heading } as const] : []),
        ...s.blocks.map((b) =>
          b.kind === 'heading' ? { ...b, level: Math.min(3, b.level + 1) as 2 | 3 } : b,
        ),
      ],
    }),
  );
}

/** The most restrictive of several levels (a final report is as confidential as its most confidential part). */
export function strictest(levels: ConfidentialityLevel[]): ConfidentialityLevel {
  return levels.reduce<ConfidentialityLevel>(
    (acc, l) => (CONFIDENTIALITY_LEVELS.indexOf(l) > CONFIDENTIALITY_LEVELS.indexOf(acc) ? l : acc),
    'public',
  );
}

/** Every string a document will print (tests search it for what must never appear). */
export function documentText(doc: ReportDocument): string {
  const parts: string[] = [doc.title, doc.subtitle];
  for (const s of doc.sections) {
    for (const b of s.blocks) {
      if (b.kind === 'heading' || b.kind === 'paragraph') {
        parts.push(b.text);
      } else if (b.kind === 'list') {
        parts.push(...b.items);
      } else if (b.kind === 'table') {
        parts.push(...b.columns, ...b.rows.flat().map((c) => (c === null ? '' : String(c))), b.caption ?? '');
      } else if (b.kind === 'chart') {
        parts.push(b.caption);
      }
    }
  }
  return parts.join('\n');
}
