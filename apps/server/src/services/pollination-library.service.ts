import type { LibraryHit } from '@essaim/contracts';
import { can } from '@essaim/core';
import { profileSimilarity } from '@essaim/core/pollination';
import MiniSearch from 'minisearch';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import {
  type ExperienceRow,
  pollinationRepository as repo,
} from '../db/repositories/pollination.repository.ts';
import { forbidden, notFound } from '../lib/app-error.ts';
import { type StemLanguage, stemTerm } from '../lib/stemmers.ts';
import { nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { loadEngagement } from './engagements.service.ts';
import {
  canRead,
  exportExperience,
  presentExperience,
  summaryOf,
} from './pollination-experiences.service.ts';
import { engagementFacts, profileOfFacts } from './pollination-profile.service.ts';
import type { LibraryIndexCache } from './pollination-search-cache.ts';

/**
 * The library a member can search: shared experiences of their own organisation they may read, and,
 * when their organisation's owner joined the instance library, experiences other organisations' owners
 * put there (both owners agreed: one to give, one to receive). Cross-organisation hits carry no
 * engagement id and show the organisation's name only when it was not removed.
 *
 * Full text: MiniSearch (in-memory inverted index, BM25+ ranking, prefix and fuzzy matching) with the
 * Snowball stemmers of each experience's language; each text goes into a field of its language so the
 * query is stemmed once per language and the two result lists are merged (docs/pollination.md).
 */
interface Candidate {
  row: ExperienceRow;
  organisationName: string | null;
}

/** Three fields per language: few fields keep MiniSearch's per-field bookkeeping small. */
const TEXT_FIELDS = ['title', 'body', 'methods'] as const;
const BOOST: Partial<Record<(typeof TEXT_FIELDS)[number], number>> = { title: 3, methods: 1.5 };

/**
 * What the organisation's library holds (`all`: its shared experiences and, when its owner joined, the
 * instance library's) and what this reader may read of it (`readable`).
 */
async function libraryOf(db: Db, scope: OrgScope): Promise<{ all: ExperienceRow[]; readable: Candidate[] }> {
  const ownName = await repo.organisationName(db, scope);
  const all: ExperienceRow[] = [];
  const readable: Candidate[] = [];
  for (const row of await repo.experiencesOf(db, scope)) {
    if (row.status === 'shared') {
      all.push(row);
      if (await canRead(db, scope, row)) {
        readable.push({ row, organisationName: row.remove_organisation ? null : ownName });
      }
    }
  }
  if ((await repo.settings(db, scope))?.instance_library_at) {
    for (const row of await repo.instanceShared(db)) {
      if (row.org_id !== scope.orgId) {
        all.push(row);
        readable.push({ row, organisationName: row.remove_organisation ? null : row.org_name });
      }
    }
  }
  return { all, readable };
}

async function candidates(db: Db, scope: OrgScope): Promise<Candidate[]> {
  return (await libraryOf(db, scope)).readable;
}

function fieldName(field: string, language: StemLanguage) {
  return `${field}_${language}`;
}

/** Builds the index over the candidates; exported for the benchmark (bench/pollination-search.ts). */
export function buildIndex(rows: readonly ExperienceRow[]) {
  const fields = (['fr', 'en'] as const).flatMap((l) => TEXT_FIELDS.map((f) => fieldName(f, l)));
  const index = new MiniSearch<{ id: string } & Record<string, string>>({
    fields,
    storeFields: [],
    processTerm: (term, field) => stemTerm(term, field?.endsWith('_en') ? 'en' : 'fr'),
  });
  index.addAll(
    rows.map((row) => {
      const language: StemLanguage = row.language === 'en' ? 'en' : 'fr';
      const doc: Record<string, string> = { id: row.id };
      const values: Record<(typeof TEXT_FIELDS)[number], string> = {
        title: row.title,
        body: [
          row.question,
          row.lessons,
          row.context,
          row.what_happened,
          row.results,
          row.conditions,
          row.pitfalls,
          row.sector,
        ].join('\n'),
        methods: row.method_ids.join(' ').replace(/-/g, ' '),
      };
      for (const f of TEXT_FIELDS) {
        doc[fieldName(f, language)] = values[f];
      }
      return doc as { id: string } & Record<string, string>;
    }),
  );
  return index;
}

export type LibraryIndex = ReturnType<typeof buildIndex>;

/** Ids with scores, best first: the query stemmed in French over French fields, in English over English ones. */
export function searchIndex(index: ReturnType<typeof buildIndex>, query: string): Map<string, number> {
  const scores = new Map<string, number>();
  for (const language of ['fr', 'en'] as const) {
    const hits = index.search(query, {
      fields: TEXT_FIELDS.map((f) => fieldName(f, language)),
      boost: Object.fromEntries(Object.entries(BOOST).map(([f, b]) => [fieldName(f, language), b])),
      processTerm: (term) => stemTerm(term, language),
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 6 ? 0.15 : false),
      combineWith: 'AND',
    });
    for (const h of hits) {
      scores.set(h.id, Math.max(scores.get(h.id) ?? 0, h.score));
    }
  }
  return scores;
}

