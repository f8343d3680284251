// The terminology retry: once, only on a syntax error.
import { describe, expect, it } from "vitest";
import { parseServerVersion } from "@/lib/domain/dialect";
import { type Queryable, queryDialect } from "./query";

/** A server that answers from a table of statements; anything else fails with the given error. */
const server = (answers: Record<string, unknown[]>, error: object) => {
  const sent: string[] = [];
  const c: Queryable = { query: async <T>(sql: string) => (sent.push(sql), sql in answers ? (answers[sql] as T) : Promise.reject(Object.assign(new Error("refused"), error))) };
  return { c, sent };
};

describe("queryDialect", () => {
  const v = parseServerVersion("8.0.21")!;
  it("retries once in the other terminology after ER_PARSE_ERROR", async () => {
    const { c, sent } = server({ "SHOW REPLICA STATUS": [{ x: 1 }] }, { errno: 1064 });
    expect(await queryDialect(c, v, (d) => d.replicaStatus)).toEqual([{ x: 1 }]);
    expect(sent).toEqual(["SHOW SLAVE STATUS", "SHOW REPLICA STATUS"]);
  });
  it("does not retry other errors, and gives up after the second syntax error", async () => {
    const denied = server({}, { errno: 1227 });
    await expect(queryDialect(denied.c, v, (d) => d.replicaStatus)).rejects.toMatchObject({ errno: 1227 });
    expect(denied.sent).toEqual(["SHOW SLAVE STATUS"]);
    const neither = server({}, { errno: 1064 });
    await expect(queryDialect(neither.c, v, (d) => d.sourceStatus)).rejects.toMatchObject({ errno: 1064 });
    expect(neither.sent).toEqual(["SHOW MASTER STATUS", "SHOW BINARY LOG STATUS"]);
  });
});
