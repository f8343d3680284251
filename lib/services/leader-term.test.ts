// Background work started from a request or a run (a sweep, hook delivery) runs in the leader's term, never on a follower.
import { afterEach, expect, it } from "vitest";
import { currentTerm } from "@/lib/data/fence";
import { inLeaderTerm } from "./leader";

const g = globalThis as unknown as { replscopeLeadership?: unknown };
afterEach(() => delete g.replscopeLeadership);

const termSeen = () => {
  const seen: (ReturnType<typeof currentTerm> | "not run")[] = [];
  const ran = inLeaderTerm(() => void seen.push(currentTerm()));
  return { ran, seen: seen.length ? seen[0] : "not run" };
};

it("on the leader: runs inside its term, so every write it makes is fenced by that epoch", () => {
  g.replscopeLeadership = { current: { holder: "i-1", epoch: 7 } };
  expect(termSeen()).toEqual({ ran: true, seen: { holder: "i-1", epoch: 7 } });
});

it("on a follower: does not run (the leader's own background work picks the queued rows up)", () => {
  g.replscopeLeadership = { current: null };
  expect(termSeen()).toEqual({ ran: false, seen: "not run" });
});

it("without a lease loop (scripts, a single process): runs at once, unfenced", () => {
  expect(termSeen()).toEqual({ ran: true, seen: undefined });
});
