import type { Anthropic } from '@anthropic-ai/sdk';
import { EnterpriseHubError } from '@enterprisehub/core';
import { z } from 'zod';

/** The tool a structured call forces the model to use. @internal */
export interface StructuredTool {
  /** Tool definition sent to the API. */
  tool: Anthropic.Tool;
  /** True when a non-object schema was wrapped as `{ value: … }` (tool inputs must be objects). */
  wrapped: boolean;
}

const TOOL_NAME = /[^a-zA-Z0-9_-]/g;

/** A valid tool name from a schema name (`^[a-zA-Z0-9_-]{1,64}$`). @internal */
export function toolName(schemaName: string | undefined): string {
  const cleaned = (schemaName ?? '').replace(TOOL_NAME, '_').slice(0, 64);
  return cleaned.length > 0 ? cleaned : 'structured_output';
}

/**
 * Turns a zod schema into a forced tool (`input_schema` from `z.toJSONSchema`, input side, no
 * `$schema` key). A schema whose JSON Schema is not an object is wrapped as `{ value }`.
 *
 * @internal
 */
export function structuredTool(schema: z.ZodType, schemaName: string | undefined): StructuredTool {
  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  } catch (error) {
    throw new EnterpriseHubError({
      code: 'CONFIG_INVALID',
      message: 'The structured-output schema cannot be expressed as JSON Schema.',
      cause: error,
    });
  }
  delete json['$schema'];
  const wrapped = json['type'] !== 'object';
  const input_schema: Anthropic.Tool.InputSchema = wrapped
    ? { type: 'object', properties: { value: json }, required: ['value'] }
    : { ...json, type: 'object' };
  return {
    wrapped,
    tool: {
      name: toolName(schemaName),
      description: 'Return the answer by calling this tool with input that matches its schema.',
      input_schema,
    },
  };
}

/** The forced tool's `tool_use` block in a response, if the model called it. @internal */
export function findToolUse(
  message: Anthropic.Message,
  tool: StructuredTool,
): Anthropic.ToolUseBlock | undefined {
  for (const block of message.content) {
    if (block.type === 'tool_use' && block.name === tool.tool.name) return block;
  }
  return undefined;
}

/** The value to validate from a tool call (unwrapped when the schema was wrapped). @internal */
export function toolValue(block: Anthropic.ToolUseBlock, tool: StructuredTool): unknown {
  if (!tool.wrapped) return block.input;
  const input = block.input;
  return typeof input === 'object' && input !== null && 'value' in input ? input.value : undefined;
}

/** A short, value-free description of why the output failed validation (paths and messages only). @internal */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The turns appended for the one repair attempt: the model's answer, then a user turn with an
 * error `tool_result` (or, when it did not call the tool, an instruction to call it).
 *
 * @internal
 */
export function repairTurns(
  message: Anthropic.Message,
  options: { block: Anthropic.ToolUseBlock | undefined; problem: string; tool: StructuredTool },
): Anthropic.MessageParam[] {
  const assistant: Anthropic.MessageParam = {
    role: 'assistant',
    content: message.content.filter(
      (block): block is Anthropic.TextBlock | Anthropic.ToolUseBlock =>
        block.type === 'text' || block.type === 'tool_use',
    ),
  };
  if (options.block === undefined) {
    return [
      ...(assistant.content.length > 0 ? [assistant] : []),
      {
        role: 'user',
        content: `Answer only by calling the ${options.tool.tool.name} tool with input matching its schema.`,
      },
    ];
  }
  return [
    assistant,
    {
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: options.block.id,
          is_error: true,
          content: `The input did not match the schema (${options.problem}). Call ${options.tool.tool.name} again with corrected input.`,
        },
      ],
    },
  ];
}
