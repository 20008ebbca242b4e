import type {
  BotActionKind,
  BotName,
  ConversationStage,
  ConversationState,
  CrmAction,
  CrmGateway,
  ListingSource,
  MessageChannel,
  Tenant,
} from '@enterprisehub/core';
import type { HandoffContext } from '../handoff/handoff-context';
import type { IntentResult } from '../intent/rules-intent';
import type { TemplateRenderer } from '../templates/template-renderer';

/** A CRM action as a bot plans it: the orchestrator adds `contactId` and a deterministic `idempotencyKey`. */
export type CrmActionDraft = {
  [K in CrmAction['type']]: Omit<Extract<CrmAction, { type: K }>, 'idempotencyKey' | 'contactId'>;
}[CrmAction['type']];

/** A small value kept in `ConversationState.attributes`; `null` in a plan deletes the attribute. */
export type AttributeValue = string | number | boolean;

/** Everything a bot sees on one turn. The state already holds the inbound message and the merged facts. */
export interface BotTurnContext {
  /** Tenant (voice, market, mapping). */
  tenant: Tenant;
  /** Conversation after this message was recorded and its facts merged; `activeBot` is this bot. */
  state: ConversationState;
  /** First name of the lead, when known (greetings only). */
  firstName?: string | undefined;
  /** The lead's message text. */
  text: string;
  /** Channel the message came on (replies go back on it). */
  channel: MessageChannel;
  /** Decoded intent of the message. */
  intent: IntentResult;
  /** Fact names that changed with this message. */
  changedFacts: readonly string[];
  /** Set when the contact was handed to this bot on this turn: facts, score and what is still missing. */
  handoff?: HandoffContext | undefined;
  /** Current time, epoch ms. */
  now: number;
  /** Templates in the tenant's voice for this contact. */
  templates: TemplateRenderer;
  /** Listings and sold comps (buyer matching, seller CMA); without it the bots hand those to the agent. */
  listings?: ListingSource | undefined;
  /** CRM gateway for free calendar slots; without it the bots let the agent propose times. */
  crm?: CrmGateway | undefined;
  /** Aborts port calls. */
  signal?: AbortSignal | undefined;
}

/** What a bot decided on one turn, before compliance and persistence. */
export interface BotTurnPlan {
  /** Bot that planned the turn. */
  bot: BotName;
  /** The reply the rules engine wrote (the model may reword it); empty for no reply. */
  reply: string;
  /** Decision kind recorded in the audit log. */
  action: BotActionKind;
  /** Key of the question the reply asks, if any. */
  nextQuestion?: string | undefined;
  /** New conversation stage, if it changes. */
  stage?: ConversationStage | undefined;
  /** Attributes to set (`null` deletes). */
  attributes: Record<string, AttributeValue | null>;
  /** CRM write-back specific to this bot (appointments, notes, stages). */
  crmActions: CrmActionDraft[];
  /** Short reasons for the audit log (no PII). */
  reasons: string[];
  /** Lines the model must keep verbatim when it rewords the reply (listings, estimates, times). */
  keepVerbatim: string[];
}

/** One of the three qualification bots, as a deterministic rules engine. */
export interface BotEngine {
  /** Bot name. */
  readonly name: BotName;
  /** Plans one turn: the next question or action, the reply, and the CRM write-back. */
  turn(context: BotTurnContext): Promise<BotTurnPlan>;
}

/** A plan with nothing decided yet, for `bot`. */
export function emptyPlan(bot: BotName): BotTurnPlan {
  return {
    bot,
    reply: '',
    action: 'reply',
    attributes: {},
    crmActions: [],
    reasons: [],
    keepVerbatim: [],
  };
}

/**
 * The agent's greeting when the bot writes the conversation's first message (a handoff on the very first message
 * skips the Lead bot, so the Buyer and Seller bots greet too); `undefined` afterwards.
 */
export function firstContactGreeting(context: BotTurnContext): string | undefined {
  if (context.state.lastOutboundAt !== undefined) return undefined;
  return context.templates.render('lead.greeting', { firstName: context.firstName }).text;
}
