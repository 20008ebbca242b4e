/** Compiled snippet for docs/testing.md, "The GHL fake": msw in front of the fake, a failure scenario. */

// #region fake-ghl
import { setupServer } from 'msw/node';
import { expect } from 'vitest';
import { createFakeGhl, createGhlHandlers } from '@enterprisehub/ghl/testing';

const fake = createFakeGhl(); // location `fake-location`, GHL's limits, real clock
const server = setupServer(...createGhlHandlers(fake));
server.listen({ onUnhandledFrame: 'error' });

fake.scenarios.serverError({ operation: 'POST /conversations/messages' }); // next send answers 500
// your code calls https://services.leadconnectorhq.com as usual …
const sends = fake.calls.filter((call) => call.operation === 'POST /conversations/messages');
expect(sends).toHaveLength(1);
// #endregion fake-ghl
