// The Prisma client for replscope's own database; migrations are applied before first use.
import "server-only";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/config/env";
import { applyMigrations } from "./migrate";

const globalForDb = globalThis as unknown as { replscopeDb?: PrismaClient };

function createClient(): PrismaClient {
  const { sqliteFile } = env();
  applyMigrations(sqliteFile, path.join(process.cwd(), "prisma", "migrations"));
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${sqliteFile}` }) });
}

/** One client per process (kept across hot reloads in dev). */
export function db(): PrismaClient {
  globalForDb.replscopeDb ??= createClient();
  return globalForDb.replscopeDb;
}
