/** A value of GHL's `Version` request header that API v2 operations declare. */
export type GhlApiVersion = '2021-07-28' | '2021-04-15';
