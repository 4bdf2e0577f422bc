/**
 * Exports of a plan: the investment plan as XLSX with live formulas (each amount is `quantity × unit
 * cost`, each total a SUMIFS over the budget sheet, so a sponsor who changes a day rate in the file sees
 * every total follow) and as CSV; the specification as DOCX. Cached results are written beside each
 * formula so a reader that does not recalculate still shows the figures.
 */
import type { PlanView, SpecView } from '@essaim/contracts';
import { writeCsv } from '@essaim/core/csv';
import { type BudgetCategory, lineAmount, SPEC_SECTION_TITLES, yearOfQuarter } from '@essaim/core/plans';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';

type Lang = 'fr' | 'en';

const CATEGORY: Record<BudgetCategory, { fr: string; en: string }> = {
  internal: { fr: 'Temps interne', en: 'Internal time' },
  training: { fr: 'Formation', en: 'Training' },
  external: { fr: 'Accompagnement externe', en: 'External support' },
  tools: { fr: 'Outils', en: 'Tools' },
  events: { fr: 'Événements', en: 'Events' },
};

const HEAD = {
  fr: {
    budget: 'Budget',
    scenarios: 'Scénarios',
    warnings: 'Alertes de rythme',
    columns: [
      'Scénario',
      'Chantier',
      'Catégorie',
      'Libellé',
      'Personne',
      'Trimestre',
      'Année',
      'Financement',
      'Quantité (j ou unités)',
      'Coût unitaire (€)',
      'Montant (€)',
    ],
    scenario: 'Scénario',
    total: 'Total (€)',
    personDays: 'Jours-personnes',
    byWorkstream: 'Par chantier (€)',
    none: '(sans chantier)',
    reason: 'Raison',
    rule: 'Règle',
  },
  en: {
    budget: 'Budget',
    scenarios: 'Scenarios',
    warnings: 'Pacing warnings',
    columns: [
      'Scenario',
      'Workstream',
      'Category',
      'Label',
      'Person',
      'Quarter',
      'Year',
      'Funding source',
      'Quantity (days or units)',
      'Unit cost (€)',
      'Amount (€)',
    ],
    scenario: 'Scenario',
    total: 'Total (€)',
    personDays: 'Person-days',
    byWorkstream: 'By workstream (€)',
    none: '(no workstream)',
    reason: 'Reason',
    rule: 'Rule',
  },
} as const;

/** Rows of the budget, one per line, in scenario order: shared by the XLSX and the CSV. */
function budgetRows(view: PlanView, lang: Lang) {
  const doc = view.document;
  const scenarioName = new Map(doc.scenarios.map((s) => [s.id, s.name]));
  const order = new Map(doc.scenarios.map((s, i) => [s.id, i]));
  const ws = new Map(doc.workstreams.map((w) => [w.id, w.title]));
  const people = new Map(doc.people.map((p) => [p.id, p.name]));
  return [...doc.budgetLines]
    .sort(
      (a, b) =>
        (order.get(a.scenarioId) ?? 0) - (order.get(b.scenarioId) ?? 0) || a.period.localeCompare(b.period),
    )
    .map((l) => ({
      scenario: scenarioName.get(l.scenarioId) ?? '',
      workstream: l.workstreamId ? (ws.get(l.workstreamId) ?? '') : HEAD[lang].none,
      category: CATEGORY[l.category][lang],
      isInternal: l.category === 'internal',
      label: l.label,
      person: l.personId ? (people.get(l.personId) ?? '') : '',
      period: l.period,
      year: yearOfQuarter(l.period),
      funding: l.fundingSource,
      quantity: l.quantity,
      unitCost: l.unitCost,
      amount: lineAmount(l),
    }));
}

