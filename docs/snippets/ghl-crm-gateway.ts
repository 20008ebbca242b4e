/** Compiled snippet for docs/ghl.md, "CrmGateway": the bots' CRM port on GHL, one client per location. */
import type { Cache, CrmAction, TenantRegistry } from '@enterprisehub/core';
import type { GhlClient } from '@enterprisehub/ghl';

declare const clientFor: (tenantId: string) => GhlClient;
declare const registry: TenantRegistry;
declare const redisCache: Cache;
declare const tenantId: string;
declare const action: CrmAction;

// #region crm-gateway
import { createGhlCrmGateway } from '@enterprisehub/ghl';

const crm = createGhlCrmGateway({
  clientForTenant: (tenantId) => clientFor(tenantId), // or `client` for one location
  mapping: (tenantId) => registry.require(tenantId).ghl, // custom fields, pipeline stages, workflows, calendar
  idempotencyCache: redisCache, // optional; shared between instances
});
await crm.execute({ tenantId, action }); // core CrmAction
// #endregion crm-gateway
