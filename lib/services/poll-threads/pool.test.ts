import { expect, it } from "vitest";
import { pollThreadCount } from "./pool";
import { threadOf } from "./protocol";

it("polls on the main thread up to 2,000 servers, with two threads above when the machine has two cores", () => {
  expect(pollThreadCount(2000, "auto", 2)).toBe(0);
  expect(pollThreadCount(2001, "auto", 2)).toBe(2);
  expect(pollThreadCount(10_000, "auto", 1)).toBe(0);
  expect(pollThreadCount(10, 3, 1)).toBe(3);
  expect(pollThreadCount(10_000, 0, 8)).toBe(0);
});

it("gives a server the same thread every time, and spreads servers over the threads", () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `srv-${i}-${(i * 7919).toString(36)}`);
  expect(ids.map((id) => threadOf(id, 2))).toEqual(ids.map((id) => threadOf(id, 2)));
  const share = ids.filter((id) => threadOf(id, 2) === 0).length;
  expect(share).toBeGreaterThan(400);
  expect(share).toBeLessThan(600);
  expect(new Set(ids.map((id) => threadOf(id, 3)))).toEqual(new Set([0, 1, 2]));
});
