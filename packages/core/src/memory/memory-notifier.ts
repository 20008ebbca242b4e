import type { AlertNotification } from '../domain/alert-notification';
import type { Notifier } from '../ports/notifier';
import { copy, throwIfAborted } from './memory-support';

/** One notification recorded by a {@link MemoryNotifier}. */
export interface RecordedNotification {
  /** Tenant, when tenant-specific. */
  tenantId?: string;
  /** The notification. */
  notification: AlertNotification;
}

/** Options for {@link createMemoryNotifier}. */
export interface MemoryNotifierOptions {
  /** Channel instance name; default `memory`. */
  name?: string;
  /** Channel kind; default `log`. */
  kind?: string;
  /** Called before recording; throw to simulate a failing channel. */
  onNotify?: (notification: AlertNotification) => void | Promise<void>;
}

/** A {@link Notifier} that records notifications in memory (dashboard feed in the embedded default, tests). */
export class MemoryNotifier implements Notifier {
  /** {@inheritDoc Notifier.name} */
  readonly name: string;
  /** {@inheritDoc Notifier.kind} */
  readonly kind: string;
  private readonly log: RecordedNotification[] = [];

  /** Creates a notifier with nothing recorded. */
  constructor(private readonly options: MemoryNotifierOptions = {}) {
    this.name = options.name ?? 'memory';
    this.kind = options.kind ?? 'log';
  }

  /** {@inheritDoc Notifier.notify} */
  async notify(options: {
    tenantId?: string;
    notification: AlertNotification;
    signal?: AbortSignal;
  }): Promise<void> {
    throwIfAborted(options.signal);
    await this.options.onNotify?.(copy(options.notification));
    this.log.push({
      ...(options.tenantId === undefined ? {} : { tenantId: options.tenantId }),
      notification: copy(options.notification),
    });
  }

  /** Notifications delivered so far, oldest first. */
  get sent(): RecordedNotification[] {
    return this.log.map(copy);
  }
}

/**
 * Creates a recording notifier.
 *
 * @example
 * ```ts
 * const notifier = createMemoryNotifier({ name: 'dashboard' });
 * await notifier.notify({ notification });
 * notifier.sent.length; // 1
 * ```
 */
export function createMemoryNotifier(options: MemoryNotifierOptions = {}): MemoryNotifier {
  return new MemoryNotifier(options);
}
