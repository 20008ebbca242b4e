import { EnterpriseHubError } from '@enterprisehub/core';
import type { z } from 'zod';

/**
 * Parses `input` with `schema`, throwing an `ALERT_RULE_INVALID` error naming the offending fields (never their
 * values) when it does not match.
 *
 * @throws EnterpriseHubError `ALERT_RULE_INVALID`
 */
export function parseAlertingInput<S extends z.ZodType>(options: {
  schema: S;
  input: unknown;
  what: string;
}): z.output<S> {
  const result = options.schema.safeParse(options.input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => issue.path.map(String).join('.') || '(root)');
  const detail = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new EnterpriseHubError({
    code: 'ALERT_RULE_INVALID',
    message: `Invalid ${options.what}: ${detail}.`,
    details: { fields: [...new Set(fields)].join(',') },
  });
}
