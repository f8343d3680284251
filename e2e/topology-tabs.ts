// Opening one cluster's tab on /topology once the whole cluster is one connected graph.
import { expect, type Page } from "@playwright/test";

/** Clicks the cluster's tab once it holds all `members` (a member not yet polled is its own tab of the same name). */
export async function openClusterTab(page: Page, name: string, members: number) {
  const tab = page.getByRole("tab", { name: `${name} (${members})`, exact: true });
  await expect(tab).toHaveCount(1, { timeout: 20_000 });
  await tab.click();
}
