import { z } from 'zod';
import { labelMatcherSchema } from './label-matcher';

/** Zod schema of a silence as given to `createSilence` (id and start filled in when absent). */
export const silenceInputSchema = z
  .object({
    /** Optional id; generated when absent. */
    id: z.string().min(1).max(100).optional(),
    /** Alerts whose labels match all matchers are muted (at least one matcher). */
    matchers: z.array(labelMatcherSchema).min(1).max(20),
    /** Start, epoch ms; default now. */
    startsAt: z.number().int().nonnegative().optional(),
    /** End, epoch ms; must be after the start. */
    endsAt: z.number().int().nonnegative(),
    /** Who created it (operator id, not PII). */
    createdBy: z.string().min(1).max(200),
    /** Why (ticket, maintenance window). */
    comment: z.string().min(1).max(2000),
  })
  .refine((silence) => silence.startsAt === undefined || silence.endsAt > silence.startsAt, {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  });

/** Silence fields accepted by `createSilence`. */
export type SilenceInput = z.input<typeof silenceInputSchema>;

/** A silence: mutes notifications of matching alerts between `startsAt` and `endsAt` (alerts still evaluate). */
export interface Silence {
  /** Silence id. */
  readonly id: string;
  /** Matchers, all of which must accept an alert's labels. */
  readonly matchers: readonly z.output<typeof labelMatcherSchema>[];
  /** Start, epoch ms. */
  readonly startsAt: number;
  /** End, epoch ms (moved to now when expired early). */
  readonly endsAt: number;
  /** Who created it. */
  readonly createdBy: string;
  /** Why. */
  readonly comment: string;
  /** When it was created, epoch ms. */
  readonly createdAt: number;
}

/** Lifecycle of a silence at a given time. */
export type SilenceStatus = 'pending' | 'active' | 'expired';

/** Status of a silence at `now`: pending before its start, active until its end, then expired. */
export function silenceStatus(silence: Silence, now: number): SilenceStatus {
  if (now < silence.startsAt) return 'pending';
  return now < silence.endsAt ? 'active' : 'expired';
}
