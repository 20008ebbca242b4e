export { ANTHROPIC_PRICES } from './anthropic-prices';
export { createCostAnomalyDetector } from './cost-anomaly-detector';
export type {
  BotCostSummary,
  CostAnomalyDetector,
  CostAnomalyDetectorOptions,
  CostAnomalyResult,
  CostAnomalyVerdict,
  CostObservation,
} from './cost-anomaly-detector';
export { COST_GUARD_ALERT_RULE_ID, createCostGuard } from './cost-guard';
export type {
  CostGuard,
  CostGuardLimits,
  CostGuardMode,
  CostGuardOptions,
  CostGuardRecordOptions,
  CostGuardState,
} from './cost-guard';
export { modelPriceSchema, promptSizeBandSchema, tokenRatesSchema } from './model-price';
export type { ModelPrice, ModelPriceInput, PromptSizeBand, TokenRates } from './model-price';
export { createPriceTable } from './price-table';
export type {
  CallCost,
  CostBreakdown,
  PriceCallOptions,
  PriceTable,
  PriceTableOptions,
} from './price-table';
export { median, medianAbsoluteDeviation, robustZScore } from './robust-z-score';
export type { RobustZScore } from './robust-z-score';
export { withCostGuard } from './with-cost-guard';
export type { WithCostGuardOptions } from './with-cost-guard';
