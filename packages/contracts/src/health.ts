import { z } from 'zod';

export const HealthSchema = z.object({ status: z.literal('ok'), version: z.string(), uptimeMs: z.number() });
export type Health = z.infer<typeof HealthSchema>;

export const ReadySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.object({ dialect: z.enum(['sqlite', 'postgres']), reachable: z.boolean() }),
  migrations: z.object({ applied: z.number(), pending: z.number() }),
  bus: z.enum(['memory', 'redis']),
});
export type Ready = z.infer<typeof ReadySchema>;
