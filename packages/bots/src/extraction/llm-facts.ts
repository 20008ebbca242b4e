import { propertyTypeSchema, type LlmClient } from '@enterprisehub/core';
import { z } from 'zod';
import { formatConversation } from '../intent/llm-intent';
import type { HistoryMessage } from '../intent/question-context';
import { LEAD_MOTIVATIONS } from './motivation-rules';

const money = z.number().nonnegative().nullish();

/** Zod schema of the model's structured extraction; `null` or absent means "not stated". */
export const llmFactsSchema = z.object({
  budgetMin: money,
  budgetMax: money,
  priceExpectation: money,
  bedrooms: z.number().nonnegative().nullish(),
  bathrooms: z.number().nonnegative().nullish(),
  propertyType: propertyTypeSchema.nullish(),
  areas: z.array(z.string()).nullish(),
  timelineMonths: z.number().nonnegative().nullish(),
  preApproved: z.boolean().nullish(),
  lender: z.string().nullish(),
  cashBuyer: z.boolean().nullish(),
  mustHaves: z.array(z.string()).nullish(),
  hasHomeToSell: z.boolean().nullish(),
  propertyAddress: z.string().nullish(),
  propertyCondition: z.enum(['move_in_ready', 'needs_work', 'fixer_upper']).nullish(),
  motivation: z.enum(LEAD_MOTIVATIONS).nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
});

/** The model's structured extraction. */
export type LlmFacts = z.infer<typeof llmFactsSchema>;

/** Static, cacheable extraction instructions (the market's area names are appended per tenant). */
export const EXTRACTION_SYSTEM_PROMPT = `You extract facts a real-estate lead states in their latest message. Only facts the lead
states or clearly answers; never guess. Leave a field null when the message does not state it.
- budgetMin / budgetMax: purchase budget in whole US dollars ("600k" = 600000, "$1.2M" = 1200000, "around 500" after a
  budget question = 500000). A single budget figure is budgetMax. Ignore rent, monthly payments, income, savings, taxes.
- priceExpectation: what a seller hopes to get for their property, in US dollars.
- bedrooms / bathrooms: counts ("3/2" = 3 bedrooms, 2 bathrooms; a range gives its lower bound).
- areas: names from the market's area list only.
- timelineMonths: months from today until they want to move (ASAP = 0, "within 6 months" = 6).
- preApproved (pre-qualified counts), cashBuyer, lender, hasHomeToSell (must sell a current home to buy).
- propertyType: single_family, condo, townhouse, multi_family, land, manufactured, other.
- propertyCondition: move_in_ready, needs_work, fixer_upper. motivation: one of ${LEAD_MOTIVATIONS.join(', ')}.
- mustHaves: short lower-case features (pool, garage, yard, office, single story, good schools, ...).
- phone, email, propertyAddress (street address only) exactly as written.`;

/** Options of {@link extractFactsWithLlm}. */
export interface LlmFactsCall {
  llm: LlmClient;
  tenantId: string;
  text: string;
  history: readonly HistoryMessage[] | undefined;
  areaNames: readonly string[];
  today: string;
  model?: string | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  contactId?: string | undefined;
}

/** Asks the model for structured facts; throws whatever the client throws. */
export async function extractFactsWithLlm(call: LlmFactsCall): Promise<LlmFacts> {
  const response = await call.llm.complete({
    tenantId: call.tenantId,
    system: [
      { text: EXTRACTION_SYSTEM_PROMPT, cache: '1h' },
      { text: `Market areas: ${call.areaNames.join(', ')}.\nToday is ${call.today}.` },
    ],
    messages: formatConversation(call.text, call.history),
    schema: llmFactsSchema,
    schemaName: 'lead_facts',
    maxTokens: 400,
    temperature: 0,
    timeoutMs: call.timeoutMs,
    ...(call.model === undefined ? {} : { model: call.model }),
    ...(call.signal === undefined ? {} : { signal: call.signal }),
    metadata: { operation: 'facts.extract', ...(call.contactId === undefined ? {} : { contactId: call.contactId }) },
  });
  return llmFactsSchema.parse(response.parsed ?? JSON.parse(response.text));
}
