import { describe, expect, it } from "vitest";
import { classifyError, parseGreeting } from "./connection-check";

function packet(payload: Buffer, seq = 0): Buffer {
  const head = Buffer.from([payload.length & 0xff, (payload.length >> 8) & 0xff, payload.length >> 16, seq]);
  return Buffer.concat([head, payload]);
}

describe("parseGreeting", () => {
  const handshake = Buffer.concat([Buffer.from([10]), Buffer.from("5.5.5-10.11.6-MariaDB\0", "latin1"), Buffer.alloc(40, 1)]);
  it("reads the version from a protocol 10 handshake", () => {
    expect(parseGreeting(packet(handshake))).toEqual({ kind: "mysql", version: "5.5.5-10.11.6-MariaDB" });
  });
  it("waits for the rest of a partial packet", () => {
    expect(parseGreeting(packet(handshake).subarray(0, 10))).toEqual({ kind: "incomplete" });
  });
  it("reads an error packet such as host blocked", () => {
    const err = Buffer.concat([Buffer.from([0xff, 0x6a, 0x04]), Buffer.from("Host '1.2.3.4' is not allowed")]);
    expect(parseGreeting(packet(err))).toMatchObject({ kind: "mysql_error", errno: 1130 });
  });
  it("rejects other protocols", () => {
    expect(parseGreeting(Buffer.from("SSH-2.0-OpenSSH_9.2\r\n"))).toEqual({ kind: "not_mysql" });
    expect(parseGreeting(Buffer.from("HTTP/1.1 400 Bad Request\r\n\r\n"))).toEqual({ kind: "not_mysql" });
    expect(parseGreeting(Buffer.from("+OK redis ready\r\n"))).toEqual({ kind: "not_mysql" });
  });
});

describe("classifyError", () => {
  const where = "127.0.0.1:3306";
  it.each([
    [{ code: "ER_ACCESS_DENIED_ERROR", errno: 1045 }, "access_denied"],
    [{ code: "ENOTFOUND" }, "unknown_host"],
    [{ code: "ECONNREFUSED" }, "refused"],
    [{ code: "ETIMEDOUT" }, "timeout"],
    [{ code: "GREETING_TIMEOUT" }, "timeout"],
    [{ code: "HANDSHAKE_NO_SSL_SUPPORT", message: "Server does not support secure connection" }, "tls"],
    [{ code: "NOT_MYSQL" }, "not_mysql"],
    [{ code: "ER_CON_COUNT_ERROR", errno: 1040, message: "Too many connections" }, "error"],
  ])("%o → %s", (err, status) => {
    const r = classifyError(err, where, 3000);
    expect(r.status).toBe(status);
    expect(r.detail).toContain(status === "error" ? "Too many connections" : where.split(":")[0]);
  });
  it("names the timeout in seconds", () => {
    expect(classifyError({ code: "ETIMEDOUT" }, where, 2000).detail).toMatch(/after 2 s.*did not accept/);
    expect(classifyError({ code: "GREETING_TIMEOUT" }, where, 2500).detail).toMatch(/after 2.5 s.*hung/);
  });
});
