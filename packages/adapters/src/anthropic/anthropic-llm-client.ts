import type { Anthropic } from '@anthropic-ai/sdk';
import {
  EnterpriseHubError,
  systemClock,
  type Clock,
  type LlmClient,
  type LlmRequest,
  type LlmResponse,
  type LlmUsage,
} from '@enterprisehub/core';
import {
  resolveModel,
  type AnthropicClientLike,
  type AnthropicLlmClientOptions,
} from './anthropic-llm-client-options';
import { CallDeadline } from './call-deadline';
import { addUsage, mapUsage } from './map-usage';
import { sendMessage } from './send-message';
import {
  describeIssues,
  findToolUse,
  repairTurns,
  structuredTool,
  toolValue,
} from './structured-output';
import { toLlmError } from './to-llm-error';

type Params = Anthropic.MessageCreateParamsNonStreaming;

function systemParam(system: LlmRequest['system']): Params['system'] {
  if (system === undefined || typeof system === 'string') return system;
  return system.map((block) => ({
    type: 'text' as const,
    text: block.text,
    ...(block.cache === undefined
      ? {}
      : { cache_control: { type: 'ephemeral' as const, ttl: block.cache } }),
  }));
}

function textOf(message: Anthropic.Message): string {
  return message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
}

/**
 * {@link LlmClient} on the Anthropic Messages API (`@anthropic-ai/sdk`): text and structured output
 * (a zod schema becomes a forced tool whose input is validated, with one repair turn), prompt-cache
 * breakpoints on system blocks, streamed responses with time to first token, a deadline per call,
 * SDK retries honouring `retry-after`, and failures mapped to core's `LLM_*` codes.
 */
export class AnthropicLlmClient implements LlmClient {
  private readonly clock: Clock;
  private sdk: Promise<AnthropicClientLike> | undefined;

  /** Validates the options; the SDK is loaded on the first call. */
  constructor(private readonly options: AnthropicLlmClientOptions) {
    if ((options.apiKey === undefined) === (options.client === undefined)) {
      throw new EnterpriseHubError({
        code: 'CONFIG_INVALID',
        message: 'The Anthropic LLM client needs exactly one of apiKey or client.',
      });
    }
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Runs one model call. With `schema`, `parsed` holds the validated output or the call throws
   * `LLM_BAD_OUTPUT` after one repair attempt.
   */
  async complete<T = unknown>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
    const started = this.clock.now();
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs ?? 30_000;
    const deadline = new CallDeadline({ clock: this.clock, timeoutMs, signal: request.signal });
    const model = resolveModel(this.options, {
      tenantId: request.tenantId,
      requested: request.model,
      ...(request.metadata?.bot === undefined ? {} : { bot: request.metadata.bot }),
      ...(request.metadata?.operation === undefined
        ? {}
        : { operation: request.metadata.operation }),
    });
    const params: Params = {
      model,
      max_tokens: request.maxTokens ?? this.options.maxTokens ?? 1024,
      messages: request.messages.map((message) => ({
        role: message.role,
        content: message.content,
      })),
      ...(request.system === undefined ? {} : { system: systemParam(request.system) }),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    };
    try {
      const client = await this.client();
      const send = (body: Params) =>
        sendMessage(client, {
          body,
          signal: deadline.signal,
          stream: this.options.stream ?? true,
          clock: this.clock,
        });
      if (request.schema === undefined) {
        const { message, firstTokenAt } = await send(params);
        return this.response({
          message,
          text: textOf(message),
          usage: mapUsage(message.usage),
          started,
          firstTokenAt,
        });
      }
      return await this.structured(request.schema, { request, params, send, started });
    } catch (error) {
      throw toLlmError(error, {
        timedOut: deadline.timedOut,
        aborted: deadline.callerAborted,
        timeoutMs,
      });
    } finally {
      deadline.dispose();
    }
  }

  private async structured<T>(
    schema: NonNullable<LlmRequest<T>['schema']>,
    call: {
      request: LlmRequest<T>;
      params: Params;
      send: (body: Params) => Promise<{ message: Anthropic.Message; firstTokenAt?: number }>;
      started: number;
    },
  ): Promise<LlmResponse<T>> {
    const tool = structuredTool(schema, call.request.schemaName);
    const body: Params = {
      ...call.params,
      tools: [tool.tool],
      tool_choice: { type: 'tool', name: tool.tool.name },
    };
    let usage: LlmUsage | undefined;
    let messages = body.messages;
    let problem = '';
    for (let attempt = 1; attempt <= 2; attempt++) {
      const { message, firstTokenAt } = await call.send({ ...body, messages });
      usage =
        usage === undefined ? mapUsage(message.usage) : addUsage(usage, mapUsage(message.usage));
      const block = findToolUse(message, tool);
      if (block === undefined) {
        problem = 'the tool was not called';
      } else {
        const value = toolValue(block, tool);
        const parsed = schema.safeParse(value);
        if (parsed.success) {
          const response = this.response<T>({
            message,
            text: JSON.stringify(value),
            usage,
            started: call.started,
            firstTokenAt,
          });
          return { ...response, parsed: parsed.data };
        }
        problem = describeIssues(parsed.error);
      }
      messages = [...messages, ...repairTurns(message, { block, problem, tool })];
    }
    throw new EnterpriseHubError({
      code: 'LLM_BAD_OUTPUT',
      message: `The model output did not match the ${tool.tool.name} schema after a repair attempt.`,
      details: { schemaName: tool.tool.name, problem: problem.slice(0, 300) },
    });
  }

  private response<T>(input: {
    message: Anthropic.Message;
    text: string;
    usage: LlmUsage;
    started: number;
    firstTokenAt: number | undefined;
  }): LlmResponse<T> {
    return {
      text: input.text,
      usage: input.usage,
      model: input.message.model,
      latencyMs: this.clock.now() - input.started,
      ...(input.firstTokenAt === undefined
        ? {}
        : { timeToFirstTokenMs: input.firstTokenAt - input.started }),
      ...(input.message.stop_reason === null ? {} : { stopReason: input.message.stop_reason }),
    };
  }

  private client(): Promise<AnthropicClientLike> {
    this.sdk ??= (async () => {
      if (this.options.client !== undefined) return this.options.client;
      const { Anthropic } = await import('@anthropic-ai/sdk');
      return new Anthropic({
        apiKey: this.options.apiKey ?? null,
        authToken: null,
        baseURL: this.options.baseURL ?? 'https://api.anthropic.com',
        maxRetries: this.options.maxRetries ?? 2,
        logLevel: 'off',
        ...(this.options.fetch === undefined ? {} : { fetch: this.options.fetch }),
      });
    })();
    return this.sdk;
  }
}

/**
 * Creates an Anthropic-backed LLM client.
 *
 * @example
 * ```ts
 * const llm = createAnthropicLlmClient({
 *   apiKey: process.env.ANTHROPIC_API_KEY,
 *   model: 'claude-sonnet-4-6',
 *   models: { bots: { lead: 'claude-haiku-4-5' } },
 *   timeoutMs: 20_000,
 * });
 * const { parsed } = await llm.complete({ tenantId, messages, schema: leadFactsSchema, schemaName: 'lead_facts' });
 * ```
 */
export function createAnthropicLlmClient(options: AnthropicLlmClientOptions): AnthropicLlmClient {
  return new AnthropicLlmClient(options);
}
