/// <reference path="./svg-to-pdfkit.d.ts" />
import { REPORT_LABELS, type ReportBlock, type ReportDocument, tableOfContents } from '@essaim/core/reports';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { chartSvg } from './report-charts.ts';

/**
 * Prints a ReportDocument as PDF with pdfkit (why pdfkit rather than Chromium: docs/reports.md).
 * A4, cover, table of contents with page numbers, then the sections; every page carries the
 * confidentiality level (header and footer) and "page n of N". One pass: pages are buffered, the
 * table of contents is written on pages reserved after the cover once the headings' pages are known.
 *
 * Fonts: pdfkit's standard Helvetica with WinAnsi encoding covers French (é è à ç œ « » ’); the
 * narrow no-break spaces of French typography, absent from WinAnsi, print as no-break spaces.
 */
const MARGIN = 56;
const TOC_LINES_PER_PAGE = 34;

export type ProgressFn = (done: number, total: number) => void;

/** Characters WinAnsi lacks, mapped to the closest it has. */
export function printable(text: string): string {
  return text
    .replace(/[\u202F\u2009\u2007]/g, '\u00A0')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\u2212/g, '-')
    .replace(
      /[^\t\n\r\u0020-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018\u2019\u201A\u201C\u201D\u201E\u2020\u2021\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/g,
      '?',
    );
}

