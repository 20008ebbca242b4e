import { z } from 'zod';
import { botNameSchema } from './bot-name';
import { complianceSettingsSchema } from './tenant-compliance';
import { marketSchema } from './tenant-market';

/** True when `value` is an IANA time zone this runtime knows (e.g. `America/Chicago`). */
export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Zod schema for an IANA time zone name. */
export const timeZoneSchema = z.string().refine(isValidTimeZone, 'unknown IANA time zone');

/** Zod schema for a tenant's LLM settings and spend limits. */
export const llmBudgetSchema = z.object({
  /** Use the model at all; `false` = rules engine only. */
  enabled: z.boolean().default(false),
  /** Preferred model id; adapter default when omitted. */
  model: z.string().optional(),
  /** Cheaper model to degrade to when the hourly limit is reached. */
  fallbackModel: z.string().optional(),
  /** Spend per hour after which calls degrade, USD. */
  hourlyLimitUsd: z.number().positive().default(50),
  /** Spend per hour after which model calls stop (rules engine only), USD. */
  emergencyStopUsd: z.number().positive().default(100),
  /** Spend per calendar month after which model calls stop, USD; unlimited when omitted. */
  monthlyLimitUsd: z.number().positive().optional(),
  /** Output token cap per call. */
  maxTokensPerTurn: z.number().int().positive().default(1024),
});

/** LLM settings and spend limits of a tenant. */
export type LlmBudget = z.infer<typeof llmBudgetSchema>;

/** Zod schema for how logical names map to a tenant's GHL ids. */
export const ghlMappingSchema = z.object({
  /** Logical custom-field name (e.g. `lead_score`) → GHL custom field id. */
  customFields: z.record(z.string(), z.string().min(1)).default({}),
  /** The pipeline leads move through. */
  pipeline: z
    .object({
      /** GHL pipeline id. */
      id: z.string().min(1),
      /** Logical stage name (e.g. `qualified`) → GHL pipeline stage id. */
      stages: z.record(z.string(), z.string().min(1)).default({}),
    })
    .optional(),
  /** Logical workflow name (e.g. `nurture`) → GHL workflow id. */
  workflows: z.record(z.string(), z.string().min(1)).default({}),
  /** Calendar used for showings and appointments. */
  calendarId: z.string().optional(),
  /** GHL user id new opportunities and appointments are assigned to. */
  assignedUserId: z.string().optional(),
});

/** Mapping from logical names (fields, stages, workflows) to a tenant's GHL ids. */
export type GhlMapping = z.infer<typeof ghlMappingSchema>;

/** Zod schema for an agent persona the bots speak as. */
export const agentProfileSchema = z.object({
  /** Agent's display name, e.g. `Jorge`. */
  name: z.string().min(1),
  /** Voice: tone and style notes the reply writer follows. */
  voice: z
    .object({
      /** Overall tone of replies. */
      tone: z.enum(['friendly', 'professional', 'casual', 'concise']).default('friendly'),
      /** Free-text style guidance, e.g. `short texts, no emojis`. */
      styleNotes: z.string().optional(),
      /** Sign-off appended to emails. */
      signature: z.string().optional(),
    })
    .default({ tone: 'friendly' }),
});

/** The agent persona bots speak as. */
export type AgentProfile = z.infer<typeof agentProfileSchema>;

/** Zod schema for a tenant (one GHL location / agency); parse tenant files with it. */
export const tenantSchema = z.object({
  /** Our tenant id (stable slug). */
  id: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_-]*$/, 'letters, digits, _ and - only'),
  /** GHL location id; inbound webhooks are routed by it. */
  ghlLocationId: z.string().min(1),
  /** Agency name. */
  agencyName: z.string().min(1),
  /** Agent persona. */
  agent: agentProfileSchema,
  /** IANA time zone of the agency. */
  timeZone: timeZoneSchema,
  /** Disabled tenants get no bot work. */
  enabled: z.boolean().default(true),
  /** Maintenance mode: webhooks accepted, no bot work. */
  maintenance: z.boolean().default(false),
  /** Bots that may run for this tenant. */
  enabledBots: z.array(botNameSchema).min(1).default(['lead', 'buyer', 'seller']),
  /** Market served. */
  market: marketSchema,
  /** Compliance settings. */
  compliance: complianceSettingsSchema.default(complianceSettingsSchema.parse({})),
  /** LLM settings and budget. */
  llm: llmBudgetSchema.default(llmBudgetSchema.parse({})),
  /** GHL id mapping. */
  ghl: ghlMappingSchema.default(ghlMappingSchema.parse({})),
});

/** A tenant: one agency on one GHL location, with market, voice, compliance, LLM budget and GHL mapping. */
export type Tenant = z.infer<typeof tenantSchema>;

/** What a tenant file may contain for one tenant (defaults not yet applied). */
export type TenantInput = z.input<typeof tenantSchema>;
