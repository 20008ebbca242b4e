/**
 * The admin API `/api/v1` (placeholder until the admin API lands: every route answers 401 without a key).
 */
import { Router } from 'express';
import type { Runtime } from '../../runtime';
import { sendError } from '../http-error';

/** Routes of the admin API. */
export function adminRoutes(_runtime: Runtime): Router {
  const router = Router();
  router.use((_request, response) => {
    sendError(response, {
      code: 'AUTH_MISSING',
      message: 'The admin API needs an Authorization bearer key.',
      status: 401,
    });
  });
  return router;
}
