// The config loader: the config file (.chatml-gate.yml, ajv-validated against schemas/config.schema.json), defaults,
// and action inputs / CLI flags on top (an input wins over the file), into the one typed object the engine reads
// (Config, in src/engine/settings.ts; thresholds: src/engine/thresholds.ts). The engine never imports this loader.
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ErrorObject } from "ajv";
import YAML from "yaml";
// Generated from schemas/config.schema.json at build time (scripts/validators.mjs): no schema compile at start-up.
import { validateConfig } from "./config-validate.generated.js";
import type { SeveritySetting } from "../engine/model.js";
import type { Profile } from "../engine/formats/context.js";
import { RULE_BY_ID } from "../engine/rules/registry.js";
import { ConfigError, type Config, type FailOn, type TargetConfig } from "../engine/settings.js";
import { DEFAULT_THRESHOLDS, RUN_ONLY, THRESHOLD_NAMES, type Limit, type Range, type Thresholds } from "../engine/thresholds.js";

export { ConfigError, configNotices } from "../engine/settings.js";
export type { Config, FailOn, Override, TargetConfig } from "../engine/settings.js";

/** Template variables transformers sets itself: template-kwargs cannot hold them (Python would refuse the call). */
const RESERVED_TEMPLATE_KWARGS = ["messages", "tools", "documents", "add_generation_prompt", "chat_template", "conversation", "tokenize", "continue_final_message", "return_assistant_tokens_mask"];

export const DEFAULT_CONFIG_FILES = [".chatml-gate.yml", ".chatml-gate.yaml", ".chatml-gate.json"];

export function defaultConfig(): Config {
  return {
    profile: "generic",
    failOn: "error",
    maxFindings: 1000,
    rules: {},
    duplicates: { caseInsensitive: false, near: true, nearThreshold: 0.8, shingleSize: 5 },
    tokens: { encoding: "o200k_base" },
    diversity: {},
    datasetInfo: {},
    thresholds: structuredClone(DEFAULT_THRESHOLDS),
    overrides: [],
  };
}

const list = (g: string | string[]): string[] => (Array.isArray(g) ? g : [g]);

const THRESHOLD_PATH = /^(?:\/overrides\/\d+)?\/thresholds\/[a-z0-9-]+/;

