/**
 * Compiled snippet for docs/alerting.md, "Routing": a second Slack channel with its own name, used only by the
 * rules that list it. Channels are fixed when the engine is created, so the named channel goes into `channels`.
 */
import type { AlertRuleInput, AlertSource } from '@enterprisehub/observability';

declare const source: AlertSource;
declare const salesWebhookUrl: string;
declare const myRule: AlertRuleInput;

// #region routing
import { systemClock } from '@enterprisehub/core';
import {
  createAlertEngine,
  createChannelsFromConfig,
  createSlackNotifier,
  parseAlertingConfig,
} from '@enterprisehub/observability';

const salesSlack = createSlackNotifier({
  name: 'slack-sales',
  webhookUrl: salesWebhookUrl,
  sendResolved: false,
});
const engine = createAlertEngine({
  clock: systemClock,
  source,
  channels: [...createChannelsFromConfig(parseAlertingConfig(process.env)), salesSlack],
});
engine.addRule({ ...myRule, channels: ['slack', 'slack-sales'] }); // 'slack': the channel named (or of kind) slack
// #endregion routing

export { engine };
