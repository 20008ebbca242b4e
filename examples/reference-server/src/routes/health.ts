/**
 * Health endpoints: `/health` (liveness, no dependencies), `/ready` (dependencies; 503 when not ready),
 * `/health/bots` (per-bot SLA compliance and last activity) and `/metrics` (Prometheus text).
 */
import { Router } from 'express';

/** One dependency's state in the readiness report. */
export interface DependencyStatus {
  name: string;
  ok: boolean;
  /**
   * Whether readiness depends on it (default true). Optional dependencies (LLM, GHL) only degrade the service:
   * the rules engine answers and CRM actions wait in the outbox, so they are reported without failing `/ready`.
   */
  required?: boolean;
  /** Extra figures (queue depth, circuit state, latency); never secrets. */
  detail?: Record<string, string | number | boolean>;
}

/** Readiness of the whole process. */
export interface ReadinessReport {
  ready: boolean;
  mode: 'embedded' | 'production';
  role: 'web' | 'worker' | 'all';
  maintenance: boolean;
  /** Optional dependencies that are failing (their circuit is open). */
  degraded: string[];
  dependencies: DependencyStatus[];
}

/** What the health routes read. */
export interface HealthRoutesOptions {
  readiness: () => Promise<ReadinessReport>;
  bots: () => Promise<unknown>;
  metrics: () => Promise<{ contentType: string; body: string }>;
  startedAt: number;
  version: string;
}

/** Routes for liveness, readiness, bot health and Prometheus metrics. */
export function healthRoutes(options: HealthRoutesOptions): Router {
  const router = Router();
  router.get('/health', (_request, response) => {
    response.json({
      status: 'ok',
      version: options.version,
      uptimeSeconds: Math.round((Date.now() - options.startedAt) / 1000),
    });
  });
  router.get('/ready', async (_request, response) => {
    const report = await options.readiness();
    response.status(report.ready ? 200 : 503).json(report);
  });
  router.get('/health/bots', async (_request, response) => {
    response.json(await options.bots());
  });
  router.get('/metrics', async (_request, response) => {
    const { contentType, body } = await options.metrics();
    response.setHeader('content-type', contentType);
    response.send(body);
  });
  return router;
}