function describeErrors(errors: ErrorObject[], source: string): string {
  // Prefer the most specific error (deepest path), and skip anyOf summaries when a branch error explains more.
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const key = e.instancePath.replace(/^\//, "").replace(/\//g, ".") || "(top level)";
    let msg: string;
    // A threshold's value: one message that says what it takes (the errors of each branch it could have matched,
    // a number, "off", a percentage, an object, are noise).
    const threshold = THRESHOLD_PATH.exec(e.instancePath);
    if (threshold && e.keyword !== "additionalProperties") {
      const name = threshold[0].replace(/^\//, "").replace(/\//g, ".");
      msg = `'${name}' must be a number (a share also as a percentage: 0.05 or "5%"), {warn: N, fail: N}, or off${name.endsWith("single-turn-share") ? " (single-turn-share: [min, max] or {min, max, level})" : ""}`;
    } else if (e.keyword === "additionalProperties") {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(((e.parentSchema as { properties?: object }).properties ?? {}) as object);
      msg = `unknown key '${key === "(top level)" ? extra : key + "." + extra}'${allowed.length ? `; allowed: ${allowed.join(", ")}` : ""}`;
    } else if (e.keyword === "enum") {
      msg = `'${key}' must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    } else if (e.keyword === "anyOf") {
      msg = e.schemaPath.startsWith("#/definitions/globs/")
        ? `'${key}' must be a glob (a non-empty string) or a non-empty list of globs, e.g. "data/legacy/**"`
        : `'${key}' has the wrong type (${e.message})`;
    } else {
      msg = `'${key}' ${e.message}`;
    }
    if (e.keyword !== "anyOf" && errors.some((o) => o.keyword === "anyOf" && e.instancePath.startsWith(o.instancePath) && e.schemaPath.includes("anyOf"))) continue;

    if (seen.has(msg)) continue;
    seen.add(msg);
    lines.push(msg);
  }
  return `invalid config ${source}: ${lines.join("; ")}`;
}

function checkRuleIds(rules: Record<string, string> | undefined, where: string, source: string): void {
  for (const id of Object.keys(rules ?? {})) {
    if (!RULE_BY_ID.has(id)) throw new ConfigError(`invalid config ${source}: unknown rule '${id}' in ${where}; see docs/rules.md for the rule IDs`);
  }
}

/** The words that switch a rule or a check off, the same in the config file, the action inputs and the CLI (YAML's
 * false and null are off too). */
export const OFF_WORDS = ["off", "false", "none", "null"];
const isOff = (v: unknown): boolean => v === null || v === false || (typeof v === "string" && OFF_WORDS.includes(v.trim().toLowerCase()));

/** Thresholds whose values are fractions of 1 (a share: 0.05 or "5%"). */
export const FRACTIONS = new Set(["max-duplicate-rate", "max-near-duplicate-rate", "min-windowed-distinct-2", "max-opening-share", "max-boilerplate-share", "min-length-uniqueness", "max-diversity-drop", "single-turn-share", "max-pii-share"]);

/** A threshold value: a number, or (for a share) a percentage "5%" = 0.05. A percentage on a count or a ratio is
 * refused with the reason, wherever it is written. */
export function thresholdAmount(v: number | string, name: string, where: string): number {
  if (typeof v === "number") return v;
  const m = /^\s*(-?[0-9]*\.?[0-9]+(?:e-?\d+)?)\s*(%?)\s*$/i.exec(v);
  if (!m) throw new ConfigError(`${where} must be a number (e.g. 0.05) or a percentage (5%); got '${v}'`);
  if (!m[2]) return Number(m[1]);
  if (!FRACTIONS.has(name)) throw new ConfigError(`${where} is '${v}', but ${name} is ${name === "max-compression-ratio" ? "a ratio" : "a count"}, not a share: write it without %`);
  return Number(m[1]) / 100;
}

function toLimit(v: unknown, name: string, where: string): Limit | null {
  if (isOff(v)) return null;
  if (typeof v === "number" || typeof v === "string") return { fail: thresholdAmount(v, name, `'${where}'`) };
  const o = v as { warn?: number | string | null; fail?: number | string | null };
  const part = (x: number | string | null | undefined, level: string) => (x === null || x === undefined ? undefined : thresholdAmount(x, name, `'${where}.${level}'`));
  return { warn: part(o.warn, "warn"), fail: part(o.fail, "fail") };
}

function toRange(v: unknown, where: string): Range | null {
  if (isOff(v)) return null;
  const amount = (x: number | string | undefined, part: string) => (x === undefined ? undefined : thresholdAmount(x, "single-turn-share", `'${where}${part}'`));
  if (Array.isArray(v)) return { min: amount(v[0], "[0]"), max: amount(v[1], "[1]"), level: "warn" };
  const o = v as { min?: number | string; max?: number | string; level?: "warn" | "fail" };
  return { min: amount(o.min, ".min"), max: amount(o.max, ".max"), level: o.level ?? "warn" };
}

function toThresholds(raw: Record<string, unknown> | undefined, where: string): Partial<Thresholds> {
  const out: Partial<Thresholds> = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (k === "single-turn-share") out[k] = toRange(v, `${where}.${k}`);
    else (out as Record<string, Limit | null>)[k] = toLimit(v, k, `${where}.${k}`);
  }
  return out;
}

/** Rule severities as the config file writes them: off, false and null are all "off". */
function toSeverities(raw: Record<string, unknown> | undefined): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const [id, v] of Object.entries(raw ?? {})) out[id] = isOff(v) ? "off" : (v as SeveritySetting);
  return out;
}

/** Runs `f`, prefixing a ConfigError's message with the config file it is about. */
function wrap<T>(source: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ConfigError) throw new ConfigError(`invalid config ${source}: ${e.message}`);
    throw e;
  }
}

function nearThreshold(v: number | string, source: string): number {
  if (typeof v === "number") return v;
  const n = wrap(source, () => thresholdAmount(v, "max-near-duplicate-rate", "'duplicates.near-threshold'"));
  if (!(n > 0 && n <= 1)) throw new ConfigError(`invalid config ${source}: 'duplicates.near-threshold' is '${v}': a share above 0 and at most 100%`);
  return n;
}

/** Builds a Config from a parsed config document (already an object). */
export function configFromObject(doc: unknown, source = "(inline)"): Config {
  if (doc === null || doc === undefined) doc = {};
  if (!validateConfig(doc)) throw new ConfigError(describeErrors(validateConfig.errors ?? [], source));
  const d = doc as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  checkRuleIds(d.rules, "rules", source);
  const c = defaultConfig();
  c.source = source;
  if (d.format) c.format = d.format;
  if (d.profile) c.profile = d.profile;
  if (d["category-field"]) c.categoryField = d["category-field"];
  if (d["fail-on"]) c.failOn = d["fail-on"];
  if (d["fail-on-new"] === true) c.failOnNew = true;
  if (d["max-findings"] !== undefined) c.maxFindings = d["max-findings"];
  if (d.paths) c.paths = d.paths;
  c.rules = toSeverities(d.rules);
  const dup = d.duplicates ?? {};
  c.duplicates = {
    caseInsensitive: dup["case-insensitive"] ?? false,
    near: dup.near ?? true,
    nearThreshold: dup["near-threshold"] === undefined ? 0.8 : nearThreshold(dup["near-threshold"], source),
    shingleSize: dup["shingle-size"] ?? 5,
  };
  if (d.splits) c.splits = d.splits.map((s: { train: string | string[]; eval: string | string[] }) => ({ train: list(s.train), eval: list(s.eval) }));
  const t = d.tokens ?? {};
  // YAML reads 1e400 or .inf as Infinity, which the schema's integer/minimum checks let through: the report would
  // show "the Infinity-token limit" and a cost of 0.00 (null in JSON).
  for (const k of ["max-tokens", "price-per-million"]) {
    if (t[k] !== undefined && !Number.isFinite(t[k])) throw new ConfigError(`invalid config ${source}: 'tokens.${k}' is ${t[k]}: not a finite number`);
  }
  c.tokens = { encoding: t.encoding ?? "o200k_base", maxTokens: t["max-tokens"], model: t.model, epochs: t.epochs, pricePerMillion: t["price-per-million"], exact: t.exact === true ? true : undefined };
  if (c.tokens.maxTokens === undefined) setProfileLimit(c);
  c.diversity = { boilerplatePhrases: d.diversity?.["boilerplate-phrases"] };
  if (d.target) {
    const t = d.target as Record<string, unknown>;
    const kwargs = t["template-kwargs"] as Record<string, unknown> | undefined;
    const reserved = Object.keys(kwargs ?? {}).filter((k) => RESERVED_TEMPLATE_KWARGS.includes(k));
    if (reserved.length) throw new ConfigError(`invalid config ${source}: 'target.template-kwargs' sets ${reserved.map((k) => `'${k}'`).join(", ")}, which the gate passes itself as transformers' apply_chat_template does (messages and tools from each record, add_generation_prompt false)`);
    c.target = {
      chatTemplate: t["chat-template"] as string,
      tokenizer: t.tokenizer as string | undefined,
      templateName: t["template-name"] as string | undefined,
      templateKwargs: kwargs,
      bosToken: t["bos-token"] as string | undefined,
      eosToken: t["eos-token"] as string | undefined,
      loss: t.loss as TargetConfig["loss"],
    };
    const max = t["max-tokens"] as number | undefined;
    if (max !== undefined) {
      if (c.tokens.maxTokens !== undefined && d.tokens?.["max-tokens"] !== undefined && c.tokens.maxTokens !== max) {
        throw new ConfigError(`invalid config ${source}: 'target.max-tokens' is ${max} but 'tokens.max-tokens' is ${c.tokens.maxTokens}: set the context limit once`);
      }
      c.tokens.maxTokens = max;
    }
  }
  c.datasetInfo = { ...(d["dataset-info"] ?? {}) };
  if (d["ignore-file"] !== undefined) c.ignoreFile = d["ignore-file"];
  c.thresholds = { ...c.thresholds, ...wrap(source, () => toThresholds(d.thresholds, "thresholds")) };
  checkThresholdOrder(c.thresholds, "thresholds", `invalid config ${source}`);
  c.overrides = (d.overrides ?? []).map((o: { files: string | string[]; rules?: Record<string, SeveritySetting>; thresholds?: Record<string, unknown> }, i: number) => {
    checkRuleIds(o.rules, `overrides[${i}].rules`, source);
    const thresholds = wrap(source, () => toThresholds(o.thresholds, `overrides[${i}].thresholds`));
    checkThresholdOrder(thresholds, `overrides[${i}].thresholds`, `invalid config ${source}`);
    for (const name of Object.keys(thresholds) as (keyof Thresholds)[]) {
      if (RUN_ONLY.has(name)) throw new ConfigError(`invalid config ${source}: 'overrides[${i}].thresholds.${name}' cannot be evaluated for some files only (it compares the whole run with the base branch): set it under 'thresholds'`);
    }
    return { files: list(o.files), rules: toSeverities(o.rules), thresholds };
  });
  return c;
}

/** A value that is not a finite number, negative, or a fraction above 1; a warn level that could never show before the fail level, or a range whose min is above its max, is a mistake in
 * the settings (e.g. max-duplicate-rate {warn: 0.5, fail: 0.1}): say so rather than gate on it. */
function checkThresholdOrder(t: Partial<Thresholds>, where: string, prefix: string): void {
  for (const [name, v] of Object.entries(t)) {
    if (!v) continue;
    const values = name === "single-turn-share" ? [(v as Range).min, (v as Range).max] : [(v as Limit).warn, (v as Limit).fail];
    for (const x of values) {
      if (x === undefined) continue;
      const bad = !Number.isFinite(x) ? "not a number" : x < 0 ? "negative" : FRACTIONS.has(name) && x > 1 ? "above 1 (a fraction: 0.05 = 5 %)" : "";
      if (bad) throw new ConfigError(`${prefix}: '${where}.${name}' is ${x}: ${bad}`);
    }
    if (name === "single-turn-share") {
      const r = v as Range;
      if (r.min === undefined && r.max === undefined) throw new ConfigError(`${prefix}: '${where}.${name}' needs a min, a max or both`);
      if (r.min !== undefined && r.max !== undefined && r.min > r.max) throw new ConfigError(`${prefix}: '${where}.${name}' has min ${r.min} above max ${r.max}`);
      continue;
    }
    const l = v as Limit;
    if (l.warn === undefined || l.fail === undefined) continue;
    if (name.startsWith("min-") ? l.warn < l.fail : l.warn > l.fail) {
      throw new ConfigError(`${prefix}: '${where}.${name}' warns at ${l.warn} but fails at ${l.fail}: the warning level must come before the failing one (${name.startsWith("min-") ? "warn >= fail for a min- threshold" : "warn <= fail"})`);
    }
  }
}

/** Loads the config file (`path`, or the default file in `cwd` when present); no file means defaults. */
export async function loadConfig(path: string | undefined, cwd: string): Promise<Config> {
  let file = path ? resolve(cwd, path) : undefined;
  if (!file) {
    const found = DEFAULT_CONFIG_FILES.map((f) => join(cwd, f)).find((f) => existsSync(f));
    if (!found) return defaultConfig();
    file = found;
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new ConfigError(`cannot read config ${path ?? file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
  let doc: unknown;
  try {
    if (file.endsWith(".json")) doc = JSON.parse(text);
    else {
      // parse errors and warnings (an unknown tag such as !!js/function) are the config's fault, said once here
      const all = YAML.parseAllDocuments(text, { uniqueKeys: true, logLevel: "silent" });
      const docs = Array.isArray(all) ? all : []; // an empty stream: no file content at all
      for (const d of docs) {
        const problem = d.errors[0] ?? d.warnings[0];
        if (problem) throw problem;
      }
      // A second document (after '---' or '...') was silently ignored by a one-document parse; empty ones (a
      // leading or trailing '---') lose nothing.
      const filled = docs.filter((d) => !(d.contents === null || (YAML.isScalar(d.contents) && d.contents.value === null)));
      if (filled.length > 1) throw new Error(`it holds ${filled.length} YAML documents (separated by '---' or '...') and only one is read: put every setting in one document`);
      doc = filled.length ? filled[0].toJS({ maxAliasCount: 100 }) : null;
    }
  } catch (e) {
    throw new ConfigError(`cannot parse config ${path ?? file}: ${(e as Error).message.split("\n")[0]}`);
  }
  return configFromObject(doc, path ?? file.slice(cwd.length + 1));
}

/** Applies rule severities given as strings (`--rule ID=SEVERITY`, the action's `rules` input): error, warning, or
 * off (also false, none, null), as in the config file. An unknown rule ID is an error naming the closest one. */
export function applyRuleInputs(config: Config, entries: [string, string][], label: (id: string) => string = (id) => `input 'rules' (${id})`): Config {
  const c = structuredClone(config);
  for (const [rawId, raw] of entries) {
    const id = rawId.trim();
    const value = raw.trim().toLowerCase();
    if (!RULE_BY_ID.has(id)) {
      const near = closest(id, [...RULE_BY_ID.keys()]);
      throw new ConfigError(`${label(id)}: unknown rule '${id}'${near ? ` (did you mean '${near}'?)` : ""}; \`chatml-gate rules\` lists them`);
    }
    if (isOff(value)) c.rules[id] = "off";
    else if (value === "error" || value === "warning") c.rules[id] = value;
    else throw new ConfigError(`${label(id)} must be error, warning or off; got '${raw.trim()}'`);
  }
  return c;
}

/** The candidate nearest to `word` by edit distance, when it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The token limit a profile implies when tokens.max-tokens is not set (OpenAI: 65,536 per example). */
function setProfileLimit(c: Config): void {
  const limit = c.profile === "openai" ? 65536 : undefined;
  c.tokens.maxTokens = limit;
  c.tokens.maxTokensFromProfile = limit !== undefined ? true : undefined;
}

/** Applies kebab-case threshold settings given as strings (action inputs, CLI flags); strict parsing. `label` names a
 * setting in messages the way its user wrote it (default: an action input, `input 'fail-on'`). */
export function applyThresholdInputs(config: Config, inputs: Record<string, string>, label: (name: string) => string = (name) => `input '${name}'`): Config {
  const c = structuredClone(config);
  const profile = inputs.profile?.trim();
  if (profile) {
    if (!validateConfig({ profile })) {
      const allowed = (validateConfig.errors?.[0]?.params as { allowedValues?: string[] } | undefined)?.allowedValues ?? [];
      throw new ConfigError(`${label("profile")} must be ${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)}; got '${profile}'`);
    }
    c.profile = profile as Profile;
    if (c.tokens.maxTokens === undefined || c.tokens.maxTokensFromProfile) setProfileLimit(c);
  }
  for (const [name, raw] of Object.entries(inputs)) {
    const value = raw.trim();
    if (value === "" || name === "profile") continue;
    if (name === "fail-on") {
      if (!["error", "warning", "never"].includes(value)) throw new ConfigError(`${label(name)} must be error, warning or never; got '${value}'`);
      c.failOn = value as FailOn;
      continue;
    }
    if (name === "max-tokens") {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${label(name)} must be a positive integer; got '${value}'`);
      c.tokens.maxTokens = n;
      c.tokens.maxTokensFromProfile = undefined;
      continue;
    }
    if (!THRESHOLD_NAMES.includes(name as keyof Thresholds)) throw new ConfigError(`unknown threshold '${name}'; known: ${THRESHOLD_NAMES.join(", ")}`);
    const off = isOff(value);
    if (name === "single-turn-share") {
      if (off) {
        c.thresholds[name] = null;
        continue;
      }
      const m = /^\s*([0-9.]+\s*%?)\s*(?:-|\.\.|,)\s*([0-9.]+\s*%?)\s*$/.exec(value);
      if (!m || !isFinite(Number(m[1].replace("%", ""))) || !isFinite(Number(m[2].replace("%", "")))) throw new ConfigError(`${label(name)} must be a range like 0.6-0.8 (or 60%-80%); got '${value}'`);
      c.thresholds[name] = { min: thresholdAmount(m[1], name, label(name)), max: thresholdAmount(m[2], name, label(name)), level: "warn" };
      continue;
    }
    const key = name as Exclude<keyof Thresholds, "single-turn-share">;
    if (off) {
      c.thresholds[key] = null;
      continue;
    }
    // "0.05", "warn:0.01,fail:0.05" or "warn=0.01 fail=0.05"
    const parts = value.split(/[\s,]+/).filter(Boolean);
    const limit: Limit = {};
    for (const p of parts) {
      const m = /^(?:(warn|fail)\s*[:=]\s*)?(-?[0-9]*\.?[0-9]+(?:e-?\d+)?%?)$/i.exec(p);
      if (!m) throw new ConfigError(`${label(name)} must be a number (e.g. 0.05), a percentage (5%), or 'warn:N,fail:N'; got '${value}'`);
      limit[(m[1]?.toLowerCase() as "warn" | "fail") ?? "fail"] = thresholdAmount(m[2], name, label(name));
    }
    c.thresholds[key] = limit;
  }
  checkThresholdOrder(c.thresholds, "thresholds", "invalid threshold inputs");
  return c;
}
