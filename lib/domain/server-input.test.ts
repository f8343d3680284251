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
