/**
 * Structured JSON logs (pino) with the core redaction applied to every log object and message, so phone numbers,
 * emails, tokens and keys never reach the log stream.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import { redact } from '@enterprisehub/core';

export type { Logger } from 'pino';

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  level: string;
  /** Where lines go. @defaultValue stdout */
  destination?: DestinationStream;
  /** Fields on every line (mode, role, instance). */
  base?: Record<string, string | number>;
}

/** Creates the server's logger. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: options.base ?? null,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object: Record<string, unknown>) => redact<Record<string, unknown>>(object),
      },
      hooks: {
        logMethod(args, method) {
          const redacted = args.map((arg: unknown) =>
            typeof arg === 'string' ? redact(arg) : arg,
          ) as Parameters<typeof method>;
          method.apply(this, redacted);
        },
      },
      serializers: {
        error: (value: unknown) => {
          if (!(value instanceof Error)) return redact(value);
          const code = (value as { code?: unknown }).code;
          return {
            type: value.name,
            message: redact(value.message),
            ...(typeof code === 'string' ? { code } : {}),
          };
        },
      },
    },
    options.destination,
  );
}