export async function searchLibrary(
  db: Db,
  scope: OrgScope,
  query: {
    q: string;
    icForm?: string | undefined;
    cynefin?: string | undefined;
    methodId?: string | undefined;
  },
  /** The per-organisation index cache of this process; without one the index is built for the request. */
  cache?: LibraryIndexCache<LibraryIndex>,
) {
  const library = await libraryOf(db, scope);
  let pool = library.readable;
  pool = pool.filter(({ row }) => {
    const forms = row.ic_forms;
    const methods = row.method_ids;
    return (
      (!query.icForm || forms.includes(query.icForm)) &&
      (!query.cynefin || row.cynefin === query.cynefin) &&
      (!query.methodId || methods.includes(query.methodId))
    );
  });
  let hits: LibraryHit[];
  if (query.q.trim() === '') {
    hits = pool
      .sort((a, b) => b.row.updated_at.localeCompare(a.row.updated_at))
      .map((c) => ({ ...summaryOf(c.row, c.organisationName), ...crossOrg(c, scope), score: 0, facets: [] }));
  } else {
    // The cached index covers the organisation's whole library; hits are kept only within this
    // reader's pool (filtered above), so a cached index never shows what the reader may not read.
    const index = cache ? cache.indexFor(scope.orgId, library.all) : buildIndex(pool.map((c) => c.row));
    const scores = searchIndex(index, query.q);
    hits = pool
      .filter((c) => scores.has(c.row.id))
      .map((c) => ({
        ...summaryOf(c.row, c.organisationName),
        ...crossOrg(c, scope),
        score: scores.get(c.row.id)!,
        facets: [],
      }))
      .sort((a, b) => b.score - a.score);
  }
  return { hits: hits.slice(0, 100), total: hits.length };
}

/** Another organisation's experience never exposes which of its engagements it came from. */
function crossOrg(c: Candidate, scope: OrgScope) {
  return c.row.org_id === scope.orgId ? {} : { engagementId: null };
}

/** Experiences closest to an engagement's profile (diagnostic, IC forms, Cynefin, methods, sector, size). */
export async function similarExperiences(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  query: { sector?: string | undefined; size?: number | undefined },
) {
  await loadEngagement(db, scope, engagementId);
  const facts = await engagementFacts(db, scope, engagementId);
  const mine = profileOfFacts(facts, query.sector ?? null, query.size ?? null);
  const hits = (await candidates(db, scope))
    .filter((c) => c.row.engagement_id !== engagementId || c.row.org_id !== scope.orgId)
    .map((c) => {
      const similarity = profileSimilarity(mine, {
        icForms: c.row.ic_forms as never,
        cynefin: c.row.cynefin as never,
        methodIds: c.row.method_ids,
        sector: c.row.sector || null,
        size: c.row.size,
        diagnostic: c.row.diagnostic_profile,
      });
      return {
        ...summaryOf(c.row, c.organisationName),
        ...crossOrg(c, scope),
        score: similarity.score,
        facets: similarity.facets.map((f) => ({ ...f })),
      };
    })
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score);
  return { hits: hits.slice(0, 20), total: hits.length };
}

async function requireInLibrary(db: Db, scope: OrgScope, id: string): Promise<Candidate> {
  const found = (await candidates(db, scope)).find((c) => c.row.id === id);
  if (!found) {
    throw notFound('experience');
  }
  return found;
}

export async function readLibraryExperience(db: Db, scope: OrgScope, id: string) {
  const c = await requireInLibrary(db, scope, id);
  const view = await presentExperience(db, scope, c.row, c.organisationName);
  return c.row.org_id === scope.orgId ? view : { ...view, engagementId: null };
}

export async function exportLibraryExperience(db: Db, scope: OrgScope, id: string, format: 'json' | 'md') {
  const c = await requireInLibrary(db, scope, id);
  return exportExperience(c.row, c.organisationName, format);
}

export async function readSettings(db: Db, scope: OrgScope) {
  const row = await repo.settings(db, scope);
  return { instanceLibrary: Boolean(row?.instance_library_at), joinedAt: row?.instance_library_at ?? null };
}

/** The owner's opt-in to the instance library. Leaving it takes the organisation's experiences out too. */
export async function saveSettings(
  db: Db,
  scope: OrgScope,
  body: { instanceLibrary: boolean },
  actor: Actor,
) {
  if (!can(scope.role, 'org.update')) {
    throw forbidden('only an owner decides to join the instance library');
  }
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const current = await repo.settings(trx, scope);
    await repo.saveSettings(
      trx,
      scope,
      body.instanceLibrary ? (current?.instance_library_at ?? now) : null,
      now,
    );
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: body.instanceLibrary
        ? 'pollination.instance_library_joined'
        : 'pollination.instance_library_left',
      objectKind: 'organisation',
      objectId: scope.orgId,
      details: {},
    });
    return readSettings(trx, scope);
  });
}
