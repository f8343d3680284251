// Two projects: fast pure unit tests, and integration tests against real MariaDB sandboxes / protocol fakes.
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "sandbox/**/*.test.ts", "test/**/*.test.ts"], exclude: ["**/*.int.test.ts", "node_modules/**"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // REPLSCOPE_TEST_BACKEND=mariadb: replscope's own database is a MariaDB sandbox instead of SQLite.
          globalSetup: ["test/backend/global-setup.ts"],
          setupFiles: ["test/backend/setup.ts"],
        },
      },
    ],
  },
});
