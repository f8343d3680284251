// Per test file, with REPLSCOPE_TEST_BACKEND=mariadb: a fresh database on the backend sandbox, migrated, becomes
// REPLSCOPE_DATABASE_URL (test files import the app's modules after this runs, so env() reads it).
import { randomBytes } from "node:crypto";
import mariadb from "mariadb";
import { inject } from "vitest";

if (process.env.REPLSCOPE_TEST_BACKEND === "mariadb") {
  const base = inject("replscopeBackendBase");
  const name = `replscope_t${randomBytes(5).toString("hex")}`;
  const u = new URL(base.replace(/^mysql:/, "http:"));
  const conn = await mariadb.createConnection({ host: u.hostname, port: Number(u.port), user: "root" });
  await conn.query(`CREATE DATABASE ${name}`);
  await conn.end();
  process.env.REPLSCOPE_DATABASE_URL = `${base}/${name}`;
  const { applyMysqlMigrations } = await import("@/lib/data/mysql-backend");
  await applyMysqlMigrations(process.env.REPLSCOPE_DATABASE_URL);
}
