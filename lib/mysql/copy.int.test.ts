// The dump-and-load copy on real sandboxes: data and coordinates arrive, the lock is gone on success, cancel and failure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseServerVersion } from "@/lib/domain/dialect";
import { type Sandbox, startSandboxes, teardownAll } from "@/sandbox";
import type { ServerTarget } from "./connection";
import { type CopyProgress, copyData } from "./copy";

const V = parseServerVersion("10.11.6-MariaDB")!;
let S: Sandbox;
const target = (sb: Sandbox): ServerTarget => ({ host: sb.host, port: sb.port, user: "root", password: "", tlsMode: "disabled" });
const count = async (sb: Sandbox, table: string) => (await sb.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM ${table}`))[0].n;
/** A write that must not wait on a lock: fails fast instead of hanging if FTWRL were still held. */
const writeNow = (sb: Sandbox) => sb.session(async (c) => {
  await c.query("SET SESSION lock_wait_timeout = 2");
  await c.query({ sql: "INSERT INTO shop.items (name) VALUES ('after copy')", timeout: 3000 });
});

beforeAll(async () => {
  [S] = await startSandboxes(1);
  await S.query("CREATE DATABASE shop");
  await S.query("CREATE TABLE shop.items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64)) ENGINE=InnoDB");
  await S.query("CREATE TABLE shop.log (id INT AUTO_INCREMENT PRIMARY KEY, msg TEXT) ENGINE=MyISAM");
  await S.query("CREATE DATABASE `we'ird db`");
  await S.query("CREATE TABLE `we'ird db`.t (k VARCHAR(10) PRIMARY KEY, v BLOB) ENGINE=InnoDB");
  await S.query("INSERT INTO `we'ird db`.t VALUES ('a', UNHEX('00FF10')), ('b', 'ü\\'\"')");
  await S.query("INSERT INTO shop.items (name) SELECT CONCAT('item ', seq) FROM shop.seq_1_to_20000");
  await S.query("INSERT INTO shop.log (msg) SELECT REPEAT('x', 200) FROM shop.seq_1_to_5000");
});

afterAll(teardownAll);

describe("copyData", () => {
  it("copies every database under the lock, returns the coordinates, and leaves the source writable", async () => {
    const [T] = await startSandboxes(1);
    const seen: CopyProgress[] = [];
    const [status] = await S.query<{ File: string; Position: number }[]>("SHOW MASTER STATUS");
    const coords = await copyData({ source: target(S), sourceVersion: V, target: target(T), lock: true, onProgress: (p) => seen.push(p) });
    expect(coords).toEqual({ file: status.File, position: status.Position });
    expect(await count(T, "shop.items")).toBe(20000);
    expect(await count(T, "shop.log")).toBe(5000);
    expect(await T.query("SELECT k, HEX(v) AS v FROM `we'ird db`.t ORDER BY k")).toEqual([{ k: "a", v: "00FF10" }, { k: "b", v: "C3BC2722" }]);
    expect(seen.at(-1)!.bytes).toBeGreaterThan(100_000);
    expect(seen.at(-1)!.tablesTotal).toBeGreaterThanOrEqual(3);
    expect(seen.some((p) => p.currentTable === "items")).toBe(true);
    await writeNow(S);
    const [tables] = await T.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA='shop'");
    expect(tables.n).toBe(2);
  });

  it("reads consistent coordinates from a --single-transaction dump without a long lock", async () => {
    const [T] = await startSandboxes(1);
    const coords = await copyData({ source: target(S), sourceVersion: V, target: target(T), lock: false });
    const [status] = await S.query<{ File: string; Position: number }[]>("SHOW MASTER STATUS");
    expect(coords.file).toBe(status.File);
    expect(coords.position).toBeGreaterThan(0);
    expect(await count(T, "shop.items")).toBe(await count(S, "shop.items"));
  });

  it("a cancel stops the copy and releases the source lock at once", async () => {
    const [T] = await startSandboxes(1);
    const ac = new AbortController();
    const run = copyData({ source: target(S), sourceVersion: V, target: target(T), lock: true, signal: ac.signal, onProgress: () => ac.abort() });
    await expect(run).rejects.toThrow(/cancelled/);
    await writeNow(S);
  });

  it("a target killed mid-load fails the copy with a clear error and no lock remains", async () => {
    const [T] = await startSandboxes(1);
    let killed = false;
    const run = copyData({ source: target(S), sourceVersion: V, target: target(T), lock: true, onProgress: () => {
      if (killed) return;
      killed = true;
      void T.kill9();
    } });
    await expect(run).rejects.toThrow(/Copy failed .*load exit/);
    await writeNow(S);
  });
});
