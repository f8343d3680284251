import { describe, expect, it } from "vitest";
import { clusterSettingInput } from "./settings";
import { clusterSettingsFromForm } from "./settings-form";

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("clusterSettingsFromForm", () => {
  it("maps checkboxes, numbers and one URL a line; an empty secret is left out (kept)", () => {
    const input = clusterSettingsFromForm(form([["autoFailover", "on"], ["autoDelaySeconds", "15"], ["cooldownSeconds", "600"], ["hookUrls", "https://a.example/h\n http://b.example/x "], ["hookSecret", ""]]));
    expect(clusterSettingInput.parse(input)).toEqual({ fencing: false, autoFailover: true, autoDelaySeconds: 15, cooldownSeconds: 600, hookUrls: ["https://a.example/h", "http://b.example/x"] });
    expect(clusterSettingsFromForm(form([["hookSecret", "s3cret"]]))).toMatchObject({ hookSecret: "s3cret" });
  });

  it("refuses a delay under 10 s and a non-http hook", () => {
    expect(clusterSettingInput.safeParse(clusterSettingsFromForm(form([["autoDelaySeconds", "5"]]))).success).toBe(false);
    expect(clusterSettingInput.safeParse(clusterSettingsFromForm(form([["hookUrls", "ftp://x.example/"]]))).success).toBe(false);
  });
});
