import type { Anthropic } from '@anthropic-ai/sdk';
import type { Clock } from '@enterprisehub/core';
import type { AnthropicClientLike } from './anthropic-llm-client-options';

/** One Messages API call's outcome: the final message and, when streamed, when its first token arrived. @internal */
export interface SentMessage {
  message: Anthropic.Message;
  firstTokenAt?: number;
}

/**
 * Sends one Messages API request, streamed (SSE, accumulated by the SDK's `MessageStream`; the
 * first content delta stamps `firstTokenAt`) or as one JSON response.
 *
 * @internal
 */
export async function sendMessage(
  client: AnthropicClientLike,
  call: {
    body: Anthropic.MessageCreateParamsNonStreaming;
    signal: AbortSignal;
    stream: boolean;
    clock: Clock;
  },
): Promise<SentMessage> {
  if (!call.stream) {
    return { message: await client.messages.create(call.body, { signal: call.signal }) };
  }
  const stream = client.messages.stream(call.body, { signal: call.signal });
  let firstTokenAt: number | undefined;
  stream.on('streamEvent', (event) => {
    if (firstTokenAt === undefined && event.type === 'content_block_delta')
      firstTokenAt = call.clock.now();
  });
  const message = await stream.finalMessage();
  return firstTokenAt === undefined ? { message } : { message, firstTokenAt };
}
