import type {
  CampaignComparison,
  CampaignReport,
  CutReport,
  DecisionRecordView,
  EvaluationView,
  NetworkResult,
} from '@essaim/contracts';
import { can } from '@essaim/core';
import type { ConfidentialityLevel, ReportBlock, ReportLang, ReportSection } from '@essaim/core/reports';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { forbidden } from '../lib/app-error.ts';
import { listCampaigns } from './campaigns.service.ts';
import { campaignReport, compareCampaignReports } from './campaigns-report.service.ts';
import { listDecisions } from './decision-records.service.ts';
import type { LiveRuntime } from './live.service.ts';
import { listAnalyses, listNetworks, readAnalysis } from './networks.service.ts';
import { exportResults, listWorkshops, rankedLabels } from './workshops.service.ts';

/**
 * What each report says, built from the same presented (redacted, thresholded) views the screens read,
 * through the same services and permission checks: a report can show nothing its reader could not see.
 * A suppressed cut is printed as its notice and reason only, never with a number.
 */

const T = {
  fr: {
    diagnostic: 'Diagnostic',
    notReleased:
      'Les résultats sont publiés à la clôture de la campagne : ce rapport n’en montre encore aucun.',
    cut: (label: string) => `Groupe : ${label}`,
    suppressed: (reason: string) => `Résultats masqués pour ce groupe : ${reason}.`,
    reasons: {
      'meets-threshold': 'seuil atteint',
      'no-respondents': 'aucune réponse',
      'below-minimum': 'trop peu de réponses pour protéger l’anonymat',
      'below-self-declared-minimum': 'trop peu de réponses pour un groupe où l’appartenance est déclarée',
      'differencing-risk': 'masqué pour qu’aucun petit groupe ne se déduise par différence avec un autre',
      'not-released': 'campagne encore ouverte',
    } as Record<string, string>,
    radar: 'Profil d’intelligence collective (scores de 0 à 100)',
    constructs: ['Dimension', 'Score', 'Écart-type', 'n', 'Alpha'],
    items: ['Question', 'Score', 'n', 'Répartition des réponses (valeur : nombre)'],
    withheld: (n: number) => `${n} élément(s) retenu(s) faute de réponses suffisantes.`,
    contributors: 'Points d’appui',
    blockers: 'Freins',
    openText: 'Réponses ouvertes : thèmes',
    themes: ['Thème', 'Mots-clés', 'Réponses'],
    openSuppressed: (reason: string) => `Thèmes masqués : ${reason}.`,
    comparison: (a: string, b: string) => `Avant / après : ${a} → ${b}`,
    comparisonCols: ['Dimension', 'Avant', 'Après', 'Écart', 'Intervalle à 95 %', 'Significatif'],
    notComparable: (label: string, reason: string) => `${label} : comparaison impossible (${reason}).`,
    yes: 'oui',
    no: 'non',
    decisions: 'Registre des décisions',
    decisionCols: ['Décision', 'Règle', 'Statut', 'Décidée le', 'Revue le', 'Objections'],
    statuses: {
      open: 'ouverte',
      passed: 'adoptée',
      rejected: 'rejetée',
      withdrawn: 'retirée',
      review: 'en revue',
    } as Record<string, string>,
    workshops: 'Ateliers',
    workshop: (t: string) => `Atelier : ${t}`,
    participants: (n: number) => `${n} participant(s).`,
    activityCols: ['Activité', 'Type', 'Principaux résultats'],
    hidden: 'résultats non révélés',
    networks: 'Réseaux',
    network: (t: string) => `Réseau : ${t}`,
    noAnalysis: 'Aucune analyse terminée pour ce réseau.',
    map: (shown: number, total: number) =>
      `Carte du réseau (couleur : communauté ; taille : centralité d’intermédiarité)${shown < total ? ` : les ${shown} personnes les plus centrales sur ${total}` : ''}`,
    metrics: ['Indicateur', 'Valeur'],
    metricNames: ['Personnes', 'Liens', 'Densité', 'Réciprocité', 'Communautés', 'Modularité', 'Composantes'],
    roles: 'Rôles repérés',
    roleCols: ['Personne', 'Rôles', 'Centralité d’intermédiarité'],
    agents: 'Relais du changement proposés',
    agentCols: ['Rang', 'Personne', 'Raison', 'Statut'],
    nothing: 'Rien à présenter pour l’instant.',
  },
  en: {
    diagnostic: 'Diagnostic',
    notReleased: 'Results are released when the campaign closes: this report shows none yet.',
    cut: (label: string) => `Group: ${label}`,
    suppressed: (reason: string) => `Results withheld for this group: ${reason}.`,
    reasons: {
      'meets-threshold': 'threshold met',
      'no-respondents': 'no answers',
      'below-minimum': 'too few answers to protect anonymity',
      'below-self-declared-minimum': 'too few answers for a group whose membership is self-declared',
      'differencing-risk': 'withheld so that no small group can be deduced by difference with another',
      'not-released': 'campaign still open',
    } as Record<string, string>,
    radar: 'Collective intelligence profile (scores from 0 to 100)',
    constructs: ['Dimension', 'Score', 'Std. dev.', 'n', 'Alpha'],
    items: ['Question', 'Score', 'n', 'Distribution of answers (value: count)'],
    withheld: (n: number) => `${n} element(s) withheld for lack of enough answers.`,
    contributors: 'Strengths',
    blockers: 'Blockers',
    openText: 'Open answers: themes',
    themes: ['Theme', 'Keywords', 'Answers'],
    openSuppressed: (reason: string) => `Themes withheld: ${reason}.`,
    comparison: (a: string, b: string) => `Before / after: ${a} → ${b}`,
    comparisonCols: ['Dimension', 'Before', 'After', 'Difference', '95% interval', 'Significant'],
    notComparable: (label: string, reason: string) => `${label}: no comparison possible (${reason}).`,
    yes: 'yes',
    no: 'no',
    decisions: 'Decision register',
    decisionCols: ['Decision', 'Rule', 'Status', 'Decided on', 'Review on', 'Objections'],
    statuses: {
      open: 'open',
      passed: 'adopted',
      rejected: 'rejected',
      withdrawn: 'withdrawn',
      review: 'in review',
    } as Record<string, string>,
    workshops: 'Workshops',
    workshop: (t: string) => `Workshop: ${t}`,
    participants: (n: number) => `${n} participant(s).`,
    activityCols: ['Activity', 'Type', 'Main results'],
    hidden: 'results not revealed',
    networks: 'Networks',
    network: (t: string) => `Network: ${t}`,
    noAnalysis: 'No finished analysis for this network.',
    map: (shown: number, total: number) =>
      `Network map (colour: community; size: betweenness centrality)${shown < total ? `: the ${shown} most central of ${total} people` : ''}`,
    metrics: ['Measure', 'Value'],
    metricNames: ['People', 'Ties', 'Density', 'Reciprocity', 'Communities', 'Modularity', 'Components'],
    roles: 'Roles found',
    roleCols: ['Person', 'Roles', 'Betweenness centrality'],
    agents: 'Proposed change agents',
    agentCols: ['Rank', 'Person', 'Reason', 'Status'],
    nothing: 'Nothing to show yet.',
  },
} as const;

