import { EnterpriseHubError, systemClock } from '@enterprisehub/core';
import type { AlertChannel } from './alert-channel';
import type { ChannelCommonOptions } from './channel-options';
import { createChannelRateLimiter } from './channel-rate-limiter';
import { buildEmailMessage, type EmailMessage } from './email-message';
import { retryDelivery } from './retry-delivery';

/** The part of a nodemailer transporter the email channel uses (inject a fake or a pooled transport). */
export interface EmailTransport {
  /** Sends one message; rejects with a nodemailer-style error (`code`, `responseCode`). */
  sendMail(message: EmailMessage): Promise<unknown>;
}

/** SMTP settings (from `ALERT_EMAIL_SMTP_*`). */
export interface SmtpSettings {
  /** Server host. */
  host: string;
  /** Port. @defaultValue 587 */
  port?: number;
  /** Implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. @defaultValue port === 465 */
  secure?: boolean;
  /** Refuse to send unless STARTTLS succeeds. @defaultValue false */
  requireTls?: boolean;
  /** Username. */
  user?: string;
  /** Password (never logged). */
  password?: string;
  /** Reject self-signed server certificates. @defaultValue true */
  rejectUnauthorized?: boolean;
}

/** Options for {@link createEmailNotifier}: SMTP settings (nodemailer is loaded lazily) or a transport. */
export interface EmailNotifierOptions extends ChannelCommonOptions {
  /** Sender address. */
  from: string;
  /** Recipients. */
  to: readonly string[];
  /** SMTP server; required unless `transport` is given. */
  smtp?: SmtpSettings;
  /** A ready transport (takes precedence over `smtp`). */
  transport?: EmailTransport;
}

const RETRYABLE_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETLS',
]);

/** Maps a nodemailer error to a channel error; the original (which may name addresses) stays in `cause`. */
function classify(channel: string, error: unknown): EnterpriseHubError {
  const record =
    typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const responseCode =
    typeof record['responseCode'] === 'number' ? record['responseCode'] : undefined;
  const code = typeof record['code'] === 'string' ? record['code'] : 'UNKNOWN';
  const details = { channel, smtpCode: responseCode ?? 0, errorCode: code };
  if (
    responseCode !== undefined
      ? responseCode >= 400 && responseCode < 500
      : RETRYABLE_CODES.has(code)
  ) {
    return new EnterpriseHubError({
      code: 'ALERT_CHANNEL_UNAVAILABLE',
      message: `Email channel ${channel} failed temporarily (${code}).`,
      cause: error,
      details,
    });
  }
  return new EnterpriseHubError({
    code: 'ALERT_CHANNEL_REJECTED',
    message: `Email channel ${channel} was refused (${code}).`,
    cause: error,
    details,
  });
}

async function createSmtpTransport(smtp: SmtpSettings, timeoutMs: number): Promise<EmailTransport> {
  const nodemailer = await import('nodemailer');
  const port = smtp.port ?? 587;
  return nodemailer.createTransport({
    host: smtp.host,
    port,
    secure: smtp.secure ?? port === 465,
    requireTLS: smtp.requireTls ?? false,
    ...(smtp.user === undefined ? {} : { auth: { user: smtp.user, pass: smtp.password ?? '' } }),
    tls: { rejectUnauthorized: smtp.rejectUnauthorized ?? true },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
    debug: false,
  });
}

const raceAbort = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });

/**
 * Creates an SMTP email channel (nodemailer, loaded on first use) with retries on temporary SMTP and network
 * errors, timeouts and a default rate limit of 30 emails per minute.
 *
 * @example
 * ```ts
 * const email = createEmailNotifier({
 *   from: 'alerts@agency.example', to: ['oncall@agency.example'],
 *   smtp: { host: 'smtp.example.com', port: 587, user: 'alerts', password: secret },
 * });
 * ```
 */
export function createEmailNotifier(options: EmailNotifierOptions): AlertChannel {
  const clock = options.clock ?? systemClock;
  const name = options.name ?? 'email';
  const timeoutMs = options.timeoutMs ?? 15_000;
  const limiter = createChannelRateLimiter({
    clock,
    channel: name,
    limit:
      options.rateLimit === false
        ? undefined
        : (options.rateLimit ?? { limit: 30, windowMs: 60_000 }),
  });
  let transport: Promise<EmailTransport> | undefined = options.transport
    ? Promise.resolve(options.transport)
    : undefined;
  const getTransport = (): Promise<EmailTransport> => {
    if (transport) return transport;
    const { smtp } = options;
    if (!smtp) {
      return Promise.reject(
        new EnterpriseHubError({
          code: 'CONFIG_INVALID',
          message: `Email channel ${name} has neither smtp nor transport.`,
        }),
      );
    }
    transport = createSmtpTransport(smtp, timeoutMs);
    return transport;
  };
  return {
    name,
    kind: 'email',
    sendResolved: options.sendResolved ?? true,
    notify: async ({ notification, signal }) => {
      const message = buildEmailMessage(notification, { from: options.from, to: options.to });
      const sender = await getTransport();
      await limiter.acquire(signal);
      await retryDelivery({
        clock,
        retry: options.retry,
        timeoutMs,
        signal,
        channel: name,
        attempt: async (attemptSignal) => {
          try {
            await raceAbort(sender.sendMail(message), attemptSignal);
          } catch (error) {
            throw classify(name, error);
          }
        },
      });
    },
  };
}
