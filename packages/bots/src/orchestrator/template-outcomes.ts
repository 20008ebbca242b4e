import type { TemplateKey } from '../templates/default-templates';
import type { TemplateUse } from '../templates/template-renderer';
import { VARIANT_LABELS, type VariantLabel } from '../templates/variant-hash';
import { addAudit, type TurnDraft } from './turn-draft';

const ATTRIBUTE = 'lastTemplates';

/** Name of the metric sample recorded per template outcome (labels: `key`, `variant`, `outcome`, `bot`). */
export const TEMPLATE_OUTCOME_METRIC = 'bots.template.outcome';

function parseUses(raw: unknown): TemplateUse[] {
  if (typeof raw !== 'string' || raw.length === 0) return [];
  return raw.split(',').flatMap((entry): TemplateUse[] => {
    const [key, variant] = entry.split(':');
    return key && variant && (VARIANT_LABELS as readonly string[]).includes(variant)
      ? [{ key: key as TemplateKey, variant: variant as VariantLabel }]
      : [];
  });
}

/**
 * Records an A/B outcome for the templates of the last outbound message: `replied` when the lead answers, `booked`
 * when the answer books an appointment: one `template.outcome` audit record listing the `key:variant` pairs and, when
 * the host passed a metrics repository, one `bots.template.outcome` sample per template. @internal
 */
export function recordTemplateOutcome(draft: TurnDraft, outcome: 'replied' | 'booked'): void {
  if (outcome === 'replied') draft.previousTemplates = parseUses(draft.state.attributes[ATTRIBUTE]);
  const bot = draft.state.activeBot;
  const lastOutboundAt = draft.state.lastOutboundAt;
  const uses = draft.previousTemplates;
  if (uses.length === 0) return;
  addAudit(draft, {
    type: 'template.outcome',
    bot,
    data: {
      outcome,
      templates: uses.map((use) => `${use.key}:${use.variant}`),
      ...(lastOutboundAt !== undefined && outcome === 'replied'
        ? { replyAfterMs: Math.max(0, draft.now - lastOutboundAt) }
        : {}),
    },
  });
  for (const use of uses) {
    draft.samples.push({
      name: TEMPLATE_OUTCOME_METRIC,
      value: 1,
      at: draft.now,
      labels: { key: use.key, variant: use.variant, outcome, bot },
    });
  }
}

/** Remembers which templates the reply used, for the next outcome. @internal */
export function rememberTemplates(draft: TurnDraft): void {
  if (draft.reply.kind === 'none') return;
  if (draft.templates.length === 0) delete draft.state.attributes[ATTRIBUTE];
  else
    draft.state.attributes[ATTRIBUTE] = draft.templates
      .map((use) => `${use.key}:${use.variant}`)
      .join(',');
}
