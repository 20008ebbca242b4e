/**
 * An `LlmClient` for any OpenAI-compatible chat completions API (OpenAI, Azure OpenAI, vLLM, Ollama, LiteLLM, …).
 * The port's contract: structured output parsed with the request's zod schema (`LLM_BAD_OUTPUT` otherwise),
 * provider failures mapped to the retryable `LLM_*` codes, a deadline (`LLM_TIMEOUT`), and no prompt text or
 * API key in error messages.
 */
import { z } from 'zod';
import {
  EnterpriseHubError,
  type ErrorCode,
  type LlmClient,
  type LlmRequest,
  type LlmResponse,
  type LlmSystemBlock,
} from '@enterprisehub/core';

/** Options of {@link createOpenAiCompatibleLlmClient}. */
export interface OpenAiCompatibleLlmClientOptions {
  /** API base URL, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1`. */
  baseUrl: string;
  /** Bearer key; never logged or put in errors. Omit for local servers without auth. */
  apiKey?: string;
  /** Default model id. */
  model: string;
  /** Deadline per call when the request sets none, ms. @defaultValue 30000 */
  timeoutMs?: number;
  /** `fetch` implementation. @defaultValue `globalThis.fetch` */
  fetch?: typeof globalThis.fetch;
}

const completionSchema = z.object({
  model: z.string(),
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullable() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z
    .object({
      prompt_tokens: z.number(),
      completion_tokens: z.number(),
      prompt_tokens_details: z.object({ cached_tokens: z.number().optional() }).nullish(),
    })
    .optional(),
});

const systemText = (system: string | LlmSystemBlock[] | undefined): string | undefined =>
  typeof system === 'string' ? system : system?.map((block) => block.text).join('\n\n');

/** Maps a provider HTTP status to the port's error codes. */
function codeForStatus(status: number): ErrorCode {
  if (status === 429) return 'LLM_RATE_LIMITED';
  if (status === 408 || status >= 500) return 'LLM_UNAVAILABLE';
  return 'LLM_REQUEST_REJECTED';
}

/** Creates the client. */
export function createOpenAiCompatibleLlmClient(
  options: OpenAiCompatibleLlmClientOptions,
): LlmClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  return {
    async complete<T = unknown>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
      const started = performance.now();
      const system = systemText(request.system);
      const body = {
        model: request.model ?? options.model,
        messages: [
          ...(system === undefined ? [] : [{ role: 'system', content: system }]),
          ...request.messages,
        ],
        ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
        ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
        ...(request.schema === undefined
          ? {}
          : {
              response_format: {
                type: 'json_schema',
                json_schema: {
                  name: request.schemaName ?? 'output',
                  schema: z.toJSONSchema(request.schema),
                  strict: true,
                },
              },
            }),
      };
      const deadline = AbortSignal.timeout(request.timeoutMs ?? options.timeoutMs ?? 30_000);
      const signal =
        request.signal === undefined ? deadline : AbortSignal.any([request.signal, deadline]);
      let response: Response;
      try {
        response = await fetchImpl(`${options.baseUrl.replace(/\/$/, '')}/chat/completions`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.apiKey === undefined ? {} : { authorization: `Bearer ${options.apiKey}` }),
          },
          body: JSON.stringify(body),
          signal,
        });
      } catch (error) {
        if (request.signal?.aborted === true) {
          throw new EnterpriseHubError({
            code: 'ABORTED',
            message: 'The model call was aborted.',
            cause: error,
          });
        }
        if (deadline.aborted) {
          throw new EnterpriseHubError({
            code: 'LLM_TIMEOUT',
            message: 'The model call timed out.',
            cause: error,
          });
        }
        throw new EnterpriseHubError({
          code: 'LLM_UNAVAILABLE',
          message: 'The model provider could not be reached.',
          cause: error,
        });
      }
      if (!response.ok) {
        throw new EnterpriseHubError({
          code: codeForStatus(response.status),
          message: `The model provider answered HTTP ${response.status}.`, // the body may echo the prompt: not included
        });
      }
      const parsedBody = completionSchema.safeParse(await response.json().catch(() => undefined));
      if (!parsedBody.success) {
        throw new EnterpriseHubError({
          code: 'LLM_BAD_OUTPUT',
          message: 'The provider answer is not a chat completion.',
        });
      }
      const completion = parsedBody.data;
      const text = completion.choices[0]?.message.content ?? '';
      const cached = completion.usage?.prompt_tokens_details?.cached_tokens ?? 0;
      const result: LlmResponse<T> = {
        text,
        model: completion.model,
        latencyMs: performance.now() - started,
        usage: {
          inputTokens: (completion.usage?.prompt_tokens ?? 0) - cached,
          outputTokens: completion.usage?.completion_tokens ?? 0,
          cacheReadTokens: cached,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 0,
        },
        ...(completion.choices[0]?.finish_reason
          ? { stopReason: completion.choices[0].finish_reason }
          : {}),
      };
      if (request.schema === undefined) return result;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const output = request.schema.safeParse(json);
      if (!output.success) {
        throw new EnterpriseHubError({
          code: 'LLM_BAD_OUTPUT',
          message: `The model output did not match ${request.schemaName ?? 'the schema'}.`,
        });
      }
      return { ...result, parsed: output.data };
    },
  };
}
