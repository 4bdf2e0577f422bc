/**
 * PDF exports of a plan: the specification (cahier des charges) and the master plan with its investment
 * plan. Each is built as a report document (core/reports) from the same views the screens read, then
 * printed by the reports' renderer (report-pdf.ts: accented fonts, page numbers, confidentiality line on
 * every page), so the plans feature owns only what the document says, not how it is printed.
 */
import type { PlanView, SpecView } from '@essaim/contracts';
import {
  indicatorProgress,
  lineAmount,
  MILESTONE_STATUSES,
  type MilestoneStatus,
  SPEC_SECTION_TITLES,
} from '@essaim/core/plans';
import type { ReportBlock, ReportDocument } from '@essaim/core/reports';
import { renderReportPdf } from './report-pdf.ts';

type Lang = 'fr' | 'en';

const STATUS: Record<MilestoneStatus, { fr: string; en: string }> = {
  planned: { fr: 'prévu', en: 'planned' },
  in_progress: { fr: 'en cours', en: 'in progress' },
  done: { fr: 'fait', en: 'done' },
  at_risk: { fr: 'à risque', en: 'at risk' },
  stopped: { fr: 'arrêté', en: 'stopped' },
};

const T = {
  fr: {
    spec: 'Cahier des charges',
    plan: 'Schéma directeur et plan d’investissement',
    version: (v: number, at: string | null) => `Version ${v}${at ? ` du ${at.slice(0, 10)}` : ''}`,
    sources: 'Sources',
    workstreams: 'Chantiers',
    wsCols: ['Chantier', 'Objectif', 'Début', 'Fin', 'Phases'],
    milestones: 'Jalons',
    msCols: ['Chantier', 'Jalon', 'Type', 'Responsable', 'Début', 'Échéance', 'Statut', 'Commentaire'],
    probe: 'sonde',
    delivery: 'livraison',
    byStatus: 'Jalons par statut',
    warnings: 'Alertes de rythme',
    noWarnings: 'Aucune alerte de rythme.',
    indicators: 'Indicateurs',
    indCols: ['Indicateur', 'Chantier', 'Référence', 'Cible', 'Dernière mesure', 'Chemin parcouru'],
    investment: 'Plan d’investissement',
    scenCols: ['Scénario', 'Total (€)', 'Jours-personnes'],
    budgetCols: [
      'Scénario',
      'Libellé',
      'Trimestre',
      'Financement',
      'Quantité',
      'Coût unitaire (€)',
      'Montant (€)',
    ],
    overAllocation: 'Surcharges des personnes',
    empty: 'Rien pour l’instant.',
  },
  en: {
    spec: 'Specification',
    plan: 'Master plan and investment plan',
    version: (v: number, at: string | null) => `Version ${v}${at ? ` of ${at.slice(0, 10)}` : ''}`,
    sources: 'Sources',
    workstreams: 'Workstreams',
    wsCols: ['Workstream', 'Objective', 'Start', 'End', 'Phases'],
    milestones: 'Milestones',
    msCols: ['Workstream', 'Milestone', 'Kind', 'Owner', 'Start', 'Due', 'Status', 'Comment'],
    probe: 'probe',
    delivery: 'delivery',
    byStatus: 'Milestones by status',
    warnings: 'Pacing warnings',
    noWarnings: 'No pacing warning.',
    indicators: 'Indicators',
    indCols: ['Indicator', 'Workstream', 'Baseline', 'Target', 'Latest value', 'Way covered'],
    investment: 'Investment plan',
    scenCols: ['Scenario', 'Total (€)', 'Person-days'],
    budgetCols: ['Scenario', 'Label', 'Quarter', 'Funding source', 'Quantity', 'Unit cost (€)', 'Amount (€)'],
    overAllocation: 'People over-allocated',
    empty: 'Nothing yet.',
  },
} as const;

const money = (n: number, lang: Lang) =>
  n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 });

const progressText = (p: number | null) => (p === null ? null : `${Math.round(p * 100)} %`);

/** The specification as a report document: one section per chapter, its text then its sources. */
export function specificationReport(spec: SpecView, title: string, lang: Lang, now: string): ReportDocument {
  const t = T[lang];
  return {
    title,
    subtitle: `${t.spec} — ${t.version(spec.version, spec.updatedAt)}`,
    lang,
    confidentiality: 'confidential',
    generatedAt: now,
    sections: spec.sections.map((s) => {
      const blocks: ReportBlock[] = [
        { kind: 'heading', level: 1, text: SPEC_SECTION_TITLES[s.key][lang] },
        ...s.text
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((text): ReportBlock => ({ kind: 'paragraph', text })),
      ];
      if (s.pulled.sources.length > 0) {
        blocks.push({
          kind: 'paragraph',
          tone: 'muted',
          text: `${t.sources} : ${s.pulled.sources.map((x) => x.label).join(' ; ')}`,
        });
      }
      return { id: s.key, blocks };
    }),
  };
}

