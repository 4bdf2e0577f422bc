/**
 * Aggregated results of a campaign. Everything released goes through the core disclosure planner
 * (`aggregateCuts`, docs/diagnostics.md §6): scores only for cells of ≥ minRespondents (≥ 5),
 * open text only for ≥ minOpenText (≥ 10), and anti-differencing over the campaign's whole
 * requestable universe — every collective of the campaign (with nesting) and the whole campaign,
 * crossed with every combination of up to {@link MAX_FILTERS} attribute filters. The universe
 * depends only on the campaign's definition (collectives, declared attribute values), never on
 * the request, so two requests cannot be combined into more than either reveals (Sweeney 2002,
 * k-anonymity, extended to linear combinations by the planner).
 *
 * No function here returns a respondent's answers: rows are loaded, packed into a matrix and
 * summed; only the planner's shown cells leave.
 *
 * Release as a batch (docs/diagnostics.md §6, "What the server must still do"): aggregates leave
 * only once the campaign is closed. While it is open, the report gives each cut "threshold reached
 * / not yet" and nothing else — no score and no count, because two views taken before and after one
 * more submission would differ by exactly that person's answers, and a count says who answered when.
 *
 * Frozen release (docs/diagnostics.md "Threat model"): everything a report depends on — the
 * campaign's collective tree with its names, the attribute definitions and the thresholds — is
 * frozen at launch into `survey_campaigns.frozen`; respondents' memberships are frozen in their
 * response rows (from their invitation, issued at launch, or their own declaration). At close the
 * whole requestable universe is planned and presented once and stored (`survey_released_cuts`);
 * a closed campaign's report is served from that store, byte for byte, whatever the organisation
 * does afterwards (re-parenting, moving people, renaming or deleting collectives, deleting people).
 */

import type { CampaignComparison, CampaignReport, CutReport } from '@essaim/contracts';
import { csvCell } from '@essaim/core';
import {
  aggregateCuts,
  buildResponseMatrix,
  type CollectiveNode,
  type ComparableCut,
  type CampaignReport as CoreCampaignReport,
  type CutReport as CoreCutReport,
  type CutDefinition,
  compareCampaigns,
  computeCutMembers,
  cutKey,
  type DisclosureRespondent,
  enumerateRequestableCuts,
  IncomparableCampaignsError,
  type Instrument,
  resolveThresholds,
  type Thresholds,
  type ValidSubmission,
} from '@essaim/core/diagnostics';
import type { OrgScope } from '../db/org-scope.ts';
import { type CampaignRow, surveysRepository } from '../db/repositories/surveys.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { AppError } from '../lib/app-error.ts';

/** Most attribute filters combined in one requestable cut. */
export const MAX_FILTERS = 2;
/** Verbatim examples shown per theme of a shown open-text cell. */
const EXAMPLES_PER_THEME = 3;

export interface CampaignAttributeDef {
  name: string;
  values: string[];
}

/** What a report depends on, frozen at launch (`survey_campaigns.frozen`). */
export interface CampaignSnapshot {
  tree: { id: string; name: string; parentId: string | null }[];
  attributes: CampaignAttributeDef[];
  thresholds: Thresholds;
}

/** The snapshot of a launched campaign; null for a draft (which reads the organisation as it is). */
export function snapshotOf(campaign: CampaignRow): CampaignSnapshot | null {
  const frozen = campaign.frozen;
  return frozen ? { ...frozen, thresholds: resolveThresholds(frozen.thresholds) } : null;
}

/** Read the organisation as it is now: what a draft shows, and what launch freezes. */
export async function liveSnapshot(db: Db, campaign: CampaignRow): Promise<CampaignSnapshot> {
  const [org, orgCollectives] = await Promise.all([
    surveysRepository.thresholdsOf(db, campaign.org_id),
    surveysRepository.collectivesOfOrg(db, campaign.org_id),
  ]);
  return {
    tree: campaignTree(orgCollectives, campaign.collective_ids),
    attributes: campaign.attributes,
    thresholds: resolveThresholds({
      minRespondents: org?.min_group_size,
      minOpenText: org?.min_text_group_size,
    }),
  };
}

