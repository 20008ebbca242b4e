import { EventEmitter } from 'eventemitter3';
import type { EventListener, EventMap, EventName } from './event-map';

/** A typed in-process event bus; listener failures are isolated. */
export interface EventBus {
  /** Subscribes; returns a function that unsubscribes. */
  on<K extends EventName>(name: K, listener: EventListener<K>): () => void;
  /** Subscribes for the next event only; returns a function that unsubscribes. */
  once<K extends EventName>(name: K, listener: EventListener<K>): () => void;
  /** Delivers `payload` to every listener synchronously; a throwing or rejecting listener never stops the others. */
  emit<K extends EventName>(name: K, payload: EventMap[K]): void;
  /** Number of listeners for an event. */
  listenerCount(name: EventName): number;
  /** Removes every listener (of one event, or all). */
  removeAllListeners(name?: EventName): void;
}

/** Options for {@link createEventBus}. */
export interface EventBusOptions {
  /** Called when a listener throws or rejects; default ignores. Must not throw. */
  onListenerError?: (error: unknown, eventName: EventName) => void;
}

/**
 * Creates a typed event bus on `eventemitter3`.
 *
 * @example
 * ```ts
 * const bus = createEventBus();
 * const off = bus.on('lead.scored', ({ contactId, score }) => record(contactId, score));
 * bus.emit('lead.scored', { tenantId: 't1', at: Date.now(), contactId: 'c1', score: 8, temperature: 'hot' });
 * off();
 * ```
 */
export function createEventBus(options: EventBusOptions = {}): EventBus {
  const emitter = new EventEmitter();
  const report = (error: unknown, name: EventName): void => {
    try {
      options.onListenerError?.(error, name);
    } catch {
      // The error reporter itself failed; nothing safe left to do.
    }
  };
  const wrap = <K extends EventName>(name: K, listener: EventListener<K>) => {
    return (payload: EventMap[K]): void => {
      try {
        const result = listener(payload);
        if (result instanceof Promise) result.catch((error: unknown) => report(error, name));
      } catch (error) {
        report(error, name);
      }
    };
  };
  const subscribe = <K extends EventName>(name: K, listener: EventListener<K>, once: boolean) => {
    const wrapped = wrap(name, listener);
    if (once) emitter.once(name, wrapped);
    else emitter.on(name, wrapped);
    return () => {
      emitter.off(name, wrapped);
    };
  };
  return {
    on: (name, listener) => subscribe(name, listener, false),
    once: (name, listener) => subscribe(name, listener, true),
    emit: (name, payload) => {
      emitter.emit(name, payload);
    },
    listenerCount: (name) => emitter.listenerCount(name),
    removeAllListeners: (name) => {
      emitter.removeAllListeners(name);
    },
  };
}
