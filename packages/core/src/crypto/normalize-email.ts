const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/**
 * Normalises an email address for exact lookup: trims and lower-cases it. Returns `undefined` when the value does
 * not look like an email (`local@domain.tld`, no spaces). Provider-specific rules (dots, `+tags`) are kept as-is.
 *
 * @example
 * ```ts
 * normalizeEmail('  Jane.Doe@Example.COM '); // 'jane.doe@example.com'
 * ```
 */
export function normalizeEmail(value: string): string | undefined {
  const normalized = value.trim().toLowerCase();
  return EMAIL_SHAPE.test(normalized) ? normalized : undefined;
}
