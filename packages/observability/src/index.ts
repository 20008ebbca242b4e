/**
 * @module
 */
export const PACKAGE_NAME = '@enterprisehub/observability';

// performance
export * from './performance/index';

// llm
export * from './llm/index';

// cost
export * from './cost/index';

// analytics
export * from './analytics/index';

// metrics
export * from './metrics/index';

// alerting
export * from './alerting/index';

// channels
export * from './channels/index';
