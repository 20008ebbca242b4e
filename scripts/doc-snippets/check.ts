/**
 * Keeps the TypeScript in the guides compiled: every ```ts block in docs/*.md must be an include of a file under
 * docs/snippets/ (which `pnpm typecheck` compiles), written as
 *
 *   <!-- snippet: alerting.ts -->            the whole file, or
 *   <!-- snippet: alerting.ts#start -->      the lines between `// #region start` and `// #endregion start`
 *   ```ts
 *   …exactly that text…
 *   ```
 *
 *   pnpm docs:snippets          check (CI, and the tooling test)
 *   pnpm docs:snippets --write  refresh every include from its snippet file
 *
 * There is no allowance: a ```ts block that is not an include fails the check, and so does a JavaScript block
 * (```js, ```javascript, ```mjs, ```cjs, ```jsx, ```tsx) — write those as TypeScript snippets too.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const SNIPPETS = `${DOCS}snippets/`;

/** One problem found in a guide. */
export interface SnippetProblem {
  file: string;
  line: number;
  message: string;
}

// The include comment may be followed by one blank line (prettier inserts it).
const BLOCK =
  /(?:<!-- snippet: ([\w./-]+?)(?:#([\w-]+))? -->\n\n?)?```(ts|typescript|tsx|js|javascript|mjs|cjs|jsx)\n([\s\S]*?)```/g;

/** The text a `file#region` include stands for, or an error message. */
export function snippetText(file: string, region?: string): string | { error: string } {
  const path = `${SNIPPETS}${file}`;
  if (file.includes('..') || !existsSync(path))
    return { error: `docs/snippets/${file} does not exist` };
  const text = readFileSync(path, 'utf8');
  if (region === undefined) return text.endsWith('\n') ? text : `${text}\n`;
  const start = text.indexOf(`// #region ${region}\n`);
  const end = text.indexOf(`// #endregion ${region}`);
  if (start < 0 || end < start) return { error: `docs/snippets/${file} has no region ${region}` };
  const body = text.slice(start + `// #region ${region}\n`.length, end);
  const lines = body.split('\n').slice(0, -1);
  const indent = Math.min(
    ...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0),
  );
  return `${lines.map((line) => line.slice(indent)).join('\n')}\n`;
}

/** Checks the text of one guide; with `write`, `updated` has every include refreshed from its snippet file. */
export function checkGuideSource(
  name: string,
  source: string,
  options: { write?: boolean } = {},
): { problems: SnippetProblem[]; updated: string } {
  const problems: SnippetProblem[] = [];
  /* eslint-disable max-params -- String.replace hands the replacer one parameter per capture group */
  const updated = source.replace(
    BLOCK,
    (
      whole,
      file: string | undefined,
      region: string | undefined,
      lang: string,
      body: string,
      offset: number,
    ) => {
      const line = source.slice(0, offset).split('\n').length;
      if (file === undefined) {
        problems.push({
          file: name,
          line,
          message: `a \`\`\`${lang} block that is not a snippet include: put the code in docs/snippets/<file>.ts (compiled by pnpm typecheck) and include it with <!-- snippet: file.ts --> or <!-- snippet: file.ts#region -->`,
        });
        return whole;
      }
      const expected = snippetText(file, region);
      if (typeof expected !== 'string') {
        problems.push({ file: name, line, message: expected.error });
        return whole;
      }
      if (body === expected) return whole;
      if (options.write)
        return `<!-- snippet: ${file}${region === undefined ? '' : `#${region}`} -->\n\n\`\`\`${lang}\n${expected}\`\`\``;
      problems.push({
        file: name,
        line,
        message: `the block differs from docs/snippets/${file}${region ? `#${region}` : ''} (run pnpm docs:snippets --write)`,
      });
      return whole;
    },
  );
  /* eslint-enable max-params */
  return { problems, updated };
}

/** Checks (or with `write`, refreshes) one guide in docs/; returns its problems. */
export function checkGuide(name: string, options: { write?: boolean } = {}): SnippetProblem[] {
  const path = `${DOCS}${name}`;
  const source = readFileSync(path, 'utf8');
  const { problems, updated } = checkGuideSource(name, source, options);
  if (options.write && updated !== source) writeFileSync(path, updated);
  return problems;
}

/** Checks every guide in docs/. */
export function checkDocs(options: { write?: boolean } = {}): SnippetProblem[] {
  return readdirSync(DOCS)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .flatMap((name) => checkGuide(name, options));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = checkDocs({ write: process.argv.includes('--write') });
  for (const problem of problems)
    process.stderr.write(`docs/${problem.file}:${problem.line}: ${problem.message}\n`);
  if (problems.length > 0) process.exit(1);
  process.stdout.write(
    'every ts block in docs/*.md is an include of a compiled docs/snippets file\n',
  );
}
