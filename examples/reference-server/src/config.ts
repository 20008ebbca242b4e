/**
 * The reference server's configuration: every environment variable it reads, parsed once with zod.
 *
 * The mode follows from what is set: with neither `DATABASE_URL` nor `REDIS_URL` the server runs on the embedded
 * defaults (PGlite in `DATA_DIR`, in-process cache, locks, limiter and queue, rules engine, GHL dry-run); with them it
 * runs in production mode on PostgreSQL and Redis.
 */
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROLE: z.enum(['web', 'worker', 'all']).default('all'),
  DEPLOYMENT_ID: z
    .string()
    .regex(/^[a-z0-9_-]{1,48}$/, 'lower-case letters, digits, _ and - only (at most 48)')
    .default('eh'),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
    .default('public'),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  REDIS_URL: z.string().min(1).optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(8),
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_MODEL: z.string().min(1).optional(),
  PII_ENCRYPTION_KEYS: z.string().min(1).optional(),
  ADMIN_API_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TENANTS_FILE: z.string().min(1).optional(),
  GHL_CLIENT_ID: z.string().min(1).optional(),
  GHL_CLIENT_SECRET: z.string().min(1).optional(),
  GHL_BASE_URL: z.url().optional(),
  GHL_MODE: z.enum(['live', 'dry-run']).optional(),
  GHL_PRIVATE_INTEGRATION_TOKEN: z.string().min(1).optional(),
  GHL_COMPANY_ID: z.string().min(1).optional(),
  GHL_WEBHOOK_PUBLIC_KEY: z.string().min(1).optional(),
  GHL_WEBHOOK_LEGACY_PUBLIC_KEY: z.string().min(1).optional(),
  WEBHOOK_VERIFY: booleanFlag.default(true),
  WEBHOOK_MAX_AGE_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 60_000),
  WEBHOOK_BODY_LIMIT: z.string().default('256kb'),
  CORS_ORIGINS: z.string().optional(),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(100),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(25_000),
  /** Inbox replay: accepted events not processed after this long are enqueued again. */
  INBOX_REPLAY_GRACE_MS: z.coerce.number().int().positive().default(60_000),
  /** Inbox replay: time between sweeps. */
  INBOX_REPLAY_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
});

/** Raw environment, as `process.env`. */
export type Environment = Record<string, string | undefined>;

/** The server's parsed configuration. */
export type Config = z.infer<typeof envSchema> & {
  /** `embedded` when no database or Redis URL is set, else `production`. */
  mode: 'embedded' | 'production';
  /** `live` sends CRM actions to GHL; `dry-run` records them only. Default: live in production, dry-run embedded. */
  ghlMode: 'live' | 'dry-run';
  /** Origins allowed by CORS; empty means CORS is off. */
  corsOrigins: string[];
  /** The untouched environment, for packages that parse their own variables (alerting channels). */
  env: Environment;
};

/** Thrown when the environment is invalid; its message names every bad or missing variable (never a value). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses and validates the environment.
 *
 * @throws {@link ConfigError} naming the variables that are invalid, or required in production and missing.
 */
export function loadConfig(env: Environment = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  const mode = values.DATABASE_URL || values.REDIS_URL ? 'production' : 'embedded';
  if (values.NODE_ENV === 'production') {
    const missing = (['PII_ENCRYPTION_KEYS', 'ADMIN_API_KEY'] as const).filter(
      (name) => !values[name],
    );
    if (missing.length > 0) {
      throw new ConfigError(`NODE_ENV=production requires ${missing.join(' and ')} to be set`);
    }
    if (!values.WEBHOOK_VERIFY) {
      throw new ConfigError('WEBHOOK_VERIFY=false is refused when NODE_ENV=production');
    }
  }
  if (mode === 'production' && (!values.DATABASE_URL || !values.REDIS_URL)) {
    throw new ConfigError(
      'production mode needs both DATABASE_URL and REDIS_URL (set neither for the embedded mode)',
    );
  }
  const corsOrigins = (values.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const ghlMode = values.GHL_MODE ?? (mode === 'production' ? 'live' : 'dry-run');
  if (Boolean(values.GHL_CLIENT_ID) !== Boolean(values.GHL_CLIENT_SECRET)) {
    throw new ConfigError(
      'GHL_CLIENT_ID and GHL_CLIENT_SECRET must be set together (GHL OAuth app)',
    );
  }
  return { ...values, mode, ghlMode, corsOrigins, env };
}
