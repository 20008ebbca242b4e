import { describe, expect, it } from 'vitest';
import { createEventBus } from './create-event-bus';
import type { EventMap } from './event-map';

const scored: EventMap['lead.scored'] = {
  tenantId: 't1',
  at: 1,
  contactId: 'c1',
  score: 8,
  temperature: 'hot',
};

describe('createEventBus', () => {
  it('delivers typed payloads to every listener until unsubscribed', () => {
    const bus = createEventBus();
    const seen: number[] = [];
    const off = bus.on('lead.scored', (payload) => {
      seen.push(payload.score);
    });
    bus.emit('lead.scored', scored);
    off();
    bus.emit('lead.scored', scored);
    expect(seen).toEqual([8]);
    expect(bus.listenerCount('lead.scored')).toBe(0);
  });

  it('keeps delivering to the other listeners when one throws, and reports the error', () => {
    const errors: [unknown, string][] = [];
    const bus = createEventBus({ onListenerError: (error, name) => errors.push([error, name]) });
    const seen: string[] = [];
    bus.on('lead.scored', () => {
      throw new Error('listener bug');
    });
    bus.on('lead.scored', () => {
      seen.push('second');
    });
    expect(() => bus.emit('lead.scored', scored)).not.toThrow();
    expect(seen).toEqual(['second']);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.[1]).toBe('lead.scored');
  });

  it('reports rejected async listeners instead of leaving unhandled rejections', async () => {
    const errors: unknown[] = [];
    const bus = createEventBus({ onListenerError: (error) => errors.push(error) });
    bus.on('lead.scored', async () => {
      throw new Error('async bug');
    });
    bus.emit('lead.scored', scored);
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toHaveLength(1);
  });

  it('survives a throwing error reporter', () => {
    const bus = createEventBus({
      onListenerError: () => {
        throw new Error('reporter bug');
      },
    });
    bus.on('lead.scored', () => {
      throw new Error('listener bug');
    });
    expect(() => bus.emit('lead.scored', scored)).not.toThrow();
  });

  it('once delivers a single event; removeAllListeners clears', () => {
    const bus = createEventBus();
    let count = 0;
    bus.once('alert.resolved', () => {
      count += 1;
    });
    const payload = { tenantId: '_global', at: 1, ruleId: 'r', fingerprint: 'f' };
    bus.emit('alert.resolved', payload);
    bus.emit('alert.resolved', payload);
    expect(count).toBe(1);
    bus.on('alert.resolved', () => undefined);
    bus.removeAllListeners();
    expect(bus.listenerCount('alert.resolved')).toBe(0);
  });
});
