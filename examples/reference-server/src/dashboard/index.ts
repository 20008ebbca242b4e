/**
 * The dashboard's static assets (placeholder until the dashboard lands).
 */
import { Router } from 'express';
import type { Runtime } from '../runtime';

/** Routes serving the dashboard. */
export function dashboardRoutes(_runtime: Runtime): Router {
  const router = Router();
  router.get('/', (_request, response) => {
    response.status(503).type('text/plain').send('The dashboard is not built yet.');
  });
  return router;
}
