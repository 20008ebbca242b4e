/** CI checks for the generated and included docs (issue 11): troubleshooting page and compiled guide snippets. */
import { describe, expect, it } from 'vitest';
import { checkDocs, checkGuideSource } from '../scripts/doc-snippets/check';
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
  it('every ts block in docs/*.md is an include of a compiled docs/snippets file (no allowance)', () => {
    expect(checkDocs()).toEqual([]);
  });

  it('fails a plain ts or js block, a stale include and an include of a missing file', () => {
    const guide = [
      '# Guide',
      '```ts',
      'const a = 1;',
      '```',
      '```js',
      'const b = 2;',
      '```',
      '<!-- snippet: quick-start.ts#quick-start -->',
      '',
      '```ts',
      'stale();',
      '```',
      '<!-- snippet: missing.ts -->',
      '```ts',
      'x();',
      '```',
      '```bash',
      'pnpm docs',
      '```',
      '',
    ].join('\n');
    const { problems } = checkGuideSource('guide.md', guide);
    expect(problems.map((problem) => [problem.line, problem.message.slice(0, 40)])).toEqual([
      [2, 'a ```ts block that is not a snippet incl'],
      [5, 'a ```js block that is not a snippet incl'],
      [8, 'the block differs from docs/snippets/qui'],
      [13, 'docs/snippets/missing.ts does not exist'],
    ]);
  });

  it('refreshes a stale include from its snippet region with write', () => {
    const guide = '<!-- snippet: quick-start.ts#quick-start -->\n\n```ts\nstale();\n```\n';
    const { problems, updated } = checkGuideSource('guide.md', guide, { write: true });
    expect(problems).toEqual([]);
    expect(updated).toContain('export async function onGhlWebhook(');
    expect(updated).not.toContain('stale();');
    expect(checkGuideSource('guide.md', updated).problems).toEqual([]);
  });
});
