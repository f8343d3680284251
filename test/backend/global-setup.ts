// vitest globalSetup for REPLSCOPE_TEST_BACKEND=mariadb: one MariaDB sandbox is replscope's own database for the
// integration tests (each test file gets a fresh database on it: test/backend/setup.ts), its global sql_mode including
// NO_BACKSLASH_ESCAPES, so every value the pass stores proves it is escaped safely whatever the backend's mode.
import type { TestProject } from "vitest/node";
import { startSandbox } from "@/sandbox";

declare module "vitest" {
  export interface ProvidedContext {
    replscopeBackendBase: string;
  }
}

/** Starts the backend sandbox and hands its base URL to the test files; stops it afterwards. */
export default async function setup(project: TestProject) {
  if (process.env.REPLSCOPE_TEST_BACKEND !== "mariadb") return;
  // A hostile sql_mode for escaping: under NO_BACKSLASH_ESCAPES a driver's `\'` would end a string literal early.
  const sb = await startSandbox({ name: "replscope-backend", logBin: false, extraArgs: ["--sql-mode=NO_BACKSLASH_ESCAPES,STRICT_TRANS_TABLES"] });
  project.provide("replscopeBackendBase", `mysql://root@127.0.0.1:${sb.port}`);
  return async () => {
    await sb.destroy();
  };
}
