import { describe, expect, it } from "vitest";
import { describeInput } from "./audit-text";

describe("describeInput", () => {
  it("lists fields and hides every secret-looking value", () => {
    const text = describeInput({ name: "db-1", host: "10.0.0.5", port: 3306, password: "s3cr'et", replPassword: "x", tags: ["a", "b"], token: "t0k", empty: "" });
    expect(text).toBe("name=db-1, host=10.0.0.5, port=3306, password=(set), replPassword=(set), tags=a|b, token=(set)");
    expect(text).not.toContain("s3cr");
  });
  it("leaves out fields left empty (null) and marks nested objects", () => {
    expect(describeInput({ name: "db-1", cluster: null, lagWarnSeconds: null, tls: { ca: "x" } })).toBe("name=db-1, tls={…}");
  });
});
