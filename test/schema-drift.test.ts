// The two Prisma schemas (SQLite and MySQL) define the same models and fields, the committed MySQL schema is the
// one scripts/mysql-schema.ts generates, and the committed MySQL migrations create exactly that schema.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { toMysqlSchema } from "@/scripts/mysql-schema";
import { mysqlMigration, parseModels, scalarShape } from "@/scripts/prisma-model";

const sqlite = fs.readFileSync("prisma/schema.prisma", "utf8");
const mysql = fs.readFileSync("prisma/mysql/schema.prisma", "utf8");
const shape = (text: string) => Object.fromEntries(parseModels(text).map((m) => [m.name, { fields: scalarShape(m), ids: m.ids, uniques: m.uniques, indexes: m.indexes, relations: m.relations }]));

describe("schema drift between the SQLite and MySQL backends", () => {
  it("both schemas have the same models, fields (types, optionality, defaults), keys, indexes and relations", () => {
    const [a, b] = [shape(sqlite), shape(mysql)];
    expect(Object.keys(a).length).toBeGreaterThan(15);
    expect(b).toEqual(a);
  });

  it("the committed MySQL schema is the generated one (run npm run db:migration after changing prisma/schema.prisma)", () => {
    expect(mysql).toBe(toMysqlSchema(sqlite));
  });

  it("the MySQL migrations' schema snapshot is the current schema: no model change lacks its MySQL migration", () => {
    const snapshot = fs.readFileSync("prisma/mysql/migrations/schema.snapshot.prisma", "utf8");
    expect(mysqlMigration(parseModels(snapshot), parseModels(mysql))).toBe("");
  });

  it("long text stays TEXT on MySQL while keys and indexed columns are VARCHAR(191)", () => {
    const server = parseModels(mysql).find((m) => m.name === "Server")!;
    expect(server.fields.find((f) => f.name === "serverPublicKey")!.attrs).toContain("@db.Text");
    expect(server.fields.find((f) => f.name === "host")!.attrs).not.toContain("@db.Text");
    const sql = mysqlMigration(null, parseModels(mysql));
    expect(sql).toContain("`snapshot` TEXT NOT NULL");
    expect(sql).toContain("UNIQUE INDEX `Server_host_port_key`(`host`, `port`)");
    expect(sql).toContain("COLLATE utf8mb4_bin");
  });

  it("a field added to the schema becomes an ALTER TABLE on MySQL; a changed type is refused (written by hand)", () => {
    const before = parseModels(mysql);
    const added = parseModels(mysql.replace("model Instance {\n", "model Instance {\n  note String? @db.Text\n"));
    expect(mysqlMigration(before, added)).toBe("ALTER TABLE `Instance` ADD COLUMN `note` TEXT NULL;\n");
    const changed = parseModels(mysql.replace("  startedAt  Float", "  startedAt  Int"));
    expect(() => mysqlMigration(before, changed)).toThrow(/Instance.startedAt changed/);
  });
});
