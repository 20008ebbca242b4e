export {
  scoreLead,
  toLeadScore,
  type LeadScoreResult,
  type ScoreLeadInput,
  type ScoringFacts,
  type ScoringFactValue,
} from './score-lead';
export type { LeadActivity, PlainScoringFacts, ScoreFactor, ScoreReason } from './score-factors';
export {
  DEFAULT_SCORING_WEIGHTS,
  DEFAULT_TEMPERATURE_THRESHOLDS,
  temperatureFor,
  type ScoringWeights,
  type TemperatureThresholds,
} from './scoring-weights';
