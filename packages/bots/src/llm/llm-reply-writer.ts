import {
  EnterpriseHubError,
  type BotName,
  type LlmClient,
  type LlmMessage,
  type Tenant,
} from '@enterprisehub/core';
import { z } from 'zod';
import { staticReplyPrompt, turnReplyContext } from './reply-prompts';

/** Zod schema of the model's structured reply. */
export const llmReplySchema = z.object({
  /** The message to send to the lead. */
  reply: z.string().trim().min(1).max(1200),
});

/** The model's structured reply. */
export type LlmReply = z.infer<typeof llmReplySchema>;

/** Input of {@link writeReplyWithLlm}. */
export interface LlmReplyInput {
  /** Model client (normally the guarded one). */
  llm: LlmClient;
  /** Tenant (voice, agency). */
  tenant: Tenant;
  /** Bot speaking. */
  bot: BotName;
  /** The rules engine's reply: the content the model rewords. */
  draft: string;
  /** Lines whose numbers, prices and times must survive verbatim. */
  keepVerbatim: readonly string[];
  /** Known facts summary (no PII beyond what the lead wrote). */
  knownFacts: string;
  /** Key of the question the draft asks. */
  nextQuestion?: string | undefined;
  /** Recent conversation, oldest first. */
  history: readonly { direction: 'inbound' | 'outbound'; body: string }[];
  /** Contact id (tracing only). */
  contactId: string;
  /** Per-call timeout, ms. */
  timeoutMs: number;
}

const TOKENS = /\$\s?[\d.,]+\s?[kKmM]?\b|\b\d{1,2}:\d{2}\s?[AP]M\b|\b\d{3,5} [A-Z][a-z]+/g;

/** Numbers, prices, times and street numbers a reworded reply must still contain. */
export function groundingTokens(texts: readonly string[]): string[] {
  return [
    ...new Set(
      texts.flatMap((text) => text.match(TOKENS) ?? []).map((token) => token.replace(/\s+/g, ' ')),
    ),
  ];
}

/**
 * Asks the model to reword the rules engine's draft in the tenant's voice: static persona + voice + rules as a
 * 1-hour prompt-cache block, the turn context uncached, the last messages as chat history, structured output
 * ({@link llmReplySchema}). The answer is rejected (`LLM_BAD_OUTPUT`) when it drops a price, time or address of the
 * draft or asks more questions than the draft, so the caller sends the draft instead.
 *
 * @throws An {@link EnterpriseHubError} with any `LLM_*` code of the client, or `LLM_BAD_OUTPUT` for ungrounded text.
 */
export async function writeReplyWithLlm(
  input: LlmReplyInput,
): Promise<{ text: string; model: string }> {
  const messages: LlmMessage[] = input.history.slice(-10).map((message) => ({
    role: message.direction === 'inbound' ? 'user' : 'assistant',
    content: message.body,
  }));
  if (messages.length === 0 || messages[messages.length - 1]?.role !== 'user') {
    messages.push({ role: 'user', content: '(no new message)' });
  }
  const response = await input.llm.complete({
    tenantId: input.tenant.id,
    system: [
      { text: staticReplyPrompt(input.tenant, input.bot), cache: '1h' },
      {
        text: turnReplyContext({
          knownFacts: input.knownFacts,
          nextQuestion: input.nextQuestion,
          draft: input.draft,
        }),
      },
    ],
    messages,
    schema: llmReplySchema,
    schemaName: 'bot_reply',
    temperature: 0.4,
    timeoutMs: input.timeoutMs,
    metadata: { bot: input.bot, contactId: input.contactId, operation: 'write_reply' },
  });
  const parsed = llmReplySchema.safeParse(response.parsed);
  if (!parsed.success) throw badOutput('The model reply did not match the schema.');
  const text = parsed.data.reply;
  const missing = groundingTokens([input.draft, ...input.keepVerbatim]).filter(
    (token) => !text.replace(/\s+/g, ' ').includes(token),
  );
  if (missing.length > 0)
    throw badOutput('The model reply dropped facts from the draft.', missing.length);
  const questions = (text.match(/\?/g) ?? []).length;
  if (questions > Math.max(1, (input.draft.match(/\?/g) ?? []).length))
    throw badOutput('The model reply asks more than one question.');
  return { text, model: response.model };
}

function badOutput(message: string, missing?: number): EnterpriseHubError {
  return new EnterpriseHubError({
    code: 'LLM_BAD_OUTPUT',
    message,
    ...(missing !== undefined ? { details: { missing } } : {}),
  });
}
