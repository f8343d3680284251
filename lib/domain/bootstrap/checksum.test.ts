import { describe, expect, it } from "vitest";
import { rowHashQuery, sampleTables } from "./checksum";

const t = (name: string, engine: string, rows: number) => ({ schema: "shop", name, engine, rows, columns: ["id", "name"] });

describe("consistency sample", () => {
  it("samples InnoDB tables only, largest first plus the smallest", () => {
    const tables = [t("a", "InnoDB", 10), t("b", "MyISAM", 1e6), t("c", "InnoDB", 1e5), t("d", "InnoDB", 5), t("e", "InnoDB", 300)];
    expect(sampleTables(tables, 3).map((x) => x.name)).toEqual(["c", "e", "d"]);
  });
  it("keeps a schema or table name with a dot as one name", () => {
    expect(rowHashQuery({ schema: "a.b", name: "t.1", engine: "InnoDB", rows: 1, columns: ["c.d"] })).toMatch(/CAST\(`c\.d` AS CHAR\).* FROM `a\.b`\.`t\.1`$/);
  });
  it("builds an escaped, NULL-safe row hash", () => {
    expect(rowHashQuery({ schema: "we'ird", name: "t`x", engine: "InnoDB", rows: 1, columns: ["id", "v`al"] })).toBe(
      "SELECT COUNT(*) AS n, COALESCE(BIT_XOR(CRC32(CONCAT_WS('#', COALESCE(CAST(`id` AS CHAR), '\\0'), COALESCE(CAST(`v``al` AS CHAR), '\\0')))), 0) AS h FROM `we'ird`.`t``x`",
    );
  });
});
