import type { ContactDnd, LifecycleStage, MessageChannel } from '@enterprisehub/core';
import type { ComplianceFinding } from './text-rule-engine';

/** The contact fields the guard looks at: time zone for quiet hours, DND and lifecycle for consent. */
export interface ComplianceContact {
  /** CRM contact id (used for audit records and events). */
  id?: string;
  /** IANA time zone of the lead; the tenant's when absent. */
  timeZone?: string | undefined;
  /** Do-not-disturb settings; a DND channel blocks the send. */
  dnd?: ContactDnd | undefined;
  /** Lifecycle stage; `opted_out` blocks every send. */
  lifecycleStage?: LifecycleStage | undefined;
}

/** One outgoing message to check at the send boundary. */
export interface ComplianceCheckInput {
  /** The text about to be sent, whatever produced it (rules engine, model, agent template). */
  text: string;
  /** Channel it will travel on; default `SMS`. Email gets the CAN-SPAM footer; quiet hours skip Email and LiveChat. */
  channel?: MessageChannel;
  /** Send time, epoch ms; default the guard's clock. */
  now?: number;
  /** First message of the conversation: the AI disclosure (and, when substantive, the TREC notice) is added. */
  firstContact?: boolean;
  /** The recipient (time zone, DND, lifecycle, id). */
  contact?: ComplianceContact;
  /**
   * Whether the Texas Information About Brokerage Services notice was already sent to this lead. `false` asks the
   * guard to add it to this message if it is substantive; when omitted it is only considered on `firstContact`.
   */
  trecNoticeSent?: boolean;
  /** Correlates the audit record with the inbound message. */
  correlationId?: string;
}

interface ResultBase {
  /** Every rule that fired or was applied (`fair_housing.*`, `advice.*`, `disclosure.*`, `quiet_hours`, `consent.dnd`). */
  rules: string[];
  /** The individual text-rule matches behind `rules`. */
  findings: ComplianceFinding[];
}

/** Send `text` now (it may carry added disclosures or footers, but its content was not changed). */
export interface ComplianceAllow extends ResultBase {
  kind: 'allow';
  /** The text to send: always send this, not the input. */
  text: string;
  /** Only a deferral has a send time. */
  until?: undefined;
}

/** Send `text` now: its content was neutralised (steering wording, advice sentences). */
export interface ComplianceRewrite extends ResultBase {
  kind: 'rewrite';
  /** The neutralised text to send. */
  text: string;
  /** Only a deferral has a send time. */
  until?: undefined;
}

/** Do not send: a preference/limitation or demographic statement, a DND recipient, or nothing left after rewriting. */
export interface ComplianceBlock extends ResultBase {
  kind: 'block';
  /** A human should review (fair-housing statements); the orchestrator escalates the conversation. */
  escalate: boolean;
  /** A compliant reply the caller may send instead (never for DND recipients, where nothing may be sent). */
  fallbackText?: string;
  /** Nothing may be sent as is (see `fallbackText`). */
  text?: undefined;
  /** Only a deferral has a send time. */
  until?: undefined;
}

/** Send `text` later: it is quiet hours in the lead's time zone. Never drop it. */
export interface ComplianceDefer extends ResultBase {
  kind: 'defer';
  /** The (possibly rewritten) text to send at `until`. */
  text: string;
  /** When quiet hours end in the lead's time zone (next local 8 am by default), epoch ms. */
  until: number;
}

/** Outcome of {@link ComplianceGuard.check}: a discriminated union on `kind`. */
export type ComplianceResult =
  ComplianceAllow | ComplianceRewrite | ComplianceBlock | ComplianceDefer;

/** What an inbound message asks of the system before any bot runs. */
export type InboundClassification =
  /** Opt-out: set DND on the channel, send `confirmation` once, silence every bot for the contact. */
  | { kind: 'opt_out'; keyword: string; confirmation: string }
  /** Opt back in (START / UNSTOP): clear DND and send `confirmation`. */
  | { kind: 'opt_in'; keyword: string; confirmation: string }
  /** HELP: answer with `reply` (agency contact, how to opt out). */
  | { kind: 'help'; reply: string }
  /** Hand the conversation to a human and keep the bots quiet until released. */
  | { kind: 'escalate'; reason: EscalationReason }
  /** Nothing for compliance to act on; `signals` lists soft cues (`confusion`, `frustration`). */
  | { kind: 'none'; signals: string[] };

/** Why an inbound message escalates to a human. */
export type EscalationReason = 'human_requested' | 'anger' | 'repeated_confusion';

/** How leads can reach the agency, used in HELP replies and the CAN-SPAM email footer. */
export interface AgencyContactInfo {
  /** Phone number leads can call. */
  phone?: string;
  /** E-mail address leads can write to. */
  email?: string;
  /** Physical postal address (required by CAN-SPAM in commercial e-mail). */
  postalAddress?: string;
  /** Unsubscribe link for e-mail; without it the footer asks to reply UNSUBSCRIBE. */
  unsubscribeUrl?: string;
}