export const REPORT_SECTION_TEXT = T;

const fmt = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toFixed(digits));

/** One released cut: radar, constructs, item distributions, strengths and blockers, open-text themes. */
export function cutBlocks(report: CampaignReport, cut: CutReport, lang: ReportLang): ReportBlock[] {
  const t = T[lang];
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 2, text: t.cut(cut.label) }];
  if (cut.status === 'suppressed') {
    // Only the notice: no n, no score, nothing that a suppressed cut might carry.
    blocks.push({
      kind: 'paragraph',
      tone: 'notice',
      text: t.suppressed(t.reasons[cut.reason] ?? cut.reason),
    });
    return blocks;
  }
  const constructName = (id: string) =>
    report.instrument.constructs.find((c) => c.id === id)?.name[lang] ?? id;
  const itemText = (id: string) => report.instrument.items.find((i) => i.id === id)?.text[lang] ?? id;
  const shown = cut.constructs.filter((c) => c.score !== null);
  if (shown.length >= 3) {
    blocks.push({
      kind: 'chart',
      chart: {
        type: 'radar',
        axes: shown.map((c) => ({ name: constructName(c.constructId), max: 100 })),
        series: [{ name: cut.label, values: shown.map((c) => fmt(c.score)) }],
      },
      caption: t.radar,
    });
  }
  blocks.push({
    kind: 'table',
    columns: [...t.constructs],
    widths: [4, 1, 1, 1, 1],
    rows: cut.constructs.map((c) => [
      constructName(c.constructId),
      fmt(c.score),
      fmt(c.standardDeviation),
      c.n,
      fmt(c.alpha.value, 2),
    ]),
  });
  const items = cut.items.filter((i) => i.distribution.length > 0);
  if (items.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [...t.items],
      widths: [5, 1, 1, 3],
      rows: items.map((i) => [
        itemText(i.itemId),
        fmt(i.score),
        i.n,
        i.distribution.map((d) => `${d.value}: ${d.count}`).join('  '),
      ]),
    });
  }
  if (cut.withheld.length > 0) {
    blocks.push({ kind: 'paragraph', tone: 'notice', text: t.withheld(cut.withheld.length) });
  }
  const interp = cut.interpretation;
  if (interp) {
    const name = (h: { kind: string; id: string }) =>
      h.kind === 'construct' ? constructName(h.id) : itemText(h.id);
    if (interp.contributors.length + interp.itemContributors.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: t.contributors });
      blocks.push({
        kind: 'list',
        items: [...interp.contributors, ...interp.itemContributors].map(
          (h) => `${name(h)} (${fmt(h.score)})`,
        ),
      });
    }
    if (interp.blockers.length + interp.itemBlockers.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: t.blockers });
      blocks.push({
        kind: 'list',
        items: [...interp.blockers, ...interp.itemBlockers].map((h) => `${name(h)} (${fmt(h.score)})`),
      });
    }
  }
  for (const o of cut.openText) {
    blocks.push({ kind: 'heading', level: 3, text: `${t.openText} — ${itemText(o.itemId)}` });
    if (o.status === 'suppressed') {
      blocks.push({
        kind: 'paragraph',
        tone: 'notice',
        text: t.openSuppressed(t.reasons[o.reason] ?? o.reason),
      });
    } else {
      blocks.push({
        kind: 'table',
        columns: [...t.themes],
        widths: [2, 3, 1],
        rows: o.themes.map((th) => [th.label, th.keywords.join(', '), th.count]),
      });
    }
  }
  return blocks;
}