/** The collectives of a campaign: the chosen ones and everything nested below them. */
export function campaignTree(
  orgCollectives: readonly { id: string; name: string; parent_id: string | null }[],
  chosen: readonly string[],
): { id: string; name: string; parentId: string | null }[] {
  const inTree = new Set(chosen);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of orgCollectives) {
      if (!inTree.has(c.id) && c.parent_id !== null && inTree.has(c.parent_id)) {
        inTree.add(c.id);
        grew = true;
      }
    }
  }
  return orgCollectives
    .filter((c) => inTree.has(c.id))
    .map((c) => ({
      id: c.id,
      name: c.name,
      // Nesting counts only inside the campaign: a chosen collective's own parent is not part of it.
      parentId: c.parent_id !== null && inTree.has(c.parent_id) ? c.parent_id : null,
    }));
}

/** What the aggregation needs about a campaign, loaded once. */
export interface CampaignData {
  campaign: CampaignRow;
  instrument: Instrument;
  thresholds: Thresholds;
  tree: { id: string; name: string; parentId: string | null }[];
  attributes: CampaignAttributeDef[];
  respondents: (DisclosureRespondent & { channel: string })[];
  submissions: ValidSubmission[];
  universe: CutDefinition[];
}

export function frozenInstrument(campaign: CampaignRow): Instrument | null {
  return campaign.instrument;
}

export async function loadCampaignData(
  db: Db,
  campaign: CampaignRow,
  instrument: Instrument,
): Promise<CampaignData> {
  const [snapshot, rows] = await Promise.all([
    snapshotOf(campaign) ?? liveSnapshot(db, campaign),
    campaign.launched_at ? surveysRepository.submitted(db, campaign.id) : Promise.resolve([]),
  ]);
  const { tree, attributes, thresholds } = snapshot;
  const respondents = rows.map((r, index): DisclosureRespondent & { channel: string } => ({
    id: String(index),
    collectiveIds: r.collective_ids,
    attributes: r.attributes,
    selfDeclared: r.channel === 'shared',
    channel: r.channel,
  }));
  const submissions = rows.map((r) => r.answers);
  const universe = enumerateRequestableCuts({
    collectives: tree,
    attributes,
    maxFilters: MAX_FILTERS,
  });
  return { campaign, instrument, thresholds, tree, attributes, respondents, submissions, universe };
}

/** The default cuts of a report: the whole campaign and each of its collectives. */
export function defaultCuts(data: CampaignData): CutDefinition[] {
  return [{}, ...data.tree.map((c) => ({ collectiveId: c.id }))];
}

export function aggregate(data: CampaignData, requested: readonly CutDefinition[]): CoreCampaignReport {
  return aggregateCuts({
    matrix: buildResponseMatrix(data.instrument, data.submissions),
    respondents: data.respondents,
    requestedCuts: requested,
    otherRequestableCuts: data.universe,
    collectives: data.tree as CollectiveNode[],
    thresholds: data.thresholds,
  });
}

/** Parse `name=value;name=value` and check the cut is one a user may request. */
export function parseCut(data: CampaignData, collectiveId?: string, filter?: string): CutDefinition {
  const filters: Record<string, string> = {};
  for (const part of (filter ?? '').split(';').filter((p) => p.trim() !== '')) {
    const at = part.indexOf('=');
    const name = at < 0 ? '' : part.slice(0, at).trim();
    const value = at < 0 ? '' : part.slice(at + 1).trim();
    const def = data.attributes.find((a) => a.name === name);
    if (!def?.values.includes(value) || Object.hasOwn(filters, name)) {
      throw new AppError('VALIDATION_FAILED', 'unknown filter', { filter: part });
    }
    filters[name] = value;
  }
  if (Object.keys(filters).length > MAX_FILTERS) {
    throw new AppError('VALIDATION_FAILED', `at most ${MAX_FILTERS} filters`);
  }
  if (collectiveId !== undefined && !data.tree.some((c) => c.id === collectiveId)) {
    throw new AppError('VALIDATION_FAILED', 'this collective is not part of the campaign', { collectiveId });
  }
  const cut: CutDefinition = collectiveId === undefined ? {} : { collectiveId };
  return Object.keys(filters).length === 0 ? cut : { ...cut, filters };
}

