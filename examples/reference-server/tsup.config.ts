import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { main: 'src/main.ts', simulate: 'src/simulate.ts' },
  format: ['esm'],
  sourcemap: true,
  clean: true,
  target: 'node22',
  tsconfig: '../../tsconfig.build.json',
  // The dashboard's static assets (plain JS + CSS, no bundler, no CDN) are served from dist/dashboard.
  onSuccess: () => {
    cpSync('src/dashboard/public', 'dist/dashboard', { recursive: true });
    return Promise.resolve();
  },
});
