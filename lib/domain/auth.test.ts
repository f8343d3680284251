import { describe, expect, it } from "vitest";
import { allows, credentialsSchema } from "./auth";

describe("roles", () => {
  it("orders viewer < operator < admin", () => {
    expect(allows("admin", "operator")).toBe(true);
    expect(allows("operator", "operator")).toBe(true);
    expect(allows("viewer", "operator")).toBe(false);
    expect(allows("operator", "admin")).toBe(false);
  });
  it("validates credentials", () => {
    expect(credentialsSchema.safeParse({ username: "on-call", password: "long enough pw" }).success).toBe(true);
    expect(credentialsSchema.safeParse({ username: "a b", password: "short" }).success).toBe(false);
  });
});