export function comparisonBlocks(
  c: CampaignComparison,
  report: CampaignReport | null,
  lang: ReportLang,
): ReportBlock[] {
  const t = T[lang];
  const name = (id: string) => report?.instrument.constructs.find((k) => k.id === id)?.name[lang] ?? id;
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 2, text: t.comparison(c.before.title, c.after.title) },
  ];
  for (const cut of c.cuts) {
    if (cut.status !== 'compared') {
      blocks.push({ kind: 'paragraph', tone: 'muted', text: t.notComparable(cut.label, cut.reason ?? '') });
      continue;
    }
    blocks.push({ kind: 'heading', level: 3, text: t.cut(cut.label) });
    blocks.push({
      kind: 'chart',
      chart: {
        type: 'interval',
        rows: cut.constructs.map((k) => ({
          name: name(k.constructId),
          value: k.delta,
          low: k.low,
          high: k.high,
        })),
      },
      caption: t.comparisonCols[4] ?? '',
      height: Math.max(120, 28 * cut.constructs.length + 50),
    });
    blocks.push({
      kind: 'table',
      columns: [...t.comparisonCols],
      widths: [3, 1, 1, 1, 2, 1],
      rows: cut.constructs.map((k) => [
        name(k.constructId),
        `${fmt(k.before.score)} (n=${k.before.n})`,
        `${fmt(k.after.score)} (n=${k.after.n})`,
        fmt(k.delta),
        k.low === null || k.high === null ? null : `[${fmt(k.low)} ; ${fmt(k.high)}]`,
        k.isSignificant ? t.yes : t.no,
      ]),
    });
  }
  return blocks;
}

