// replscope's own lint rules (used by eslint.config.mjs): the layer boundaries, `server-only` in the server-side
// layers, and environment variables read only through env(). Plain ESLint rules, no dependencies.
import path from "node:path";

const ROOT = import.meta.dirname;

/** The layer a project file belongs to (path relative to the repository root), or null for files outside the layers. */
export function layerOf(rel) {
  const p = rel.split(path.sep).join("/");
  if (p.startsWith("app/") || p === "instrumentation.ts" || p === "proxy.ts") return "app";
  if (p.includes("/__fixtures__/")) return "harness"; // test fixtures kept beside the code they describe
  if (p.startsWith("lib/swr/")) return "components"; // client-side data hooks: UI code, like components
  const m = /^(components|lib\/(?:actions|services|data|mysql|domain|config)|test|sandbox|bench|scripts|e2e)\//.exec(p);
  if (!m) return null;
  const top = m[1].replace("lib/", "");
  return ["test", "sandbox", "bench", "scripts", "e2e"].includes(top) ? "harness" : top;
}

// Which layers each layer may import at runtime, and which only as types. Imports point down the chain
// app → components → actions → services → data, mysql → domain (config: env() for the server-side layers).
// Skipping down a layer is allowed (a page may read lib/data); going up or sideways is not.
const RUNTIME = {
  app: ["app", "components", "actions", "services", "data", "mysql", "domain", "config"],
  components: ["components", "actions", "domain"],
  actions: ["actions", "services", "data", "domain", "config"],
  services: ["services", "data", "mysql", "domain", "config"],
  data: ["data", "domain", "config"],
  mysql: ["mysql", "domain", "config"],
  config: ["config", "domain"],
  domain: ["domain"],
};
const TYPE_ONLY = { components: ["services", "data"] };

function resolveTarget(spec, file) {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith(".")) return path.relative(ROOT, path.resolve(path.dirname(file), spec));
  return null;
}

function isTypeOnly(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  const specs = node.specifiers ?? [];
  return specs.length > 0 && specs.every((s) => s.importKind === "type" || s.exportKind === "type");
}

const layers = {
  meta: { type: "problem", docs: { description: "imports follow the layer chain" }, schema: [] },
  create(context) {
    const file = context.filename;
    const from = layerOf(path.relative(ROOT, file));
    if (!from || /\.(test|spec)\.tsx?$/.test(file)) return {};
    const check = (node, source, typeOnly) => {
      if (!source || typeof source.value !== "string") return;
      const rel = resolveTarget(source.value, file);
      const to = rel === null ? null : layerOf(`${rel}/`);
      if (!to || from === "harness") return;
      if (RUNTIME[from]?.includes(to)) return;
      if (typeOnly && TYPE_ONLY[from]?.includes(to)) return;
      const how = TYPE_ONLY[from]?.includes(to) ? " except as `import type`" : "";
      context.report({ node: source, message: `layer '${from}' must not import '${to}'${how} (${source.value})` });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source, isTypeOnly(n)),
      ExportNamedDeclaration: (n) => check(n, n.source, isTypeOnly(n)),
      ExportAllDeclaration: (n) => check(n, n.source, n.exportKind === "type"),
      ImportExpression: (n) => check(n, n.source, false),
    };
  },
};

const serverOnly = {
  meta: { type: "problem", docs: { description: "server-side modules import 'server-only'" }, schema: [] },
  create(context) {
    return {
      Program(program) {
        const ok = program.body.some((s) => s.type === "ImportDeclaration" && s.source.value === "server-only");
        if (!ok) context.report({ node: program, loc: { line: 1, column: 0 }, message: `this layer's modules must \`import "server-only"\` (keeps them out of browser bundles)` });
      },
    };
  },
};

const envThroughConfig = {
  meta: {
    type: "problem",
    docs: { description: "environment variables are read through env() (lib/config/env.ts)" },
    schema: [{ type: "object", properties: { allow: { type: "array", items: { type: "string" } } }, additionalProperties: false }],
  },
  create(context) {
    const allow = new Set(context.options[0]?.allow ?? []);
    return {
      MemberExpression(node) {
        if (node.object.type !== "Identifier" || node.object.name !== "process" || node.property.name !== "env" || node.computed) return;
        const parent = node.parent;
        const name = parent.type === "MemberExpression" && parent.object === node ? (parent.computed ? parent.property.value : parent.property.name) : null;
        if (name && allow.has(name)) return;
        context.report({ node, message: `read ${name ?? "environment variables"} through env() from lib/config/env.ts (validated, one place)` });
      },
    };
  },
};

/** The local plugin: `replscope/layers`, `replscope/server-only`, `replscope/env-through-config`. */
const plugin = { meta: { name: "replscope" }, rules: { layers, "server-only": serverOnly, "env-through-config": envThroughConfig } };
export default plugin;
