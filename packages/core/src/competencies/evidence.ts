/**
 * @module Evidence rules: platform facts → evidence items, each supporting named competencies.
 *
 * The server reads facts about the engagements a consultant facilitated (their own tables, nothing
 * about individual respondents) and these pure rules turn them into evidence a consultant can pick
 * when rating themselves. Rules are data: `collectEvidence(facts, rules)` accepts extra rules, which
 * is the extension point for facts the platform does not hold yet (decisions facilitated by rule,
 * charters adopted, evaluation deltas): add the fact type to `PlatformFacts`, a rule below, and
 * have the server fill the new list (see docs/competencies.md, "Adding evidence").
 */
import type { MethodFamily } from '../methods/types';

export interface EngagementFact {
  readonly id: string;
  readonly title: string;
  /** active | paused | stopped | closed… as stored. */
  readonly status: string;
  /** Phase keys with their status (done | active | todo…). */
  readonly phases: readonly { readonly key: string; readonly status: string }[];
  /** Questions whose complexity was assessed, by Cynefin domain. */
  readonly assessedDomains: readonly string[];
}

export interface CampaignFact {
  readonly id: string;
  readonly engagementId: string;
  readonly title: string;
  readonly status: string;
  readonly responses: number;
  /** Thresholds in force (scores, comments). */
  readonly minRespondents: number;
  readonly minOpenText: number;
}

export interface MethodUseFact {
  readonly engagementId: string | null;
  readonly methodId: string;
  readonly family: MethodFamily;
  readonly skill: 1 | 2 | 3;
  /** `choice`: a recorded group/sponsor choice; `agenda`: planned in an agenda. */
  readonly source: 'choice' | 'agenda';
  readonly decidedBy?: string;
}

export interface WorkshopFact {
  readonly id: string;
  readonly engagementId: string | null;
  readonly title: string;
  readonly status: string;
  readonly participants: number;
}

export interface StopFact {
  readonly engagementId: string;
  /** paused | stopped. */
  readonly status: string;
  readonly at: string;
}

export interface NetworkFact {
  readonly id: string;
  readonly engagementId: string;
  readonly status: string;
}

/** Extension point: facilitated decisions (filled once the decisions feature exists). */
export interface DecisionFact {
  readonly id: string;
  readonly engagementId: string;
  /** Decision rule, e.g. consent, majority, sponsor. */
  readonly rule: string;
}

/** Extension point: charters adopted by a collective (filled once charters exist). */
export interface CharterFact {
  readonly id: string;
  readonly engagementId: string;
  readonly adoptedAt: string;
}

export interface PlatformFacts {
  readonly engagements: readonly EngagementFact[];
  readonly campaigns: readonly CampaignFact[];
  readonly methods: readonly MethodUseFact[];
  readonly workshops: readonly WorkshopFact[];
  readonly stops: readonly StopFact[];
  readonly networks: readonly NetworkFact[];
  readonly decisions?: readonly DecisionFact[];
  readonly charters?: readonly CharterFact[];
}

