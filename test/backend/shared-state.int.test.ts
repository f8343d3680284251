// State that must be the same on every instance (real instance processes on a real MariaDB backend): the sign-in
// limits (failures on one instance block sign-in on the other; racing guesses on both get 5 checks in all), and the
// hosts a discovery crawl found (crawled on one instance, registered on the other).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "@/sandbox";
import { NOT_FOUND_BY_CRAWL } from "@/lib/domain/discovery";
import { call, type Instance, spawnInstance, waitFor } from "./harness";

let backend: Sandbox;
let a: Instance;
let b: Instance;
const WRONG = "Wrong user name or password.";
const login = (i: Instance, user: string, password: string, address: string) =>
  call<{ ok: boolean; error?: string }>(i, `/login?username=${user}&password=${encodeURIComponent(password)}&address=${address}`, "POST");

beforeAll(async () => {
  backend = await startSandbox({ name: "replscope-backend", logBin: false });
  await backend.query("CREATE DATABASE replscope");
  const url = `mysql://root@127.0.0.1:${backend.port}/replscope`;
  [a, b] = [spawnInstance("shared-a", url, { REPLSCOPE_CONNECT_TIMEOUT_MS: "1500" }), spawnInstance("shared-b", url, { REPLSCOPE_CONNECT_TIMEOUT_MS: "1500" })];
  await Promise.all([a, b].map((i) => waitFor(`${i.id} to answer`, () => call(i, "/leader-check"), 60_000)));
}, 120_000);

afterAll(async () => {
  for (const i of [a, b]) i?.child.kill("SIGKILL");
  await backend?.destroy();
});

describe("state shared by the instances", () => {
  it("five failed sign-ins on one instance block the account on the other, even with the right password", async () => {
    expect((await call(a, "/users?username=target&password=the%20right%20password%201", "POST")).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await login(a, "target", `guess ${i}`, `203.0.113.${i + 1}`)).body.error).toBe(WRONG);
    const refused = await login(b, "target", "the right password 1", "203.0.113.50");
    expect(refused.body).toEqual({ ok: false, error: expect.stringMatching(/^Too many failed sign-ins/) });
  });

  it("an address's twenty failures count across instances", async () => {
    for (let i = 0; i < 20; i++) expect((await login(i % 2 ? a : b, `nobody${i}`, "guess", "192.0.2.77")).body.error).toBe(WRONG);
    expect((await login(a, "nobody-else", "guess", "192.0.2.77")).body.error).toMatch(/^Too many failed sign-ins/);
    expect((await login(b, "nobody-else", "guess", "192.0.2.78")).body.error).toBe(WRONG);
  });

  it("of 30 guesses racing on both instances for one account, exactly 5 are checked", async () => {
    expect((await call(b, "/users?username=raced&password=the%20right%20password%201", "POST")).status).toBe(201);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login(i % 2 ? a : b, "raced", `guess ${i}`, `198.51.100.${i + 1}`)));
    const errors = results.map((r) => r.body.error);
    expect(errors.filter((e) => e === WRONG)).toHaveLength(5);
    expect(errors.filter((e) => /^Too many failed sign-ins/.test(e ?? ""))).toHaveLength(25);
  });

  it("a host a crawl on one instance found can be registered on the other; one it did not find cannot", async () => {
    const seed = await call<{ id: string }>(a, `/servers?name=seed&port=${backend.port}`, "POST");
    expect(seed.status).toBe(201);
    await backend.query("CHANGE MASTER 'found' TO MASTER_HOST='127.0.0.1', MASTER_PORT=1, MASTER_USER='x', MASTER_PASSWORD='x'");
    const found = await call<string[]>(a, `/crawl?seed=${seed.body.id}`, "POST");
    expect(found.body).toContain("127.0.0.1:1");
    const registered = await call<{ name: string; ok: boolean }[]>(b, `/register-found?seed=${seed.body.id}&name=found-one&host=127.0.0.1&port=1`, "POST");
    expect(registered).toMatchObject({ status: 200, body: [{ name: "found-one", ok: true }] });
    expect((await call<string[]>(a, "/servers")).body).toContain("found-one");
    const unknown = await call<{ error: string }>(b, `/register-found?seed=${seed.body.id}&name=not-found&host=127.0.0.1&port=2`, "POST");
    expect(unknown).toEqual({ status: 400, body: { error: `127.0.0.1:2 ${NOT_FOUND_BY_CRAWL}.` } });
  });
});
