// This process's identity among the instances sharing one database (REPLSCOPE_INSTANCE_ID, else host-pid-random).
import { randomBytes } from "node:crypto";
import os from "node:os";
import { env } from "./env";

const g = globalThis as unknown as { replscopeInstance?: { id: string; host: string } };

/** This instance's id and host name (fixed for the life of the process). */
export function instanceIdentity(): { id: string; host: string } {
  g.replscopeInstance ??= { id: env().REPLSCOPE_INSTANCE_ID ?? `${os.hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`, host: os.hostname() };
  return g.replscopeInstance;
}
