export * from './circuit-breaker';
export * from './tiered-cache';
export type * from './tiered-cache-types';
