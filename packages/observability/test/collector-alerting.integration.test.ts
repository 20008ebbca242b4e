import { createEventBus, createMemoryNotifier } from '@enterprisehub/core';
import { ManualClock } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createAlertEngine, createBotMetricsCollector, DEFAULT_ALERT_RULES } from '../src/index';

const MINUTE = 60_000;

function setup() {
  const clock = new ManualClock();
  const events = createEventBus();
  const collector = createBotMetricsCollector({ events, clock });
  const channels = ['email', 'slack', 'webhook', 'pagerduty', 'opsgenie'].map((kind) =>
    createMemoryNotifier({ name: kind, kind }),
  );
  const engine = createAlertEngine({
    clock,
    channels,
    rules: DEFAULT_ALERT_RULES,
    source: () => collector.feedToAlerting(),
  });
  const firingRules = () => engine.alerts({ state: 'firing' }).map((alert) => alert.ruleId);
  /** Emits `count` lead turns, the first `failures` of them failed. */
  const turns = (count: number, failures: number): void => {
    for (let index = 0; index < count; index += 1) {
      events.emit('bot.turn.completed', {
        tenantId: 't1',
        at: clock.now(),
        contactId: `c${index}`,
        bot: 'lead',
        operation: 'process',
        durationMs: 200,
        success: index >= failures,
      });
    }
  };
  /** Evaluates once a minute for `minutes`, emitting traffic before each evaluation. */
  const run = async (minutes: number, traffic: () => void = () => undefined): Promise<void> => {
    for (let minute = 0; minute < minutes; minute += 1) {
      traffic();
      await engine.evaluate();
      clock.advance(MINUTE);
    }
  };
  return { clock, events, firingRules, turns, run };
}

describe('collector feed → alert engine (default rules)', () => {
  it('fires high_error_rate from bus events once there are enough samples', async () => {
    const { firingRules, turns, run } = setup();
    await run(5, () => turns(10, 2));
    expect(firingRules()).toContain('high_error_rate');
  });

  it('stays quiet at low traffic even when every request fails', async () => {
    const { firingRules, turns, run } = setup();
    await run(10, () => turns(1, 1));
    expect(firingRules()).toEqual([]);
  });

  it('fires bot_unresponsive only while a message waits unanswered', async () => {
    const { clock, events, firingRules, run } = setup();
    await run(10); // a quiet night: nothing waits
    expect(firingRules()).toEqual([]);
    events.emit('message.received', {
      tenantId: 't1',
      at: clock.now(),
      contactId: 'c1',
      messageId: 'm1',
      channel: 'SMS',
    });
    await run(8);
    expect(firingRules()).toContain('bot_unresponsive');
    events.emit('bot.replied', {
      tenantId: 't1',
      at: clock.now(),
      contactId: 'c1',
      bot: 'lead',
      durationMs: 900,
    });
    await run(3);
    expect(firingRules()).not.toContain('bot_unresponsive');
  });
});
