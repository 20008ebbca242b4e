/**
 * EnterpriseHub core: domain schemas, ports, errors, events, memory implementations, cache tiers, PII crypto and
 * tenants. Every other EnterpriseHub package depends on this one.
 *
 * @module
 */

// --- domain: zod schemas and inferred types ---
export * from './domain/index';

// --- ports: interfaces (plus systemClock) ---
export * from './ports/index';

// --- errors ---
export * from './errors/index';

// --- events ---
export * from './events/index';

// --- memory: in-memory implementations of every port (embedded default) ---
export * from './memory/index';

// --- tenants ---
export * from './tenants/index';

// --- cache: tiered cache (L1 lru-cache + L2 behind a circuit breaker) ---
export * from './cache/index';

// --- crypto: PII field encryption, blind indexes, normalisation, redaction ---
export * from './crypto/index';
