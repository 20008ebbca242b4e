import { z } from 'zod';
import { pickByIndex } from './appointment-slots';
import type { BotTurnContext } from './bot-engine';

/** Zod schema of the listings offered to a buyer, kept in the `offeredListings` attribute (JSON). */
export const offeredListingsSchema = z.array(
  z.object({ id: z.string(), address: z.string(), area: z.string() }),
);
/** A listing offered to a buyer: id, address and area. */
export type OfferedListing = z.infer<typeof offeredListingsSchema>[number];

const ACCEPT =
  /\b(yes|yeah|yep|yup|sure|ok|okay|love to|would like|interested|let'?s (see|go|do)|show me|tour|see (it|that|them))\b/;
const DECLINE = /\b(no|nope|nah|not really|none|not interested|pass)\b/;

/** The listings offered on an earlier turn, if any. */
export function offeredListings(context: BotTurnContext): OfferedListing[] {
  const raw = context.state.attributes['offeredListings'];
  if (typeof raw !== 'string') return [];
  try {
    const parsed = offeredListingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Which offered listing a reply names: by number, street number or name, or area; `accept`/`declined` otherwise. */
export function chooseListing(
  text: string,
  offered: readonly OfferedListing[],
): number | 'accept' | 'declined' | undefined {
  const lower = text.toLowerCase().replace(/[’']/g, "'");
  const byIndex = pickByIndex(lower, offered.length);
  if (byIndex !== undefined) return byIndex;
  const byAddress = offered.findIndex((listing) => {
    const [number, ...street] = listing.address.toLowerCase().split(/\s+/);
    const name = street.filter(
      (word) => word.length > 3 && !/^(st|rd|dr|ave|blvd|trl|pkwy|ln)$/.test(word),
    )[0];
    return (
      (number !== undefined && new RegExp(`\\b${number}\\b`).test(lower)) ||
      (name !== undefined && lower.includes(name))
    );
  });
  if (byAddress >= 0) return byAddress;
  const byArea = offered.filter((listing) => lower.includes(listing.area.toLowerCase()));
  if (byArea.length === 1 && byArea[0]) return offered.indexOf(byArea[0]);
  if (DECLINE.test(lower)) return 'declined';
  if (ACCEPT.test(lower)) return 'accept';
  return undefined;
}
