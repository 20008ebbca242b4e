import { z } from 'zod';

/** Lead temperatures, as a zod enum. */
export const temperatureSchema = z.enum(['hot', 'warm', 'cold']);

/** Lead temperature: `hot` (ready now), `warm` (qualifying), `cold` (nurture). */
export type Temperature = z.infer<typeof temperatureSchema>;

/** Zod schema for a lead score. */
export const leadScoreSchema = z.object({
  /** Score from 1 (cold) to 10 (hottest). */
  value: z.number().int().min(1).max(10),
  /** Temperature band derived from the score. */
  temperature: temperatureSchema,
  /** Short human-readable reasons (no PII), e.g. `pre-approved`, `timeline under 3 months`. */
  reasons: z.array(z.string()).default([]),
  /** When the score was computed, epoch ms. */
  scoredAt: z.number().int().nonnegative(),
});

/** A lead's 1–10 score with temperature and reasons. */
export type LeadScore = z.infer<typeof leadScoreSchema>;
