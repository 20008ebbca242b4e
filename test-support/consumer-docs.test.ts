/** CI checks for the generated and included docs (issue 11): troubleshooting page and compiled guide snippets. */
import { describe, expect, it } from 'vitest';
import { checkDocs } from '../scripts/doc-snippets/check';
import {
  renderTroubleshooting,
  troubleshootingIsCurrent,
} from '../scripts/troubleshooting/generate';
import { ERROR_CODES } from '@enterprisehub/core';

describe('docs/troubleshooting.md', () => {
  it('is up to date with ERROR_CODES (regenerate with pnpm docs:troubleshooting)', async () => {
    expect(await troubleshootingIsCurrent()).toBe(true);
  });

  it('lists every error code with a cause and a fix', () => {
    const page = renderTroubleshooting();
    for (const code of Object.keys(ERROR_CODES)) {
      expect(page).toContain(`## ${code}\n`);
    }
    expect(page.match(/- \*\*Cause:\*\* /g)).toHaveLength(Object.keys(ERROR_CODES).length);
    expect(page.match(/- \*\*Fix:\*\* /g)).toHaveLength(Object.keys(ERROR_CODES).length);
  });

  it('refuses to render when a code has no remedy', () => {
    const codes = {
      ...ERROR_CODES,
      NEW_CODE: { httpStatus: 500, retryable: false, description: 'New.' },
    };
    expect(() => renderTroubleshooting(codes)).toThrow(/missing NEW_CODE/);
  });
});

describe('guide snippets', () => {
  it('every ts block in docs/*.md is an include of a compiled docs/snippets file (or a counted legacy block)', () => {
    expect(checkDocs()).toEqual([]);
  });
});
