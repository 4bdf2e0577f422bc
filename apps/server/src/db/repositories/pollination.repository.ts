import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import { type Decoded, decodeRow, decodeRows, encodeRow, StoredJson } from '../stored-json.ts';
import { experienceJson, planJson } from '../stored-json-pollination.ts';
import type {
  AdoptionPulsesTable,
  AdoptionReportsTable,
  DiffusionAgentsTable,
  DiffusionPlansTable,
  DiffusionSessionsTable,
  ExperiencesTable,
} from '../tables/pollination.ts';

/** An experience with its JSON columns decoded (lists, indicators, profile, contacts). */
export type ExperienceRow = Decoded<ExperiencesTable, typeof experienceJson>;
export type StoredContact = ExperienceRow['contacts'][number];
/** A diffusion plan with its target collectives decoded. */
export type DiffusionPlanRow = Decoded<DiffusionPlansTable, typeof planJson>;
export type DiffusionAgentRow = DiffusionAgentsTable;
export type DiffusionSessionRow = DiffusionSessionsTable;
export type AdoptionReportRow = AdoptionReportsTable;

/**
 * Experiences and diffusion plans. Every read or write of an organisation's rows takes its scope; the
 * one cross-organisation read (`instanceShared`) returns only experiences their owner put in the
 * instance library, from organisations whose owners joined it.
 */
