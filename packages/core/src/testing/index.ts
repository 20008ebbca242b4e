/**
 * Test kit for EnterpriseHub: manual clock, scripted LLM client, builders of valid domain objects, in-memory ports
 * and the port contract suites. Framework-agnostic (no vitest import).
 *
 * @module
 */
export * from './builders';
export * from './manual-clock';
export * from './record-builders';
export * from './scripted-llm-client';
export {
  createMemoryPorts,
  type MemoryPorts,
  type MemoryPortsOptions,
} from '../memory/create-memory-ports';
export * from './contracts/index';
