import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import type { Clock } from '../ports/clock';
import type { LlmClient, LlmRequest, LlmResponse, LlmUsage } from '../ports/llm-client';

/** A canned answer: text (or a value to serialise as JSON) plus optional response fields. */
export interface ScriptedLlmReply {
  /** Raw text; for structured calls, the JSON text (derived from `json` when omitted). */
  text?: string;
  /** A value returned as JSON text and, when the request has a schema, validated into `parsed`. */
  json?: unknown;
  /** Usage to report; defaults to a 4-characters-per-token estimate. */
  usage?: Partial<LlmUsage>;
  /** Model to report; the request's model or `scripted-model`. */
  model?: string;
  /** Latency to report, ms. With a clock, the call also waits this long on it (so timeouts can be tested). */
  latencyMs?: number;
  /** Stop reason to report; default `end_turn`. */
  stopReason?: string;
}

/** One step of a script: a reply, an error to throw, or a function computing the response from the request. */
export type ScriptedLlmStep =
  | {
      /** Answer with a canned reply. */
      kind: 'reply';
      /** The reply. */
      reply: ScriptedLlmReply;
    }
  | {
      /** Throw. */
      kind: 'error';
      /** What to throw (typically an `EnterpriseHubError` with an `LLM_*` code). */
      error: unknown;
    }
  | {
      /** Compute the reply from the request. */
      kind: 'responder';
      /** Builds the reply. */
      respond: (request: LlmRequest) => ScriptedLlmReply | Promise<ScriptedLlmReply>;
    };

/** Options for {@link ScriptedLlmClient}. */
export interface ScriptedLlmClientOptions {
  /** Steps to start with. */
  steps?: ScriptedLlmStep[];
  /** Clock used to simulate `latencyMs`; without one, replies are immediate. */
  clock?: Clock;
}

function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * A scripted {@link LlmClient} test double: answers from a queue of steps, records every request, throws
 * `LLM_UNEXPECTED_CALL` when called with no step left, and {@link ScriptedLlmClient.assertDone} fails on leftovers.
 *
 * @example
 * ```ts
 * const llm = new ScriptedLlmClient().replyJson({ intent: 'buyer', confidence: 0.9 }).fail(timeoutError);
 * await decoder.decode(message); // first call gets the JSON, second call throws
 * llm.assertDone();
 * ```
 */
export class ScriptedLlmClient implements LlmClient {
  /** Every request received, in order. */
  readonly calls: LlmRequest[] = [];
  private readonly steps: ScriptedLlmStep[];
  private readonly clock: Clock | undefined;

  /** Creates a client with the given steps (an array of steps, or options). */
  constructor(options: ScriptedLlmStep[] | ScriptedLlmClientOptions = {}) {
    const resolved = Array.isArray(options) ? { steps: options } : options;
    this.steps = [...(resolved.steps ?? [])];
    this.clock = resolved.clock;
  }

  /** Queues a text reply (or a full reply object). */
  reply(reply: string | ScriptedLlmReply): this {
    this.steps.push({ kind: 'reply', reply: typeof reply === 'string' ? { text: reply } : reply });
    return this;
  }

  /** Queues a structured reply: `value` as JSON text, parsed with the request's schema. */
  replyJson(value: unknown, extra: Omit<ScriptedLlmReply, 'json' | 'text'> = {}): this {
    this.steps.push({ kind: 'reply', reply: { ...extra, json: value } });
    return this;
  }

  /** Queues an error to throw. */
  fail(error: unknown): this {
    this.steps.push({ kind: 'error', error });
    return this;
  }

  /** Queues a function that builds the reply from the request. */
  respond(respond: (request: LlmRequest) => ScriptedLlmReply | Promise<ScriptedLlmReply>): this {
    this.steps.push({ kind: 'responder', respond });
    return this;
  }

  /** Steps not yet consumed. */
  get remaining(): number {
    return this.steps.length;
  }

  /** Throws when steps are left over (the code under test made fewer calls than scripted). */
  assertDone(): void {
    if (this.steps.length > 0) {
      throw new Error(`ScriptedLlmClient: ${this.steps.length} scripted step(s) were never used.`);
    }
  }

  /** Answers with the next scripted step (see the class summary); records the request first. */
  async complete<T = unknown>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
    this.calls.push(request);
    const step = this.steps.shift();
    if (!step) {
      throw new EnterpriseHubError({
        code: 'LLM_UNEXPECTED_CALL',
        message: `ScriptedLlmClient received call ${this.calls.length} but had no step left.`,
      });
    }
    if (step.kind === 'error') throw step.error;
    const reply = step.kind === 'reply' ? step.reply : await step.respond(request);
    if (this.clock && reply.latencyMs) await this.clock.sleep(reply.latencyMs, request.signal);
    return this.toResponse(request, reply);
  }

  private toResponse<T>(request: LlmRequest<T>, reply: ScriptedLlmReply): LlmResponse<T> {
    const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
    const prompt = [request.system ?? '', ...request.messages.map((message) => message.content)]
      .map((part) => (typeof part === 'string' ? part : part.map((block) => block.text).join('')))
      .join('');
    const usage: LlmUsage = {
      inputTokens: estimateTokens(prompt),
      outputTokens: estimateTokens(text),
      cacheReadTokens: 0,
      cacheWrite5mTokens: 0,
      cacheWrite1hTokens: 0,
      ...reply.usage,
    };
    const response: LlmResponse<T> = {
      text,
      usage,
      model: reply.model ?? request.model ?? 'scripted-model',
      latencyMs: reply.latencyMs ?? 0,
      stopReason: reply.stopReason ?? 'end_turn',
    };
    if (request.schema) {
      const parsed = request.schema.safeParse(reply.json ?? safeJson(text));
      if (!parsed.success) {
        throw new EnterpriseHubError({
          code: 'LLM_BAD_OUTPUT',
          message: `Scripted output did not match schema ${request.schemaName ?? '(unnamed)'}.`,
          cause: parsed.error,
        });
      }
      response.parsed = parsed.data;
    }
    return response;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
