import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Frozen releases and distribution channels (issue 12, docs/diagnostics.md "Threat model").
 * - `survey_campaigns.frozen`: what a report depends on, frozen at launch (collective tree with
 *   names, attribute definitions, thresholds), so later organisation changes cannot move answers
 *   between cells; `shared_cap`: optional facilitator cap on answers through the shared link.
 * - `survey_released_cuts`: the report released at close, one stored body per requestable cut.
 * - `survey_invitations.channel` / `survey_responses.channel`: how a personal link reached its
 *   holder (`email` sent by Essaim, `hand` distributed by the facilitator) or `shared`.
 * Campaigns launched before this migration are frozen now, from the organisation as it stands;
 * personal links issued before it were all shown at launch, so their answers count as `hand`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema.alterTable('survey_campaigns').addColumn('frozen', t.json).execute();
  await db.schema.alterTable('survey_campaigns').addColumn('shared_cap', t.int).execute();
  await db.schema.alterTable('survey_invitations').addColumn('channel', t.text).execute();
  await db.schema
    .alterTable('survey_responses')
    .addColumn('channel', t.text, (c) => c.notNull().defaultTo('shared'))
    .execute();
  await db.schema
    .createTable('survey_released_cuts')
    .addColumn('campaign_id', t.id, (c) => c.notNull().references('survey_campaigns.id').onDelete('cascade'))
    .addColumn('cut_key', t.text, (c) => c.notNull())
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('body', t.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_released_cuts_pk', ['campaign_id', 'cut_key'])
    .execute();

  // biome-ignore lint/suspicious/noExplicitAny: migrations run over an untyped schema snapshot.
  const q = db as Kysely<any>;
  await q
    .updateTable('survey_responses')
    .set({ channel: 'hand' })
    .where('participant_id', 'in', q.selectFrom('survey_invitations').select('participant_id'))
    .execute();
  await q.updateTable('survey_invitations').set({ channel: 'hand' }).execute();
  const launched = await q
    .selectFrom('survey_campaigns')
    .select(['id', 'org_id', 'collective_ids', 'attributes'])
    .where('launched_at', 'is not', null)
    .execute();
  for (const c of launched) {
    const collectives: { id: string; name: string; parent_id: string | null }[] = await q
      .selectFrom('collectives')
      .select(['id', 'name', 'parent_id'])
      .where('org_id', '=', c.org_id)
      .orderBy('name')
      .execute();
    const org = await q
      .selectFrom('organisations')
      .select(['min_group_size', 'min_text_group_size'])
      .where('id', '=', c.org_id)
      .executeTakeFirst();
    const inTree = new Set<string>(parse(c.collective_ids) ?? []);
    for (let grew = true; grew; ) {
      grew = false;
      for (const k of collectives) {
        if (!inTree.has(k.id) && k.parent_id !== null && inTree.has(k.parent_id)) {
          inTree.add(k.id);
          grew = true;
        }
      }
    }
    const tree = collectives
      .filter((k) => inTree.has(k.id))
      .map((k) => ({
        id: k.id,
        name: k.name,
        parentId: k.parent_id !== null && inTree.has(k.parent_id) ? k.parent_id : null,
      }));
    const minRespondents = Math.max(5, org?.min_group_size ?? 5);
    const frozen = {
      tree,
      attributes: parse(c.attributes) ?? [],
      thresholds: {
        minRespondents,
        minOpenText: Math.max(10, org?.min_text_group_size ?? 10),
        minSelfDeclared: Math.max(10, minRespondents),
      },
    };
    await q
      .updateTable('survey_campaigns')
      .set({ frozen: JSON.stringify(frozen) })
      .where('id', '=', c.id)
      .execute();
  }
}

function parse(value: unknown) {
  // biome-ignore lint/suspicious/noExplicitAny: JSON read back from either dialect.
  return (typeof value === 'string' ? JSON.parse(value) : value) as any;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_released_cuts').execute();
  await db.schema.alterTable('survey_responses').dropColumn('channel').execute();
  await db.schema.alterTable('survey_invitations').dropColumn('channel').execute();
  await db.schema.alterTable('survey_campaigns').dropColumn('shared_cap').execute();
  await db.schema.alterTable('survey_campaigns').dropColumn('frozen').execute();
}
