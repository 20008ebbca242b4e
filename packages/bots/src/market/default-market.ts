import { DEMO_TENANT, type Market } from '@enterprisehub/core';

/** The market used when a decoder or extractor is created without one: core's demo Austin market. */
export function defaultMarket(): Market {
  return DEMO_TENANT.market;
}

/** The demo tenant's time zone (`America/Chicago`), for wiring the extractor to the demo tenant. */
export function defaultTimeZone(): string {
  return DEMO_TENANT.timeZone;
}
