import {
  DEMO_TENANT,
  systemClock,
  type AuditLog,
  type Clock,
  type EventBus,
  type MessageChannel,
  type Tenant,
} from '@enterprisehub/core';
import { ADVICE_RULES } from './advice-rules';
import { classifyInbound, type ClassifyInboundOptions } from './classify-inbound';
import { recordComplianceOutcome } from './compliance-audit';
import type {
  AgencyContactInfo,
  ComplianceCheckInput,
  ComplianceResult,
  InboundClassification,
} from './compliance-types';
import {
  isSubstantive,
  requiresTrecNotice,
  withAiDisclosure,
  withCanSpamFooter,
  withTrecNotice,
} from './disclosures';
import {
  FAIR_HOUSING_DEMOGRAPHIC_RULES,
  FAIR_HOUSING_PREFERENCE_RULES,
} from './fair-housing-block-rules';
import { FAIR_HOUSING_STEERING_RULES } from './fair-housing-steering-rules';
import { NEUTRAL_TERM_RULES } from './neutral-term-rules';
import { quietHoursEnd } from './quiet-hours';
import { DEFAULT_COMPLIANCE_NOTES, type ComplianceNoteKey, type TextRule } from './text-rule';
import { compileTextRules, evaluateText } from './text-rule-engine';

/** Channels quiet hours apply to by default (telephone-like channels; not Email or LiveChat). */
export const DEFAULT_QUIET_HOUR_CHANNELS: readonly MessageChannel[] = [
  'SMS',
  'WhatsApp',
  'Call',
  'Facebook',
  'Instagram',
  'GMB',
];

/** Options for {@link createComplianceGuard}. */
export interface ComplianceGuardOptions {
  /** Tenant whose compliance settings, market areas and voice apply; default the demo Austin tenant. */
  tenant?: Tenant;
  /** Time source for quiet hours when a check has no `now`; default the system clock. */
  clock?: Clock;
  /** Also rewrite lawful but dated terms ("master bedroom" → "primary bedroom"); default `false`. */
  neutralTerms?: boolean;
  /** Override the neutral sentences rewrites insert (e.g. with your city's official crime-map link). */
  notes?: Partial<Record<ComplianceNoteKey, string>>;
  /** Agency phone, e-mail, postal address and unsubscribe link (HELP replies, CAN-SPAM footer). */
  contactInfo?: AgencyContactInfo;
  /** Extra rule rows checked after the built-in tables (same format). */
  extraRules?: readonly TextRule[];
  /** Channels quiet hours apply to; default {@link DEFAULT_QUIET_HOUR_CHANNELS}. */
  quietHourChannels?: readonly MessageChannel[];
  /** When set, every block, rewrite and deferral is appended here (ids, rule ids, no text). */
  audit?: AuditLog;
  /** When set, `compliance.blocked` / `compliance.rewritten` / `compliance.deferred` are emitted for known contacts. */
  events?: EventBus;
}

