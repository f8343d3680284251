// What a reader needs from a connection, and the one retry with the other terminology on a syntax error.
import "server-only";
import { type Dialect, dialectFor, fallbackDialect, isSyntaxError, type ServerVersion } from "@/lib/domain/dialect";

/** Rows as the server returned them (column names are read only by the domain's normalisers). */
export type Rows = Record<string, unknown>[];

/** Anything that runs one statement and resolves with its rows: a TimedConnection, or a wizard step's logged reader. */
export interface Queryable {
  query<T = Rows>(sql: string): Promise<T>;
}

/** Runs `pick(dialect)`; on a syntax error (the server does not know that terminology) retries once with the other. */
export async function queryDialect(c: Queryable, v: ServerVersion, pick: (d: Dialect) => string): Promise<Rows> {
  const preferred = dialectFor(v);
  try {
    return await c.query<Rows>(pick(preferred));
  } catch (e) {
    if (!isSyntaxError(e)) throw e;
    return c.query<Rows>(pick(fallbackDialect(v, preferred)));
  }
}
