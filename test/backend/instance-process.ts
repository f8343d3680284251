// A replscope instance without the web UI, for the multi-instance tests: the same startup (migrations, lease loop,
// the poller as the leader's background work) plus a tiny HTTP API over the same services the app's routes use.
import http from "node:http";
import { prepareDatabase } from "@/lib/data/startup";
import * as servers from "@/lib/data/servers";
import { instancesView, leaderCheck, startLeadership } from "@/lib/services/leader";
import { monitor } from "@/lib/services/monitor";
import { statusReport } from "@/lib/services/status";
import { createUser, login } from "@/lib/services/auth";
import { crawl, registerDiscovered } from "@/lib/services/discovery";
import { createServer } from "@/lib/services/servers";
import { leaderRunsTick } from "@/lib/services/runs/queue";
import { launchSwitchover, requestStop } from "@/lib/services/switchover/engine";
import { createRun } from "@/lib/services/bootstrap/runs";
import { abortRun, act } from "@/lib/services/bootstrap/engine";


const OPERATOR = { actor: "olga", address: "192.0.2.9" };
const json = (res: http.ServerResponse, status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

const routes: Record<string, (url: URL) => Promise<[number, unknown]>> = {
  "GET /leader-check": async () => {
    const r = await leaderCheck();
    return [r.leader ? 200 : 503, r];
  },
  "GET /status": async () => {
    const r = await statusReport();
    return [200, { checkedAt: r.checkedAt, servers: r.servers.map((s) => ({ name: s.name, state: s.state })) }];
  },
  "GET /servers": async () => [200, (await servers.listServers()).map((s) => s.name)],
  "POST /servers": async (u) => {
    const s = await servers.insertServer({
      name: u.searchParams.get("name")!, host: "127.0.0.1", port: Number(u.searchParams.get("port")), user: "root", password: "", tlsMode: "disabled",
      tags: [], heartbeatEnabled: u.searchParams.get("heartbeat") === "1", heartbeatSchema: "replscope", cluster: null, lagWarnSeconds: null, lagCritSeconds: null,
    });
    return [201, { id: s.id }];
  },
  "GET /instances": async () => [200, await instancesView()],
  "POST /users": async (u) => {
    const r = await createUser({ username: u.searchParams.get("username"), password: u.searchParams.get("password") }, "viewer");
    return [r.ok ? 201 : 400, r.ok ? { id: r.user.id } : { error: r.error }];
  },
  "POST /login": async (u) => {
    const r = await login(u.searchParams.get("username")!, u.searchParams.get("password")!, u.searchParams.get("address")!);
    return [r.ok ? 200 : 401, r.ok ? { ok: true } : { ok: false, error: r.error }];
  },
  "POST /crawl": async (u) => {
    const r = await crawl(u.searchParams.get("seed")!, {}, OPERATOR);
    return r.ok ? [200, r.value.servers.map((d) => `${d.host}:${d.port}`)] : [r.status, { error: r.error }];
  },
  "POST /register-found": async (u) => {
    const [host, port] = [u.searchParams.get("host")!, Number(u.searchParams.get("port"))];
    const r = await registerDiscovered(u.searchParams.get("seed")!, [{ name: u.searchParams.get("name")!, host, port }], { use: "other", user: "x", password: "x" }, OPERATOR);
    return r.ok ? [200, r.value] : [r.status, { error: r.error }];
  },
  "POST /servers/tested": async (u) => {
    const r = await createServer({ name: u.searchParams.get("name"), host: "127.0.0.1", port: Number(u.searchParams.get("port")), user: "root", password: "", cluster: "sw" }, OPERATOR);
    return r.ok ? [201, { id: r.value.server.id, check: r.value.check.status }] : [r.status, { error: r.error }];
  },
  "POST /switchover": async (u) => {
    const [sourceId, candidateId, siblingIds] = [u.searchParams.get("source")!, u.searchParams.get("candidate")!, u.searchParams.getAll("sibling")];
    const r = await launchSwitchover({ sourceId, candidateId, siblingIds, replUser: "repl", replPassword: "repl-pass" }, OPERATOR);
    return r.ok ? [201, { id: r.id }] : [409, { error: r.error }];
  },
  "POST /wizard": async (u) => {
    const created = await createRun({ sourceId: u.searchParams.get("source"), targetId: u.searchParams.get("target"), replUser: u.searchParams.get("user"), replPassword: "repl-pass", replHost: u.searchParams.get("replHost") }, OPERATOR);
    if (!created.ok) return [409, { error: created.error }];
    const started = await act(created.value.id, "advance", true, OPERATOR);
    return started.ok ? [201, { id: created.value.id }] : [409, { error: started.error }];
  },
  "POST /wizard-abort": async (u) => {
    const r = await abortRun(u.searchParams.get("id")!, OPERATOR);
    return r.ok ? [200, { status: r.value.run.status, undone: r.value.undone, forwardedTo: r.value.forwardedTo ?? null }] : [r.status, { error: r.error }];
  },
  "POST /switchover-stop": async (u) => {
    const r = await requestStop(u.searchParams.get("id")!);
    return r.ok ? [200, r] : [409, r];
  },
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const route = routes[`${req.method} ${url.pathname}`];
  if (!route) return json(res, 404, { error: "no such route" });
  route(url).then(([status, body]) => json(res, status, body), (e: Error) => json(res, 500, { error: e.message }));
});
async function main() {
  await prepareDatabase();
  const lead = startLeadership({ start: () => monitor().start(), stop: () => monitor().stop(), tick: () => leaderRunsTick(lead.me.id) });
  server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`instance ${lead.me.id} listening`));
  process.once("SIGTERM", () => void lead.stop().finally(() => process.exit(0)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
