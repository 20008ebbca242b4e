import { randomUUID } from 'node:crypto';
import { EnterpriseHubError, type Clock } from '@enterprisehub/core';
import { matchesAllLabels } from './label-matcher';
import { silenceInputSchema, silenceStatus, type Silence, type SilenceInput } from './silence';
import { parseAlertingInput } from './validation-error';

/** Silences kept by the engine: created, expired early, listed and matched against alert labels. */
export interface SilenceRegistry {
  /** Validates and stores a silence (`startsAt` defaults to now); replaces one with the same id. */
  create(input: SilenceInput): Silence;
  /** Ends a silence now; `undefined` when there is no such silence. */
  expire(id: string): Silence | undefined;
  /** Silences, newest first; expired ones only with `includeExpired`. */
  list(options?: { includeExpired?: boolean }): Silence[];
  /** Ids of the silences active now whose matchers all accept `labels`. */
  matching(labels: Readonly<Record<string, string>>): string[];
}

/** How long expired silences stay listable, ms. */
const EXPIRED_RETENTION_MS = 7 * 86_400_000;

/** Creates an in-memory silence registry on the injected clock. */
export function createSilenceRegistry(options: { clock: Clock }): SilenceRegistry {
  const { clock } = options;
  const silences = new Map<string, Silence>();
  const prune = (now: number): void => {
    for (const [id, silence] of silences) {
      if (silence.endsAt + EXPIRED_RETENTION_MS < now) silences.delete(id);
    }
  };
  return {
    create: (input) => {
      const parsed = parseAlertingInput({ schema: silenceInputSchema, input, what: 'silence' });
      const now = clock.now();
      const startsAt = parsed.startsAt ?? now;
      if (parsed.endsAt <= startsAt) {
        throw new EnterpriseHubError({
          code: 'ALERT_RULE_INVALID',
          message: 'Invalid silence: endsAt: endsAt must be after startsAt.',
          details: { fields: 'endsAt' },
        });
      }
      const silence: Silence = Object.freeze({
        id: parsed.id ?? randomUUID(),
        matchers: Object.freeze([...parsed.matchers]),
        startsAt,
        endsAt: parsed.endsAt,
        createdBy: parsed.createdBy,
        comment: parsed.comment,
        createdAt: now,
      });
      silences.set(silence.id, silence);
      prune(now);
      return silence;
    },
    expire: (id) => {
      const current = silences.get(id);
      if (!current) return undefined;
      const now = clock.now();
      const expired: Silence = Object.freeze({ ...current, endsAt: Math.min(current.endsAt, now) });
      silences.set(id, expired);
      return expired;
    },
    list: (listOptions = {}) => {
      const now = clock.now();
      return [...silences.values()]
        .filter(
          (silence) =>
            listOptions.includeExpired === true || silenceStatus(silence, now) !== 'expired',
        )
        .sort((a, b) => b.createdAt - a.createdAt);
    },
    matching: (labels) => {
      const now = clock.now();
      const ids: string[] = [];
      for (const silence of silences.values()) {
        if (silenceStatus(silence, now) === 'active' && matchesAllLabels(silence.matchers, labels))
          ids.push(silence.id);
      }
      return ids;
    },
  };
}