/** Diagnostic report of one campaign (or of every campaign of the engagement when none is given). */
export async function diagnosticSections(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  lang: ReportLang,
  campaignId?: string,
): Promise<ReportSection[]> {
  if (!can(scope.role, 'survey.readReport')) {
    throw forbidden();
  }
  const t = T[lang];
  const campaigns = (await listCampaigns(db, scope, engagementId)).filter(
    (c) => (campaignId === undefined || c.id === campaignId) && c.status !== 'draft',
  );
  const sections: ReportSection[] = [];
  for (const c of campaigns) {
    const report = await campaignReport(db, scope, c.id, {});
    const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: `${t.diagnostic} — ${report.title}` }];
    if (!report.isReleased) {
      blocks.push({ kind: 'paragraph', tone: 'notice', text: t.notReleased });
    } else {
      for (const cut of report.cuts) {
        blocks.push(...cutBlocks(report, cut, lang));
      }
      const before = report.comparable[0];
      if (before) {
        blocks.push(
          ...comparisonBlocks(
            await compareCampaignReports(db, scope, before.id, report.campaignId),
            report,
            lang,
          ),
        );
      }
    }
    sections.push({ id: `diagnostic-${c.id}`, blocks });
  }
  return sections.length > 0
    ? sections
    : [
        {
          id: 'diagnostic',
          blocks: [
            { kind: 'heading', level: 1, text: t.diagnostic },
            { kind: 'paragraph', text: t.nothing },
          ],
        },
      ];
}

export function decisionBlocks(decisions: readonly DecisionRecordView[], lang: ReportLang): ReportBlock[] {
  const t = T[lang];
  if (decisions.length === 0) {
    return [{ kind: 'paragraph', text: t.nothing }];
  }
  return [
    {
      kind: 'table',
      columns: [...t.decisionCols],
      widths: [4, 1.5, 1.2, 1.3, 1.3, 1],
      rows: decisions.map((d) => [
        d.title,
        d.rule,
        t.statuses[d.status] ?? d.status,
        d.decidedAt?.slice(0, 10) ?? null,
        d.reviewOn,
        d.objections.length,
      ]),
    },
  ];
}

export async function decisionSections(db: Db, scope: OrgScope, engagementId: string, lang: ReportLang) {
  if (!can(scope.role, 'decision.read')) {
    throw forbidden();
  }
  const { decisions } = await listDecisions(db, scope, {}, engagementId);
  return [
    {
      id: 'decisions',
      blocks: [
        { kind: 'heading', level: 1, text: T[lang].decisions } as ReportBlock,
        ...decisionBlocks(decisions, lang),
      ],
    },
  ];
}

export async function workshopSections(
  db: Db,
  live: LiveRuntime,
  scope: OrgScope,
  engagementId: string,
  lang: ReportLang,
  workshopId?: string,
): Promise<ReportSection[]> {
  if (!can(scope.role, 'workshop.read')) {
    throw forbidden();
  }
  const t = T[lang];
  const workshops = (await listWorkshops(db, scope, engagementId)).filter(
    (w) => workshopId === undefined || w.id === workshopId,
  );
  const { decisions } = await listDecisions(db, scope, {}, engagementId);
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: t.workshops }];
  if (workshops.length === 0) {
    blocks.push({ kind: 'paragraph', text: t.nothing });
  }
  for (const w of workshops) {
    const exported = await exportResults(db, live, scope, w.id);
    blocks.push({ kind: 'heading', level: 2, text: t.workshop(w.title) });
    blocks.push({ kind: 'paragraph', tone: 'muted', text: t.participants(exported.participantCount) });
    if (exported.activities.length > 0) {
      blocks.push({
        kind: 'table',
        columns: [...t.activityCols],
        widths: [2, 1, 4],
        rows: exported.activities.map((a) => {
          const labels = rankedLabels(a.results);
          const hidden = a.results !== null && (a.results as { isHidden?: boolean }).isHidden === true;
          return [a.title, a.type, hidden ? t.hidden : labels.slice(0, 5).join(' · ') || null];
        }),
      });
    }
    const fromWorkshop = decisions.filter(
      (d) => d.source === 'live_activity' && d.sourceId?.startsWith(`${w.id}:`),
    );
    if (fromWorkshop.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: t.decisions }, ...decisionBlocks(fromWorkshop, lang));
    }
  }
  return [{ id: 'workshops', blocks }];
}

/** A force layout of thousands of people is slow (about 0.5 s for 150 here) and unreadable on a page: the most central ones. */
const MAP_MAX_NODES = 150;