export async function renderReportPdf(
  doc: ReportDocument,
  onProgress: ProgressFn = () => {},
): Promise<Buffer> {
  const L = REPORT_LABELS[doc.lang];
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + 10, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: printable(doc.title), Subject: printable(doc.subtitle), Creator: 'Essaim' },
    lang: doc.lang,
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 2 * MARGIN;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const ensure = (h: number) => {
    if (pdf.y + h > bottom()) {
      pdf.addPage();
    }
  };

  // Cover.
  const level = L.confidentiality[doc.confidentiality];
  pdf.moveDown(8);
  pdf.font('Helvetica-Bold').fontSize(26).fillColor('#111').text(printable(doc.title), { align: 'left' });
  pdf.moveDown(0.5).font('Helvetica').fontSize(14).fillColor('#333').text(printable(doc.subtitle));
  pdf
    .moveDown(2)
    .fontSize(11)
    .text(printable(L.generated(doc.generatedAt.slice(0, 10))));
  pdf
    .moveDown(0.5)
    .font('Helvetica-Bold')
    .text(printable(L.confidentialityLine(level)));

  // Pages reserved for the table of contents.
  const toc = tableOfContents(doc);
  const tocPages = Math.max(1, Math.ceil((toc.length + 2) / TOC_LINES_PER_PAGE));
  const tocStart = 1;
  for (let i = 0; i < tocPages; i += 1) {
    pdf.addPage();
  }
  const headingPages: number[] = [];

  const blocksTotal = doc.sections.reduce((n, s) => n + s.blocks.length, 0);
  let blocksDone = 0;
  let isFirstSection = true;
  for (const section of doc.sections) {
    // Each section starts on a new page.
    pdf.addPage();
    isFirstSection = false;
    for (const block of section.blocks) {
      drawBlock(block);
      blocksDone += 1;
      if (blocksDone % 20 === 0) {
        onProgress(blocksDone, blocksTotal);
        // Let the event loop breathe between chunks of a long report.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  void isFirstSection;
  onProgress(blocksTotal, blocksTotal);

  // Table of contents.
  const range = pdf.bufferedPageRange();
  pdf.switchToPage(tocStart);
  pdf.x = MARGIN;
  pdf.y = pdf.page.margins.top;
  pdf.font('Helvetica-Bold').fontSize(18).fillColor('#111').text(printable(L.contents));
  pdf.moveDown(0.6);
  let line = 2;
  let tocPage = tocStart;
  toc.forEach((entry, i) => {
    if (line >= TOC_LINES_PER_PAGE && tocPage < tocStart + tocPages - 1) {
      tocPage += 1;
      pdf.switchToPage(tocPage);
      pdf.y = pdf.page.margins.top;
      line = 0;
    }
    const page = (headingPages[i] ?? 0) + 1;
    const indent = entry.level === 1 ? 0 : 16;
    const y = pdf.y;
    pdf
      .font(entry.level === 1 ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(entry.level === 1 ? 11 : 10)
      .fillColor('#111')
      .text(printable(entry.text), MARGIN + indent, y, {
        width: width - indent - 40,
        lineBreak: false,
        ellipsis: true,
      });
    pdf.text(String(page), MARGIN + width - 40, y, { width: 40, align: 'right', lineBreak: false });
    pdf.y = y + (entry.level === 1 ? 18 : 15);
    line += 1;
  });

  // Header and footer of every page but the cover's header.
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i);
    const oldBottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('Helvetica').fontSize(8).fillColor('#555');
    if (i > 0) {
      pdf.text(printable(doc.title), MARGIN, 28, { width: width * 0.6, lineBreak: false, ellipsis: true });
    }
    pdf.font('Helvetica-Bold').text(printable(level.toUpperCase()), MARGIN + width * 0.6, 28, {
      width: width * 0.4,
      align: 'right',
      lineBreak: false,
    });
    pdf.font('Helvetica').text(printable(L.confidentialityLine(level)), MARGIN, pdf.page.height - 40, {
      width: width / 2,
      lineBreak: false,
    });
    pdf.text(printable(L.page(i + 1, range.count)), MARGIN + width / 2, pdf.page.height - 40, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
    pdf.page.margins.bottom = oldBottom;
  }
  pdf.end();
  return finished;

  function drawBlock(block: ReportBlock): void {
    pdf.x = MARGIN;
    switch (block.kind) {
      case 'heading': {
        const size = block.level === 1 ? 18 : block.level === 2 ? 14 : 12;
        ensure(size * 3);
        if (block.level <= 2) {
          headingPages.push(pdf.bufferedPageRange().count - 1);
        }
        pdf.moveDown(block.level === 1 ? 0 : 0.6);
        pdf.font('Helvetica-Bold').fontSize(size).fillColor('#111').text(printable(block.text), { width });
        pdf.moveDown(0.3);
        return;
      }
      case 'paragraph': {
        const font = block.tone === 'muted' ? 'Helvetica-Oblique' : 'Helvetica';
        pdf.font(font).fontSize(10);
        const text = printable(block.text);
        if (block.tone === 'notice') {
          const h = pdf.heightOfString(text, { width: width - 16 }) + 12;
          ensure(h);
          const y = pdf.y;
          pdf.rect(MARGIN, y, width, h).fill('#fff4e0');
          pdf.fillColor('#5a3b00').text(text, MARGIN + 8, y + 6, { width: width - 16 });
          pdf.y = y + h;
          pdf.x = MARGIN;
        } else {
          pdf.fillColor(block.tone === 'muted' ? '#555' : '#111').text(text, { width, align: 'left' });
        }
        pdf.moveDown(0.5);
        return;
      }
      case 'list': {
        pdf.font('Helvetica').fontSize(10).fillColor('#111');
        for (const item of block.items) {
          ensure(14);
          pdf.text(`•  ${printable(item)}`, MARGIN + 8, pdf.y, { width: width - 8 });
        }
        pdf.x = MARGIN;
        pdf.moveDown(0.5);
        return;
      }
      case 'table':
        drawTable(block);
        return;
      case 'chart': {
        const h = block.height ?? 260;
        ensure(h + 30);
        const svg = chartSvg(block.chart, Math.round(width), h);
        SVGtoPDF(pdf, svg, MARGIN, pdf.y, { width, height: h, assumePt: true });
        pdf.y += h + 4;
        pdf.x = MARGIN;
        pdf.font('Helvetica-Oblique').fontSize(9).fillColor('#444').text(printable(block.caption), { width });
        pdf.moveDown(0.6);
        return;
      }
      case 'pageBreak':
        pdf.addPage();
        return;
    }
  }

  function drawTable(block: Extract<ReportBlock, { kind: 'table' }>): void {
    const weights = block.widths ?? block.columns.map(() => 1);
    const sum = weights.reduce((a, b) => a + b, 0);
    const cols = weights.map((w) => (w / sum) * width);
    const pad = 4;
    const rowHeight = (cells: string[], font: string) => {
      pdf.font(font).fontSize(9);
      return (
        Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: (cols[i] ?? 40) - 2 * pad }))) +
        2 * pad
      );
    };
    const drawRow = (cells: string[], font: string, fill: string | null, h = rowHeight(cells, font)) => {
      const y = pdf.y;
      if (fill) {
        pdf.rect(MARGIN, y, width, h).fill(fill);
      }
      let x = MARGIN;
      pdf.font(font).fontSize(9).fillColor('#111');
      cells.forEach((c, i) => {
        pdf.text(c, x + pad, y + pad, { width: (cols[i] ?? 40) - 2 * pad });
        x += cols[i] ?? 40;
      });
      pdf
        .moveTo(MARGIN, y + h)
        .lineTo(MARGIN + width, y + h)
        .lineWidth(0.3)
        .strokeColor('#bbb')
        .stroke();
      pdf.y = y + h;
      pdf.x = MARGIN;
    };
    const header = block.columns.map(printable);
    const headerHeight = rowHeight(header, 'Helvetica-Bold');
    ensure(headerHeight * 2);
    drawRow(header, 'Helvetica-Bold', '#e8edf3', headerHeight);
    block.rows.forEach((row, r) => {
      const cells = row.map((c) => printable(c === null ? '—' : String(c)));
      // Measured once: wrapping text is the costly part of a long table.
      const h = rowHeight(cells, 'Helvetica');
      if (pdf.y + h > bottom()) {
        pdf.addPage();
        drawRow(header, 'Helvetica-Bold', '#e8edf3', headerHeight);
      }
      drawRow(cells, 'Helvetica', r % 2 === 1 ? '#f7f7f7' : null, h);
    });
    if (block.caption) {
      pdf
        .moveDown(0.3)
        .font('Helvetica-Oblique')
        .fontSize(9)
        .fillColor('#444')
        .text(printable(block.caption), { width });
    }
    pdf.moveDown(0.6);
  }
}
