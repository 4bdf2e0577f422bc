/**
 * @module Live workshop wire contracts: commands, events and WebSocket messages.
 *
 * Built from `@essaim/core/live`'s vocabulary (kinds, codes, stages, phases are core's tuples) and
 * checked against its types (`satisfies z.ZodType<CoreType>`): a core change that the wire shape does
 * not follow fails the type check. Semantic checks (limits, phases, roles) stay in core `decide`.
 */
import {
  ACTIVITY_KINDS,
  ACTIVITY_PHASES,
  type ActivitySpec,
  type Actor,
  BRAINSTORM_ANONYMITY,
  CHECK_IN_SCALES,
  CONSENT_STAGES,
  GROUPING_STRATEGIES,
  type LiveCommandBody,
  type LiveEvent,
  QUESTION_STATUSES,
  RATING_SCALE_NAMES,
  REJECTION_CODES,
  WORKSHOP_STATUSES,
} from '@essaim/core/live';
import { z } from 'zod';

/** Ids of workshops, activities, participants, cards, items (never start with `_`). */
export const LiveIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'malformed id');
/** Client-generated idempotency key. */
export const CommandIdSchema = z.string().min(1).max(64);
const Text = (max: number) => z.string().max(max);
const Id = LiveIdSchema;
const Count = z.number().int().nonnegative();

export const LiveRejectionCodeSchema = z.enum(REJECTION_CODES);
export type LiveRejectionCode = z.infer<typeof LiveRejectionCodeSchema>;

export const LiveActorSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('facilitator') }),
  z.object({ role: z.literal('participant'), participantId: z.string().max(64) }),
]) satisfies z.ZodType<Actor>;
export type LiveActor = z.infer<typeof LiveActorSchema>;

export const LiveItemSchema = z.object({ id: Id, label: Text(200) });
const Items = z.array(LiveItemSchema).min(1).max(200).readonly();

export const ConsentStageSchema = z.enum(CONSENT_STAGES);

const MatrixAxisSchema = z.object({ label: Text(200), low: Text(200), high: Text(200) });
const Point = z.tuple([z.number().int(), z.number().int()]).readonly();
const Allocation = z.record(Id, z.number().int()).readonly();
const QuestionStatusSchema = z.enum(QUESTION_STATUSES);

const spec = <T extends string, C extends z.ZodType>(type: T, config: C) =>
  z.object({ type: z.literal(type), title: Text(200), config, isRevealed: z.boolean().optional() });

/** What the facilitator sends to add an activity (`config` per type). */
export const ActivitySpecSchema = z.discriminatedUnion('type', [
  spec(
    'brainstorm',
    z.object({
      anonymity: z.enum(BRAINSTORM_ANONYMITY),
      maxCardsPerParticipant: z.number().int(),
    }),
  ),
  spec('cluster', z.object({ sourceActivityId: Id, canParticipantsEdit: z.boolean() })),
  spec(
    'dotVote',
    z.object({ items: Items, dotsPerParticipant: z.number().int(), maxPerItem: z.number().int() }),
  ),
  spec('rating', z.object({ items: Items, scale: z.enum(RATING_SCALE_NAMES) })),
  spec('ranking', z.object({ items: Items })),
  spec('pairwise', z.object({ items: Items, maxComparisonsPerParticipant: z.number().int().nullable() })),
  spec('poll', z.object({ options: Items, isMultiple: z.boolean(), maxChoices: z.number().int() })),
  spec('wordCloud', z.object({ maxAnswersPerParticipant: z.number().int(), maxLength: z.number().int() })),
  spec('fistToFive', z.object({ proposal: Text(2000), showNames: z.boolean().optional() })),
  spec('consentRound', z.object({ proposal: Text(5000) })),
  spec('gradients', z.object({ proposal: Text(2000) })),
  spec('timer', z.object({ durationMs: z.number().int(), isBreak: z.boolean() })),
  spec(
    'groups',
    z.object({
      size: z.number().int(),
      strategy: z.enum(GROUPING_STRATEGIES),
      attribute: z.object({ question: Text(200), options: Items }).nullable(),
      fromActivityId: Id.nullable(),
    }),
  ),
  spec('matrix', z.object({ items: Items, x: MatrixAxisSchema, y: MatrixAxisSchema })),
  spec('budget', z.object({ items: Items, budget: z.number().int() })),
  spec('questions', z.object({ isModerated: z.boolean(), allowNames: z.boolean() })),
  spec(
    'checkIn',
    z.object({ scale: z.enum(CHECK_IN_SCALES), allowWord: z.boolean(), showNames: z.boolean() }),
  ),
]) satisfies z.ZodType<ActivitySpec>;
export type ActivitySpecInput = z.infer<typeof ActivitySpecSchema>;

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape });
const onActivity = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  cmd(type, { activityId: Id, ...shape });
const ACTIVITY_CONTROLS = [
  'activity.start',
  'activity.open',
  'activity.close',
  'activity.revealResults',
  'activity.hideResults',
  'activity.lock',
  'activity.unlock',
] as const;

