import { ManualClock } from '@enterprisehub/core/testing';
import { createGhlClient, type GhlClientOptions } from '@enterprisehub/ghl';
import { createFakeGhl, type CreateFakeGhlOptions } from '@enterprisehub/ghl/testing';

/** A fake GHL and a client wired to it through `fake.fetch`, sharing one ManualClock. */
export function setupClient(options: { fake?: CreateFakeGhlOptions; client?: Partial<GhlClientOptions> } = {}) {
  const clock = new ManualClock();
  const fake = createFakeGhl({ clock, ...options.fake });
  const client = createGhlClient({
    locationId: fake.locationId,
    accessToken: 'pit-test-token',
    fetch: fake.fetch,
    clock,
    retry: { random: () => 0.5 },
    ...options.client,
  });
  return { clock, fake, client };
}
