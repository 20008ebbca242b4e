/** Stands in for the Express app you already have: its own routes, parsers and middleware. */
import express, { type Express } from 'express';
import { TenantRegistry, type Clock } from '@enterprisehub/core';
import { createEmbeddedBots, type EmbeddedBots } from './create-bots.js';
import {
  createEnterpriseHubRouter,
  type EnterpriseHubRouterOptions,
} from './enterprise-hub-router.js';

/** Your app with EnterpriseHub mounted under `/enterprisehub`. */
export function createExistingApp(
  options: { tenants?: TenantRegistry; clock?: Clock } & Pick<
    EnterpriseHubRouterOptions,
    'publicKeys' | 'onTurn'
  > = {},
): { app: Express; embedded: EmbeddedBots } {
  const tenants = options.tenants ?? TenantRegistry.demo();
  const embedded = createEmbeddedBots({
    tenants,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const app = express();
  app.use(
    '/enterprisehub',
    createEnterpriseHubRouter({
      bots: embedded.bots,
      tenants,
      inbox: embedded.stores.inbox,
      clock: embedded.stores.clock,
      ...(options.publicKeys === undefined ? {} : { publicKeys: options.publicKeys }),
      ...(options.onTurn === undefined ? {} : { onTurn: options.onTurn }),
    }),
  );
  // Your app's own parsers and routes come after: a global express.json() mounted *before* the router would
  // consume the body, and the signature check needs the exact bytes GHL signed.
  app.use(express.json());
  app.get('/api/status', (_req, res) => {
    res.json({ ok: true });
  });
  return { app, embedded };
}
