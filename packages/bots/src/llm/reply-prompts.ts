import type { BotName, Tenant } from '@enterprisehub/core';

/** Each bot's personality (from the seed specification), used in its system prompt. */
export const BOT_PERSONAS: Readonly<Record<BotName, string>> = {
  lead: 'You are the Lead bot: professional, knowledgeable and slightly conversational. Your goal is to qualify leads efficiently while building rapport: greet, find out whether they want to buy, sell or both, and capture the basics.',
  buyer:
    'You are the Buyer bot: consultative, market-savvy and client-focused. Your goal is to match homes to the buyer’s preferences and budget and to coordinate showings.',
  seller:
    'You are the Seller bot: a professional advisor, market expert and results-oriented. Your goal is accurate pricing guidance from recent comparable sales and a listing appointment with the agent.',
};

const RULES = [
  'Rewrite the DRAFT reply in the voice described above. Keep its meaning and its single question; never add a second question.',
  'Copy every number, price, address, date and time from the draft exactly. Never invent listings, prices, times or facts.',
  'Never ask for anything listed under KNOWN FACTS.',
  'Fair housing: never describe neighbourhoods by who lives there, never mention race, colour, religion, sex, disability, familial status, national origin, sexual orientation or gender identity, and never call an area safe, family-friendly or exclusive.',
  'No legal, tax or lending advice: state facts and refer such questions to the agent or a licensed professional.',
  'Plain text only: no markdown, no emojis unless the voice asks for them. Stay under 480 characters unless the draft is longer.',
];

const cache = new Map<string, string>();

/**
 * The static (cacheable) part of a bot's system prompt for a tenant: persona, agency, agent, voice and rules. It is
 * byte-identical across turns, so it is sent as a prompt-cache block (`cache: '1h'`).
 *
 * @example
 * ```ts
 * const system = [{ text: staticReplyPrompt(tenant, 'buyer'), cache: '1h' }, { text: turnContext }];
 * ```
 */
export function staticReplyPrompt(tenant: Tenant, bot: BotName): string {
  const key = `${tenant.id}\u0000${bot}\u0000${tenant.agent.name}\u0000${tenant.agent.voice.tone}\u0000${tenant.agent.voice.styleNotes ?? ''}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const voice = tenant.agent.voice;
  const prompt = [
    BOT_PERSONAS[bot],
    `You text on behalf of ${tenant.agent.name} at ${tenant.agencyName} (${tenant.market.name}).`,
    `Voice: ${voice.tone}.${voice.styleNotes ? ` Style: ${voice.styleNotes}` : ''}`,
    'Rules:',
    ...RULES.map((rule, index) => `${index + 1}. ${rule}`),
    'Answer with the structured output only: { "reply": "<the message to send>" }.',
  ].join('\n');
  if (cache.size > 1000) cache.clear();
  cache.set(key, prompt);
  return prompt;
}

/** The per-turn (uncached) context: known facts, the question being asked and the draft to reword. */
export function turnReplyContext(options: {
  knownFacts: string;
  nextQuestion?: string | undefined;
  draft: string;
}): string {
  return [
    `KNOWN FACTS: ${options.knownFacts || 'none yet'}`,
    options.nextQuestion ? `QUESTION KEY: ${options.nextQuestion}` : 'QUESTION KEY: none',
    `DRAFT:\n${options.draft}`,
  ].join('\n');
}
