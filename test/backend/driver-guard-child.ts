// Child process for driver-guard.int.test.ts: opens a pool the way replscope's db() does (guard, then mysqlPoolConfig) whose first
// statement fails, so mariadb 3.4 leaves an unhandled rejection behind; then, if asked, one ordinary unhandled rejection.
import mariadb from "mariadb";
import { guardDriverRejections, mysqlPoolConfig } from "@/lib/data/mysql-backend";

async function main() {
  const [url, then] = process.argv.slice(2);
  guardDriverRejections();
  const pool = mariadb.createPool({ ...mysqlPoolConfig(url), initSql: ["SELECT no_such_column"], connectionLimit: 1, acquireTimeout: 3000 });
  await pool.getConnection().then((c) => c.release(), (e: Error) => console.log(`refused: ${e.message.split("\n")[0]}`));
  await new Promise((r) => setTimeout(r, 500));
  await pool.end().catch(() => undefined);
  if (then === "ordinary") void Promise.reject(new Error("an ordinary unhandled rejection"));
  await new Promise((r) => setTimeout(r, 200));
  console.log("still running");
}

void main();
