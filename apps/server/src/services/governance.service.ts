import type { GovernanceMapData, GovernanceMapView } from '@essaim/contracts';
import {
  diffMaps,
  EMPTY_MAP,
  type GovernanceMap,
  missingDoubleLinks,
  renderMapSvg,
  validateMap,
} from '@essaim/core/decisions';
import type { OrgScope } from '../db/org-scope.ts';
import { decisionsRepository, type GovernanceMapRow } from '../db/repositories/decisions.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { AppError, conflict, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { createAgenda } from './agendas.service.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { createProposal, onProposalClosed } from './proposals.service.ts';

/**
 * The organisation's governance map (circles, roles, double links, decision areas) and proposed maps.
 * A proposed map is compared with the current one and adopted only through a decision: a proposal whose
 * subject is the map; when it passes, the map becomes current and the previous one is archived.
 */
const dataOf = (row: GovernanceMapRow): GovernanceMap => row.data;

const proposalOf = (db: Db, mapId: string) =>
  decisionsRepository.latestProposalOnSubject(db, 'governance_map', mapId);

async function present(
  db: Db,
  row: GovernanceMapRow,
  current: GovernanceMapRow | undefined,
): Promise<GovernanceMapView> {
  const data = dataOf(row);
  const base = current && current.id !== row.id ? dataOf(current) : null;
  return {
    id: row.id,
    title: row.title,
    status: row.status as GovernanceMapView['status'],
    data: data as GovernanceMapData,
    basedOnId: row.based_on_id,
    decisionId: row.decision_id,
    proposalId: (await proposalOf(db, row.id))?.id ?? null,
    createdAt: row.created_at,
    adoptedAt: row.adopted_at,
    changes: base ? diffMaps(base, data).map((c) => ({ ...c, fields: [...c.fields] })) : [],
    missingDoubleLinks: missingDoubleLinks(data),
  };
}

function checkData(data: GovernanceMapData): void {
  const errors = validateMap(data);
  if (errors.length > 0) {
    throw new AppError('VALIDATION_FAILED', `the map is not well formed: ${errors[0]!.code}`, { errors });
  }
}

export async function governanceOverview(db: Db, scope: OrgScope) {
  const rows = await decisionsRepository.maps(db, scope);
  const current = rows.find((r) => r.status === 'current');
  return {
    current: current ? await present(db, current, current) : null,
    proposed: await Promise.all(
      rows.filter((r) => r.status === 'proposed').map((r) => present(db, r, current)),
    ),
  };
}

async function requireMap(db: Db, scope: OrgScope, id: string) {
  const row = await decisionsRepository.findMap(db, scope, id);
  if (!row) {
    throw notFound('map');
  }
  return row;
}

async function currentOf(db: Db, scope: OrgScope) {
  return (await decisionsRepository.maps(db, scope)).find((r) => r.status === 'current');
}

export async function readMap(db: Db, scope: OrgScope, id: string) {
  const row = await requireMap(db, scope, id);
  return present(db, row, await currentOf(db, scope));
}

/**
 * A new map. The organisation's first map becomes current at once (describing what exists needs no
 * decision); later ones are proposals, copied from the current map unless told otherwise.
 */
export async function createMap(
  db: Db,
  scope: OrgScope,
  body: { title: string; fromCurrent?: boolean | undefined; data?: GovernanceMapData | undefined },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const current = await currentOf(trx, scope);
    const data = body.data ?? (current && body.fromCurrent !== false ? dataOf(current) : EMPTY_MAP);
    checkData(data as GovernanceMapData);
    const now = nowIso();
    const row: GovernanceMapRow = {
      id: newId(),
      org_id: scope.orgId,
      title: body.title,
      status: current ? 'proposed' : 'current',
      data,
      based_on_id: current?.id ?? null,
      decision_id: null,
      created_by: scope.userId,
      created_at: now,
      updated_at: now,
      adopted_at: current ? null : now,
    };
    await decisionsRepository.insertMap(trx, row);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'governance.map_created',
      objectKind: 'governance_map',
      objectId: row.id,
      details: { title: row.title, status: row.status },
    });
    return present(trx, row, current ?? row);
  });
}

export async function updateMap(
  db: Db,
  scope: OrgScope,
  id: string,
  body: { title?: string | undefined; data: GovernanceMapData },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const row = await requireMap(trx, scope, id);
    if (row.status !== 'proposed' && row.status !== 'current') {
      throw conflict('an archived map cannot change');
    }
    if (row.status === 'current' && (await decisionsRepository.maps(trx, scope)).length > 1) {
      throw conflict('change the current map through a proposed map');
    }
    if ((await proposalOf(trx, id))?.status === 'open') {
      throw conflict('this map is being decided; amend the proposal instead');
    }
    checkData(body.data);
    await decisionsRepository.updateMap(trx, scope, id, {
      data: body.data,
      title: body.title ?? row.title,
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'governance.map_updated',
      objectKind: 'governance_map',
      objectId: id,
      details: {},
    });
    return readMap(trx, scope, id);
  });
}

