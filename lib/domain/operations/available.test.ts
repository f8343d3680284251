import { describe, expect, it } from "vitest";
import { availableOperations } from "./available";

const ch = (channel: string, sqlThread: "running" | "stopped" = "running", lastSqlErrno = 0) => ({ channel, sqlThread, lastSqlErrno });
const facts = (readOnly: boolean) => ({ readOnly });
const none = { peers: [], repointTargets: [] };
const near = { peers: [{ id: "p", name: "peer" }], repointTargets: [{ id: "t", name: "target" }] };

describe("availableOperations", () => {
  it("offers nothing (no panel) below the operator role, when signed out, or before the server was ever read", () => {
    expect(availableOperations({ facts: facts(false), channels: [ch("")] }, "viewer", near)).toBeNull();
    expect(availableOperations({ facts: facts(false), channels: [ch("")] }, null, near)).toBeNull();
    expect(availableOperations({ facts: null, channels: [] }, "admin", near)).toBeNull();
    expect(availableOperations(null, "operator", near)).toBeNull();
  });
  it("a healthy single-channel replica: start/stop, the read_only toggle, repoint targets; no skip, no channel choice, no switchover", () => {
    expect(availableOperations({ facts: facts(true), channels: [ch("")] }, "operator", near)).toEqual({
      startStop: true, skip: false, readOnly: true, channels: [], repointTargets: near.repointTargets, switchover: false,
    });
  });
  it("offers skip only when an SQL thread stopped on an error (a plain stop or an IO error is not enough)", () => {
    expect(availableOperations({ facts: facts(true), channels: [ch("", "stopped", 1062)] }, "operator", none)?.skip).toBe(true);
    expect(availableOperations({ facts: facts(true), channels: [ch("", "stopped", 0)] }, "operator", none)?.skip).toBe(false);
    expect(availableOperations({ facts: facts(true), channels: [ch("", "running", 1062)] }, "operator", none)?.skip).toBe(false);
  });
  it("a multi-source replica: a channel choice, never a repoint (which source would move is ambiguous)", () => {
    const a = availableOperations({ facts: facts(true), channels: [ch("a"), ch("b", "stopped", 1146)] }, "admin", near);
    expect(a).toMatchObject({ startStop: true, skip: true, channels: ["a", "b"], repointTargets: [], switchover: false });
  });
  it("a source with peers offers the switchover and read_only, no replica operations; without peers no switchover", () => {
    expect(availableOperations({ facts: facts(false), channels: [] }, "operator", near)).toEqual({
      startStop: false, skip: false, readOnly: false, channels: [], repointTargets: [], switchover: true,
    });
    expect(availableOperations({ facts: facts(false), channels: [] }, "operator", none)?.switchover).toBe(false);
  });
});
