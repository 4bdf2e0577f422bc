/**
 * The specification (cahier des charges) of an engagement: each section is pulled from the engagement's
 * own records — its request and intention, essential questions, the diagnosis's released results (whole
 * campaign, shown cuts only: `measuredStateOf`), options chosen, methods chosen, decision rules and
 * decisions, charter clauses (trace links), the plan's constraints, deliverables and indicators — then
 * edited by people. Every save is a new version; a read compares what each section pulled in with what
 * the sources say now, so the editor sees what changed without their text being replaced.
 */
import type { SpecView } from '@essaim/contracts';
import { ESSAIM_IC, LEVEL_LABELS, MIN_RESPONDENTS_FLOOR } from '@essaim/core/diagnostics';
import {
  type PulledContent,
  SPEC_SECTION_KEYS,
  type SpecSection,
  type SpecSectionKey,
  type SpecSource,
  sectionChange,
} from '@essaim/core/plans';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { plansRepository } from '../db/repositories/plans.repository.ts';
import { AppError } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { loadEngagement } from './engagements.service.ts';
import { planChoices, readPlan } from './plans.service.ts';
import { measuredStateOf } from './plans-measure.service.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { listTraceLinks } from './trace.service.ts';

type Lang = 'fr' | 'en';

const DOMAINS: Record<string, { fr: string; en: string }> = {
  clear: { fr: 'clair', en: 'clear' },
  complicated: { fr: 'compliqué', en: 'complicated' },
  complex: { fr: 'complexe', en: 'complex' },
  chaotic: { fr: 'chaotique', en: 'chaotic' },
  confusion: { fr: 'confusion', en: 'confusion' },
};

const W = {
  none: { fr: 'Rien pour l’instant.', en: 'Nothing yet.' },
  noDiagnosis: {
    fr: 'Aucun résultat de diagnostic publié pour l’instant (les résultats sont publiés à la clôture d’une campagne).',
    en: 'No diagnostic results released yet (results are released when a campaign closes).',
  },
  byGroup: { fr: 'par le groupe', en: 'by the group' },
  bySponsor: { fr: 'par le commanditaire', en: 'by the sponsor' },
  roleConsultant: {
    fr: 'Le consultant conçoit et anime le processus, protège la confidentialité des réponses et rend compte de la méthode ; il ne décide pas à la place du collectif.',
    en: 'The consultant designs and facilitates the process, protects the confidentiality of answers and accounts for the method; they do not decide in the collective’s place.',
  },
  roleSponsor: {
    fr: 'Le commanditaire porte la demande, choisit parmi les options, donne les moyens et peut suspendre ou arrêter la démarche.',
    en: 'The sponsor holds the request, chooses among the options, provides the means and may pause or stop the process.',
  },
  thresholds: {
    fr: `Aucun résultat n’est montré pour un groupe de moins de ${MIN_RESPONDENTS_FLOOR} répondants ; les résultats sont publiés en une fois, à la clôture.`,
    en: `No result is shown for a group of fewer than ${MIN_RESPONDENTS_FLOOR} respondents; results are released once, at close.`,
  },
} as const;

const constructName = (id: string, lang: Lang) =>
  ESSAIM_IC.constructs.find((c) => c.id === id)?.name[lang] ?? id;

const lines = (items: string[], lang: Lang) => (items.length === 0 ? W.none[lang] : items.join('\n'));