function cutLabel(data: CampaignData, cut: CutDefinition): string {
  const scope = cut.collectiveId ? (data.tree.find((c) => c.id === cut.collectiveId)?.name ?? '?') : '*';
  const filters = Object.entries(cut.filters ?? {}).map(([k, v]) => `${k}=${v}`);
  return [scope, ...filters].join(' · ');
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Present one core cut report. Verbatim examples come only from shown open-text cells. */
function presentCut(data: CampaignData, cut: CoreCutReport): CutReport {
  const summary = cut.status === 'shown' ? cut.summary : undefined;
  const interpretation = cut.status === 'shown' ? cut.interpretation : undefined;
  let cutMembers: Int32Array | null = null;
  const members = () => {
    cutMembers ??= computeCutMembers(data.respondents, [cut.cut], data.tree)[0]!;
    return cutMembers;
  };
  const openText = cut.openText.map((o) => {
    if (o.status !== 'shown' || !o.themes) {
      return { itemId: o.itemId, status: o.status, reason: o.reason, n: null, themes: [] };
    }
    const textMembers = members();
    // Same order as the planner: members of the cut who answered this question, ascending.
    const answered = Array.from(textMembers).filter(
      (m) => (data.submissions[m]?.text[o.itemId] ?? '') !== '',
    );
    return {
      itemId: o.itemId,
      status: o.status,
      reason: o.reason,
      n: o.n,
      themes: o.themes.map((t) => ({
        label: t.label,
        keywords: [...t.keywords],
        count: t.count,
        examples: t.answerIndexes
          .slice(0, EXAMPLES_PER_THEME)
          .map((i) => data.submissions[answered[i]!]?.text[o.itemId] ?? ''),
      })),
    };
  });
  return {
    key: cut.key,
    label: cutLabel(data, cut.cut),
    collectiveId: cut.cut.collectiveId ?? null,
    filters: { ...(cut.cut.filters ?? {}) },
    status: cut.status,
    reason: cut.reason,
    n: cut.n,
    progress: null,
    // Channel counts are sums of a per-respondent indicator over a shown cell: the planner's
    // guarantee covers them like any other sum.
    channels:
      cut.status === 'shown'
        ? {
            sharedLink: Array.from(members()).filter((m) => data.respondents[m]?.channel === 'shared').length,
            handLinks: Array.from(members()).filter((m) => data.respondents[m]?.channel === 'hand').length,
          }
        : null,
    constructs: (summary?.constructs ?? []).map((c) => ({
      constructId: c.constructId,
      family: c.family,
      n: c.n,
      score: finite(c.score),
      rawMean: finite(c.rawMean),
      standardDeviation: finite(c.standardDeviation),
      alpha: {
        value: c.alpha.value === null ? null : finite(c.alpha.value),
        n: c.alpha.n,
        itemCount: c.alpha.itemCount,
      },
      bands: [...c.bands],
    })),
    items: (summary?.items ?? []).map((i) => ({
      itemId: i.itemId,
      constructId: i.constructId,
      n: i.n,
      score: finite(i.score),
      rawMean: finite(i.rawMean),
      distribution: i.distribution.map((d) => ({ value: d.value, count: d.count })),
    })),
    withheld: [...(cut.withheld ?? [])],
    interpretation: interpretation
      ? {
          profile: {
            forms: interpretation.profile.forms.map((f) => ({
              constructId: f.constructId,
              score: finite(f.score),
            })),
            strongest: interpretation.profile.strongest,
            weakest: interpretation.profile.weakest,
            spread: finite(interpretation.profile.spread),
          },
          effectiveness: {
            level: interpretation.effectiveness.level,
            index: finite(interpretation.effectiveness.index),
            unmetForNextLevel: [...interpretation.effectiveness.unmetForNextLevel],
            skippedRules: [...interpretation.effectiveness.skippedRules],
          },
          contributors: [...interpretation.highlights.constructs.contributors],
          blockers: [...interpretation.highlights.constructs.blockers],
          itemContributors: [...interpretation.highlights.items.contributors],
          itemBlockers: [...interpretation.highlights.items.blockers],
        }
      : null,
    openText,
  };
}

const NOT_YET = new Set(['no-respondents', 'below-minimum', 'below-self-declared-minimum']);

/** Whether a cut has reached its own threshold (a cut withheld for differencing has reached it). */
export function progressOf(reason: string): 'reached' | 'not-yet' {
  return NOT_YET.has(reason) ? 'not-yet' : 'reached';
}

/** A cut of a campaign still open: threshold reached or not, nothing else (see the module note). */
function presentStatusOnly(data: CampaignData, cut: CoreCutReport): CutReport {
  return {
    key: cut.key,
    label: cutLabel(data, cut.cut),
    collectiveId: cut.cut.collectiveId ?? null,
    filters: { ...(cut.cut.filters ?? {}) },
    status: 'suppressed',
    reason: 'not-released',
    n: null,
    progress: progressOf(cut.reason),
    channels: null,
    constructs: [],
    items: [],
    withheld: [],
    interpretation: null,
    openText: cut.openText.map((o) => ({
      itemId: o.itemId,
      status: 'suppressed' as const,
      reason: 'not-released' as const,
      n: null,
      themes: [],
    })),
  };
}

/**
 * Release a campaign at close: plan and present every requestable cut once, from the frozen
 * snapshot and the answers submitted by then, and store them. Runs inside the close transaction.
 */
export async function releaseCampaign(db: Db, campaign: CampaignRow): Promise<void> {
  const instrument = frozenInstrument(campaign);
  if (!instrument || (await surveysRepository.hasRelease(db, campaign.id))) {
    return;
  }
  const data = await loadCampaignData(db, campaign, instrument);
  const report = aggregate(data, data.universe);
  await surveysRepository.insertReleasedCuts(
    db,
    campaign.id,
    report.cuts.map((c) => ({ key: c.key, body: presentCut(data, c) })),
  );
}

/** Stored cuts of a closed campaign, by key. Campaigns closed before releases were stored are released now. */
export async function releasedCuts(
  db: Db,
  campaign: CampaignRow,
  keys?: readonly string[],
): Promise<Map<string, CutReport>> {
  let rows = await surveysRepository.releasedCuts(db, campaign.id, keys);
  if (rows.length === 0 && !(await surveysRepository.hasRelease(db, campaign.id))) {
    try {
      await (db.isTransaction
        ? releaseCampaign(db, campaign)
        : db.transaction().execute((trx) => releaseCampaign(trx, campaign)));
    } catch (error) {
      // Another request released it at the same moment: its release stands.
      if (!(await surveysRepository.hasRelease(db, campaign.id))) {
        throw error;
      }
    }
    rows = await surveysRepository.releasedCuts(db, campaign.id, keys);
  }
  return new Map(rows.map((r) => [r.cut_key, r.body]));
}

function assertReleased(data: CampaignData): void {
  if (data.campaign.status !== 'closed') {
    throw new AppError('CONFLICT', 'results are released when the campaign closes', {
      reason: 'not-released',
    });
  }
}

async function loadLaunched(db: Db, scope: OrgScope, campaignId: string): Promise<CampaignData> {
  const campaign = await surveysRepository.campaign(db, scope, campaignId);
  if (!campaign) {
    throw new AppError('NOT_FOUND', 'campaign not found');
  }
  const instrument = frozenInstrument(campaign);
  if (!instrument) {
    throw new AppError('CONFLICT', 'this campaign has not been launched yet', { reason: 'draft' });
  }
  return loadCampaignData(db, campaign, instrument);
}

export async function campaignReport(
  db: Db,
  scope: OrgScope,
  campaignId: string,
  query: { collectiveId?: string | undefined; filter?: string | undefined },
): Promise<CampaignReport> {
  const data = await loadLaunched(db, scope, campaignId);
  const requested = defaultCuts(data);
  if (query.collectiveId !== undefined || query.filter !== undefined) {
    const extra = parseCut(data, query.collectiveId, query.filter);
    if (!requested.some((c) => cutKey(c) === cutKey(extra))) {
      requested.push(extra);
    }
  }
  const isReleased = data.campaign.status === 'closed';
  let cuts: CutReport[];
  if (isReleased) {
    const stored = await releasedCuts(db, data.campaign, requested.map(cutKey));
    cuts = requested.flatMap((c) => stored.get(cutKey(c)) ?? []);
  } else {
    cuts = aggregate(data, requested).cuts.map((c) => presentStatusOnly(data, c));
  }
  const others = await surveysRepository.campaignsOf(db, scope, data.campaign.engagement_id);
  const comparable = others.filter((o) => {
    const inst = frozenInstrument(o);
    return (
      o.id !== data.campaign.id &&
      o.status === 'closed' &&
      inst !== null &&
      inst.id === data.instrument.id &&
      inst.version === data.instrument.version
    );
  });
  return {
    campaignId: data.campaign.id,
    title: data.campaign.title,
    status: data.campaign.status as CampaignReport['status'],
    isReleased,
    instrument: data.instrument as CampaignReport['instrument'],
    thresholds: data.thresholds,
    requestable: { collectives: data.tree, attributes: data.attributes, maxFilters: MAX_FILTERS },
    cuts,
    comparable: comparable.map((o) => ({ id: o.id, title: o.title, launchedAt: o.launched_at })),
  };
}

/** A released cut as the core comparison reads it: status and the shown constructs' n, score, SD. */
function comparableCut(cut: CutReport): ComparableCut {
  return {
    key: cut.key,
    status: cut.status,
    summary: {
      constructs: cut.constructs.flatMap((c) =>
        c.score === null || c.standardDeviation === null
          ? []
          : [{ constructId: c.constructId, n: c.n, score: c.score, standardDeviation: c.standardDeviation }],
      ),
    },
  };
}

/**
 * Before/after of two closed campaigns of the same instrument version (Welch 95% intervals).
 * It reads only the two stored releases — each cut's n, scores and standard deviations as they
 * were released — so it can show nothing that the two reports do not already show, and it is as
 * frozen as they are (docs/diagnostics.md, "Threat model").
 */
export async function compareCampaignReports(
  db: Db,
  scope: OrgScope,
  beforeId: string,
  afterId: string,
): Promise<CampaignComparison> {
  const before = await loadLaunched(db, scope, beforeId);
  const after = await loadLaunched(db, scope, afterId);
  assertReleased(before);
  assertReleased(after);
  const keys = [...new Set([...defaultCuts(before), ...defaultCuts(after)].map(cutKey))];
  const [releasedBefore, releasedAfter] = [
    await releasedCuts(db, before.campaign, keys),
    await releasedCuts(db, after.campaign, keys),
  ];
  const asReport = (data: CampaignData, released: Map<string, CutReport>) => ({
    instrumentId: data.instrument.id,
    instrumentVersion: data.instrument.version,
    cuts: [...released.values()].map(comparableCut),
  });
  let comparison: ReturnType<typeof compareCampaigns>;
  try {
    comparison = compareCampaigns(asReport(before, releasedBefore), asReport(after, releasedAfter));
  } catch (error) {
    if (error instanceof IncomparableCampaignsError) {
      throw new AppError('CONFLICT', 'the two campaigns used different instruments or versions', {
        reason: 'incomparable',
      });
    }
    throw error;
  }
  const label = (key: string) => releasedAfter.get(key)?.label ?? releasedBefore.get(key)?.label ?? key;
  return {
    before: { id: before.campaign.id, title: before.campaign.title },
    after: { id: after.campaign.id, title: after.campaign.title },
    cuts: comparison.map((c) => ({
      key: c.key,
      label: label(c.key),
      status: c.status,
      reason: c.reason ?? null,
      constructs: c.constructs.map((k) => ({
        constructId: k.constructId,
        before: k.before,
        after: k.after,
        delta: k.after.score - k.before.score,
        low: k.interval ? finite(k.interval.low) : null,
        high: k.interval ? finite(k.interval.high) : null,
        isSignificant: k.isSignificant,
      })),
    })),
  };
}

/** Aggregated CSV export: one row per (cut, construct); suppressed cuts appear with their reason only. */
export async function exportCampaignCsv(db: Db, scope: OrgScope, campaignId: string): Promise<string> {
  const report = await campaignReport(db, scope, campaignId, {});
  if (!report.isReleased) {
    throw new AppError('CONFLICT', 'results are released when the campaign closes', {
      reason: 'not-released',
    });
  }
  const lines = [
    ['cut', 'status', 'reason', 'n', 'construct', 'construct_n', 'score', 'alpha', 'alpha_n'].join(','),
  ];
  for (const cut of report.cuts) {
    if (cut.status !== 'shown') {
      lines.push(
        [cut.label, cut.status, cut.reason, null, null, null, null, null, null]
          .map((v) => csvCell(v))
          .join(','),
      );
      continue;
    }
    for (const c of cut.constructs) {
      lines.push(
        [
          cut.label,
          cut.status,
          cut.reason,
          cut.n,
          c.constructId,
          c.n,
          c.score === null ? null : Math.round(c.score * 10) / 10,
          c.alpha.value === null ? null : Math.round(c.alpha.value * 100) / 100,
          c.alpha.n,
        ]
          .map((v) => csvCell(v))
          .join(','),
      );
    }
    for (const w of cut.withheld) {
      lines.push(
        [cut.label, 'suppressed', w.reason, null, `${w.kind}:${w.id}`, null, null, null, null]
          .map((v) => csvCell(v))
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
