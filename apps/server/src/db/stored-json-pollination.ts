/** Shapes of the pollination feature's JSON columns (see stored-json.ts for why they are checked). */
import { z } from 'zod';

export const PollinationJson = {
  strings: z.array(z.string()),
  /** experiences.indicators */
  indicators: z.array(z.object({ label: z.string(), value: z.string() })),
  /** experiences.diagnostic_deltas */
  deltas: z.array(z.object({ constructId: z.string(), before: z.number(), after: z.number() })),
  /** experiences.diagnostic_profile: construct id → 0–100 score from a released cut. */
  profile: z.record(z.string(), z.number()),
  /** experiences.contacts */
  contacts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.string(),
      personId: z.string().nullable(),
      consentedAt: z.string().nullable(),
      recordedBy: z.string().nullable().default(null),
    }),
  ),
};
export type StoredContact = z.infer<typeof PollinationJson.contacts>[number];

/** experiences: its JSON columns, decoded and encoded by the pollination repository. */
export const experienceJson = {
  ic_forms: PollinationJson.strings,
  method_ids: PollinationJson.strings,
  indicators: PollinationJson.indicators,
  diagnostic_deltas: PollinationJson.deltas,
  diagnostic_profile: PollinationJson.profile,
  contacts: PollinationJson.contacts,
};
/** diffusion_plans: its JSON column (the target collectives). */
export const planJson = { collective_ids: PollinationJson.strings };