/** Put a proposed map to a decision in an engagement: a proposal whose subject is the map. */
export async function proposeAdoption(
  db: Db,
  scope: OrgScope,
  mapId: string,
  body: { engagementId: string; rule: string; deadline: string; reviewOn?: string | undefined },
  actor: Actor,
) {
  const row = await requireMap(db, scope, mapId);
  if (row.status !== 'proposed') {
    throw conflict('only a proposed map can be adopted');
  }
  if ((await proposalOf(db, mapId))?.status === 'open') {
    throw conflict('this map is already being decided');
  }
  const current = await currentOf(db, scope);
  const changes = current ? diffMaps(dataOf(current), dataOf(row)) : [];
  const text = [
    row.title,
    '',
    ...changes.map(
      (c) => `${c.change}: ${c.entity} ${c.name}${c.fields.length ? ` (${c.fields.join(', ')})` : ''}`,
    ),
  ].join('\n');
  const result = await createProposal(
    db,
    scope,
    body.engagementId,
    {
      title: row.title,
      text: text.slice(0, 10000),
      rule: body.rule as 'consent',
      deadline: body.deadline,
      ...(body.reviewOn ? { reviewOn: body.reviewOn } : {}),
    },
    actor,
    { kind: 'governance_map', id: mapId },
  );
  return result;
}

onProposalClosed('governance_map', async (db, scope, p, isPassed, actor) => {
  if (!isPassed || !p.subject_id) {
    return;
  }
  const row = await decisionsRepository.findMap(db, scope, p.subject_id);
  if (row?.status !== 'proposed') {
    return;
  }
  const now = nowIso();
  await decisionsRepository.archiveCurrentMap(db, scope, now);
  await decisionsRepository.updateMap(db, scope, row.id, {
    status: 'current',
    decision_id: p.record_id,
    adopted_at: now,
    updated_at: now,
  });
  await recordAudit(db, actor, {
    orgId: scope.orgId,
    action: 'governance.map_adopted',
    objectKind: 'governance_map',
    objectId: row.id,
    details: { decisionId: p.record_id },
  });
});

export async function mapSvg(db: Db, scope: OrgScope, id: string): Promise<string> {
  const view = await readMap(db, scope, id);
  return renderMapSvg(view.data, { title: view.title, highlight: view.changes });
}

/**
 * A governance meeting as an agenda (Holacracy Constitution v5, art. 3.4: check-in round, building the
 * agenda of tensions, integrative decision-making per item, closing round), ready to run as a workshop.
 */
export async function createGovernanceMeeting(
  db: Db,
  scope: OrgScope,
  body: {
    engagementId?: string | undefined;
    date?: string | undefined;
    start?: string | undefined;
    language?: 'fr' | 'en' | undefined;
  },
  actor: Actor,
) {
  const fr = (body.language ?? 'fr') === 'fr';
  const items = fr
    ? [
        {
          kind: 'custom' as const,
          title: 'Tour d’inclusion',
          durationMinutes: 10,
          notes: 'Chacun dit comment il arrive, sans discussion.',
        },
        {
          kind: 'custom' as const,
          title: 'Tensions et ordre du jour',
          durationMinutes: 10,
          notes: 'Chacun nomme ses tensions en quelques mots ; elles forment l’ordre du jour.',
        },
        {
          kind: 'method' as const,
          methodId: 'consent-decision-making',
          durationMinutes: 60,
          notes:
            'Pour chaque tension : proposition, questions de clarification, réactions, amendement, objections, intégration.',
        },
        {
          kind: 'custom' as const,
          title: 'Tour de clôture',
          durationMinutes: 10,
          notes: 'Chacun partage une réflexion sur la réunion.',
        },
      ]
    : [
        {
          kind: 'custom' as const,
          title: 'Check-in round',
          durationMinutes: 10,
          notes: 'Each person says how they arrive, without discussion.',
        },
        {
          kind: 'custom' as const,
          title: 'Tensions and agenda building',
          durationMinutes: 10,
          notes: 'Each person names their tensions in a few words; they become the agenda.',
        },
        {
          kind: 'method' as const,
          methodId: 'consent-decision-making',
          durationMinutes: 60,
          notes:
            'For each tension: proposal, clarifying questions, reactions, amend, objections, integration.',
        },
        {
          kind: 'custom' as const,
          title: 'Closing round',
          durationMinutes: 10,
          notes: 'Each person shares a reflection on the meeting.',
        },
      ];
  return createAgenda(
    db,
    scope,
    {
      title: fr ? 'Réunion de gouvernance' : 'Governance meeting',
      start: body.start ?? '09:00',
      ...(body.date ? { date: body.date } : {}),
      ...(body.engagementId ? { engagementId: body.engagementId } : {}),
      items,
    },
    actor,
  );
}