const COMMANDS = [
  cmd('participant.join', { displayName: Text(60).nullable() }),
  cmd('participant.remove', { participantId: Id }),
  cmd('activity.add', { activity: ActivitySpecSchema, index: Count.optional() }),
  onActivity('activity.move', { toIndex: Count }),
  onActivity('activity.update', { activity: ActivitySpecSchema }),
  onActivity('activity.remove', {}),
  ...ACTIVITY_CONTROLS.map((type) => onActivity(type, {})),
  cmd('workshop.pause', {}),
  cmd('workshop.resume', {}),
  cmd('workshop.stop', { reason: Text(500) }),
  onActivity('brainstorm.addCard', { text: Text(500), isAnonymous: z.boolean().optional() }),
  onActivity('brainstorm.hideCard', { cardId: Id }),
  onActivity('brainstorm.showCard', { cardId: Id }),
  onActivity('cluster.createGroup', { name: Text(200) }),
  onActivity('cluster.renameGroup', { groupId: Id, name: Text(200) }),
  onActivity('cluster.moveCard', { cardId: Id, groupId: Id.nullable() }),
  onActivity('dotVote.place', { itemId: Id }),
  onActivity('dotVote.revoke', { itemId: Id }),
  onActivity('rating.rate', { itemId: Id, value: z.number().int() }),
  onActivity('ranking.submit', { order: z.array(Id).max(200) }),
  onActivity('pairwise.choose', { winnerId: Id, loserId: Id }),
  onActivity('poll.answer', { optionIds: z.array(Id).min(1).max(200) }),
  onActivity('wordCloud.submit', { text: Text(280) }),
  onActivity('fistToFive.show', { value: z.number().int() }),
  onActivity('fistToFive.explain', { text: Text(500) }),
  onActivity('consentRound.setStage', { stage: ConsentStageSchema }),
  onActivity('consentRound.ask', { text: Text(500) }),
  onActivity('consentRound.react', { text: Text(500) }),
  onActivity('consentRound.object', { reason: Text(500) }),
  onActivity('consentRound.integrate', {
    objectionId: Id,
    integration: Text(500),
    amendedProposal: Text(5000).nullable(),
  }),
  onActivity('consentRound.withdraw', { objectionId: Id }),
  onActivity('gradients.choose', { level: z.number().int() }),
  onActivity('timer.start', {}),
  onActivity('timer.pause', {}),
  onActivity('timer.reset', {}),
  onActivity('timer.setDuration', { durationMs: z.number().int() }),
  onActivity('groups.declare', { optionId: Id }),
  onActivity('groups.form', { size: z.number().int().optional() }),
  onActivity('groups.join', {}),
  onActivity('matrix.place', { itemId: Id, x: z.number().int(), y: z.number().int() }),
  onActivity('matrix.showDots', { isShown: z.boolean() }),
  onActivity('budget.allocate', { allocation: Allocation }),
  onActivity('questions.ask', { text: Text(500), isNamed: z.boolean().optional() }),
  onActivity('questions.upvote', { questionId: Id }),
  onActivity('questions.unvote', { questionId: Id }),
  onActivity('questions.moderate', { questionId: Id, status: QuestionStatusSchema }),
  onActivity('checkIn.answer', { level: z.number().int(), word: Text(40).nullable().optional() }),
] as const;

/** A command as the client sends it inside `live.command` (no actor: the server sets it). */
export const LiveCommandBodySchema = z.discriminatedUnion(
  'type',
  COMMANDS,
) satisfies z.ZodType<LiveCommandBody>;
export type LiveCommandBodyInput = z.infer<typeof LiveCommandBodySchema>;

