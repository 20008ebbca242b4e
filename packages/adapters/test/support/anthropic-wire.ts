/**
 * Messages API wire payloads (as api.anthropic.com sends them) for msw handlers: JSON message
 * bodies, SSE streams and error bodies.
 */
import { HttpResponse } from 'msw';

/** The Messages API endpoint the SDK calls. */
export const MESSAGES_URL = 'https://api.anthropic.com/v1/messages';

/** A usage object as the API reports it (cache writes split by TTL). */
export function wireUsage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    input_tokens: 412,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: 38,
    service_tier: 'standard',
    ...overrides,
  };
}

/** A complete (non-streamed) message body. */
export function wireMessage(options: {
  content: Record<string, unknown>[];
  model?: string;
  stopReason?: string;
  usage?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
    type: 'message',
    role: 'assistant',
    model: options.model ?? 'claude-sonnet-4-6',
    content: options.content,
    stop_reason: options.stopReason ?? 'end_turn',
    stop_sequence: null,
    usage: options.usage ?? wireUsage(),
  };
}

/** A text content block. */
export function textBlock(text: string): Record<string, unknown> {
  return { type: 'text', text };
}

/** A tool_use content block. */
export function toolUseBlock(name: string, input: unknown): Record<string, unknown> {
  return { type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name, input };
}

function sse(events: [string, unknown][]): string {
  return events
    .map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    .join('');
}

/**
 * An SSE stream for a message: `message_start`, per block `content_block_start` / deltas (text in
 * two pieces, tool input as `input_json_delta` fragments) / `content_block_stop`, `message_delta`
 * with the final output tokens, `message_stop`. `failWith` replaces the end with an `error` event.
 */
export function wireStream(options: {
  content: ({ type: 'text'; text: string } | { type: 'tool_use'; name: string; input: unknown })[];
  model?: string;
  usage?: Record<string, unknown>;
  failWith?: { type: string; message: string };
}): HttpResponse<string> {
  const usage = options.usage ?? wireUsage();
  const events: [string, unknown][] = [
    [
      'message_start',
      {
        type: 'message_start',
        message: {
          ...wireMessage({ content: [], ...(options.model ? { model: options.model } : {}) }),
          stop_reason: null,
          usage: { ...usage, output_tokens: 1 },
        },
      },
    ],
    ['ping', { type: 'ping' }],
  ];
  options.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push([
        'content_block_start',
        { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
      ]);
      const half = Math.ceil(block.text.length / 2);
      for (const piece of [block.text.slice(0, half), block.text.slice(half)]) {
        events.push([
          'content_block_delta',
          { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } },
        ]);
      }
    } else {
      events.push([
        'content_block_start',
        {
          type: 'content_block_start',
          index,
          content_block: {
            type: 'tool_use',
            id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6',
            name: block.name,
            input: {},
          },
        },
      ]);
      const json = JSON.stringify(block.input);
      for (let at = 0; at < json.length; at += 12) {
        events.push([
          'content_block_delta',
          {
            type: 'content_block_delta',
            index,
            delta: { type: 'input_json_delta', partial_json: json.slice(at, at + 12) },
          },
        ]);
      }
    }
    events.push(['content_block_stop', { type: 'content_block_stop', index }]);
  });
  if (options.failWith) {
    events.push(['error', { type: 'error', error: options.failWith }]);
  } else {
    events.push([
      'message_delta',
      {
        type: 'message_delta',
        delta: {
          stop_reason: options.content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn',
          stop_sequence: null,
        },
        usage: { output_tokens: usage['output_tokens'] },
      },
    ]);
    events.push(['message_stop', { type: 'message_stop' }]);
  }
  return new HttpResponse(sse(events), {
    headers: { 'content-type': 'text/event-stream', 'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy' },
  });
}

/** An API error response: `{ type: 'error', error: { type, message } }` with the status and headers. */
export function wireError(options: {
  status: number;
  type: string;
  message: string;
  headers?: Record<string, string>;
}): HttpResponse<string> {
  return new HttpResponse(
    JSON.stringify({
      type: 'error',
      error: { type: options.type, message: options.message },
      request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy',
    }),
    {
      status: options.status,
      headers: {
        'content-type': 'application/json',
        'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy',
        ...options.headers,
      },
    },
  );
}
