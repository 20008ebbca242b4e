/**
 * One place that turns failures into the server's error body `{"error":{"code","message"}}` with the right status.
 */
import type { ErrorRequestHandler, Response } from 'express';
import {
  ERROR_CODES,
  EnterpriseHubError,
  toEnterpriseHubError,
  type ErrorCode,
} from '@enterprisehub/core';

/** Sends `{"error":{"code","message"}}` with the status the code table assigns (or `status` when given). */
export function sendError(
  response: Response,
  options: { code: ErrorCode; message: string; status?: number },
): void {
  const known = (ERROR_CODES as Record<string, { httpStatus: number } | undefined>)[options.code];
  const status = options.status ?? known?.httpStatus ?? 500;
  response.status(status).json({ error: { code: options.code, message: options.message } });
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' &&
  error !== null &&
  'type' in error &&
  typeof (error as BodyParserError).status === 'number';

/**
 * Final Express error handler: body-parser failures become 4xx, `EnterpriseHubError`s use the code table, anything
 * else is a 500 whose message never leaks internals.
 */
export function errorHandler(log: (error: unknown, status: number) => void): ErrorRequestHandler {
  // Express recognises an error handler by its arity (exactly four parameters): a rest parameter would make it
  // length 1 and every error would fall through to Express's default HTML page.
  // eslint-disable-next-line max-params
  return (error: unknown, _request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    if (isBodyParserError(error)) {
      const status = error.status ?? 400;
      const code = error.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED';
      const message =
        error.type === 'entity.too.large'
          ? 'The request body is too large.'
          : error.type === 'entity.parse.failed'
            ? 'The request body is not valid JSON.'
            : 'The request body could not be read.';
      sendError(response, { code, message, status: status >= 400 && status < 500 ? status : 400 });
      return;
    }
    const failure = EnterpriseHubError.isInstance(error) ? error : toEnterpriseHubError(error);
    const status =
      (ERROR_CODES as Record<string, { httpStatus: number } | undefined>)[failure.code]
        ?.httpStatus ?? 500;
    log(error, status);
    const message = status >= 500 ? 'The server could not complete the request.' : failure.message;
    sendError(response, { code: failure.code, message, status });
  };
}
