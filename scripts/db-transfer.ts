// npm run db:export -- <file>: every row of replscope's database (the backend REPLSCOPE_DATABASE_URL names) as JSON;
// npm run db:import -- <file>: loads such a file into an empty database (migrated first). Moving an SQLite install to
// MySQL: export with the old settings, import with REPLSCOPE_DATABASE_URL=mysql://…, and keep the same secret key
// (REPLSCOPE_SECRET_KEY, or the hex/base64 contents of <data dir>/secret.key): sealed passwords are copied as they are.
import fs from "node:fs";
import { closeDb, db } from "../lib/data/db";
import { prepareDatabase } from "../lib/data/startup";
import { parseModels } from "./prisma-model";

const [mode, file] = [process.argv[2], process.argv[3]];
if (!file || (mode !== "export" && mode !== "import")) throw new Error("usage: npm run db:export -- <file> | npm run db:import -- <file>");

// Parents before children (foreign keys); the lease, fence and instance rows belong to the running instances, and
// run requests, sign-in slots and crawl finds are short-lived state of running instances: not moved.
const TRANSIENT = ["Lease", "LeaseFence", "Instance", "RunRequest", "SignInSlot", "CrawlFind"];
const models = parseModels(fs.readFileSync("prisma/schema.prisma", "utf8")).filter((m) => !TRANSIENT.includes(m.name));
const order = ["User", "Server", "BootstrapRun", "AlertChannel"];
const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
models.sort((a, b) => rank(a.name) - rank(b.name));

type Delegate = { findMany(a?: object): Promise<Record<string, unknown>[]>; createMany(a: { data: object[] }): Promise<{ count: number }>; count(): Promise<number> };
const delegate = (name: string) => (db() as unknown as Record<string, Delegate>)[name[0].toLowerCase() + name.slice(1)];

async function exportAll() {
  const out: Record<string, unknown[]> = {};
  for (const m of models) out[m.name] = await delegate(m.name).findMany();
  fs.writeFileSync(file, JSON.stringify({ replscopeExport: 1, at: new Date().toISOString(), tables: out }), { mode: 0o600 });
  console.log(`exported ${Object.entries(out).map(([k, v]) => `${k} ${v.length}`).join(", ")} to ${file} (it holds sealed secrets and password hashes: keep it private)`);
}

async function importAll() {
  await prepareDatabase();
  const dump = JSON.parse(fs.readFileSync(file, "utf8")) as { replscopeExport: number; tables: Record<string, Record<string, unknown>[]> };
  if (dump.replscopeExport !== 1) throw new Error(`${file} is not a replscope export`);
  for (const m of models) if ((await delegate(m.name).count()) > 0) throw new Error(`the target database is not empty (${m.name} has rows): import into a fresh database`);
  for (const m of models) {
    const dates = m.fields.filter((f) => f.type === "DateTime").map((f) => f.name);
    const rows = (dump.tables[m.name] ?? []).map((r) => ({ ...r, ...Object.fromEntries(dates.filter((d) => r[d] != null).map((d) => [d, new Date(r[d] as string)])) }));
    for (let i = 0; i < rows.length; i += 500) await delegate(m.name).createMany({ data: rows.slice(i, i + 500) });
    if (rows.length) console.log(`imported ${m.name}: ${rows.length}`);
  }
}

(mode === "export" ? exportAll() : importAll())
  .then(() => closeDb())
  .catch((e: Error) => {
    console.error(`replscope: ${mode} failed: ${e.message}`);
    process.exit(1);
  });