export const EVIDENCE_KINDS = [
  'engagement-led',
  'phases-completed',
  'complexity-assessed',
  'diagnostic-run',
  'method-used',
  'methods-breadth',
  'workshop-facilitated',
  'stop-control',
  'network-analysis',
  'decision-facilitated',
  'charter-adopted',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** One piece of evidence. `key` is stable so a self-rating can cite it. */
export interface EvidenceItem {
  readonly key: string;
  readonly kind: EvidenceKind;
  readonly engagementId: string | null;
  /** Short label (an engagement, campaign or workshop title; a method id). */
  readonly label: string;
  /** Figures for display, e.g. { participants: 24 } — never about an individual respondent. */
  readonly figures: Readonly<Record<string, string | number | boolean>>;
  readonly competencyIds: readonly string[];
}

export interface EvidenceRule {
  readonly kind: EvidenceKind;
  collect(facts: PlatformFacts): EvidenceItem[];
}

const FAMILY_COMPETENCIES: Record<MethodFamily, readonly string[]> = {
  diverge: ['creative-climate', 'method-repertoire'],
  converge: ['outcome-guidance', 'method-repertoire'],
  decide: ['outcome-guidance', 'governance-redesign'],
  relate: ['trust-safety', 'inclusive-participation'],
  reflect: ['reflective-stance', 'ic-forms-recognition'],
  plan: ['plans-and-specs', 'process-design'],
  spread: ['change-agents-spread'],
};

export const EVIDENCE_RULES: readonly EvidenceRule[] = [
  {
    kind: 'engagement-led',
    collect: (f) =>
      f.engagements.map((e) => ({
        key: `engagement:${e.id}`,
        kind: 'engagement-led',
        engagementId: e.id,
        label: e.title,
        figures: { status: e.status, phases: e.phases.length },
        competencyIds: ['client-partnership', 'request-listening', 'three-way-agreement'],
      })),
  },
  {
    kind: 'phases-completed',
    collect: (f) =>
      f.engagements.flatMap((e) => {
        const done = e.phases.filter((p) => p.status === 'done');
        return done.length === 0
          ? []
          : [
              {
                key: `phases:${e.id}`,
                kind: 'phases-completed' as const,
                engagementId: e.id,
                label: e.title,
                figures: {
                  done: done.length,
                  total: e.phases.length,
                  phases: done.map((p) => p.key).join(','),
                },
                competencyIds: ['process-design', 'outcome-guidance'],
              },
            ];
      }),
  },
  {
    kind: 'complexity-assessed',
    collect: (f) =>
      f.engagements.flatMap((e) =>
        e.assessedDomains.length === 0
          ? []
          : [
              {
                key: `complexity:${e.id}`,
                kind: 'complexity-assessed' as const,
                engagementId: e.id,
                label: e.title,
                figures: {
                  questions: e.assessedDomains.length,
                  domains: [...new Set(e.assessedDomains)].join(','),
                },
                competencyIds: ['complexity-sensing'],
              },
            ],
      ),
  },
  {
    kind: 'diagnostic-run',
    collect: (f) =>
      f.campaigns
        .filter((c) => c.status !== 'draft')
        .map((c) => ({
          key: `campaign:${c.id}`,
          kind: 'diagnostic-run',
          engagementId: c.engagementId,
          label: c.title,
          figures: {
            released: c.status === 'closed',
            responses: c.responses,
            minRespondents: c.minRespondents,
            minOpenText: c.minOpenText,
          },
          competencyIds: ['obstacles-trust-zones', 'psy-grade-ethics', 'ethical-practice'],
        })),
  },
  {
    kind: 'method-used',
    collect: (f) => {
      const seen = new Map<string, MethodUseFact>();
      for (const m of f.methods) {
        const key = `${m.engagementId ?? '-'}:${m.methodId}`;
        if (!seen.has(key) || m.source === 'choice') {
          seen.set(key, m);
        }
      }
      return [...seen.entries()].map(([key, m]) => ({
        key: `method:${key}`,
        kind: 'method-used' as const,
        engagementId: m.engagementId,
        label: m.methodId,
        figures: {
          family: m.family,
          skill: m.skill,
          source: m.source,
          ...(m.decidedBy ? { decidedBy: m.decidedBy } : {}),
        },
        // A method chosen by the group (not imposed) supports "choosing without imposing".
        competencyIds: [
          ...FAMILY_COMPETENCIES[m.family],
          ...(m.source === 'choice' ? ['method-choice'] : []),
        ],
      }));
    },
  },
  {
    kind: 'methods-breadth',
    collect: (f) => {
      const families = new Set(f.methods.map((m) => m.family));
      const ids = new Set(f.methods.map((m) => m.methodId));
      if (ids.size === 0) {
        return [];
      }
      const maxSkill = Math.max(...f.methods.map((m) => m.skill));
      return [
        {
          key: 'methods:breadth',
          kind: 'methods-breadth' as const,
          engagementId: null,
          label: 'methods',
          figures: { methods: ids.size, families: families.size, maxSkill },
          competencyIds: ['method-repertoire', 'process-design'],
        },
      ];
    },
  },
  {
    kind: 'workshop-facilitated',
    collect: (f) =>
      f.workshops.map((w) => ({
        key: `workshop:${w.id}`,
        kind: 'workshop-facilitated',
        engagementId: w.engagementId,
        label: w.title,
        figures: { participants: w.participants, status: w.status },
        competencyIds: ['inclusive-participation', 'presence', 'trust-safety'],
      })),
  },
  {
    kind: 'stop-control',
    collect: (f) =>
      f.stops.map((s, i) => ({
        key: `stop:${s.engagementId}:${i}`,
        kind: 'stop-control',
        engagementId: s.engagementId,
        label: f.engagements.find((e) => e.id === s.engagementId)?.title ?? s.engagementId,
        figures: { status: s.status, at: s.at.slice(0, 10) },
        competencyIds: ['stop-and-adapt', 'psy-grade-ethics'],
      })),
  },
  {
    kind: 'network-analysis',
    collect: (f) =>
      f.networks.map((n) => ({
        key: `network:${n.id}`,
        kind: 'network-analysis',
        engagementId: n.engagementId,
        label: f.engagements.find((e) => e.id === n.engagementId)?.title ?? n.engagementId,
        figures: { status: n.status },
        competencyIds: ['change-agents-spread'],
      })),
  },
  {
    kind: 'decision-facilitated',
    collect: (f) =>
      (f.decisions ?? []).map((d) => ({
        key: `decision:${d.id}`,
        kind: 'decision-facilitated',
        engagementId: d.engagementId,
        label: d.rule,
        figures: { rule: d.rule },
        competencyIds: ['governance-redesign', 'outcome-guidance'],
      })),
  },
  {
    kind: 'charter-adopted',
    collect: (f) =>
      (f.charters ?? []).map((c) => ({
        key: `charter:${c.id}`,
        kind: 'charter-adopted',
        engagementId: c.engagementId,
        label: c.adoptedAt.slice(0, 10),
        figures: { adoptedAt: c.adoptedAt.slice(0, 10) },
        competencyIds: ['charters'],
      })),
  },
];

/**
 * Every evidence item the rules find in the facts, in a stable order (rule order, then key).
 * @example collectEvidence(facts).filter((e) => e.competencyIds.includes('stop-and-adapt'))
 */
export function collectEvidence(
  facts: PlatformFacts,
  rules: readonly EvidenceRule[] = EVIDENCE_RULES,
): EvidenceItem[] {
  return rules.flatMap((rule) =>
    rule.collect(facts).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)),
  );
}

/** Evidence items supporting one competency. */
export function evidenceFor(items: readonly EvidenceItem[], competencyId: string): EvidenceItem[] {
  return items.filter((item) => item.competencyIds.includes(competencyId));
}
