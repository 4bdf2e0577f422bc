import { z } from 'zod';
import { CharterServerMessageSchema } from './charters.ts';
import { LiveServerMessageSchema } from './live.ts';

/** A room is `<kind>:<id>`: one per engagement, workshop or organisation. */
export const RoomNameSchema = z
  .string()
  .max(120)
  .regex(
    /^(engagement|workshop|organisation|lobby|network|conversation):[A-Za-z0-9_-]{1,100}$/,
    'room must be <kind>:<id>',
  );

/** Ephemeral reactions a participant can send to a room (no storage). */
export const ReactionSchema = z.enum(['applause', 'heart', 'thumbs_up', 'question', 'slow_down', 'speed_up']);
export type Reaction = z.infer<typeof ReactionSchema>;

export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('subscribe'),
    room: RoomNameSchema,
    lastSeq: z.number().int().nonnegative().optional(),
  }),
  z.object({ type: z.literal('unsubscribe'), room: RoomNameSchema }),
  z.object({ type: z.literal('react'), room: RoomNameSchema, reaction: ReactionSchema }),
  z.object({ type: z.literal('ping'), id: z.string().max(64).optional() }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), instanceId: z.string(), protocol: z.literal(1) }),
  z.object({ type: z.literal('subscribed'), room: z.string() }),
  z.object({ type: z.literal('unsubscribed'), room: z.string() }),
  z.object({ type: z.literal('presence'), room: z.string(), count: z.number().int().nonnegative() }),
  z.object({ type: z.literal('reaction'), room: z.string(), reaction: ReactionSchema, at: z.string() }),
  z.object({
    type: z.literal('event'),
    room: z.string(),
    event: z.string(),
    payload: z.unknown(),
    seq: z.number().optional(),
  }),
  z.object({ type: z.literal('pong'), id: z.string().optional() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  // The live protocol's messages travel on the same socket (and through the bus) as the rest.
  ...LiveServerMessageSchema.options,
  ...CharterServerMessageSchema.options,
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