const ParticipantRef = z.string().max(64);
const envelope = {
  /** Id of the command that caused the event. */
  commandId: CommandIdSchema,
  actor: LiveActorSchema,
  /** Server clock in ms. */
  at: z.number(),
};
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape, ...envelope });
const evOn = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  ev(type, { activityId: Id, ...shape });
const Pid = { participantId: ParticipantRef };

const EVENTS = [
  ev('participant.joined', { participantId: ParticipantRef, displayName: Text(60).nullable() }),
  ev('participant.removed', Pid),
  ev('activity.added', { activityId: Id, index: Count, activity: ActivitySpecSchema }),
  evOn('activity.moved', { toIndex: Count }),
  evOn('activity.updated', { activity: ActivitySpecSchema }),
  evOn('activity.removed', {}),
  ...(
    [
      'activity.started',
      'activity.opened',
      'activity.closed',
      'activity.resultsRevealed',
      'activity.resultsHidden',
      'activity.locked',
      'activity.unlocked',
    ] as const
  ).map((type) => evOn(type, {})),
  ev('workshop.paused', {}),
  ev('workshop.resumed', {}),
  ev('workshop.stopped', { reason: Text(500) }),
  evOn('brainstorm.cardAdded', {
    cardId: Id,
    text: Text(500),
    authorId: ParticipantRef.nullable(),
    isAnonymous: z.boolean(),
  }),
  evOn('brainstorm.cardHidden', { cardId: Id }),
  evOn('brainstorm.cardShown', { cardId: Id }),
  evOn('cluster.groupCreated', { groupId: Id, name: Text(200) }),
  evOn('cluster.groupRenamed', { groupId: Id, name: Text(200) }),
  evOn('cluster.cardMoved', { cardId: Id, groupId: Id.nullable() }),
  evOn('dotVote.placed', { ...Pid, itemId: Id }),
  evOn('dotVote.revoked', { ...Pid, itemId: Id }),
  evOn('rating.rated', {
    ...Pid,
    itemId: Id,
    value: z.number().int(),
    previous: z.number().int().nullable(),
  }),
  evOn('ranking.submitted', {
    ...Pid,
    order: z.array(Id).readonly(),
    previous: z.array(Id).readonly().nullable(),
  }),
  evOn('pairwise.chosen', { ...Pid, winnerId: Id, loserId: Id, previousWinnerId: Id.nullable() }),
  evOn('poll.answered', {
    ...Pid,
    optionIds: z.array(Id).readonly(),
    previous: z.array(Id).readonly().nullable(),
  }),
  evOn('wordCloud.submitted', { ...Pid, answerId: Id, text: Text(280) }),
  evOn('fistToFive.shown', { ...Pid, value: z.number().int(), previous: z.number().int().nullable() }),
  evOn('fistToFive.explained', { ...Pid, text: Text(500) }),
  evOn('consentRound.stageSet', { stage: ConsentStageSchema, previous: ConsentStageSchema }),
  evOn('consentRound.asked', { ...Pid, entryId: Id, text: Text(500) }),
  evOn('consentRound.reacted', { ...Pid, entryId: Id, text: Text(500) }),
  evOn('consentRound.objected', { ...Pid, objectionId: Id, reason: Text(500), proposalVersion: Count }),
  evOn('consentRound.integrated', {
    objectionId: Id,
    integration: Text(500),
    amendedProposal: Text(5000).nullable(),
    proposalVersion: Count,
  }),
  evOn('consentRound.withdrawn', { objectionId: Id }),
  evOn('gradients.chosen', { ...Pid, level: z.number().int(), previous: z.number().int().nullable() }),
  evOn('timer.started', {}),
  evOn('timer.paused', {}),
  evOn('timer.reset', {}),
  evOn('timer.durationSet', { durationMs: z.number().int() }),
  evOn('groups.declared', { ...Pid, optionId: Id }),
  evOn('groups.formed', { groups: z.array(z.array(ParticipantRef).readonly()).readonly() }),
  evOn('groups.placed', { ...Pid, groupIndex: Count }),
  evOn('matrix.placed', {
    ...Pid,
    itemId: Id,
    x: z.number().int(),
    y: z.number().int(),
    previous: Point.nullable(),
  }),
  evOn('matrix.dotsShown', { isShown: z.boolean() }),
  evOn('budget.allocated', { ...Pid, allocation: Allocation, previous: Allocation.nullable() }),
  evOn('questions.asked', {
    ...Pid,
    questionId: Id,
    text: Text(500),
    authorName: Text(60).nullable(),
    status: QuestionStatusSchema,
  }),
  evOn('questions.upvoted', { ...Pid, questionId: Id }),
  evOn('questions.unvoted', { ...Pid, questionId: Id }),
  evOn('questions.moderated', {
    questionId: Id,
    status: QuestionStatusSchema,
    question: z
      .object({ text: Text(500), authorName: Text(60).nullable(), votes: Count, at: z.number() })
      .nullable(),
  }),
  evOn('checkIn.answered', { ...Pid, level: z.number().int(), word: Text(40).nullable() }),
] as const;

