import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('eslint import rules', () => {
  it('reports a forbidden cross-package import from bots to ghl', async () => {
    const eslint = new ESLint({ cwd: root, ignore: false });
    const [result] = await eslint.lintFiles(['lint-fixtures/packages/bots/src/forbidden-import.ts']);
    const messages = result?.messages.map((message) => message.ruleId) ?? [];
    expect(messages).toContain('no-restricted-imports');
  }, 60_000);
});