/** The map of one analysed network: people coloured by community, sized by betweenness, with their ties. */
function networkMapBlock(r: NetworkResult, lang: ReportLang): ReportBlock {
  const shown = [...r.nodes].sort((a, b) => b.betweenness - a.betweenness).slice(0, MAP_MAX_NODES);
  const index = new Map(shown.map((n, i) => [n.id, i]));
  const top = Math.max(...shown.map((n) => n.betweenness), 0) || 1;
  const edges: [number, number][] = [];
  for (const e of r.edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a !== undefined && b !== undefined && a !== b) {
      edges.push([a, b]);
    }
  }
  return {
    kind: 'chart',
    chart: {
      type: 'network',
      nodes: shown.map((n) => ({ name: n.label, group: n.community, size: n.betweenness / top })),
      edges,
    },
    caption: T[lang].map(shown.length, r.nodes.length),
    height: 360,
  };
}

/** Network report: only for readers allowed `network.readReport` (it names people). */
export async function networkSections(db: Db, scope: OrgScope, engagementId: string, lang: ReportLang) {
  if (!can(scope.role, 'network.readReport')) {
    throw forbidden('the network report is for facilitators only');
  }
  const t = T[lang];
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: t.networks }];
  const networks = await listNetworks(db, scope, engagementId);
  if (networks.length === 0) {
    blocks.push({ kind: 'paragraph', text: t.nothing });
  }
  for (const n of networks) {
    blocks.push({ kind: 'heading', level: 2, text: t.network(n.title) });
    const done = (await listAnalyses(db, scope, engagementId, n.id)).find((a) => a.status === 'done');
    const analysis = done ? await readAnalysis(db, scope, engagementId, n.id, done.id) : null;
    const r = analysis?.result;
    if (!r) {
      blocks.push({ kind: 'paragraph', tone: 'muted', text: t.noAnalysis });
      continue;
    }
    const values = [
      r.nodes.length,
      r.edges.length,
      fmt(r.density, 3),
      fmt(r.reciprocity, 3),
      r.communities.length,
      fmt(r.modularity, 3),
      r.components,
    ];
    blocks.push({
      kind: 'table',
      columns: [...t.metrics],
      widths: [3, 1],
      rows: t.metricNames.map((m, i) => [m, values[i] ?? null]),
    });
    blocks.push(networkMapBlock(r, lang));
    const withRoles = r.nodes.filter((x) => x.roles.length > 0).sort((a, b) => b.betweenness - a.betweenness);
    if (withRoles.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: t.roles });
      blocks.push({
        kind: 'table',
        columns: [...t.roleCols],
        widths: [2, 3, 1],
        rows: withRoles
          .slice(0, 40)
          .map((x) => [x.label, x.roles.map((ro) => ro.role).join(', '), fmt(x.betweenness, 3)]),
      });
    }
    const top = [...r.nodes].sort((a, b) => b.betweenness - a.betweenness).slice(0, 12);
    blocks.push({
      kind: 'chart',
      chart: {
        type: 'bar',
        isHorizontal: true,
        categories: top.map((x) => x.label).reverse(),
        series: [{ name: t.roleCols[2] ?? '', values: top.map((x) => fmt(x.betweenness, 3)).reverse() }],
      },
      caption: t.roleCols[2] ?? '',
      height: 40 + 20 * top.length,
    });
    if (analysis.proposals.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: t.agents });
      blocks.push({
        kind: 'table',
        columns: [...t.agentCols],
        widths: [1, 2, 4, 1],
        rows: analysis.proposals.map((p) => [p.rank, p.label, p.reason, p.status]),
      });
    }
  }
  return [{ id: 'networks', blocks }];
}

