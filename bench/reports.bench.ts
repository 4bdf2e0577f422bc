/**
 * PDF report benchmark: a final report of at least 40 pages (radar and interval charts, construct and
 * item tables, a decision register, workshops, a charter's signed list, the plan's tables, a 150-person
 * network map) rendered by the server's route (pdfkit + ECharts SVG),
 * against the alternative considered in docs/reports.md: the same document as HTML printed by Chromium
 * (playwright-core, /usr/bin/chromium), when Chromium is there.
 *
 * Target: the 40-page final report renders in under 10 s on this machine.
 * Run: npm run bench:reports [-- --runs 3 --no-chromium]
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { ReportBlock, ReportDocument } from '@essaim/core/reports';
import { tableOfContents } from '@essaim/core/reports';
import { chartSvg } from '../apps/server/src/services/report-charts.ts';
import { renderReportPdf } from '../apps/server/src/services/report-pdf.ts';

const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1] ?? 3) || 3;
const withChromium = !argv.includes('--no-chromium') && existsSync('/usr/bin/chromium');

const CONSTRUCTS = [
  'Confiance',
  'Sécurité psychologique',
  'Coordination',
  'Mémoire partagée',
  'Autonomie',
  'Écoute',
  'Reconnaissance',
  'Clarté des rôles',
];

function syntheticFinalReport(): ReportDocument {
  const sections: ReportDocument['sections'] = [];
  for (let c = 0; c < 7; c++) {
    const blocks: ReportBlock[] = [
      { kind: 'heading', level: 1, text: `Diagnostic — Campagne ${c + 1} « été »` },
    ];
    for (let g = 0; g < 3; g++) {
      blocks.push({ kind: 'heading', level: 2, text: `Groupe : Équipe ${g + 1}` });
      if (g === 2) {
        blocks.push({
          kind: 'paragraph',
          tone: 'notice',
          text: 'Résultats masqués pour ce groupe : trop peu de réponses pour protéger l’anonymat.',
        });
        continue;
      }
      blocks.push({
        kind: 'chart',
        chart: {
          type: 'radar',
          axes: CONSTRUCTS.map((name) => ({ name, max: 100 })),
          series: [{ name: 'Équipe', values: CONSTRUCTS.map((_, i) => 40 + ((i * 7 + g * 11) % 50)) }],
        },
        caption: 'Profil d’intelligence collective (scores de 0 à 100)',
      });
      blocks.push({
        kind: 'table',
        columns: ['Dimension', 'Score', 'Écart-type', 'n', 'Alpha'],
        widths: [4, 1, 1, 1, 1],
        rows: CONSTRUCTS.map((k, i) => [k, 50 + i, 12.3, 14, 0.81]),
      });
      blocks.push({
        kind: 'table',
        columns: ['Question', 'Score', 'n', 'Répartition des réponses (valeur : nombre)'],
        widths: [5, 1, 1, 3],
        rows: Array.from({ length: 24 }, (_, i) => [
          `Dans mon équipe, on peut exprimer un désaccord sans crainte (question ${i + 1}).`,
          61.2,
          14,
          '1: 1  2: 2  3: 3  4: 5  5: 3',
        ]),
      });
    }
    blocks.push({ kind: 'heading', level: 2, text: 'Avant / après' });
    blocks.push({
      kind: 'chart',
      chart: {
        type: 'interval',
        rows: CONSTRUCTS.map((name, i) => ({ name, value: i - 3, low: i - 8, high: i + 2 })),
      },
      caption: 'Intervalle à 95 %',
      height: 280,
    });
    sections.push({ id: `d${c}`, blocks });
  }
  sections.push({
    id: 'decisions',
    blocks: [
      { kind: 'heading', level: 1, text: 'Registre des décisions' },
      {
        kind: 'table',
        columns: ['Décision', 'Règle', 'Statut', 'Décidée le', 'Revue le', 'Objections'],
        widths: [4, 1.5, 1.2, 1.3, 1.3, 1],
        rows: Array.from({ length: 120 }, (_, i) => [
          `Essayer le rituel d’équipe n° ${i + 1}`,
          'consent',
          'adoptée',
          '2026-11-02',
          '2027-03-01',
          i % 3,
        ]),
      },
    ],
  });
  // The parts added by issue 20's remainder: a charter with its signed list, the plan with its budget,
  // and the network map at its cap (150 people: a force layout drawn as vectors).
  sections.push({
    id: 'charter',
    blocks: [
      { kind: 'heading', level: 1, text: 'Chartes et engagements' },
      { kind: 'heading', level: 2, text: 'Charte de l’équipe « Cap »' },
      ...Array.from(
        { length: 12 },
        (_, i): ReportBlock => ({
          kind: 'paragraph',
          text: `Clause ${i + 1} : nous décidons par consentement et revoyons nos accords chaque trimestre.`,
        }),
      ),
      { kind: 'heading', level: 2, text: 'Engagements' },
      {
        kind: 'table',
        columns: ['Nom', 'Réponse', 'Date', 'Empreinte de la version'],
        widths: [3, 2, 2, 6],
        rows: Array.from({ length: 40 }, (_, i) => [
          `Personne ${i + 1}`,
          'Engagé',
          '2026-11-20',
          'sha256:0f3a…',
        ]),
      },
    ],
  });
  sections.push({
    id: 'plan',
    blocks: [
      { kind: 'heading', level: 1, text: 'Schéma directeur et plan d’investissement' },
      {
        kind: 'table',
        columns: Array.from({ length: 8 }, (_, i) => `Colonne ${i + 1}`),
        widths: [2, 3, 1.4, 2, 1.8, 1.8, 1.6, 3],
        rows: Array.from({ length: 30 }, (_, i) => [
          `Chantier ${(i % 4) + 1}`,
          `Jalon ${i + 1}`,
          'livraison',
          'Ana',
          '2027-01-10',
          '2027-02-15',
          'prévu',
          '',
        ]),
      },
      {
        kind: 'table',
        columns: Array.from({ length: 7 }, (_, i) => `Colonne ${i + 1}`),
        rows: Array.from({ length: 30 }, (_, i) => [
          'Standard',
          `Ligne ${i + 1}`,
          '2027-Q1',
          'Budget',
          10,
          600,
          6000,
        ]),
      },
    ],
  });
  const people = 150;
  sections.push({
    id: 'network',
    blocks: [
      { kind: 'heading', level: 1, text: 'Réseaux' },
      {
        kind: 'chart',
        chart: {
          type: 'network',
          nodes: Array.from({ length: people }, (_, i) => ({
            name: `Personne ${i + 1}`,
            group: i % 6,
            size: ((i * 37) % 100) / 100,
          })),
          edges: Array.from({ length: people * 3 }, (_, k): [number, number] => [
            k % people,
            (k * 7 + 13) % people,
          ]),
        },
        caption: 'Carte du réseau',
        height: 360,
      },
    ],
  });
  return {
    title: 'Rapport final de la démarche',
    subtitle: 'Démarche « Coopération » — Lyon',
    lang: 'fr',
    confidentiality: 'confidential',
    generatedAt: new Date().toISOString(),
    sections,
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function html(doc: ReportDocument): string {
  const body = doc.sections
    .map(
      (s) =>
        `<section style="break-before:page">${s.blocks
          .map((b) => {
            switch (b.kind) {
              case 'heading':
                return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
              case 'paragraph':
                return `<p class="${b.tone ?? ''}">${esc(b.text)}</p>`;
              case 'list':
                return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
              case 'table':
                return `<table><thead><tr>${b.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(String(c ?? '—'))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
              case 'chart':
                return `<figure>${chartSvg(b.chart, 480, b.height ?? 260)}<figcaption>${esc(b.caption)}</figcaption></figure>`;
              default:
                return '<div style="break-after:page"></div>';
            }
          })
          .join('')}</section>`,
    )
    .join('');
  const toc = tableOfContents(doc)
    .map((e) => `<li>${esc(e.text)}</li>`)
    .join('');
  return `<!doctype html><html lang="${doc.lang}"><meta charset="utf-8"><style>body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #bbb;padding:3px;text-align:left}thead{display:table-header-group}.notice{background:#fff4e0;padding:6px}</style><h1>${esc(doc.title)}</h1><p>${esc(doc.subtitle)}</p><section style="break-before:page"><h2>Sommaire</h2><ul>${toc}</ul></section>${body}</html>`;
}

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mb = (n: number) => Math.round((n / 1024 / 1024) * 100) / 100;

const doc = syntheticFinalReport();
const rows: { name: string; ms: number; MB: number; pages: number; peer: string; ratio: number | null }[] =
  [];

// Warm-up: module loading and ECharts' first init are not part of a report's cost.
await renderReportPdf({ ...doc, sections: doc.sections.slice(0, 1) });
const pdfkitMs: number[] = [];
let pdfkitOut: Buffer = Buffer.alloc(0);
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  pdfkitOut = await renderReportPdf(doc);
  pdfkitMs.push(performance.now() - t);
}
rows.push({
  name: 'final-report-pdfkit',
  ms: Math.round(median(pdfkitMs)),
  MB: mb(pdfkitOut.length),
  pages: pages(pdfkitOut),
  peer: 'target 10000 ms',
  ratio: Math.round((median(pdfkitMs) / 10_000) * 1000) / 1000,
});

if (withChromium) {
  const { chromium } = await import('playwright-core');
  const launchStart = performance.now();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const launchMs = performance.now() - launchStart;
  const times: number[] = [];
  let out: Buffer = Buffer.alloc(0);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const page = await browser.newPage();
    await page.setContent(html(doc));
    out = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:right;margin-right:40px">Confidentiel — <span class="pageNumber"></span>/<span class="totalPages"></span></div>',
      headerTemplate: '<div></div>',
      margin: { top: '60px', bottom: '60px', left: '50px', right: '50px' },
    });
    await page.close();
    times.push(performance.now() - t);
  }
  await browser.close();
  rows.push({
    name: 'final-report-chromium-print',
    ms: Math.round(median(times)),
    MB: mb(out.length),
    pages: pages(out),
    peer: 'final-report-pdfkit',
    ratio: Math.round((median(times) / median(pdfkitMs)) * 100) / 100,
  });
  rows.push({
    name: 'chromium-launch',
    ms: Math.round(launchMs),
    MB: 0,
    pages: 0,
    peer: 'once per process',
    ratio: null,
  });
}

console.log('\nPDF reports (median of %d runs; load average %s)\n', runs, loadavg()[0]?.toFixed(1));
console.log('name                          ms      MB    pages  peer');
for (const r of rows) {
  console.log(
    `${r.name.padEnd(30)}${String(r.ms).padStart(6)}  ${String(r.MB).padStart(6)}  ${String(r.pages).padStart(5)}  ${r.peer}${r.ratio === null ? '' : ` (ratio ${r.ratio})`}`,
  );
}
console.log('');
for (const r of rows) {
  console.log(JSON.stringify(r));
}
if ((rows[0]?.pages ?? 0) < 40) {
  console.error('the synthetic final report has fewer than 40 pages');
  process.exitCode = 1;
}
