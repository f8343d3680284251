// The cluster settings form's fields as the settings input (validated by clusterSettingInput in the service).

/** Checkboxes to booleans, hook URLs one per line, an empty secret left out (keeps the stored one). */
export function clusterSettingsFromForm(form: FormData): Record<string, unknown> {
  const text = (k: string, fallback = "") => {
    const v = form.get(k);
    return typeof v === "string" ? v : fallback;
  };
  const secret = text("hookSecret");
  return {
    fencing: form.get("fencing") === "on",
    autoFailover: form.get("autoFailover") === "on",
    autoDelaySeconds: text("autoDelaySeconds", "30"),
    cooldownSeconds: text("cooldownSeconds", "3600"),
    hookUrls: text("hookUrls").split(/\s+/).filter(Boolean),
    ...(secret ? { hookSecret: secret } : {}),
  };
}