const E = {
  fr: {
    title: 'Évaluation de la démarche',
    changed: 'Ce qui a changé',
    stable: 'Aucun changement détecté',
    cannot: 'Ce qu’on ne peut pas conclure',
    decisions: (d: EvaluationView['decisions']) =>
      `${d.taken} décision(s) enregistrée(s), ${d.adopted} adoptée(s), ${d.reviewed} revue(s), ${d.dueForReview} à revoir.`,
    feedback: (f: EvaluationView['feedback']) =>
      f.status === 'shown'
        ? `Retours des participants : utilité moyenne ${f.mean} sur 5 (${f.respondents} réponses).`
        : 'Retours des participants : trop peu de réponses pour les montrer.',
    finding: (f: EvaluationView['findings'][number]) => {
      const ci =
        f.low !== undefined && f.low !== null && f.high !== undefined && f.high !== null
          ? ` (écart ${fmt(f.delta)}, intervalle à 95 % [${fmt(f.low)} ; ${fmt(f.high)}])`
          : '';
      switch (f.code) {
        case 'improved':
          return `${f.group} — ${f.subject} : en hausse${ci}.`;
        case 'declined':
          return `${f.group} — ${f.subject} : en baisse${ci}.`;
        case 'no-detectable-change':
          return `${f.group} — ${f.subject} : pas de changement détectable${ci}.`;
        case 'no-baseline':
          return 'Pas de point de départ : il faut deux campagnes closes du même questionnaire.';
        case 'group-not-comparable':
          return `${f.group} : groupe non comparable (masqué ou absent d’une des deux campagnes).`;
        case 'feedback-below-threshold':
          return 'Trop peu de retours des participants pour en tirer quoi que ce soit.';
        case 'no-review-yet':
          return 'Aucune décision adoptée n’a encore été revue : leurs effets ne sont pas mesurés.';
        default:
          return 'Un écart entre deux mesures ne prouve pas que la démarche l’a causé : d’autres événements ont pu jouer.';
      }
    },
  },
  en: {
    title: 'Engagement evaluation',
    changed: 'What changed',
    stable: 'No change detected',
    cannot: 'What cannot be concluded',
    decisions: (d: EvaluationView['decisions']) =>
      `${d.taken} decision(s) recorded, ${d.adopted} adopted, ${d.reviewed} reviewed, ${d.dueForReview} due for review.`,
    feedback: (f: EvaluationView['feedback']) =>
      f.status === 'shown'
        ? `Participants' feedback: mean usefulness ${f.mean} out of 5 (${f.respondents} answers).`
        : "Participants' feedback: too few answers to show.",
    finding: (f: EvaluationView['findings'][number]) => {
      const ci =
        f.low !== undefined && f.low !== null && f.high !== undefined && f.high !== null
          ? ` (difference ${fmt(f.delta)}, 95% interval [${fmt(f.low)}; ${fmt(f.high)}])`
          : '';
      switch (f.code) {
        case 'improved':
          return `${f.group} — ${f.subject}: up${ci}.`;
        case 'declined':
          return `${f.group} — ${f.subject}: down${ci}.`;
        case 'no-detectable-change':
          return `${f.group} — ${f.subject}: no detectable change${ci}.`;
        case 'no-baseline':
          return 'No baseline: two closed campaigns of the same questionnaire are needed.';
        case 'group-not-comparable':
          return `${f.group}: group not comparable (withheld or missing from one of the two campaigns).`;
        case 'feedback-below-threshold':
          return "Too little participants' feedback to draw anything from it.";
        case 'no-review-yet':
          return 'No adopted decision has been reviewed yet: their effects are not measured.';
        default:
          return 'A difference between two measurements does not prove that the engagement caused it: other events may have played a part.';
      }
    },
  },
} as const;

export const EVALUATION_TEXT = E;

export function evaluationBlocks(view: EvaluationView, lang: ReportLang): ReportBlock[] {
  const e = E[lang];
  const by = (kind: string) => view.findings.filter((f) => f.kind === kind).map(e.finding);
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: e.title }];
  blocks.push({ kind: 'paragraph', text: e.decisions(view.decisions) });
  blocks.push({ kind: 'paragraph', text: e.feedback(view.feedback) });
  for (const [kind, title] of [
    ['changed', e.changed],
    ['stable', e.stable],
    ['cannot-conclude', e.cannot],
  ] as const) {
    const items = by(kind);
    if (items.length > 0) {
      blocks.push({ kind: 'heading', level: 2, text: title }, { kind: 'list', items });
    }
  }
  return blocks;
}

export const CONFIDENTIALITY_OF = {
  diagnostic: 'confidential',
  decisions: 'internal',
  workshop: 'internal',
  network: 'restricted',
} as const satisfies Record<string, ConfidentialityLevel>;
