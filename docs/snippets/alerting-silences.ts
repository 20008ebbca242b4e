/** Compiled snippet for docs/alerting.md, "Silences": mute the lead and seller SLA alerts during a deploy. */
import type { AlertEngine } from '@enterprisehub/observability';

declare const engine: AlertEngine;

// #region silences
const silence = engine.createSilence({
  matchers: [
    { name: 'alertname', value: 'sla_violation' },
    { name: 'bot', value: 'lead|seller', isRegex: true },
  ],
  endsAt: Date.now() + 30 * 60_000, // startsAt defaults to now
  createdBy: 'ops-alice',
  comment: 'Deploy window',
});
engine.expireSilence(silence.id); // ends it now; listSilences({ includeExpired: true }) keeps the record
// #endregion silences
