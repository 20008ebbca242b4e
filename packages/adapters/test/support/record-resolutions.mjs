// Preloaded into the isolation test's child process: records the URL of every module resolved.
import { registerHooks } from 'node:module';

globalThis.__resolvedModules = new Set();
registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    globalThis.__resolvedModules.add(result.url);
    return result;
  },
});
