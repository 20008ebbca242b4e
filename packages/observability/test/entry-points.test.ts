import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const source = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Every bare module specifier statically imported by the files reachable from `entry`. */
function externalImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
      const specifier = match[1] ?? '';
      if (match[0].startsWith('import type') || match[0].startsWith('export type')) continue;
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        visit(target.endsWith('.ts') ? target : `${target}.ts`);
      } else {
        external.add(specifier);
      }
    }
  };
  visit(resolve(source, entry));
  return external;
}

describe('entry points', () => {
  it('keeps the optional peers out of the main entry', () => {
    const imports = externalImports('index.ts');
    expect(imports).toContain('@enterprisehub/core');
    expect(imports).not.toContain('@opentelemetry/api');
    expect(imports).not.toContain('prom-client');
    expect(imports).not.toContain('nodemailer');
  });

  it('loads only its own peer from each optional entry', () => {
    const otel = externalImports('otel/index.ts');
    expect(otel).toContain('@opentelemetry/api');
    expect(otel).not.toContain('prom-client');
    const prometheus = externalImports('prometheus/index.ts');
    expect(prometheus).toContain('prom-client');
    expect(prometheus).not.toContain('@opentelemetry/api');
  });
});
