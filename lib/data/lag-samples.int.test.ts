// Lag samples in time buckets (SQLite, or MariaDB with REPLSCOPE_TEST_BACKEND=mariadb): a sample belongs to the bucket it
// falls in, never the next one (MySQL's CAST … AS INTEGER rounds: on that backend a sample late in a minute landed in
// the next minute, and the current minute's were dropped — an overview sparkline said "no lag history").
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-lag-data-"));
const { lagSparklines, thinSamples } = await import("./status");
const { db } = await import("./db");

const FROM = 6000;
const sample = (serverId: string, at: number, lagSeconds: number | null) => ({ serverId, channel: "", at, lagSeconds, source: "seconds_behind" });

it("a sparkline puts each sample in the minute it falls in, the latest minute included", async () => {
  await db().lagSample.createMany({
    data: [sample("s1", FROM + 10, 1), sample("s1", FROM + 50, 5), sample("s1", FROM + 100, 2), sample("s1", FROM + 170.5, 7), sample("s2", FROM + 59.9, null), sample("s2", FROM + 179.9, 3)],
  });
  const series = await lagSparklines(FROM, 60, 3);
  expect(series.get("s1")).toEqual([5, 2, 7]);
  expect(series.get("s2")).toEqual([null, null, 3]);
  expect(await lagSparklines(FROM, 60, 3, ["s2"])).toEqual(new Map([["s2", [null, null, 3]]]));
});

it("thinning keeps the worst sample of each bucket, bucketed the same way", async () => {
  const at = (m: number, s: number) => 60_000 + m * 60 + s;
  await db().lagSample.createMany({ data: [sample("t1", at(0, 5), 9), sample("t1", at(0, 40), 4), sample("t1", at(1, 35), 8), sample("t1", at(1, 50), 6)] });
  await thinSamples(at(10, 0), 10 * 86_400, [{ olderThan: 60, bucket: 60 }]);
  const kept = await db().lagSample.findMany({ where: { serverId: "t1" }, orderBy: { at: "asc" } });
  expect(kept.map((k) => [k.at, k.lagSeconds])).toEqual([[at(0, 5), 9], [at(1, 35), 8]]);
});