/** What each section would pull in now. */
export async function pullSections(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  lang: Lang,
): Promise<Record<SpecSectionKey, PulledContent>> {
  const engagement = await loadEngagement(db, scope, engagementId);
  const engagementSource: SpecSource = { kind: 'engagement', id: engagement.id, label: engagement.title };
  const [choices, measured, links, plan, boards, methods, decisions, stakeholders] = await Promise.all([
    planChoices(db, scope, engagementId),
    measuredStateOf(db, scope, engagementId),
    listTraceLinks(db, scope, engagementId),
    readPlan(db, scope, engagementId, lang),
    plansRepository.optionChoicesOf(db, engagementId),
    plansRepository.methodChoicesOf(db, engagementId),
    plansRepository.decisionsOf(db, scope, engagementId),
    plansRepository.stakeholdersOf(db, engagementId),
  ]);
  const by = (who: string) => (who === 'group' ? W.byGroup[lang] : W.bySponsor[lang]);
  const doc = plan.document;

  const diagnosis: PulledContent = measured.campaignId
    ? {
        text: [
          lang === 'fr'
            ? `Campagne « ${measured.campaignTitle} » — niveau d’efficacité ${measured.effectivenessLevel} (${LEVEL_LABELS[(measured.effectivenessLevel ?? 1) - 1]!.fr})${measured.trustLevel === null ? '' : `, confiance ${measured.trustLevel}/5`}.`
            : `Campaign "${measured.campaignTitle}" — effectiveness level ${measured.effectivenessLevel} (${LEVEL_LABELS[(measured.effectivenessLevel ?? 1) - 1]!.en})${measured.trustLevel === null ? '' : `, trust ${measured.trustLevel}/5`}.`,
          ...measured.constructs.map(
            (c) => `${constructName(c.constructId, lang)} : ${Math.round(c.score)}/100`,
          ),
        ].join('\n'),
        sources: [{ kind: 'survey', id: measured.campaignId, label: measured.campaignTitle ?? '' }],
      }
    : { text: W.noDiagnosis[lang], sources: [] };

  const charterLinks = links.filter(
    (l) => String(l.from.kind) === 'charter_clause' || String(l.to.kind) === 'charter_clause',
  );
  const clauses = new Map<string, string>();
  for (const l of charterLinks) {
    const end = String(l.from.kind) === 'charter_clause' ? l.from : l.to;
    clauses.set(end.id, end.label ?? end.id);
  }
  const rules = decisions.filter((d) => d.source === 'rule_choice');
  const passed = decisions.filter((d) => d.source !== 'rule_choice' && d.status === 'passed');
  const dates =
    engagement.starts_on || engagement.ends_on
      ? [
          `${lang === 'fr' ? 'Période' : 'Period'} : ${engagement.starts_on ?? '…'} → ${engagement.ends_on ?? '…'}`,
        ]
      : [];
  const scenarioNames = new Map(doc.scenarios.map((s) => [s.id, s.name]));

  return {
    context: {
      text:
        [engagement.request, engagement.context].filter((t) => t.trim() !== '').join('\n') || W.none[lang],
      sources: [engagementSource],
    },
    intention: { text: engagement.intention.trim() || W.none[lang], sources: [engagementSource] },
    questions: {
      text: lines(
        choices.questions.map(
          (q) =>
            `${q.text}${q.domain ? ` (${lang === 'fr' ? 'Cynefin' : 'Cynefin'} : ${DOMAINS[q.domain]?.[lang]})` : ''}`,
        ),
        lang,
      ),
      sources: choices.questions.map((q) => ({ kind: 'question', id: q.id, label: q.text })),
    },
    diagnosis,
    options: {
      text: lines(
        boards.map(
          (b) =>
            `${b.boardTitle} → ${b.option_title} (${by(b.decided_by)})${b.reason ? ` : ${b.reason}` : ''}`,
        ),
        lang,
      ),
      sources: [...new Map(boards.map((b) => [b.boardId, b.boardTitle])).entries()].map(([id, label]) => ({
        kind: 'options_board',
        id,
        label,
      })),
    },
    methods: {
      text: lines(
        methods.map((m) => {
          const name = m.method_name[lang];
          return `${name} (${by(m.decided_by)})${m.reason ? ` : ${m.reason}` : ''}`;
        }),
        lang,
      ),
      sources: methods.map((m) => ({
        kind: 'method',
        id: m.id,
        label: m.method_name[lang],
      })),
    },
    governance: {
      text: lines(
        [...rules, ...passed].map((d) => `${d.title}${d.rule ? ` [${d.rule}]` : ''}`),
        lang,
      ),
      sources: [...rules, ...passed].map((d) => ({ kind: 'decision', id: d.id, label: d.title })),
    },
    charters: {
      text: lines([...clauses.values()], lang),
      sources: [...clauses].map(([id, label]) => ({ kind: 'charter_clause', id, label })),
    },
    constraints: {
      text: lines(
        [
          ...dates,
          ...doc.unavailable.map((u) => `${u.label} : ${u.from} → ${u.to}`),
          ...plan.scenarios.map(
            (s) =>
              `${scenarioNames.get(s.scenarioId) ?? ''} : ${s.totals.total.toLocaleString(lang)} € (${s.totals.personDays} ${lang === 'fr' ? 'j-p' : 'person-days'})`,
          ),
        ],
        lang,
      ),
      sources: [{ kind: 'plan', id: engagementId, label: doc.title }],
    },
    deliverables: {
      text: lines(
        doc.milestones.flatMap((m) =>
          m.deliverables.length === 0 ? [] : [`${m.title} (${m.dueOn}) : ${m.deliverables.join(', ')}`],
        ),
        lang,
      ),
      sources: doc.milestones
        .filter((m) => m.deliverables.length > 0)
        .map((m) => ({ kind: 'roadmap_item', id: m.id, label: m.title })),
    },
    roles: {
      text: [
        W.roleConsultant[lang],
        W.roleSponsor[lang],
        ...stakeholders
          .filter((s) => s.kind === 'sponsor' || s.kind === 'facilitator')
          .map(
            (s) =>
              `${s.kind === 'sponsor' ? (lang === 'fr' ? 'Commanditaire' : 'Sponsor') : lang === 'fr' ? 'Animation' : 'Facilitation'} : ${s.name}`,
          ),
      ].join('\n'),
      sources: [engagementSource],
    },
    ethics: {
      text: [engagement.confidentiality_text.trim(), W.thresholds[lang]].filter((t) => t !== '').join('\n'),
      sources: [
        {
          kind: 'engagement',
          id: engagement.id,
          label: `${lang === 'fr' ? 'Confidentialité' : 'Confidentiality'} v${engagement.confidentiality_version}`,
        },
      ],
    },
    evaluation: {
      text: lines(
        doc.indicators.map(
          (i) =>
            `${i.name}${i.constructId ? ` (${constructName(i.constructId, lang)})` : ''} : ${i.baseline ?? '?'} → ${i.target ?? '?'}`,
        ),
        lang,
      ),
      sources: doc.indicators.map((i) => ({ kind: 'indicator', id: i.id, label: i.name })),
    },
  };
}

