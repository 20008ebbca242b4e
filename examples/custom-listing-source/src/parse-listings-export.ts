/**
 * Parses an MLS / CRM listings export (CSV or JSON) into validated core `Listing` records. The column
 * names are those of the sample export in `data/listings.csv`; change `toListing` for yours.
 */
import { EnterpriseHubError, listingSchema, type Listing } from '@enterprisehub/core';

/** Formats the loader understands. */
export type ListingsExportFormat = 'csv' | 'json';

/** Splits CSV text into rows of fields (RFC 4180: quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      if (row.some((value) => value !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  row.push(field);
  if (row.some((value) => value !== '')) rows.push(row);
  return rows;
}

const day = (value: string | undefined): number | undefined =>
  value === undefined || value === '' ? undefined : Date.parse(`${value}T00:00:00Z`);
const number = (value: string | undefined): number | undefined =>
  value === undefined || value === '' ? undefined : Number(value.replace(/[$,\s]/g, ''));

/** Maps one export record (column → text) to a listing candidate (validated by the caller). */
function toListing(record: Record<string, string>): Record<string, unknown> {
  const optional = (key: string, value: unknown) =>
    value === undefined || value === '' ? {} : { [key]: value };
  return {
    id: record['mls_id'],
    address: record['address'],
    area: record['area'],
    ...optional('city', record['city']),
    ...optional('postalCode', record['zip']),
    status: record['status']?.toLowerCase(),
    priceUsd: number(record['list_price']),
    bedrooms: number(record['beds']),
    bathrooms: number(record['baths']),
    ...optional('squareFeet', number(record['sqft'])),
    propertyType: record['type'],
    features: (record['features'] ?? '')
      .split(';')
      .map((feature) => feature.trim().toLowerCase())
      .filter((feature) => feature !== ''),
    ...optional('listedAt', day(record['listed_on'])),
    ...optional('soldAt', day(record['sold_on'])),
    ...optional('soldPriceUsd', number(record['sold_price'])),
    ...optional('url', record['url']),
  };
}

/**
 * Parses and validates an export. Throws `VALIDATION_FAILED` naming the row and fields that are wrong
 * (never their values), so a bad export is rejected whole instead of feeding the bots half a market.
 */
export function parseListingsExport(text: string, format: ListingsExportFormat): Listing[] {
  if (format === 'json') {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) {
      throw new EnterpriseHubError({
        code: 'VALIDATION_FAILED',
        message: 'A JSON listings export must be an array.',
      });
    }
    return parsed.map((item, index) => validate(item, index + 1));
  }
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) return [];
  const records = rows.map((row) =>
    Object.fromEntries(header.map((column, index) => [column.trim(), row[index]?.trim() ?? ''])),
  );
  return records.map((record, index) => validate(toListing(record), index + 2));
}

function validate(candidate: unknown, line: number): Listing {
  const result = listingSchema.safeParse(candidate);
  if (result.success) return result.data;
  const fields = [
    ...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(record)')),
  ];
  throw new EnterpriseHubError({
    code: 'VALIDATION_FAILED',
    message: `Listings export record ${line} is invalid: ${fields.join(', ')}.`,
    details: { record: line, fields: fields.join(',') },
  });
}
