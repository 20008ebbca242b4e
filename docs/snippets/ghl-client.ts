/** Compiled snippet for docs/ghl.md, the opening example: a client on a Private Integration token. */

// #region client
import { createGhlClient } from '@enterprisehub/ghl';

const client = createGhlClient({ locationId: 'loc_123', accessToken: process.env['GHL_PIT'] });
const contact = await client.contacts.get('contact_1');
await client.conversations.sendMessage({
  type: 'SMS',
  contactId: contact.id,
  message: 'Hi Maria!',
});
// #endregion client
