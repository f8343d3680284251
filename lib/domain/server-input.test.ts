import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fieldErrorsOf, formToServerInput, parseTags, serverCreateSchema, serverUpdateSchema } from "./server-input";

const valid = { name: "db1", host: "10.0.0.5", port: 3306, user: "replscope", password: `q'"\\ü` };

describe("serverCreateSchema", () => {
  it("accepts a valid server and applies defaults", () => {
    const r = serverCreateSchema.parse({ ...valid, port: undefined });
    expect(r).toMatchObject({ port: 3306, tlsMode: "disabled", tags: [], password: `q'"\\ü` });
  });
  it("reports each bad field by name", () => {
    const r = serverCreateSchema.safeParse({ name: " ", host: "bad host!", port: 70000, user: "", password: "" });
    expect(r.success).toBe(false);
    const errors = fieldErrorsOf(r.error!);
    expect(Object.keys(errors).sort()).toEqual(["host", "name", "port", "user"]);
    expect(errors.port?.[0]).toMatch(/1–65535/);
  });
  it("accepts host names, IPv4 and IPv6", () => {
    for (const host of ["db-1.example.com", "127.0.0.1", "::1", "[fe80::1]", "localhost"]) {
      expect(serverCreateSchema.safeParse({ ...valid, host }).success).toBe(true);
    }
  });
  it("requires critical above warning", () => {
    const r = serverCreateSchema.safeParse({ ...valid, lagWarnSeconds: 30, lagCritSeconds: 10 });
    expect(fieldErrorsOf(r.error!).lagCritSeconds?.[0]).toMatch(/above warning/);
  });
});

describe("password-exchange settings", () => {
  const pem = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" }).toString();
  it("default to no retrieval and no pinned key", () => {
    expect(serverCreateSchema.parse(valid)).toMatchObject({ allowPublicKeyRetrieval: false });
    expect(serverCreateSchema.parse(valid).serverPublicKey ?? null).toBeNull();
  });
  it("accept an RSA public key and refuse anything else with a field error", () => {
    expect(serverCreateSchema.parse({ ...valid, serverPublicKey: pem, allowPublicKeyRetrieval: true })).toMatchObject({ serverPublicKey: pem, allowPublicKeyRetrieval: true });
    const r = serverUpdateSchema.safeParse({ serverPublicKey: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" });
    expect(fieldErrorsOf(r.error!).serverPublicKey?.[0]).toMatch(/not a readable RSA public key/);
    expect(fieldErrorsOf(serverUpdateSchema.safeParse({ allowPublicKeyRetrieval: "yes" }).error!).allowPublicKeyRetrieval).toBeDefined();
  });
  it("a blank key removes the pin; an absent one leaves it", () => {
    expect(serverUpdateSchema.parse({ serverPublicKey: "  " })).toEqual({ serverPublicKey: null });
    expect(serverUpdateSchema.parse({ serverPublicKey: null })).toEqual({ serverPublicKey: null });
    expect(serverUpdateSchema.parse({ name: "x" })).not.toHaveProperty("serverPublicKey");
  });
  it("come from the form's checkbox and text area", () => {
    const f = new FormData();
    f.set("allowPublicKeyRetrieval", "on");
    f.set("serverPublicKey", pem);
    expect(formToServerInput(f, "update")).toMatchObject({ allowPublicKeyRetrieval: true, serverPublicKey: pem });
    expect(formToServerInput(new FormData(), "update")).toMatchObject({ allowPublicKeyRetrieval: false });
  });
});

describe("form mapping", () => {
  it("keeps the stored password when the edit form leaves it blank", () => {
    const f = new FormData();
    f.set("name", "db1");
    f.set("password", "");
    f.set("lagWarnSeconds", " ");
    const input = formToServerInput(f, "update");
    expect(input).not.toHaveProperty("password");
    expect(input.lagWarnSeconds).toBeNull();
    expect(serverUpdateSchema.parse(input).name).toBe("db1");
  });
  it("splits tags", () => {
    expect(parseTags("prod, eu  prod,,x")).toEqual(["prod", "eu", "x"]);
  });
});
