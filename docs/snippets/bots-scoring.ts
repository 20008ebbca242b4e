/** Compiled snippet for docs/bots.md, "Scoring": score the facts and store the core LeadScore. */
import type { ConversationState, Tenant } from '@enterprisehub/core';
import type { LeadActivity, TemperatureThresholds } from '@enterprisehub/bots';

declare const state: ConversationState;
declare const tenant: Tenant;
declare const activity: LeadActivity;
declare const thresholds: Partial<TemperatureThresholds>;
declare const now: number;

// #region scoring
import { scoreLead, toLeadScore } from '@enterprisehub/bots';

const result = scoreLead({ facts: state.facts, market: tenant.market, activity, thresholds, now });
// { score: 8, temperature: 'hot', reasons: [{ factor: 'base', delta: 2, detail: 'lead reached out' },
//   { factor: 'financing', delta: 2, detail: 'pre-approved for a mortgage' }, …] }
state.score = toLeadScore(result, now); // core LeadScore: { value, temperature, reasons: string[], scoredAt }
// #endregion scoring
