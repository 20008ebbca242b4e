/** One query result as PGlite returns it (the subset the driver reads). */
export interface PgliteResultLike<Row> {
  /** Result rows as objects keyed by column name. */
  rows: Row[];
  /** Rows changed by INSERT / UPDATE / DELETE (cumulative in PGlite; per statement for `query`). */
  affectedRows?: number;
  /** Rows reported by the command tag. */
  rowCount?: number;
  /** Command tag of the statement, e.g. `INSERT`. */
  command?: string;
}

/**
 * The minimal structural view of a PGlite instance that {@link PgliteDialect} needs, so tests
 * can inject a PGlite created elsewhere (or a fake) without this package importing PGlite's types.
 */
export interface PgliteClientLike {
  /** Runs one parameterised statement (extended protocol). */
  query<Row>(sql: string, params?: unknown[]): Promise<PgliteResultLike<Row>>;
  /** Closes the database; called by the driver only when it created the instance. */
  close(): Promise<void>;
  /** Whether `close()` was already called. */
  readonly closed?: boolean;
}