export async function investmentXlsx(view: PlanView, lang: Lang): Promise<Buffer> {
  const h = HEAD[lang];
  const rows = budgetRows(view, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Essaim';
  const budget = wb.addWorksheet(h.budget);
  budget.addRow([...h.columns]).font = { bold: true };
  rows.forEach((r, i) => {
    const n = i + 2;
    budget.addRow([
      r.scenario,
      r.workstream,
      r.category,
      r.label,
      r.person,
      r.period,
      r.year,
      r.funding,
      r.quantity,
      r.unitCost,
      { formula: `I${n}*J${n}`, result: r.amount },
    ]);
  });
  budget.columns.forEach((c, i) => {
    c.width = i === 3 ? 32 : 16;
  });
  const last = Math.max(2, rows.length + 1);
  const col = (c: string) => `'${h.budget}'!$${c}$2:$${c}$${last}`;
  const internal = CATEGORY.internal[lang];

  const scen = wb.addWorksheet(h.scenarios);
  const doc = view.document;
  const totalsById = new Map(view.scenarios.map((s) => [s.scenarioId, s.totals]));
  scen.addRow([h.scenario, ...doc.scenarios.map((s) => s.name)]).font = { bold: true };
  const letter = (i: number) => String.fromCharCode(66 + i); // B, C, …
  scen.addRow([
    h.total,
    ...doc.scenarios.map((s, i) => ({
      formula: `SUMIFS(${col('K')},${col('A')},${letter(i)}$1)`,
      result: totalsById.get(s.id)?.total ?? 0,
    })),
  ]);
  scen.addRow([
    h.personDays,
    ...doc.scenarios.map((s, i) => ({
      formula: `SUMIFS(${col('I')},${col('A')},${letter(i)}$1,${col('C')},"${internal}")`,
      result: totalsById.get(s.id)?.personDays ?? 0,
    })),
  ]);
  scen.addRow([]);
  scen.addRow([h.byWorkstream]).font = { bold: true };
  const workstreams = [
    ...doc.workstreams.map((w) => ({ id: w.id, title: w.title })),
    { id: '', title: h.none },
  ];
  for (const w of workstreams) {
    const n = scen.rowCount + 1;
    scen.addRow([
      w.title,
      ...doc.scenarios.map((s, i) => ({
        formula: `SUMIFS(${col('K')},${col('A')},${letter(i)}$1,${col('B')},$A${n})`,
        result: totalsById.get(s.id)?.byWorkstream[w.id] ?? 0,
      })),
    ]);
  }
  scen.getColumn(1).width = 32;

  const warn = wb.addWorksheet(h.warnings);
  warn.addRow([h.scenario, h.rule, h.reason]).font = { bold: true };
  for (const w of view.warnings) {
    warn.addRow(['', w.rule, w.reason]);
  }
  for (const s of view.scenarios) {
    const name = doc.scenarios.find((x) => x.id === s.scenarioId)?.name ?? '';
    for (const w of s.warnings) {
      warn.addRow([name, w.rule, w.reason]);
    }
  }
  warn.getColumn(3).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function investmentCsv(view: PlanView, lang: Lang): string {
  const h = HEAD[lang];
  return writeCsv(
    [
      [...h.columns],
      ...budgetRows(view, lang).map((r) => [
        r.scenario,
        r.workstream,
        r.category,
        r.label,
        r.person,
        r.period,
        r.year,
        r.funding,
        r.quantity,
        r.unitCost,
        r.amount,
      ]),
    ],
    { bom: true },
  );
}

export async function specificationDocx(spec: SpecView, title: string, lang: Lang): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
    new Paragraph({
      children: [
        new TextRun({
          text: `${lang === 'fr' ? 'Cahier des charges' : 'Specification'} — version ${spec.version}${spec.updatedAt ? ` (${spec.updatedAt.slice(0, 10)})` : ''}`,
          italics: true,
        }),
      ],
    }),
  ];
  for (const s of spec.sections) {
    children.push(new Paragraph({ text: SPEC_SECTION_TITLES[s.key][lang], heading: HeadingLevel.HEADING_1 }));
    for (const line of s.text.split('\n')) {
      children.push(new Paragraph({ text: line }));
    }
    if (s.pulled.sources.length > 0) {
      children.push(
        new Paragraph({
          children: [
            new TextRun({
              text: `${lang === 'fr' ? 'Sources' : 'Sources'} : ${s.pulled.sources.map((x) => x.label).join(' ; ')}`,
              italics: true,
              size: 18,
            }),
          ],
        }),
      );
    }
  }
  const document = new Document({
    creator: 'Essaim',
    title,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
