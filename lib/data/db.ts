// The Prisma client for replscope's own database: SQLite (default) or MySQL/MariaDB, chosen by REPLSCOPE_DATABASE_URL.
import "server-only";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as MysqlPrismaClient } from "@/generated/prisma-mysql/client";
import { env } from "@/lib/config/env";
import { applyMigrations } from "./migrate";
import { guardDriverRejections, mysqlPoolConfig } from "./mysql-backend";
import { closeMysqlSweepWriter } from "./mysql-sweep-writer";

const globalForDb = globalThis as unknown as { replscopeDb?: PrismaClient };

function createClient(): PrismaClient {
  const { backend } = env();
  // Both clients are generated from schemas with the same models and fields (test/schema-drift.test.ts): one type.
  // A transaction waits up to 10 s for a pooled connection (Prisma's 2 s is short for a busy pool on a small box).
  if (backend.kind === "mysql") {
    guardDriverRejections();
    return new MysqlPrismaClient({ adapter: new PrismaMariaDb(mysqlPoolConfig(backend.url)), transactionOptions: { maxWait: 10_000, timeout: 30_000 } }) as unknown as PrismaClient;
  }
  applyMigrations(backend.file, path.join(process.cwd(), "prisma", "migrations"));
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${backend.file}` }) });
}

/** One client per process (kept across hot reloads in dev). On MySQL, migrations are applied at start (lib/data/startup). */
export function db(): PrismaClient {
  globalForDb.replscopeDb ??= createClient();
  return globalForDb.replscopeDb;
}

/** Closes the client (tests and scripts that end their process). */
export async function closeDb(): Promise<void> {
  await closeMysqlSweepWriter();
  await globalForDb.replscopeDb?.$disconnect();
  globalForDb.replscopeDb = undefined;
}
