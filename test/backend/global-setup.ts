// vitest globalSetup for REPLSCOPE_TEST_BACKEND=mariadb: one MariaDB sandbox is replscope's own database for the
// integration tests (each test file gets a fresh database on it: test/backend/setup.ts).
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
  const sb = await startSandbox({ name: "replscope-backend", logBin: false });
  project.provide("replscopeBackendBase", `mysql://root@127.0.0.1:${sb.port}`);
  return async () => {
    await sb.destroy();
  };
}
