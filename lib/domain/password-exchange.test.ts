import { describe, expect, it } from "vitest";
import { classifyError } from "./connection-check";
import { borrowedEndpoint, type KeyPolicy, passwordRoute, policyFor, toolPluginHint, toolPlugins } from "./password-exchange";

const policy = (o: Partial<KeyPolicy> = {}): KeyPolicy => ({ host: "db1", port: 3306, allowPublicKeyRetrieval: false, serverPublicKey: null, ...o });
const PEM = "-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----";

describe("passwordRoute", () => {
  it("refuses by default: no verified TLS, no pinned key, retrieval not allowed", () => {
    expect(passwordRoute("rsa", false, null)).toEqual({ refuse: "public_key" });
    expect(passwordRoute("rsa", false, policy())).toEqual({ refuse: "public_key" });
    expect(passwordRoute("cleartext", false, null)).toEqual({ refuse: "cleartext" });
  });
  it("sends in clear only inside verified TLS", () => {
    expect(passwordRoute("rsa", true, null)).toEqual({ send: "clear" });
    expect(passwordRoute("cleartext", true, null)).toEqual({ send: "clear" });
  });
  it("never sends clear text without verified TLS, whatever the key settings", () => {
    expect(passwordRoute("cleartext", false, policy({ allowPublicKeyRetrieval: true, serverPublicKey: PEM }))).toEqual({ refuse: "cleartext" });
  });
  it("uses the pinned key before (and instead of) fetching one", () => {
    expect(passwordRoute("rsa", false, policy({ serverPublicKey: PEM }))).toEqual({ send: "pinned", key: PEM });
    expect(passwordRoute("rsa", false, policy({ serverPublicKey: PEM, allowPublicKeyRetrieval: true }))).toEqual({ send: "pinned", key: PEM });
  });
  it("fetches the server's key only when an admin allowed it", () => {
    expect(passwordRoute("rsa", false, policy({ allowPublicKeyRetrieval: true }))).toEqual({ send: "retrieve" });
  });
});

describe("borrowed endpoints (credentials registered for another host)", () => {
  it("refuse every readable route, whatever TLS or key settings came with the credentials", () => {
    const p = policy({ allowPublicKeyRetrieval: true, serverPublicKey: "PEM" });
    expect(passwordRoute("cleartext", true, p, true)).toEqual({ refuse: "cleartext" });
    expect(passwordRoute("rsa", true, p, true)).toEqual({ refuse: "public_key" });
    expect(borrowedEndpoint({ host: "evil.example", port: 3306, keyPolicy: p })).toBe(true);
    expect(borrowedEndpoint({ host: "db1", port: 3306, keyPolicy: p })).toBe(false);
    expect(borrowedEndpoint({ host: "db1", port: 3306, keyPolicy: p, borrowed: true })).toBe(true);
  });
});

describe("policyFor", () => {
  it("applies a server's settings to its own endpoint only", () => {
    const p = policy({ allowPublicKeyRetrieval: true });
    expect(policyFor({ host: "db1", port: 3306, keyPolicy: p })).toBe(p);
    expect(policyFor({ host: "evil.example", port: 3306, keyPolicy: p })).toBeNull();
    expect(policyFor({ host: "db1", port: 3307, keyPolicy: p })).toBeNull();
    expect(policyFor({ host: "db1", port: 3306 })).toBeNull();
  });
});

describe("toolPlugins", () => {
  it("gives the command-line tools SHA-2 and clear-text plugins only when they verify TLS themselves", () => {
    expect(toolPlugins("verify", null)).toEqual(expect.arrayContaining(["caching_sha2_password", "sha256_password", "mysql_clear_password", "dialog", "client_ed25519"]));
    for (const mode of ["disabled", "required"] as const) expect(toolPlugins(mode, policy({ serverPublicKey: PEM }))).toEqual(["client_ed25519", "parsec"]);
  });
  it("gives SHA-2 plugins without TLS when key retrieval is allowed (never the clear-text ones), not with unverified TLS", () => {
    expect(toolPlugins("disabled", policy({ allowPublicKeyRetrieval: true }))).toEqual(["client_ed25519", "parsec", "caching_sha2_password", "sha256_password"]);
    expect(toolPlugins("required", policy({ allowPublicKeyRetrieval: true }))).toEqual(["client_ed25519", "parsec"]);
  });
});

describe("toolPluginHint", () => {
  it("explains a copy program that stopped at a withheld plugin", () => {
    const stderr = "load: ERROR 1045 (28000): Plugin caching_sha2_password could not be loaded: /tmp/x/target-plugins/caching_sha2_password.so: cannot open shared object file";
    expect(toolPluginHint(stderr)).toMatch(/caching_sha2_password plugin.*verify certificate.*allow public-key retrieval/);
    expect(toolPluginHint("Plugin mysql_clear_password could not be loaded: …")).not.toMatch(/retrieval/);
    expect(toolPluginHint("Got error: 1045: Access denied")).toBeNull();
  });
});

describe("a withheld password, as a connection test reports it", () => {
  it("names the three ways out for a public-key request", () => {
    const r = classifyError({ code: "AUTH_SWITCH_PLUGIN_ERROR", message: "Password withheld", withheld: { reason: "public_key", plugin: "caching_sha2_password" } }, "db1:3306", 5000);
    expect(r.status).toBe("password_withheld");
    expect(r.detail).toMatch(/^db1:3306 asked for the password in a form it can read \(caching_sha2_password/);
    expect(r.detail).toMatch(/TLS with certificate verification, pin the server's RSA public key, or allow public-key retrieval/);
  });
  it("asks for verified TLS for clear text", () => {
    const r = classifyError({ message: "x", withheld: { reason: "cleartext", plugin: "mysql_clear_password" } }, "db1:3306", 5000);
    expect(r).toMatchObject({ status: "password_withheld", detail: expect.stringMatching(/clear text \(mysql_clear_password\).*verify certificate/) });
  });
});
