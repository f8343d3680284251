// The run page's waiting line names the leader, and says plainly when there is none or it does not take the run.
import { expect, it } from "vitest";
import { leaderWaitText } from "./leader-wait";

it("a normal wait names the leader", () => {
  expect(leaderWaitText({ waitingSeconds: 3, leader: "web-2" })).toBe("Waiting for the leader web-2: runs execute on the leader instance, which takes this one within a few seconds.");
});

it("no live lease: says no instance leads, for how long, and what to check", () => {
  expect(leaderWaitText({ waitingSeconds: 42, leader: null })).toMatch(/^Waiting for a leader: no replscope instance leads right now \(for 42 s\)\..*check that the instances are running/);
});

it("a leader that has not claimed the run after 15 s: says so instead of promising a few seconds", () => {
  expect(leaderWaitText({ waitingSeconds: 15, leader: "web-2" })).toMatch(/within a few seconds\.$/);
  expect(leaderWaitText({ waitingSeconds: 16, leader: "web-2" })).toMatch(/^Waiting for the leader web-2: it has not taken this run for 16 s/);
});
