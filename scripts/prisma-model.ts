// A small reader of replscope's Prisma schemas (models, fields, indexes) and the MySQL DDL for them: Prisma's offline
// (wasm) schema engine has no MySQL connector, so MySQL migrations are written from the schema by this code.

/** One scalar or relation field of a model. */
export interface Field {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attrs: string;
}

/** One model: its fields and block attributes. */
export interface Model {
  name: string;
  fields: Field[];
  ids: string[][];
  uniques: string[][];
  indexes: string[][];
  relations: { fields: string[]; model: string; references: string[]; onDelete: string }[];
}

const SCALARS = new Set(["String", "Int", "Float", "Boolean", "DateTime", "BigInt"]);
const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);

/** Parses the models of a schema text. */
export function parseModels(schema: string): Model[] {
  const models: Model[] = [];
  for (const m of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const model: Model = { name: m[1], fields: [], ids: [], uniques: [], indexes: [], relations: [] };
    for (const raw of m[2].split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      if (!line || line.startsWith("/**") || line.startsWith("*")) continue;
      const block = line.match(/^@@(id|unique|index)\(\[([^\]]*)\]/);
      if (block) {
        (block[1] === "id" ? model.ids : block[1] === "unique" ? model.uniques : model.indexes).push(list(block[2]));
        continue;
      }
      const f = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/);
      if (!f) continue;
      const field: Field = { name: f[1], type: f[2], list: !!f[3], optional: !!f[4], attrs: f[5] };
      model.fields.push(field);
      if (/@id\b/.test(field.attrs)) model.ids.push([field.name]);
      if (/@unique\b/.test(field.attrs)) model.uniques.push([field.name]);
      const rel = field.attrs.match(/@relation\(fields: \[([^\]]*)\], references: \[([^\]]*)\](?:, onDelete: (\w+))?/);
      if (rel) model.relations.push({ fields: list(rel[1]), model: field.type, references: list(rel[2]), onDelete: rel[3] ?? "Restrict" });
    }
    models.push(model);
  }
  return models;
}

/** The stored (scalar) fields of a model, as `name: Type[?]` strings, for comparing two schemas. */
export function scalarShape(m: Model): string[] {
  return m.fields.filter((f) => SCALARS.has(f.type)).map((f) => `${f.name}: ${f.type}${f.optional ? "?" : ""}${/@default\(/.test(f.attrs) ? " =" + f.attrs.match(/@default\(((?:[^()]|\([^()]*\))*)\)/)![1] : ""}`);
}

const q = (name: string) => `\`${name}\``;

function columnType(f: Field): string {
  switch (f.type) {
    case "String": return /@db\.Text\b/.test(f.attrs) ? "TEXT" : "VARCHAR(191)";
    case "Int": return "INTEGER";
    case "BigInt": return "BIGINT";
    case "Float": return "DOUBLE";
    case "Boolean": return "BOOLEAN";
    case "DateTime": return "DATETIME(3)";
    default: throw new Error(`no MySQL type for ${f.type}`);
  }
}

function defaultClause(f: Field, type: string): string {
  const d = f.attrs.match(/@default\(((?:[^()]|\([^()]*\))*)\)/)?.[1];
  if (!d || d === "cuid()" || d === "uuid()") return "";
  if (d === "autoincrement()") return " AUTO_INCREMENT";
  if (d === "now()") return " DEFAULT CURRENT_TIMESTAMP(3)";
  const literal = d.startsWith('"') ? `'${JSON.parse(d).replace(/'/g, "''")}'` : d;
  return type === "TEXT" ? ` DEFAULT (${literal})` : ` DEFAULT ${literal}`;
}

/** The column definition of one scalar field. */
export function columnSql(f: Field): string {
  const type = columnType(f);
  return `${q(f.name)} ${type} ${f.optional ? "NULL" : "NOT NULL"}${defaultClause(f, type)}`;
}

const cols = (names: string[]) => names.map(q).join(", ");
const indexName = (m: Model, names: string[], suffix: string) => `${m.name}_${names.join("_")}_${suffix}`.slice(0, 64);

/** CREATE TABLE for a model (case-sensitive utf8mb4_bin, as SQLite compares text). */
export function createTableSql(m: Model): string {
  const lines = m.fields.filter((f) => SCALARS.has(f.type)).map((f) => `    ${columnSql(f)}`);
  for (const u of m.uniques) lines.push(`    UNIQUE INDEX ${q(indexName(m, u, "key"))}(${cols(u)})`);
  for (const i of m.indexes) lines.push(`    INDEX ${q(indexName(m, i, "idx"))}(${cols(i)})`);
  lines.push(`    PRIMARY KEY (${cols(m.ids[0])})`);
  return `CREATE TABLE ${q(m.name)} (\n${lines.join(",\n")}\n) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;\n`;
}

function foreignKeySql(m: Model, r: Model["relations"][number]): string {
  const action = r.onDelete === "Cascade" ? "CASCADE" : r.onDelete === "SetNull" ? "SET NULL" : "RESTRICT";
  return `ALTER TABLE ${q(m.name)} ADD CONSTRAINT ${q(indexName(m, r.fields, "fkey"))} FOREIGN KEY (${cols(r.fields)}) REFERENCES ${q(r.model)}(${cols(r.references)}) ON DELETE ${action} ON UPDATE CASCADE;\n`;
}

const key = (names: string[]) => names.join(",");

/**
 * The MySQL statements that take a database from schema `from` (null: empty) to schema `to`. Additive changes only
 * (new tables, columns, indexes, relations); anything else throws, to be written by hand.
 */
export function mysqlMigration(from: Model[] | null, to: Model[]): string {
  const before = new Map((from ?? []).map((m) => [m.name, m]));
  const out: string[] = [];
  const fks: string[] = [];
  for (const m of to) {
    const old = before.get(m.name);
    if (!old) {
      out.push(createTableSql(m));
      fks.push(...m.relations.map((r) => foreignKeySql(m, r)));
      continue;
    }
    const oldFields = new Map(old.fields.map((f) => [f.name, f]));
    for (const f of m.fields.filter((x) => SCALARS.has(x.type))) {
      const o = oldFields.get(f.name);
      if (!o) out.push(`ALTER TABLE ${q(m.name)} ADD COLUMN ${columnSql(f)};\n`);
      else if (columnSql(o) !== columnSql(f)) throw new Error(`${m.name}.${f.name} changed: write this MySQL migration by hand`);
    }
    for (const f of old.fields) if (!m.fields.some((x) => x.name === f.name)) throw new Error(`${m.name}.${f.name} removed: write this MySQL migration by hand`);
    const had = (lists: string[][]) => new Set(lists.map(key));
    for (const u of m.uniques) if (!had(old.uniques).has(key(u))) out.push(`CREATE UNIQUE INDEX ${q(indexName(m, u, "key"))} ON ${q(m.name)}(${cols(u)});\n`);
    for (const i of m.indexes) if (!had(old.indexes).has(key(i))) out.push(`CREATE INDEX ${q(indexName(m, i, "idx"))} ON ${q(m.name)}(${cols(i)});\n`);
    for (const r of m.relations) if (!old.relations.some((o) => key(o.fields) === key(r.fields))) fks.push(foreignKeySql(m, r));
  }
  for (const name of before.keys()) if (!to.some((m) => m.name === name)) throw new Error(`model ${name} removed: write this MySQL migration by hand`);
  return [...out, ...fks].join("\n");
}
