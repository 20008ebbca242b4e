import type { MessageChannel, Tenant } from '@enterprisehub/core';
import type { AgencyContactInfo } from './compliance-types';

/** Official TREC page for the Information About Brokerage Services form, used when the tenant sets no URL. */
export const TREC_IABS_DEFAULT_URL =
  'https://www.trec.texas.gov/forms/information-about-brokerage-services';

const ALREADY_DISCLOSED =
  /\b(?:ai|a\.i\.|automated|virtual|digital) (?:assistant|agent|helper|concierge)\b|\bartificial intelligence\b/i;

/**
 * A message is "substantive" for TREC purposes when it discusses a property, price, showing, offer, valuation or
 * representation — not a bare greeting or a question about intent.
 */
const SUBSTANTIVE =
  /\$\s?\d|\b\d+\s?(?:k|bed(?:room)?s?|br|bd|bath(?:room)?s?|ba|sq\.? ?ft|square feet)\b|\b(?:listings?|listed|offers?|showings?|tours?|price[ds]?|pricing|appraisal|cma|market value|home value|worth|commission|represent(?:ation)?|contracts?|closing|comps|comparables?|mls|under contract|for sale|open house)\b/i;

/** Channels where the AI disclosure and notices are separated by blank lines instead of a space. */
const LONG_FORM: readonly MessageChannel[] = ['Email'];

const separator = (channel: MessageChannel): string => (LONG_FORM.includes(channel) ? '\n\n' : ' ');

/** Whether a tenant must give the Texas IABS notice: TREC notice enabled, or a market in Texas. */
export function requiresTrecNotice(tenant: Tenant): boolean {
  return tenant.compliance.trecNotice.enabled || tenant.market.state?.toUpperCase() === 'TX';
}

/** Whether `text` discusses properties, prices, showings, offers or representation. */
export function isSubstantive(text: string): boolean {
  return SUBSTANTIVE.test(text);
}

/** Prepends the tenant's AI disclosure unless it is disabled or the text already says it is an AI assistant. */
export function withAiDisclosure(options: {
  text: string;
  tenant: Tenant;
  channel: MessageChannel;
}): string | undefined {
  const { text, tenant, channel } = options;
  const disclosure = tenant.compliance.aiDisclosure;
  if (!disclosure.enabled) return undefined;
  if (text.includes(disclosure.text) || ALREADY_DISCLOSED.test(text)) return undefined;
  return `${disclosure.text}${separator(channel)}${text}`;
}

/** Appends the Texas Information About Brokerage Services notice link. */
export function withTrecNotice(options: {
  text: string;
  tenant: Tenant;
  channel: MessageChannel;
}): string {
  const { text, tenant, channel } = options;
  const url = tenant.compliance.trecNotice.url ?? TREC_IABS_DEFAULT_URL;
  if (text.includes(url)) return text;
  return `${text}${separator(channel)}Texas law requires us to share the TREC Information About Brokerage Services notice: ${url}`;
}

/**
 * Appends the CAN-SPAM footer to a commercial e-mail: sender identity (agency, brokerage and license), the physical
 * postal address when configured, and how to unsubscribe. Skipped when the text already has an unsubscribe line.
 */
export function withCanSpamFooter(options: {
  text: string;
  tenant: Tenant;
  contactInfo?: AgencyContactInfo | undefined;
}): string {
  const { text, tenant, contactInfo } = options;
  if (/\bunsubscribe\b/i.test(text)) return text;
  const brokerage = tenant.compliance.brokerage;
  const identity = brokerage
    ? `${tenant.agencyName} · ${brokerage.name} · License ${brokerage.licenseNumber}`
    : tenant.agencyName;
  const unsubscribe = contactInfo?.unsubscribeUrl
    ? `To stop receiving these emails, unsubscribe here: ${contactInfo.unsubscribeUrl} (or reply UNSUBSCRIBE).`
    : 'To stop receiving these emails, reply UNSUBSCRIBE.';
  const lines = ['--', identity, contactInfo?.postalAddress, unsubscribe].filter(
    (line): line is string => line !== undefined && line.length > 0,
  );
  return `${text}\n\n${lines.join('\n')}`;
}
