/**
 * An alert channel that writes alerts to the log: the embedded mode's channel, and a record beside real channels.
 */
import type { AlertChannel } from '@enterprisehub/observability';
import type { Logger } from '../logger';

/** Creates the log channel. */
export function createLogAlertChannel(logger: Logger): AlertChannel {
  return {
    name: 'log',
    kind: 'log',
    sendResolved: true,
    notify: ({ tenantId, notification }) => {
      logger.warn({ tenantId, alert: notification }, 'alert');
      return Promise.resolve();
    },
  };
}
