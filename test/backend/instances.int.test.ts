// Several replscope instances on one MariaDB backend (real processes on a real sandbox): migrations applied once by
// concurrent starts, exactly one leader, shared registry, fail-over after kill -9, a paused-then-resumed old leader
// writes nothing, and a restarted backend is reconnected to without restarting the instances.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations } from "@/lib/data/migrate";
import { type Sandbox, startSandbox } from "@/sandbox";
import { call as callAs, type Instance, spawnInstance as spawnOn, waitFor } from "./harness";

const POLL_MS = 1000;
let backend: Sandbox;
let url: string;
const instances: Instance[] = [];

const spawnInstance = (id: string) => {
  const i = spawnOn(id, url);
  instances.push(i);
  return i;
};
const call = (i: Instance, route: string, method = "GET") => callAs<Record<string, unknown> & unknown[] & { checkedAt?: string | null }>(i, route, method, 3000);

const leaderOf = async (pair: Instance[]) => {
  const checks = await Promise.all(pair.map((i) => call(i, "/leader-check").catch(() => null)));
  const leaders = pair.filter((_, n) => checks[n]?.status === 200);
  return leaders.length === 1 ? { leader: leaders[0], checks } : null;
};

/** What the leader's background work has written so far: lag samples and the newest stored poll (upserted every sweep). */
const written = async () => {
  const [row] = await backend.query<{ samples: number; newest: number | null }[]>(`SELECT (SELECT COUNT(*) FROM replscope.LagSample) AS samples, (SELECT MAX(checkedAt) FROM replscope.ServerState) AS newest`);
  return { samples: Number(row.samples), newest: row.newest === null ? null : Number(row.newest) };
};
const checkedAt = async (i: Instance) => (await call(i, "/status")).body.checkedAt as string | null;

let a: Instance;
let b: Instance;

beforeAll(async () => {
  backend = await startSandbox({ name: "replscope-backend", logBin: false });
  await backend.query("CREATE DATABASE replscope");
  url = `mysql://root@127.0.0.1:${backend.port}/replscope`;
  // Both start at the same moment on the empty database: the migration lock makes one apply them.
  [a, b] = [spawnInstance("inst-a"), spawnInstance("inst-b")];
  await Promise.all([a, b].map((i) => waitFor(`${i.id} to answer`, () => call(i, "/leader-check"), 60_000)));
}, 120_000);

afterAll(async () => {
  for (const i of instances) {
    i.child.kill("SIGCONT");
    i.child.kill("SIGKILL");
  }
  await backend?.destroy();
});

describe("instances on a MariaDB backend", () => {
  it("concurrent starts apply each migration once, on an empty database", async () => {
    const rows = await backend.query<{ migration_name: string; n: number }[]>(
      "SELECT migration_name, COUNT(*) AS n FROM replscope._prisma_migrations WHERE finished_at IS NOT NULL GROUP BY migration_name",
    );
    const committed = listMigrations(path.resolve("prisma/mysql/migrations")).map((m) => m.name);
    expect(rows.map((r) => r.migration_name).sort()).toEqual(committed);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    const tables = (await backend.query<{ t: string }[]>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'replscope'")).map((r) => r.t);
    expect(tables).toEqual(expect.arrayContaining(["Server", "ServerState", "LagSample", "Lease", "LeaseFence", "Instance", "Outbox", "Session"]));
  });

  it("exactly one instance leads; the other's probe names it; both are in the instance registry", async () => {
    const { leader, checks } = await waitFor("one leader", () => leaderOf([a, b]), 20_000);
    const other = leader === a ? b : a;
    expect(checks[[a, b].indexOf(leader)]!.body).toEqual({ leader: true, instance: leader.id, epoch: expect.any(Number) });
    expect(checks[[a, b].indexOf(other)]!.body).toEqual({ leader: false, leaderInstance: leader.id });
    const listed = (await call(other, "/instances")).body as { id: string; leader: boolean }[];
    expect(listed.map((i) => [i.id, i.leader]).sort()).toEqual([[a.id, a === leader], [b.id, b === leader]].sort());
  });

  it("a server registered on one instance is listed and polled on the other", async () => {
    const { leader } = (await leaderOf([a, b]))!;
    const follower = leader === a ? b : a;
    expect((await call(follower, `/servers?name=backend&port=${backend.port}`, "POST")).status).toBe(201);
    expect((await call(leader, "/servers")).body).toContain("backend");
    const first = await waitFor("a poll stored by the leader, read on the follower", () => checkedAt(follower), 15_000);
    await waitFor("the next poll", async () => (await checkedAt(follower))! > first, 10_000);
  });

  it("a leader paused past its lease is replaced; resumed, it writes nothing and steps down", async () => {
    const { leader: old } = (await leaderOf([a, b]))!;
    const next = old === a ? b : a;
    old.child.kill("SIGSTOP");
    await waitFor("the other instance to take the lease", async () => (await call(next, "/leader-check")).status === 200, 15_000);
    // Freeze the new leader too: from here on, any background write can only come from the resumed old leader.
    next.child.kill("SIGSTOP");
    const before = await written();
    old.child.kill("SIGCONT");
    await waitFor("the old leader to notice it lost the lease", async () => old.log.join("").includes(`instance ${old.id} stops leading`), 5_000);
    await new Promise((r) => setTimeout(r, 3 * POLL_MS));
    expect(await written()).toEqual(before);
    expect((await call(old, "/leader-check")).body).toEqual({ leader: false, leaderInstance: next.id });
    next.child.kill("SIGCONT");
    await waitFor("the new leader to write again", async () => ((await written()).newest ?? 0) > (before.newest ?? 0), 10_000);
  });

  it("kill -9 of the leader: the other instance leads within 15 s and /status keeps advancing", async () => {
    const { leader: dead } = (await leaderOf([a, b]))!;
    const survivor = dead === a ? b : a;
    dead.child.kill("SIGKILL");
    await waitFor("the survivor to lead", async () => (await call(survivor, "/leader-check")).status === 200, 15_000);
    const at = await checkedAt(survivor);
    await waitFor("/status to advance under the new leader", async () => (await checkedAt(survivor))! > at!, 10_000);
    const restarted = spawnInstance(`${dead.id}-2`);
    await waitFor("the restarted instance to answer", () => call(restarted, "/leader-check"), 60_000);
    [a, b] = [survivor, restarted];
  });

  it("the backend restarted: both instances reconnect without being restarted", async () => {
    await backend.stop();
    await new Promise((r) => setTimeout(r, 2000));
    await backend.start();
    await waitFor("one leader after the backend came back", () => leaderOf([a, b]), 30_000);
    const { leader } = (await leaderOf([a, b]))!;
    const follower = leader === a ? b : a;
    await waitFor("a registration through the follower", async () => (await call(follower, `/servers?name=after-restart&port=${backend.port + 1}`, "POST")).status === 201, 15_000);
    expect((await call(leader, "/servers")).body).toContain("after-restart");
    const at = await checkedAt(follower);
    await waitFor("polls to be stored again", async () => (await checkedAt(follower))! > at!, 15_000);
  });
});
