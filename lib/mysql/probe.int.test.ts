// Connection tests against a real MariaDB sandbox and a few impostors on loopback.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type Sandbox, startSandbox, teardownAll } from "@/sandbox";
import type { ServerTarget } from "./connection";
import { probeServer } from "./probe";

const TRICKY = `q'u"o\\te ü✓`;
const TIMEOUT = 1500;
let sb: Sandbox;
let target: ServerTarget;
const impostors: net.Server[] = [];

function impostor(onConnect: (s: net.Socket) => void): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer(onConnect).listen(0, "127.0.0.1", () => resolve((srv.address() as net.AddressInfo).port));
    impostors.push(srv);
  });
}

beforeAll(async () => {
  sb = await startSandbox();
  await createUser(sb, "mon'itor", "%", TRICKY, ["REPLICATION CLIENT", "PROCESS"]);
  target = { host: sb.host, port: sb.port, user: "mon'itor", password: TRICKY, tlsMode: "disabled" };
});

afterAll(async () => {
  impostors.forEach((s) => s.close());
  await teardownAll();
});

describe("probeServer on a real MariaDB", () => {
  it("detects flavor and version with a password full of quotes, backslashes and unicode", async () => {
    const r = await probeServer(target, TIMEOUT);
    expect(r).toMatchObject({ status: "ok", flavor: "mariadb" });
    expect(r.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("reports a wrong password as access denied", async () => {
    const r = await probeServer({ ...target, password: "wrong" }, TIMEOUT);
    expect(r.status).toBe("access_denied");
    expect(r.detail).toMatch(/Access denied/);
  });

  it("reports TLS required on a server without TLS as a TLS problem", async () => {
    expect((await probeServer({ ...target, tlsMode: "required" }, TIMEOUT)).status).toBe("tls");
  });

  it("reports a hung (SIGSTOPped) server as timed out: the probe gives up by its own timer", async () => {
    await sb.pause();
    try {
      const r = await probeServer(target, TIMEOUT);
      expect(r.status).toBe("timeout");
      expect(r.detail).toMatch(/accepted the connection but did not answer/);
    } finally {
      await sb.resume();
    }
    expect((await probeServer(target, TIMEOUT)).status).toBe("ok");
  });

  it("reports a stopped server as connection refused", async () => {
    await sb.stop();
    try {
      expect((await probeServer(target, TIMEOUT)).status).toBe("refused");
    } finally {
      await sb.start();
    }
  });
});

describe("probeServer on things that are not MySQL", () => {
  it("recognises another protocol's banner", async () => {
    const port = await impostor((s) => s.end("SSH-2.0-OpenSSH_9.2p1\r\n"));
    expect((await probeServer({ ...target, port }, TIMEOUT)).status).toBe("not_mysql");
  });

  it("recognises a port that closes without a greeting", async () => {
    const port = await impostor((s) => s.destroy());
    expect((await probeServer({ ...target, port }, TIMEOUT)).status).toBe("not_mysql");
  });

  it("reports an unresolvable host name as unknown host", async () => {
    expect((await probeServer({ ...target, host: "no-such-host.invalid" }, TIMEOUT)).status).toBe("unknown_host");
  });
});
