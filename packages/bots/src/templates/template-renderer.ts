import type { Tenant } from '@enterprisehub/core';
import { DEFAULT_TEMPLATES, type TemplateKey, type TemplateOverrides } from './default-templates';
import { pickVariant, VARIANT_LABELS, type VariantLabel } from './variant-hash';

/** Values substituted into a template; `undefined` or empty values drop their placeholder. */
export type TemplateVars = Readonly<Record<string, string | number | undefined>>;

/** One template use: which key and which A/B variant the contact saw. */
export interface TemplateUse {
  /** Template key. */
  key: TemplateKey;
  /** Variant label (`A`, `B`, …). */
  variant: VariantLabel;
}

/** A rendered template. */
export interface RenderedTemplate extends TemplateUse {
  /** The text, in the tenant's voice; empty when the voice drops the template (pleasantries in `concise`). */
  text: string;
}

/** Renders templates for one contact of one tenant and remembers which variants were used. */
export interface TemplateRenderer {
  /** Renders `key` with `vars` in the tenant's voice, choosing the contact's variant. */
  render(key: TemplateKey, vars?: TemplateVars): RenderedTemplate;
  /** A short acknowledgement in the tenant's voice (`Thanks!`, `Thank you.`), rotating with `turn`. */
  acknowledge(turn: number): string;
  /** Every template rendered so far, in order. */
  readonly used: readonly TemplateUse[];
}

/** Options for {@link createTemplateRenderer}. */
export interface TemplateRendererOptions {
  /** Tenant whose agent name, agency and voice apply. */
  tenant: Tenant;
  /** Contact the text is for (chooses the A/B variant). */
  contactId: string;
  /** Tenant-specific templates replacing the defaults key by key. */
  overrides?: TemplateOverrides | undefined;
}

const ACKNOWLEDGEMENTS: Record<Tenant['agent']['voice']['tone'], readonly string[]> = {
  friendly: ['Thanks!', 'Got it, thanks!', 'Great, thank you.', 'Perfect, thanks.'],
  professional: ['Thank you.', 'Understood, thank you.', 'Noted, thank you.'],
  casual: ['Awesome, thanks!', 'Cool, got it.', 'Nice, thanks!'],
  concise: ['Thanks.', 'Got it.'],
};

/** Keys that are pure pleasantries; the `concise` voice leaves them out. */
const PLEASANTRIES = new Set<TemplateKey>(['buyer.intro', 'seller.intro', 'lead.browsing']);

const PLACEHOLDER = /\{( ?)([a-zA-Z]+)\}/g;

function fill(template: string, vars: TemplateVars): string {
  return template
    .replace(PLACEHOLDER, (_match, space: string, name: string) => {
      const value = vars[name];
      if (value === undefined || value === '') return '';
      return `${space}${String(value)}`;
    })
    .replace(/[ \t]+([,.!?])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

function applyTone(text: string, tone: Tenant['agent']['voice']['tone']): string {
  switch (tone) {
    case 'professional':
      return text.replace(/^Hi\b/, 'Hello').replace(/!(\s|$)/g, '.$1');
    case 'casual':
      return text.replace(/^Hi\b/, 'Hey');
    default:
      return text;
  }
}

/**
 * Creates the template renderer for one contact: the tenant's overrides win over {@link DEFAULT_TEMPLATES}, the
 * variant is deterministic per (contact, key), and the voice's tone adjusts greetings and punctuation.
 *
 * @example
 * ```ts
 * const templates = createTemplateRenderer({ tenant, contactId: 'c_1' });
 * templates.render('ask.budget').text; // 'What price range are you comfortable with?' (variant A) or 'What budget …' (B)
 * ```
 */
export function createTemplateRenderer(options: TemplateRendererOptions): TemplateRenderer {
  const { tenant, contactId, overrides } = options;
  const tone = tenant.agent.voice.tone;
  const used: TemplateUse[] = [];
  const base: TemplateVars = { agent: tenant.agent.name, agency: tenant.agencyName };
  return {
    used,
    render(key, vars = {}) {
      const variants: readonly string[] = overrides?.[key] ?? DEFAULT_TEMPLATES[key];
      const index = pickVariant({ contactId, experiment: key, count: variants.length });
      const variant = VARIANT_LABELS[index] ?? 'A';
      used.push({ key, variant });
      if (tone === 'concise' && PLEASANTRIES.has(key) && overrides?.[key] === undefined) {
        return { key, variant, text: '' };
      }
      const template = variants[index] ?? variants[0] ?? '';
      return { key, variant, text: applyTone(fill(template, { ...base, ...vars }), tone) };
    },
    acknowledge(turn) {
      const phrases = ACKNOWLEDGEMENTS[tone];
      return phrases[Math.abs(turn) % phrases.length] ?? '';
    },
  };
}

/** Joins reply parts with single spaces, skipping empty ones. */
export function joinParts(...parts: (string | undefined)[]): string {
  return parts
    .filter((part): part is string => part !== undefined && part.trim().length > 0)
    .join(' ');
}
