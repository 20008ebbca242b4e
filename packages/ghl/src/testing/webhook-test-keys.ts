const ED25519_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAtSqHOu6XvKZLTINkku7Hy5fgkp4syevq8CiRCRU7EBI=
-----END PUBLIC KEY-----\n`;
const ED25519_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIFUprh2TDBB5xYlILr4KF9x+JH5zzcA6aLjr3lVYgMeO
-----END PRIVATE KEY-----\n`;
const RSA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwCgDYGB/tnB1JUjBvTzz
jhUu4rInks2wi9uWwG4F4hockMDwfP+6GXTQFftFrzJFwsbfNmyFgckhRHpj0+MW
E9RX4LYr103hSv7InC31Mi5Q09z12+EJZQVG/wg99iy0NYdpi4gm7xGBJGcEkFhx
uZmZRXefpK5VzHfyMNqDTgx3ThwWZE8bPEPDVevbo3H1PFuAXbAOnZJXGO+EB9vL
wUQDvjOiasDv3tE4W/8ZInnjpqWEOQFAeP/EbXmiLV2T0PMoHuCewr0uoqVAVPrc
r1Sfo74fgesgcIz1ILzoCUhIFwEltvi962eeezoZCHx+wpzlymW5xK9MkiMQnJqc
XwIDAQAB
-----END PUBLIC KEY-----\n`;
const RSA_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDAKANgYH+2cHUl
SMG9PPOOFS7isieSzbCL25bAbgXiGhyQwPB8/7oZdNAV+0WvMkXCxt82bIWBySFE
emPT4xYT1FfgtivXTeFK/sicLfUyLlDT3PXb4QllBUb/CD32LLQ1h2mLiCbvEYEk
ZwSQWHG5mZlFd5+krlXMd/Iw2oNODHdOHBZkTxs8Q8NV69ujcfU8W4BdsA6dklcY
74QH28vBRAO+M6JqwO/e0Thb/xkieeOmpYQ5AUB4/8RteaItXZPQ8yge4J7CvS6i
pUBU+tyvVJ+jvh+B6yBwjPUgvOgJSEgXASW2+L3rZ557OhkIfH7CnOXKZbnEr0yS
IxCcmpxfAgMBAAECggEAJxXcffWS9LaSNXfDpKzps4xegZEQWJ2LHB+Z3eFjQ/bg
uZbtM9fGcFgg3V/DcFvu8awHCihvzZLuN+IXPSmzO2xVRal4aG54dYs2ngIBHmhq
W3XV8pgnE4vLwaNZCyJTs5GsJ8wVc0phtNhZhszesQxrr0QiTlqBrDn3ovVHgQ/Q
kQv1OQod+PMylJYgOotsT0JoYBTnJXGqGdxStdHtHFwY4QRU59kE/yrNosHPRAnK
UhtHBxT0791awXTEOoV4jLityScpUszs2kt/E+2Z6H2aW71FkKX3MOjNz1TrjjdV
ngRALZSdGYbt9dO2z/WDsq4Z2YNsxublyDRgDJEo9QKBgQDv5QTjywrz2/4YpYTb
3J6xq/I9HlnB8t3iCCFwZIB9VCxRA/WxC446Px91MdVswSlnG63dNY97DghdZkMN
fR+Qcoc4FXGqQPf6mZfory+phGWToDybSueZvcXXW7Yrj5mBC5Yy5VECrQVN1N3a
3pn7wE+oJf+Zwtce8QnifyRGRQKBgQDNDoiGfeTViV2YLjRNzLBuNn5WKePxxGnI
BtvVx23NHCcplscPvVts08A6EMuVIH1tP699kGv//mP64k/oTp1NbPlT2nEp/bL3
Ts3iiueTuVxSMD1E18yiZxNN5Hf0wBFa8pvPPyRENFlu8u7pTCXxoV977a0qOiNK
narbgA/EUwKBgQCgIx0UgqGZD62a/kKmEavNpp5Ztjzsfxcmn47S3AP5pYq/ugj0
WmZi82gob0+s/XSJ46w4ElzpJADpeC4ifvfnEMy633W01RG0M3t4VBlY64xy83AB
qgrYUhoTHKGKip1Jy1ZEO1fMlXsI7aP7SsU3jLSf5l2tYqb/fJ/Alma8kQKBgQDL
t7WRD//I2WifqL+Tz1g0lnTa+1EXPw/shkvezfta+644li/7hh8PNivSRB9Nb3LM
l6msME/rinsfo7jJTVjfs/TcBrfIhOBI7ASFHYTF8TA0AvLLsyz85zR5fRJjmHFl
joOW2N8Z13xGSplqM5m6vZyUDWOtAQdQuOUmnsqLOwKBgCROZWlGdrYg6IRQSMZc
qNhUclqmLSNPbsSrsLH5dAMfdAmry/CQ44Nu9wK2S2LUdJAkbDNBVW6c7Hp9axLI
cWId+pqNLO6hUpWNOtQgd0TW2dvnJo5VGtvE30PxxWcLqsHIGwYIDluTC2mNrkvO
/HQ/2wZslbYmigmWGOPkTZD/
-----END PRIVATE KEY-----\n`;

/**
 * Test-only webhook signing keys: an Ed25519 pair (for `x-ghl-signature`) and a 2048-bit RSA pair (for the
 * legacy `x-wh-signature`), generated once and committed. They are public: never trust them in production.
 *
 * @example
 * ```ts
 * const { rawBody, headers } = signWebhookPayload(buildWebhookEvent('InboundMessage'));
 * await verifyWebhookSignature(rawBody, headers, { publicKeys: webhookTestKeys.publicKeys }); // verified
 * ```
 */
export const webhookTestKeys = {
  /** Ed25519 pair (SPKI / PKCS#8 PEM), standing in for GHL's `x-ghl-signature` key. */
  ed25519: { publicKey: ED25519_PUBLIC_KEY, privateKey: ED25519_PRIVATE_KEY },
  /** RSA pair (SPKI / PKCS#8 PEM), standing in for GHL's legacy `x-wh-signature` key. */
  rsa: { publicKey: RSA_PUBLIC_KEY, privateKey: RSA_PRIVATE_KEY },
  /** The public halves, in the shape `verifyWebhookSignature` takes as `options.publicKeys`. */
  publicKeys: { ed25519: ED25519_PUBLIC_KEY, rsa: RSA_PUBLIC_KEY },
} as const;