export const pollinationRepository = {
  async insertExperience(db: Db, row: ExperienceRow): Promise<void> {
    await db.insertInto('experiences').values(encodeRow<ExperiencesTable>(row, experienceJson)).execute();
  },

  async findExperience(db: Db, scope: OrgScope, id: string): Promise<ExperienceRow | undefined> {
    const row = await db
      .selectFrom('experiences')
      .selectAll()
      .where('id', '=', id)
      .where('org_id', '=', scope.orgId)
      .executeTakeFirst();
    return row && decodeRow(row, experienceJson);
  },

  async updateExperience(db: Db, scope: OrgScope, id: string, patch: Partial<ExperienceRow>): Promise<void> {
    await db
      .updateTable('experiences')
      .set(encodeRow<Partial<ExperiencesTable>>(patch, experienceJson))
      .where('id', '=', id)
      .where('org_id', '=', scope.orgId)
      .execute();
  },

  async deleteExperience(db: Db, scope: OrgScope, id: string): Promise<void> {
    await db.deleteFrom('experiences').where('id', '=', id).where('org_id', '=', scope.orgId).execute();
  },

  async experiencesOf(db: Db, scope: OrgScope): Promise<ExperienceRow[]> {
    const rows = await db
      .selectFrom('experiences')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .orderBy('updated_at', 'desc')
      .execute();
    return decodeRows(rows, experienceJson);
  },

  /** Shared to the instance by organisations that joined the instance library (their own included). */
  async instanceShared(db: Db): Promise<(ExperienceRow & { org_name: string })[]> {
    const rows = await db
      .selectFrom('experiences')
      .innerJoin('pollination_settings', 'pollination_settings.org_id', 'experiences.org_id')
      .innerJoin('organisations', 'organisations.id', 'experiences.org_id')
      .selectAll('experiences')
      .select('organisations.name as org_name')
      .where('experiences.status', '=', 'shared')
      .where('experiences.visibility', '=', 'instance')
      .where('pollination_settings.instance_library_at', 'is not', null)
      .execute();
    return decodeRows(rows, experienceJson);
  },

  async settings(db: Db, scope: OrgScope) {
    return db
      .selectFrom('pollination_settings')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .executeTakeFirst();
  },

  async saveSettings(db: Db, scope: OrgScope, joinedAt: string | null, now: string): Promise<void> {
    const existing = await this.settings(db, scope);
    if (existing) {
      await db
        .updateTable('pollination_settings')
        .set({ instance_library_at: joinedAt, updated_by: scope.userId, updated_at: now })
        .where('org_id', '=', scope.orgId)
        .execute();
    } else {
      await db
        .insertInto('pollination_settings')
        .values({
          org_id: scope.orgId,
          instance_library_at: joinedAt,
          updated_by: scope.userId,
          updated_at: now,
        })
        .execute();
    }
  },

  /** People of the organisation and its members' display names: whose names anonymisation removes. */
  async roster(db: Db, scope: OrgScope): Promise<{ id: string; name: string }[]> {
    const people = await db
      .selectFrom('people')
      .select(['id', 'display_name as name'])
      .where('org_id', '=', scope.orgId)
      .execute();
    const members = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id as id', 'users.display_name as name'])
      .where('memberships.org_id', '=', scope.orgId)
      .execute();
    return [...people, ...members.map((m) => ({ id: `user:${m.id}`, name: m.name }))];
  },

  /** The person records of a user in an organisation (a user may be on the roster). */
  async personIdsOfUser(db: Db, scope: OrgScope, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('people')
      .select('id')
      .where('org_id', '=', scope.orgId)
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => r.id);
  },

  async collectiveIdsOfUser(db: Db, scope: OrgScope, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('person_collectives')
      .innerJoin('people', 'people.id', 'person_collectives.person_id')
      .select('person_collectives.collective_id')
      .where('people.org_id', '=', scope.orgId)
      .where('people.user_id', '=', userId)
      .execute();
    return rows.map((r) => r.collective_id);
  },

  async collectives(db: Db, scope: OrgScope, ids: readonly string[]) {
    if (ids.length === 0) {
      return [];
    }
    return db
      .selectFrom('collectives')
      .select(['id', 'name'])
      .where('org_id', '=', scope.orgId)
      .where('id', 'in', [...ids])
      .execute();
  },

  async people(db: Db, scope: OrgScope, ids: readonly string[]) {
    if (ids.length === 0) {
      return [];
    }
    return db
      .selectFrom('people')
      .select(['id', 'display_name', 'user_id'])
      .where('org_id', '=', scope.orgId)
      .where('id', 'in', [...ids])
      .execute();
  },

  async organisationName(db: Db, scope: OrgScope): Promise<string> {
    const row = await db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', scope.orgId)
      .executeTakeFirst();
    return row?.name ?? '';
  },

  // ---- diffusion plans ----

  async insertPlan(db: Db, row: DiffusionPlanRow): Promise<void> {
    await db.insertInto('diffusion_plans').values(encodeRow<DiffusionPlansTable>(row, planJson)).execute();
  },

  async findPlan(db: Db, scope: OrgScope, id: string): Promise<DiffusionPlanRow | undefined> {
    const row = await db
      .selectFrom('diffusion_plans')
      .selectAll()
      .where('id', '=', id)
      .where('org_id', '=', scope.orgId)
      .executeTakeFirst();
    return row && decodeRow(row, planJson);
  },

  async plansOf(db: Db, scope: OrgScope): Promise<DiffusionPlanRow[]> {
    const rows = await db
      .selectFrom('diffusion_plans')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .orderBy('created_at', 'desc')
      .execute();
    return decodeRows(rows, planJson);
  },

  async deletePlan(db: Db, scope: OrgScope, id: string): Promise<void> {
    await db.deleteFrom('diffusion_plans').where('id', '=', id).where('org_id', '=', scope.orgId).execute();
  },

  /** Rows hanging on a plan: reached through a plan the caller loaded inside its scope. */
  async agents(db: Db, planId: string): Promise<DiffusionAgentRow[]> {
    return db.selectFrom('diffusion_agents').selectAll().where('plan_id', '=', planId).execute();
  },
  async sessions(db: Db, planId: string): Promise<DiffusionSessionRow[]> {
    return db
      .selectFrom('diffusion_sessions')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('date')
      .execute();
  },
  async reports(db: Db, planId: string): Promise<AdoptionReportRow[]> {
    return db
      .selectFrom('adoption_reports')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('date')
      .orderBy('created_at')
      .execute();
  },
  async insertAgents(db: Db, rows: DiffusionAgentRow[]): Promise<void> {
    if (rows.length > 0) {
      await db.insertInto('diffusion_agents').values(rows).execute();
    }
  },
  async insertSessions(db: Db, rows: DiffusionSessionRow[]): Promise<void> {
    if (rows.length > 0) {
      await db.insertInto('diffusion_sessions').values(rows).execute();
    }
  },
  async insertReport(db: Db, row: AdoptionReportRow): Promise<void> {
    await db.insertInto('adoption_reports').values(row).execute();
  },

  /**
   * Accepted change-agent proposals of the engagement's network analyses, with the node's roster link
   * (survey networks) or its label (imported networks, matched to the roster by the service).
   */
  async acceptedProposals(db: Db, scope: OrgScope, engagementId: string | null, proposalId?: string) {
    let q = db
      .selectFrom('network_proposals')
      .innerJoin('networks', 'networks.id', 'network_proposals.network_id')
      .innerJoin('network_nodes', (j) =>
        j
          .onRef('network_nodes.network_id', '=', 'network_proposals.network_id')
          .onRef('network_nodes.node_id', '=', 'network_proposals.node_id'),
      )
      .select([
        'network_proposals.id as proposal_id',
        'network_proposals.analysis_id',
        'network_proposals.marginal_reach',
        'network_proposals.network_id',
        'networks.title as network_title',
        'network_nodes.person_id',
        'network_nodes.label',
      ])
      .where('networks.org_id', '=', scope.orgId)
      .where('network_proposals.status', '=', 'accepted');
    if (engagementId) {
      q = q.where('networks.engagement_id', '=', engagementId);
    }
    if (proposalId) {
      q = q.where('network_proposals.id', '=', proposalId);
    }
    return q.execute();
  },

  async peopleOf(db: Db, scope: OrgScope) {
    return db.selectFrom('people').select(['id', 'display_name']).where('org_id', '=', scope.orgId).execute();
  },

  async networkSize(db: Db, networkId: string): Promise<number> {
    const row = await db
      .selectFrom('network_nodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('network_id', '=', networkId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  // ---- adoption pulses ----

  async insertPulse(db: Db, row: AdoptionPulsesTable): Promise<void> {
    await db.insertInto('adoption_pulses').values(row).execute();
  },

  /** A pulse by its link: the capability itself, no organisation scope (the token is the right). */
  async pulseByTokenHash(db: Db, tokenHash: string) {
    return db
      .selectFrom('adoption_pulses')
      .innerJoin('diffusion_plans', 'diffusion_plans.id', 'adoption_pulses.plan_id')
      .innerJoin('collectives', 'collectives.id', 'adoption_pulses.collective_id')
      .select([
        'adoption_pulses.id',
        'adoption_pulses.closed_at',
        'diffusion_plans.practice',
        'collectives.name as collective_name',
      ])
      .where('adoption_pulses.token_hash', '=', tokenHash)
      .executeTakeFirst();
  },

  async pulse(db: Db, planId: string, pulseId: string): Promise<AdoptionPulsesTable | undefined> {
    return db
      .selectFrom('adoption_pulses')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('id', '=', pulseId)
      .executeTakeFirst();
  },

  async pulsesOf(db: Db, planId: string): Promise<AdoptionPulsesTable[]> {
    return db
      .selectFrom('adoption_pulses')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('created_at')
      .execute();
  },

  async closePulse(db: Db, pulseId: string, now: string): Promise<void> {
    await db.updateTable('adoption_pulses').set({ closed_at: now }).where('id', '=', pulseId).execute();
  },

  async insertPulseAnswer(db: Db, pulseId: string, stage: string, now: string, id: string): Promise<void> {
    await db
      .insertInto('adoption_pulse_answers')
      .values({ id, pulse_id: pulseId, stage, created_at: now })
      .execute();
  },

  async pulseStages(db: Db, pulseId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('adoption_pulse_answers')
      .select('stage')
      .where('pulse_id', '=', pulseId)
      .execute();
    return rows.map((r) => r.stage);
  },

  // ---- what an engagement knows about itself (experience drafts, "experiences like this") ----

  /** The item lists of the engagement's agendas, decoded. */
  async agendaItemsOf(db: Db, scope: OrgScope, engagementId: string) {
    const rows = await db
      .selectFrom('agendas')
      .select('items')
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .execute();
    return decodeRows(rows, { items: StoredJson.agendaItems }).map((r) => r.items);
  },

  /** The engagement's questions in order, with their Cynefin placement decoded. */
  async questionsOf(db: Db, scope: OrgScope, engagementId: string) {
    const rows = await db
      .selectFrom('questions')
      .innerJoin('engagements', 'engagements.id', 'questions.engagement_id')
      .select(['questions.text', 'questions.complexity'])
      .where('engagements.org_id', '=', scope.orgId)
      .where('questions.engagement_id', '=', engagementId)
      .orderBy('questions.position')
      .execute();
    return decodeRows(rows, { complexity: StoredJson.complexity });
  },

  /** Distinct people in the collectives the engagement's stakeholders name. */
  async stakeholderPeopleCount(db: Db, engagementId: string): Promise<number> {
    const row = await db
      .selectFrom('stakeholders')
      .innerJoin('person_collectives', 'person_collectives.collective_id', 'stakeholders.collective_id')
      .select((eb) => eb.fn.count<number>('person_collectives.person_id').distinct().as('n'))
      .where('stakeholders.engagement_id', '=', engagementId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  async minGroupSize(db: Db, scope: OrgScope): Promise<number | null> {
    const row = await db
      .selectFrom('organisations')
      .select('min_group_size')
      .where('id', '=', scope.orgId)
      .executeTakeFirst();
    return row?.min_group_size ?? null;
  },
};