/** The master plan (workstreams, milestones with their status, warnings, indicators) and the investment plan. */
export function planReport(view: PlanView, title: string, lang: Lang, now: string): ReportDocument {
  const t = T[lang];
  const doc = view.document;
  const wsTitle = new Map(doc.workstreams.map((w) => [w.id, w.title]));
  const scenarioName = new Map(doc.scenarios.map((s) => [s.id, s.name]));
  const counts = MILESTONE_STATUSES.map((s) => doc.milestones.filter((m) => m.status === s).length);
  const latest = new Map(view.indicators.map((i) => [i.indicatorId, i.series.at(-1)?.value ?? null]));
  const overAllocation = view.scenarios.flatMap((s) => s.warnings.map((w) => w.reason));

  const master: ReportBlock[] = [
    { kind: 'heading', level: 1, text: t.workstreams },
    doc.workstreams.length === 0
      ? { kind: 'paragraph', text: t.empty, tone: 'muted' }
      : {
          kind: 'table',
          columns: [...t.wsCols],
          widths: [3, 5, 2, 2, 3],
          rows: doc.workstreams.map((w) => [
            w.title,
            w.objective,
            w.startsOn,
            w.endsOn,
            w.phases.map((p) => `${p.title} (${p.startsOn} → ${p.endsOn})`).join('\n'),
          ]),
        },
    { kind: 'heading', level: 2, text: t.milestones },
    doc.milestones.length === 0
      ? { kind: 'paragraph', text: t.empty, tone: 'muted' }
      : {
          kind: 'table',
          columns: [...t.msCols],
          widths: [2, 3, 1.4, 2, 1.8, 1.8, 1.6, 3],
          rows: [...doc.milestones]
            .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
            .map((m) => [
              wsTitle.get(m.workstreamId) ?? '',
              m.title,
              m.kind === 'probe' ? t.probe : t.delivery,
              m.owner,
              m.startsOn,
              m.dueOn,
              STATUS[m.status][lang],
              m.comment,
            ]),
        },
    {
      kind: 'chart',
      chart: {
        type: 'bar',
        categories: MILESTONE_STATUSES.map((s) => STATUS[s][lang]),
        series: [{ name: t.milestones, values: counts }],
      },
      caption: t.byStatus,
      height: 180,
    },
    { kind: 'heading', level: 2, text: t.warnings },
    view.warnings.length === 0
      ? { kind: 'paragraph', text: t.noWarnings, tone: 'muted' }
      : { kind: 'list', items: view.warnings.map((w) => w.reason) },
    { kind: 'heading', level: 2, text: t.indicators },
    doc.indicators.length === 0
      ? { kind: 'paragraph', text: t.empty, tone: 'muted' }
      : {
          kind: 'table',
          columns: [...t.indCols],
          rows: doc.indicators.map((i) => [
            i.name,
            wsTitle.get(i.workstreamId) ?? '',
            i.baseline,
            i.target,
            latest.get(i.id) ?? null,
            progressText(indicatorProgress(i.baseline, i.target, latest.get(i.id) ?? null)),
          ]),
        },
  ];

  const investment: ReportBlock[] = [
    { kind: 'heading', level: 1, text: t.investment },
    {
      kind: 'table',
      columns: [...t.scenCols],
      rows: view.scenarios.map((s) => [
        scenarioName.get(s.scenarioId) ?? '',
        money(s.totals.total, lang),
        s.totals.personDays,
      ]),
    },
    doc.budgetLines.length === 0
      ? { kind: 'paragraph', text: t.empty, tone: 'muted' }
      : {
          kind: 'table',
          columns: [...t.budgetCols],
          widths: [2, 4, 1.6, 2, 1.4, 1.8, 1.8],
          rows: doc.budgetLines.map((l) => [
            scenarioName.get(l.scenarioId) ?? '',
            l.label,
            l.period,
            l.fundingSource,
            l.quantity,
            money(l.unitCost, lang),
            money(lineAmount(l), lang),
          ]),
        },
  ];
  if (overAllocation.length > 0) {
    investment.push(
      { kind: 'heading', level: 2, text: t.overAllocation },
      { kind: 'list', items: overAllocation },
    );
  }

  return {
    title,
    subtitle: `${t.plan} — ${t.version(view.version, view.updatedAt)}`,
    lang,
    confidentiality: 'confidential',
    generatedAt: now,
    sections: [
      { id: 'master-plan', blocks: master },
      { id: 'investment', blocks: investment },
    ],
  };
}

export const specificationPdf = (spec: SpecView, title: string, lang: Lang): Promise<Buffer> =>
  renderReportPdf(specificationReport(spec, title, lang, new Date().toISOString()));

export const planPdf = (view: PlanView, title: string, lang: Lang): Promise<Buffer> =>
  renderReportPdf(planReport(view, title, lang, new Date().toISOString()));
