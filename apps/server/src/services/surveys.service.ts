/**
 * Instruments: the built-in Essaim IC diagnostic (full and pulse) and the organisation's custom
 * instruments, assembled from the Essaim item bank plus the facilitator's own items
 * (`buildCustomInstrument`, docs/diagnostics.md §1). A custom instrument is immutable once
 * created; a campaign freezes its own copy at launch, so later instruments never change it.
 */

import type { CreateSurveyInstrumentBody, SurveyInstrumentEntry } from '@essaim/contracts';
import { buildCustomInstrument, ESSAIM_IC, ESSAIM_IC_PULSE, type Instrument } from '@essaim/core/diagnostics';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { surveysRepository } from '../db/repositories/surveys.repository.ts';
import { AppError } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';

export const BUILT_IN_INSTRUMENTS: Record<string, { kind: 'full' | 'pulse'; instrument: Instrument }> = {
  [ESSAIM_IC.id]: { kind: 'full', instrument: ESSAIM_IC },
  [ESSAIM_IC_PULSE.id]: { kind: 'pulse', instrument: ESSAIM_IC_PULSE },
};

export async function listInstruments(db: Db, scope: OrgScope): Promise<SurveyInstrumentEntry[]> {
  const custom = await surveysRepository.instruments(db, scope);
  return [
    ...Object.entries(BUILT_IN_INSTRUMENTS).map(([ref, b]) => ({
      ref,
      kind: b.kind,
      instrument: b.instrument as SurveyInstrumentEntry['instrument'],
      createdAt: null,
    })),
    ...custom.map((row) => ({
      ref: row.id,
      kind: 'custom' as const,
      instrument: row.definition,
      createdAt: row.created_at,
    })),
  ];
}

/** The instrument a campaign refers to (built-in id or custom row id of this organisation). */
export async function resolveInstrument(db: Db, scope: OrgScope, ref: string): Promise<Instrument> {
  const builtIn = BUILT_IN_INSTRUMENTS[ref];
  if (builtIn) {
    return builtIn.instrument;
  }
  const row = await surveysRepository.instrument(db, scope, ref);
  if (!row) {
    throw new AppError('VALIDATION_FAILED', 'unknown instrument', { instrumentRef: ref });
  }
  return row.definition;
}

export async function createInstrument(
  db: Db,
  scope: OrgScope,
  body: CreateSurveyInstrumentBody,
): Promise<SurveyInstrumentEntry> {
  const id = newId();
  const built = buildCustomInstrument({
    id: `custom-${id}`,
    version: '1.0.0',
    name: body.name,
    bank: ESSAIM_IC,
    bankItemIds: body.bankItemIds,
    ...(body.ownConstructs ? { ownConstructs: body.ownConstructs } : {}),
    ...(body.ownItems ? { ownItems: body.ownItems } : {}),
  });
  if (!built.ok) {
    throw new AppError('VALIDATION_FAILED', 'the instrument is not valid', { errors: built.errors });
  }
  const createdAt = nowIso();
  await surveysRepository.insertInstrument(db, scope, {
    id,
    definition: built.value as SurveyInstrumentEntry['instrument'],
    created_by: scope.userId,
    created_at: createdAt,
  });
  return {
    ref: id,
    kind: 'custom',
    instrument: built.value as SurveyInstrumentEntry['instrument'],
    createdAt,
  };
}
