// ESLint flat config: Next.js rules (core web vitals), typescript-eslint's type-checked rules, and replscope's own
// rules (eslint-rules.mjs): layer boundaries, `server-only` in lib/data and lib/mysql, env vars only through env().
// `npm run lint` must pass with zero warnings (CI runs it before the tests).
import next from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";
import replscope from "./eslint-rules.mjs";

const TS = ["**/*.ts", "**/*.tsx", "**/*.mts"];
const TESTS = ["**/*.test.ts", "**/*.spec.ts", "test/**", "e2e/**"];
// Harness code (not part of the app): test helpers, MariaDB sandboxes, benchmarks, npm scripts, tool configs.
const HARNESS = [...TESTS, "sandbox/**", "bench/**", "scripts/**", "*.config.*"];

export default tseslint.config(
  { ignores: [".next/**", "generated/**", "data/**", ".e2e-data/**", ".sandbox/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  ...next,
  {
    files: TS,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ["vitest.config.mts"] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Unused names are errors, except the conventional `_` prefix for deliberately ignored ones.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    plugins: { replscope },
    rules: {
      "replscope/layers": "error",
      // NODE_ENV and NEXT_RUNTIME are set by Next.js itself and inlined at build time; env() cannot read them there.
      "replscope/env-through-config": ["error", { allow: ["NODE_ENV", "NEXT_RUNTIME"] }],
    },
  },
  {
    // lib/config/env.ts is the one place that reads process.env.
    files: ["lib/config/env.ts"],
    rules: { "replscope/env-through-config": "off" },
  },
  {
    // No React outside app/, components/ and lib/swr/: a `use…` function elsewhere (e.g. useExisting) is not a hook.
    files: ["lib/**", "sandbox/**", "bench/**", "scripts/**", "test/**", "e2e/**"],
    ignores: ["lib/swr/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["lib/data/**/*.ts", "lib/mysql/**/*.ts"],
    ignores: TESTS,
    rules: { "replscope/server-only": "error" },
  },
  {
    files: ["lib/domain/**/*.ts"],
    ignores: [...TESTS, "lib/domain/__fixtures__/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["mysql2", "mysql2/*", "better-sqlite3", "@prisma/*", "next", "next/*", "server-only", "react", "react-dom"], message: "lib/domain is pure: no I/O, frameworks or drivers (put it in lib/mysql, lib/data or lib/services)" },
            { group: ["node:fs", "node:fs/*", "node:child_process", "node:net", "node:http", "node:https", "fs", "child_process", "net"], message: "lib/domain is pure: no I/O" },
          ],
        },
      ],
    },
  },
  {
    // The harness (tests, sandboxes, benchmarks, scripts, tool configs) sets up processes and environments itself:
    // it may read and write process.env, and its layer is not checked (tests import across layers on purpose).
    files: HARNESS,
    rules: {
      "replscope/env-through-config": "off",
      // Lighter type rules for the harness: tests assert on `await res.json()` (any) directly — the assertion is the
      // check — and fakes implement async interfaces with synchronous bodies.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Plain JavaScript (scripts/*.mjs, next.config.js, this file) has no type information.
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
