// End-to-end tests in Debian's Chromium (never a downloaded browser) against a freshly built app.
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3217);
export const E2E_DATA_DIR = ".e2e-data";
/** The admin API token the app under test accepts; every test but the auth ones sends it. */
export const E2E_TOKEN = "e2e-admin-token-0123456789";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    extraHTTPHeaders: { Authorization: `Bearer ${E2E_TOKEN}` },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && mkdir -p ${E2E_DATA_DIR} && node scripts/start.mjs 2>&1 | tee ${E2E_DATA_DIR}/server.log`,
    url: `http://127.0.0.1:${PORT}/api/servers`,
    timeout: 900_000,
    reuseExistingServer: false,
    // One poll thread: the end-to-end tests run the production build with the poller as a 10,000-server fleet runs it.
    env: { PORT: String(PORT), REPLSCOPE_DATA_DIR: E2E_DATA_DIR, REPLSCOPE_POLL_THREADS: "1", REPLSCOPE_CONNECT_TIMEOUT_MS: "2000", REPLSCOPE_POLL_INTERVAL_MS: "1000", REPLSCOPE_API_TOKEN: E2E_TOKEN, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
