/**
 * 32-bit FNV-1a hash of a string: fast, stable across processes and platforms, good enough to split contacts into
 * A/B groups (not for security).
 *
 * @example
 * ```ts
 * fnv1a('c_123:ask.budget') % 2; // 0 or 1, always the same for this contact and template
 * ```
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Variant labels in order: the first variant is `A`, the second `B`, … */
export const VARIANT_LABELS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** Label of one template variant (`A`, `B`, …). */
export type VariantLabel = (typeof VARIANT_LABELS)[number];

/**
 * Picks the variant index for a contact: deterministic per (contact, experiment), uniform across contacts.
 *
 * @example
 * ```ts
 * pickVariant({ contactId: 'c_1', experiment: 'ask.budget', count: 2 }); // 0 or 1, stable
 * ```
 */
export function pickVariant(options: {
  contactId: string;
  experiment: string;
  count: number;
}): number {
  const count = Math.max(1, Math.min(options.count, VARIANT_LABELS.length));
  return fnv1a(`${options.contactId}:${options.experiment}`) % count;
}
