// The masking test again with two poll threads (a fleet of more than 2,000 servers): the thread holds the decrypted
// password and the replica's error quoting a CREATE USER's password; only the masked status may reach the database.
import { expect, it } from "vitest";

process.env.REPLSCOPE_POLL_THREADS = "2";
await import("./monitor-masking.int.test");
const { monitor } = await import("./monitor");

it("masked those error texts in a poll thread", () => {
  expect(monitor().threads).toBe(2);
});
