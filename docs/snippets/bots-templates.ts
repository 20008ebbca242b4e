/** Compiled snippet for docs/bots.md, "Voice and templates": replace a template for one tenant. */
import type { BotPorts, TenantLookup } from '@enterprisehub/bots';

declare const ports: BotPorts;
declare const tenants: TenantLookup;

// #region templates
import { createBotOrchestrator } from '@enterprisehub/bots';

createBotOrchestrator({
  ports,
  tenants,
  options: {
    templates: (tenant) =>
      tenant.id === 'acme'
        ? { 'ask.budget': ['What monthly payment feels right?', 'What price range works?'] }
        : undefined, // undefined: the defaults
  },
});
// #endregion templates
