import { DEMO_TENANT, type Tenant } from '@enterprisehub/core';
import type { AgencyContactInfo, InboundClassification } from './compliance-types';
import {
  ANGER_PATTERNS,
  BOT_QUESTION,
  CLAUSE_OPT_OUT_KEYWORDS,
  CONFUSION_PATTERNS,
  HELP_KEYWORDS,
  HUMAN_REQUEST_PATTERNS,
  OPT_OUT_PHRASES,
  WHOLE_MESSAGE_OPT_OUT_KEYWORDS,
} from './inbound-patterns';

/** Options for {@link classifyInbound}. */
export interface ClassifyInboundOptions {
  /** Tenant whose keywords, confirmation text, agency and agent names apply; default the demo Austin tenant. */
  tenant?: Tenant;
  /** Earlier inbound texts of the lead, oldest first (the last three are used to detect repeated confusion). */
  history?: readonly string[];
  /** Agency phone / e-mail quoted in the HELP reply. */
  contactInfo?: AgencyContactInfo;
}

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lower-cases, straightens apostrophes and strips emoji and punctuation except apostrophes and hyphens. */
function normalizeClause(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[^\p{L}\p{N}'\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(
      /^(?:(?:please|pls|plz|ok|okay|just|yes|hey|hi) )+|(?: (?:please|pls|plz|now|thanks|thank you|thx|ty))+$/g,
      '',
    )
    .trim();
}

function matchesOptOut(text: string, tenant: Tenant): string | undefined {
  const tenantKeywords = tenant.compliance.consent.optOutKeywords.map((word) => word.toLowerCase());
  const whole = normalizeClause(text);
  const wholeSet = new Set([
    ...WHOLE_MESSAGE_OPT_OUT_KEYWORDS,
    ...CLAUSE_OPT_OUT_KEYWORDS,
    ...tenantKeywords,
  ]);
  if (wholeSet.has(whole)) return whole;
  const words = whole.split(' ');
  if (words.length > 1 && words.every((word) => word === words[0]) && wholeSet.has(words[0] ?? ''))
    return words[0];
  const clauseSet = new Set([
    ...CLAUSE_OPT_OUT_KEYWORDS,
    ...tenantKeywords.filter((word) => !WHOLE_MESSAGE_OPT_OUT_KEYWORDS.includes(word)),
  ]);
  for (const clause of text.split(/[.!?\n,;:()]+|\s[-–—]\s/)) {
    const normalized = normalizeClause(clause);
    if (clauseSet.has(normalized)) return normalized;
  }
  const lower = text.toLowerCase().replace(/[‘’ʼ]/g, "'");
  const phrase = OPT_OUT_PHRASES.map((pattern) => pattern.exec(lower)).find(
    (found) => found !== null,
  );
  return phrase?.[0];
}

function helpReply(tenant: Tenant, contactInfo: AgencyContactInfo | undefined): string {
  const reach = [
    contactInfo?.phone ? `call ${contactInfo.phone}` : undefined,
    contactInfo?.email ? `email ${contactInfo.email}` : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join(' or ');
  const how =
    reach.length > 0
      ? `reply here or ${reach}`
      : 'reply here and a licensed agent will get back to you';
  return `${tenant.agencyName} (${tenant.agent.name}'s team): for help, ${how}. Msg & data rates may apply. Reply STOP to opt out.`;
}

function withBrand(tenant: Tenant, text: string): string {
  return text.toLowerCase().includes(tenant.agencyName.toLowerCase())
    ? text
    : `${tenant.agencyName}: ${text}`;
}

function isConfused(text: string): boolean {
  const lower = text.toLowerCase().replace(/[‘’ʼ]/g, "'").trim();
  return CONFUSION_PATTERNS.some((pattern) => pattern.test(lower));
}

/**
 * Classifies an inbound message before any bot runs: opt-out (STOP, UNSUBSCRIBE, "remove me", "stop texting me"…),
 * opt-in (START), HELP, or escalation to a human (an explicit request, anger, repeated confusion). Everyday uses
 * of the same words ("stop by the house tomorrow", "I can't stop thinking about that house", "cancel my showing")
 * are not opt-outs. Opt-out wins over everything else.
 *
 * @example
 * ```ts
 * classifyInbound('STOP'); // { kind: 'opt_out', keyword: 'stop', confirmation: 'Demo Austin Realty: You have been unsubscribed…' }
 * classifyInbound('Can I stop by the house tomorrow?'); // { kind: 'none', signals: [] }
 * classifyInbound('I want to talk to a real person'); // { kind: 'escalate', reason: 'human_requested' }
 * ```
 */
export function classifyInbound(
  text: string,
  options: ClassifyInboundOptions = {},
): InboundClassification {
  const tenant = options.tenant ?? DEMO_TENANT;
  const consent = tenant.compliance.consent;
  const optOut = matchesOptOut(text, tenant);
  if (optOut !== undefined) {
    return {
      kind: 'opt_out',
      keyword: optOut,
      confirmation: withBrand(tenant, consent.optOutConfirmation),
    };
  }
  const whole = normalizeClause(text);
  const optIn = consent.optInKeywords.find((word) => word.toLowerCase() === whole);
  if (optIn !== undefined) {
    return {
      kind: 'opt_in',
      keyword: optIn.toLowerCase(),
      confirmation: `${tenant.agencyName}: You're resubscribed and will receive messages again. Reply STOP to opt out.`,
    };
  }
  if (HELP_KEYWORDS.includes(whole))
    return { kind: 'help', reply: helpReply(tenant, options.contactInfo) };

  const lower = text.toLowerCase().replace(/[‘’ʼ]/g, "'").trim();
  const agent = escapeRegExp(tenant.agent.name.toLowerCase());
  if (
    HUMAN_REQUEST_PATTERNS.some((source) =>
      new RegExp(source.replaceAll('{AGENT}', agent)).test(lower),
    )
  ) {
    return { kind: 'escalate', reason: 'human_requested' };
  }
  if (ANGER_PATTERNS.some((pattern) => pattern.test(lower)))
    return { kind: 'escalate', reason: 'anger' };

  const signals: string[] = [];
  if (isConfused(text)) {
    const recent = (options.history ?? []).slice(-3);
    if (recent.some(isConfused)) return { kind: 'escalate', reason: 'repeated_confusion' };
    signals.push('confusion');
  }
  if (BOT_QUESTION.test(lower)) signals.push('bot_question');
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 10 && letters.replace(/[^A-Z]/g, '').length / letters.length >= 0.8)
    signals.push('shouting');
  return { kind: 'none', signals };
}
