/** Compiled snippet for docs/bots.md, "Compliance guard": check an outgoing text, classify an inbound one. */
import type { Contact, Tenant } from '@enterprisehub/core';

declare const tenant: Tenant;
declare const contact: Contact;
declare const reply: string;
declare const firstContact: boolean;
declare const trecNoticeSent: boolean;

// #region compliance
import { createComplianceGuard } from '@enterprisehub/bots';

const guard = createComplianceGuard({ tenant }); // tenant defaults to the demo Austin tenant
const result = await guard.check({
  text: reply,
  channel: 'SMS',
  firstContact,
  contact,
  trecNoticeSent,
});
// { kind: 'allow' | 'rewrite', text, rules, findings }  → send result.text (never the input)
// { kind: 'defer', text, until, rules, findings }         → send result.text at `until` (never drop it)
// { kind: 'block', rules, findings, escalate, fallbackText? } → do not send; escalate when asked
guard.classifyInbound('STOP');
// { kind: 'opt_out', keyword: 'stop', confirmation: 'Demo Austin Realty: You have been unsubscribed…' }
// #endregion compliance

export { result };
