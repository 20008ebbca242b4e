import { z } from 'zod';

/** The three qualification bots, as a zod enum. */
export const botNameSchema = z.enum(['lead', 'buyer', 'seller']);

/** Name of one of the three qualification bots: `lead` (first contact), `buyer` or `seller`. */
export type BotName = z.infer<typeof botNameSchema>;

/** Every bot name, in the order a new contact meets them. */
export const BOT_NAMES: readonly BotName[] = botNameSchema.options;
