import type {
  BotDecision,
  BotName,
  CrmAction,
  HandoffBlockReason,
  LeadScore,
  MessageChannel,
} from '@enterprisehub/core';
import type { ComplianceResult, EscalationReason } from '../compliance/compliance-types';
import type { Intent } from '../intent/rules-intent';
import type { LlmCostMode } from '../llm/llm-cost-guard';

/** Why a turn sent no reply. */
export type NoReplyReason =
  /** The message id was already processed (duplicate webhook). */
  | 'duplicate'
  /** No tenant has this id. */
  | 'tenant_unknown'
  /** The tenant is disabled. */
  | 'tenant_disabled'
  /** The tenant is in maintenance mode. */
  | 'tenant_maintenance'
  /** The contact opted out (DND); nothing may be sent. */
  | 'opted_out'
  /** A human has the conversation; the bots stay quiet until released. */
  | 'escalated'
  /** Bot replies are paused for the contact. */
  | 'paused'
  /** The compliance guard blocked the reply and there was no compliant alternative. */
  | 'compliance_blocked'
  /** The contact was busy (another turn held its lock); the message was re-queued, not dropped. */
  | 'requeued'
  /** The bot had nothing to say (e.g. an empty message). */
  | 'nothing_to_say';

/** Who wrote a reply: the rules engine, the model, the rules engine after a model failure, or the system. */
export type ReplySource = 'rules' | 'llm' | 'fallback' | 'system';

/** The reply of a turn: sent now, deferred to the end of quiet hours, or none (with the reason). */
export type TurnReply =
  | {
      /** Queued for delivery now (outbox). */
      kind: 'sent';
      /** The compliant text. */
      text: string;
      /** Channel. */
      channel: MessageChannel;
      /** Id of the outbound message in the conversation. */
      messageId: string;
      /** Bot that replied (absent for system messages such as the opt-out confirmation). */
      bot?: BotName;
      /** Who wrote it. */
      source: ReplySource;
    }
  | {
      /** Held for quiet hours; sent at `until` by the deferred-send job (never dropped). */
      kind: 'deferred';
      /** The compliant text. */
      text: string;
      /** Channel. */
      channel: MessageChannel;
      /** Id of the outbound message in the conversation. */
      messageId: string;
      /** When it will be sent, epoch ms. */
      until: number;
      /** Bot that replied. */
      bot?: BotName;
      /** Who wrote it. */
      source: ReplySource;
    }
  | {
      /** Nothing was sent. */
      kind: 'none';
      /** Why. */
      reason: NoReplyReason;
    };

/** One decision taken during a turn, in order. */
export type TurnDecision =
  | { type: 'intent'; intent: Intent; confidence: number; signals: string[] }
  | {
      type: 'handoff';
      outcome: 'allowed' | 'blocked';
      from: BotName;
      to: BotName;
      confidence: number;
      reason?: HandoffBlockReason;
    }
  | { type: 'compliance'; kind: ComplianceResult['kind']; rules: string[] }
  | { type: 'opt_out' | 'opt_in' | 'help' }
  | { type: 'escalation'; reason: EscalationReason | 'compliance' | 'agent' }
  | {
      type: 'llm';
      outcome: 'used' | 'fallback' | 'skipped';
      mode?: LlmCostMode;
      model?: string;
      errorCode?: string;
    }
  | { type: 'hot_lead'; score: number }
  | { type: 'bot'; decision: BotDecision };

/** Outcome of one inbound message or job: the reply (or none and why), CRM actions, decisions and score. */
export interface TurnResult {
  /** Tenant. */
  tenantId: string;
  /** Contact. */
  contactId: string;
  /** Inbound message id (or the job id for scheduled work). */
  messageId: string;
  /** The reply. */
  reply: TurnReply;
  /** Bot in charge after the turn. */
  bot?: BotName;
  /** CRM actions committed to the outbox with the state. */
  actions: CrmAction[];
  /** Decisions taken, in order. */
  decisions: TurnDecision[];
  /** Lead score after the turn, when scored. */
  score?: LeadScore;
  /** Processing time, ms. */
  durationMs: number;
}