export async function readSpecification(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  userLang: Lang,
): Promise<SpecView> {
  await loadEngagement(db, scope, engagementId);
  const latest = await plansRepository.latestSpec(db, scope, engagementId);
  const lang: Lang = latest?.lang === 'en' ? 'en' : latest ? 'fr' : userLang;
  const current = await pullSections(db, scope, engagementId, lang);
  const stored = latest?.sections ?? [];
  const versions = await plansRepository.specVersions(db, scope, engagementId);
  const sections = SPEC_SECTION_KEYS.map((key) => {
    const s: SpecSection = stored.find((x) => x.key === key) ?? {
      key,
      text: current[key].text,
      pulled: current[key],
    };
    return {
      key,
      text: s.text,
      pulled: s.pulled,
      current: current[key],
      change: sectionChange(s.pulled, current[key]),
    };
  });
  return {
    engagementId,
    version: latest?.version ?? 0,
    updatedAt: latest?.created_at ?? null,
    updatedBy: versions[0]?.by ?? null,
    sections,
    versions: versions.map((v) => ({ version: v.version, at: v.created_at, by: v.by })),
  };
}

/**
 * A new version: each section's text as given; `refresh` takes in what the sources say now. Sections
 * not sent keep their text. Version 0 → 1 is the generation from the engagement.
 */
export async function saveSpecification(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: { version: number; sections: { key: SpecSectionKey; text: string; refresh: boolean }[] },
  actor: Actor,
  userLang: Lang,
): Promise<SpecView> {
  await db.transaction().execute(async (trx) => {
    await loadEngagement(trx, scope, engagementId);
    await assertEngagementAcceptsInput(trx, engagementId);
    const latest = await plansRepository.latestSpec(trx, scope, engagementId);
    if ((latest?.version ?? 0) !== body.version) {
      throw new AppError('CONFLICT', 'the specification changed since you opened it', {
        reason: 'stale-version',
        version: latest?.version ?? 0,
      });
    }
    const lang: Lang = latest ? (latest.lang === 'en' ? 'en' : 'fr') : userLang;
    const current = await pullSections(trx, scope, engagementId, lang);
    const stored = latest?.sections ?? [];
    const sections: SpecSection[] = SPEC_SECTION_KEYS.map((key) => {
      const before = stored.find((s) => s.key === key);
      const edit = body.sections.find((s) => s.key === key);
      const pulled = !before || edit?.refresh ? current[key] : before.pulled;
      const text = edit
        ? edit.refresh && edit.text === before?.text
          ? current[key].text
          : edit.text
        : (before?.text ?? current[key].text);
      return { key, text, pulled };
    });
    const version = body.version + 1;
    await plansRepository.insertSpec(trx, {
      id: newId(),
      org_id: scope.orgId,
      engagement_id: engagementId,
      version,
      lang,
      sections,
      created_by: scope.userId,
      created_at: nowIso(),
    });
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: version === 1 ? 'specification.generated' : 'specification.saved',
      objectKind: 'specification',
      objectId: engagementId,
      data: { version, refreshed: body.sections.filter((s) => s.refresh).map((s) => s.key) },
    });
  });
  return readSpecification(db, scope, engagementId, userLang);
}
