import { describe, expect, it } from "vitest";
import { faviconDataUrl, faviconKind, glanceTitle, pollerHealth, worstOfCounts } from "./glance";

describe("tab title", () => {
  it("puts the worst state and its count in front, and replaces an earlier prefix", () => {
    const worst = worstOfCounts({ ok: 5, lagging: 1, broken: 2 });
    expect(worst).toEqual({ state: "broken", count: 2 });
    expect(glanceTitle("replscope", worst, 0)).toBe("(2) broken · replscope");
    expect(glanceTitle("(2) broken · replscope", { state: "connecting", count: 1 }, 3)).toBe("(1) cannot reach source · 3 firing · replscope");
    expect(glanceTitle("(1) cannot reach source · 3 firing · Alerts · replscope", null, 0)).toBe("Alerts · replscope");
    expect(glanceTitle("(4) firing · Alerts · replscope", null, 2)).toBe("(2) firing · Alerts · replscope");
  });
  it("says nothing when every server is ok", () => {
    expect(worstOfCounts({ ok: 3 })).toBeNull();
  });
});

describe("favicon", () => {
  it("changes shape and colour with the worst state", () => {
    expect(faviconKind("broken")).toBe("bad");
    expect(faviconKind("lagging")).toBe("warn");
    expect(faviconKind(null)).toBe("ok");
    expect(faviconDataUrl("broken")).toMatch(/^data:image\/svg\+xml,/);
    expect(decodeURIComponent(faviconDataUrl("broken"))).toContain("#dc2626");
    expect(faviconDataUrl("broken")).not.toBe(faviconDataUrl(null));
  });
});

describe("poller health", () => {
  const now = Date.parse("2026-12-02T10:00:00Z");
  it("is stopped when even the newest check is old, behind when some servers are stale", () => {
    expect(pollerHealth("2026-12-02T09:59:00Z", 3, 3, now, 13)).toEqual({ kind: "stopped", ageSeconds: 60 });
    expect(pollerHealth("2026-12-02T09:59:59Z", 2, 10, now, 13)).toEqual({ kind: "behind", staleServers: 2 });
    expect(pollerHealth("2026-12-02T09:59:59Z", 0, 10, now, 13)).toEqual({ kind: "fresh" });
    expect(pollerHealth(null, 1, 1, now, 13)).toEqual({ kind: "stopped", ageSeconds: null });
  });
});

describe("tab title with firing alerts only", () => {
  it("puts the firing count in front of the tab title, once", () => {
    expect(glanceTitle("replscope", null, 2)).toBe("(2) firing · replscope");
    expect(glanceTitle("(2) firing · Alerts · replscope", null, 3)).toBe("(3) firing · Alerts · replscope");
    expect(glanceTitle("(2) firing · replscope", null, 0)).toBe("replscope");
  });
});