const ParticipantSnapshotSchema = z.object({
  id: z.string().max(64),
  displayName: z.string().nullable(),
  isRemoved: z.boolean(),
  recentCommandIds: z.array(z.string()),
});

const ActivitySnapshotSchema = z.object({
  id: Id,
  type: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  phase: z.enum(ACTIVITY_PHASES),
  isRevealed: z.boolean(),
  isLocked: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  /** Activity-specific data; its shape is owned by core. */
  data: z.record(z.string(), z.unknown()),
});

/** Shape of core's `WorkshopState` (activity data left to core). */
export const WorkshopSnapshotSchema = z.object({
  id: Id,
  status: z.enum(WORKSHOP_STATUSES),
  stopReason: z.string().nullable(),
  activityOrder: z.array(Id),
  currentActivityId: Id.nullable(),
  activities: z.record(z.string(), ActivitySnapshotSchema),
  participants: z.record(z.string(), ParticipantSnapshotSchema),
  facilitatorCommandIds: z.array(z.string()),
  eventCount: Count,
});

/** A stored / broadcast event: body plus the command that caused it and the server time (ms). */
export const LiveEventSchema = z.discriminatedUnion('type', EVENTS) satisfies z.ZodType<LiveEvent>;
export type LiveEventInput = z.infer<typeof LiveEventSchema>;

/** A command as core's `decide` receives it: the body plus the server-assigned actor. */
export const LiveCommandSchema = z.intersection(
  LiveCommandBodySchema,
  z.object({ commandId: CommandIdSchema, actor: LiveActorSchema }),
);
export type LiveCommandInput = z.infer<typeof LiveCommandSchema>;

/** Sequence number of an event within its workshop (1-based, gapless on the server). */
export const LiveSeqSchema = z.number().int().nonnegative();

/** Client → server messages of the live protocol. */
export const LiveClientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('live.command'),
    workshopId: Id,
    /** Client-generated idempotency key; a retry reuses it. */
    commandId: CommandIdSchema,
    command: LiveCommandBodySchema,
  }),
  z.object({
    type: z.literal('live.resume'),
    workshopId: Id,
    /** Last sequence number the client applied (0 for none). */
    lastSeq: LiveSeqSchema,
    /**
     * `screen`: a projector. Whoever opens it (even the facilitator's session) gets what any
     * participant may see and can send no command, so no result shows before it is revealed.
     */
    as: z.enum(['screen']).optional(),
  }),
]);
export type LiveClientMessage = z.infer<typeof LiveClientMessageSchema>;

/** Server → client messages of the live protocol. */
export const LiveServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('live.ack'), commandId: CommandIdSchema, seq: LiveSeqSchema }),
  z.object({
    type: z.literal('live.reject'),
    commandId: CommandIdSchema,
    code: LiveRejectionCodeSchema,
    message: z.string(),
  }),
  z.object({
    type: z.literal('live.events'),
    workshopId: Id,
    /**
     * The message covers sequence numbers (afterSeq, throughSeq]. Each viewer's messages form a
     * contiguous range (events it may not see are skipped inside it), so for every viewer —
     * facilitator, participant, projector — `afterSeq` above its last seq means a gap: send
     * `live.resume` with the last seq.
     */
    afterSeq: LiveSeqSchema.optional(),
    throughSeq: LiveSeqSchema.optional(),
    events: z.array(z.object({ seq: LiveSeqSchema, event: LiveEventSchema })),
  }),
  z.object({
    type: z.literal('live.snapshot'),
    workshopId: Id,
    /** Sequence number the snapshot includes. */
    seq: LiveSeqSchema,
    /** `WorkshopState` of core (redacted for participants); plain JSON, validated by shape only. */
    state: WorkshopSnapshotSchema,
  }),
]);
export type LiveServerMessage = z.infer<typeof LiveServerMessageSchema>;