/** The compliance guard: checks every outgoing message at the send boundary and classifies inbound ones. */
export interface ComplianceGuard {
  /** The tenant the guard applies. */
  readonly tenant: Tenant;
  /**
   * Checks one outgoing message: fair housing, legal/tax/lending advice, consent (DND), AI disclosure, TREC notice,
   * CAN-SPAM footer and quiet hours. Returns `allow` / `rewrite` (send `text`), `block` (do not send) or `defer`
   * (send `text` at `until`). Rejects only when the audit log fails.
   */
  check(input: ComplianceCheckInput): Promise<ComplianceResult>;
  /** {@link classifyInbound} with this guard's tenant and contact info. */
  classifyInbound(
    text: string,
    options?: Pick<ClassifyInboundOptions, 'history'>,
  ): InboundClassification;
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/**
 * Creates a compliance guard for a tenant. Rules are data tables (`FAIR_HOUSING_*_RULES`, `ADVICE_RULES`,
 * `NEUTRAL_TERM_RULES`) compiled once with the tenant's market areas.
 *
 * @example
 * ```ts
 * const guard = createComplianceGuard({ tenant });
 * const result = await guard.check({ text: reply, channel: 'SMS', firstContact: true, contact });
 * if (result.kind === 'allow' || result.kind === 'rewrite') send(result.text);
 * else if (result.kind === 'defer') schedule(result.text, result.until);
 * else escalateIf(result.escalate);
 * ```
 */
export function createComplianceGuard(options: ComplianceGuardOptions = {}): ComplianceGuard {
  const tenant = options.tenant ?? DEMO_TENANT;
  const clock = options.clock ?? systemClock;
  const notes = { ...DEFAULT_COMPLIANCE_NOTES, ...options.notes };
  const quietChannels = options.quietHourChannels ?? DEFAULT_QUIET_HOUR_CHANNELS;
  const areaNames = tenant.market.areas.flatMap((area) => [
    area.name,
    ...area.aliases.filter((alias) => alias.length >= 4),
  ]);
  const rules = compileTextRules(
    [
      ...(tenant.compliance.fairHousing.enabled
        ? [
            ...FAIR_HOUSING_PREFERENCE_RULES,
            ...FAIR_HOUSING_DEMOGRAPHIC_RULES,
            ...FAIR_HOUSING_STEERING_RULES,
          ]
        : []),
      ...ADVICE_RULES,
      ...(options.neutralTerms === true ? NEUTRAL_TERM_RULES : []),
      ...(options.extraRules ?? []),
    ],
    areaNames,
  );
  const fallbackText = `Thanks for asking! I can share facts about homes, prices and the buying or selling process. One of our licensed agents at ${tenant.agencyName} will follow up with you personally.`;

  function decide(input: ComplianceCheckInput): ComplianceResult {
    const channel = input.channel ?? 'SMS';
    const contact = input.contact;
    if (
      contact?.lifecycleStage === 'opted_out' ||
      contact?.dnd?.all === true ||
      contact?.dnd?.channels.includes(channel) === true
    ) {
      return { kind: 'block', rules: ['consent.dnd'], findings: [], escalate: false };
    }
    if (input.text.trim().length === 0) {
      return {
        kind: 'block',
        rules: ['content.empty'],
        findings: [],
        escalate: false,
        fallbackText,
      };
    }
    const evaluation = evaluateText(input.text, rules, notes);
    const textRules = unique(evaluation.findings.map((finding) => finding.ruleId));
    if (evaluation.blocked) {
      const escalate = evaluation.findings.some((finding) => finding.escalate);
      const blockRules = textRules.length > 0 ? textRules : ['content.empty'];
      return {
        kind: 'block',
        rules: blockRules,
        findings: evaluation.findings,
        escalate,
        fallbackText,
      };
    }
    const applied = [...textRules];
    let text = evaluation.rewritten ?? input.text;
    const trecDue =
      requiresTrecNotice(tenant) &&
      input.trecNoticeSent !== true &&
      (input.firstContact === true || input.trecNoticeSent === false);
    if (trecDue && isSubstantive(text)) {
      text = withTrecNotice({ text, tenant, channel });
      applied.push('disclosure.trec_iabs');
    }
    if (input.firstContact === true) {
      const disclosed = withAiDisclosure({ text, tenant, channel });
      if (disclosed !== undefined) {
        text = disclosed;
        applied.push('disclosure.ai');
      }
    }
    if (channel === 'Email') {
      text = withCanSpamFooter({ text, tenant, contactInfo: options.contactInfo });
      applied.push('disclosure.can_spam');
    }
    const quiet = tenant.compliance.quietHours;
    if (quiet.enabled && quietChannels.includes(channel)) {
      const until = quietHoursEnd({
        now: input.now ?? clock.now(),
        timeZone: contact?.timeZone ?? tenant.timeZone,
        window: { start: quiet.start, end: quiet.end },
      });
      if (until !== undefined) {
        return {
          kind: 'defer',
          text,
          until,
          rules: [...applied, 'quiet_hours'],
          findings: evaluation.findings,
        };
      }
    }
    const kind = evaluation.rewritten === undefined ? 'allow' : 'rewrite';
    return { kind, text, rules: applied, findings: evaluation.findings };
  }

  return {
    tenant,
    async check(input) {
      const result = decide(input);
      await recordComplianceOutcome({
        result,
        input,
        tenantId: tenant.id,
        at: input.now ?? clock.now(),
        audit: options.audit,
        events: options.events,
      });
      return result;
    },
    classifyInbound(text, inboundOptions) {
      return classifyInbound(text, {
        tenant,
        contactInfo: options.contactInfo,
        history: inboundOptions?.history,
      });
    },
  };
}
