// Prisma CLI config: JS engine + better-sqlite3 adapter, so nothing is downloaded (works offline).
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const dataDir = process.env.REPLSCOPE_DATA_DIR ?? "./data";
const file = process.env.SQLITE_FILE ?? path.join(dataDir, "replscope.db");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    return new PrismaBetterSQLite3({ url: `file:${file}` });
  },
});
