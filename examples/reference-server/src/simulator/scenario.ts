/**
 * Scenario files for `--scenario file.json`: a list of lead messages, possibly from several contacts, sent in order
 * (each after the previous reply).
 *
 * ```json
 * { "messages": [
 *   { "contact": "alice", "text": "I want to buy a 3 bed in Round Rock under 450k" },
 *   { "contact": "bob", "text": "Thinking about selling my house in Cedar Park" },
 *   { "contact": "alice", "text": "We're pre-approved, moving in 2 months" }
 * ] }
 * ```
 * A bare array works too, and so do plain strings (one contact).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SimulatorError } from './errors';

const messageSchema = z.union([
  z
    .string()
    .min(1)
    .transform((text) => ({ contact: 'lead', text, pauseMs: 0 })),
  z.object({
    /** A label for the contact; every label becomes a fresh contact id per run. */
    contact: z.string().min(1).max(64).default('lead'),
    text: z.string().min(1).max(2000),
    /** Pause before sending, ms. */
    pauseMs: z.number().int().min(0).max(600_000).default(0),
  }),
]);

const scenarioSchema = z.union([
  z.array(messageSchema).min(1),
  z.object({ messages: z.array(messageSchema).min(1) }).transform((value) => value.messages),
]);

/** One scenario step. */
export type ScenarioMessage = { contact: string; text: string; pauseMs: number };

/** Parses a scenario document. */
export function parseScenario(value: unknown, source = 'scenario'): ScenarioMessage[] {
  const parsed = scenarioSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SimulatorError(
      `${source} is not a valid scenario: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'} — expected { "messages": [{ "contact": "alice", "text": "…" }] }`,
    );
  }
  return parsed.data;
}

/** Reads and parses a scenario file. */
export async function loadScenario(path: string): Promise<ScenarioMessage[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new SimulatorError(`cannot read scenario file ${path}`);
  }
  try {
    return parseScenario(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof SyntaxError) throw new SimulatorError(`${path} is not valid JSON`);
    throw error;
  }
}
