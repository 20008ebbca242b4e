import type { AnalyzableMessage } from './analytics-message';
import { engagementScore } from './engagement';
import { detectResolution } from './resolution';
import { sentimentTrajectory } from './sentiment';
import { topicDrift } from './topic-drift';

/** Conversation quality, 0–1, with the components it was built from. */
export interface QualityScore {
  /** 0.25 × sentiment + 0.25 × engagement + 0.25 × coherence + 0.20 × resolution + 0.05. */
  score: number;
  /** Overall sentiment mapped from −1…1 to 0…1. */
  sentiment: number;
  /** Engagement score. */
  engagement: number;
  /** 1 − topic drift. */
  coherence: number;
  /** 1 when resolved, else 0. */
  resolution: number;
}

/**
 * Quality score of a conversation (seed formula): 25% normalized sentiment ((overall + 1) / 2),
 * 25% engagement, 25% topic coherence (1 − drift), 20% resolution bonus, 5% baseline.
 *
 * @example
 * ```ts
 * qualityScore(messages).score; // e.g. 0.78
 * ```
 */
export function qualityScore(messages: readonly AnalyzableMessage[]): QualityScore {
  const sentiment = (sentimentTrajectory(messages).overall + 1) / 2;
  const engagement = engagementScore(messages).score;
  const coherence = 1 - topicDrift(messages).score;
  const resolution = detectResolution(messages).resolved ? 1 : 0;
  return {
    score: 0.25 * sentiment + 0.25 * engagement + 0.25 * coherence + 0.2 * resolution + 0.05,
    sentiment,
    engagement,
    coherence,
    resolution,
  };
}
