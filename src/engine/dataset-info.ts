// dataset_info: a plain-text summary card of a dataset, built from the analysis results.
//
//   const info: DatasetInfo = buildDatasetInfo(input);   // plain JSON data (the report's `datasetInfo`)
//   const text: string = renderDatasetInfo(info);         // <= 100 columns, deterministic (no locale, no clock)
//
// Sections: header (name / purpose / date), total examples and split per file, Quality Assurance checklist
// (✓/✗), Dataset Composition, System Prompts, Category Distribution (if any), Estimated Tokens,
// Instructions for Use (datasets.load_dataset line and the trainer settings that fit the format).
import type { CompositionResult } from "./analysis/composition.js";
import type { DiversityResult } from "./analysis/diversity-result.js";
import type { TokenResult } from "./analysis/token-result.js";
import type { DatasetFormat } from "./model.js";

export const DATASET_INFO_WIDTH = 100;
/** Windowed distinct-2 below this fails the diversity check. */
export const DEFAULT_DIVERSITY_THRESHOLD = 0.45;

export interface DatasetInfoInput {
  name?: string;
  purpose?: string;
  /** Date string, passed in so output stays deterministic. */
  generatedAt: string;
  /** `validRecords`: records that passed validation (absent = all of them). */
  files: { path: string; records: number; validRecords?: number; format: DatasetFormat | "unknown" }[];
  validationPassed: boolean;
  errors: number;
  duplicates: { exact: number; near: number };
  requiredFieldsPresent: boolean;
  /** Records that passed validation, and all records (format compliance = valid / records). */
  validRecords: number;
  records: number;
  diversity?: DiversityResult;
  composition?: CompositionResult;
  tokens?: TokenResult;
  diversityThreshold?: number;
  /** Secrets and personal data found (report.privacy; absent when not scanned). */
  privacy?: { secrets: number; possibleSecrets: number; pii: number; piiRecords: number };
}

export interface DatasetInfo {
  name?: string;
  purpose?: string;
  generatedAt: string;
  /** Every record (non-blank line), and those that passed validation (no error: what a trainer accepts). */
  totalExamples: number;
  validExamples: number;
  files: { path: string; records: number; validRecords: number; format: DatasetFormat | "unknown"; split: string }[];
  qa: {
    validationPassed: boolean;
    errors: number;
    exactDuplicates: number;
    nearDuplicates: number;
    windowedDistinct2: number | null;
    diversityThreshold: number;
    /** null when diversity was not measured. */
    diversityPassed: boolean | null;
    requiredFieldsPresent: boolean;
    /** Percent of records that passed validation (2 decimals). */
    formatCompliance: number;
    /** Secret findings, and records with personal data (absent when not scanned). */
    secrets?: number;
    piiRecords?: number;
  };
  composition?: {
    records: number;
    singleTurn: number;
    multiTurn: number;
    responses: number;
    withCode: number;
    withLists: number;
    withHeaders: number;
    brief: number;
    medium: number;
    detailed: number;
  };
  systemPrompts?: { recordsWithSystem: number; distinct: number; top: { text: string; count: number }[] };
  categories?: { category: string; count: number }[];
  /** Records with a category (the shares' denominator), and whether the counts are exact (at most 10,000 categories). */
  categorized?: { records: number; distinct: number; exact: boolean };
  tokens?: {
    encoding: string;
    total: number;
    mean: number;
    exact: boolean;
    relativeError: number;
    epochs: number;
    billedTokens: number;
    pricePerMillion?: number;
    estimatedCost?: number;
    /** Image parts, and those counted in the total (TokenResult.images). */
    images?: { parts: number; counted: number; tokens: number };
  };
  usage: { dataFiles: Record<string, string[]>; format: DatasetFormat | "unknown" };
}

function splitOf(path: string): string {
  const base = path.split(/[\\/]/).pop()!.toLowerCase();
  if (/(^|[^a-z])(val|valid|validation|dev|eval)([^a-z]|$)/.test(base)) return "validation";
  if (/(^|[^a-z])test([^a-z]|$)/.test(base)) return "test";
  return "train";
}

function mainFormat(files: DatasetInfoInput["files"]): DatasetFormat | "unknown" {
  const by = new Map<string, number>();
  for (const f of files) by.set(f.format, (by.get(f.format) ?? 0) + f.records);
  let best: DatasetFormat | "unknown" = "unknown";
  let n = -1;
  for (const [k, v] of [...by].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (v > n && k !== "unknown") {
      best = k as DatasetFormat;
      n = v;
    }
  }
  return best;
}

export function buildDatasetInfo(input: DatasetInfoInput): DatasetInfo {
  const threshold = input.diversityThreshold ?? DEFAULT_DIVERSITY_THRESHOLD;
  const wd2 = input.diversity?.windowedDistinct2.mean ?? null;
  const files = input.files.map((f) => ({ path: f.path, records: f.records, validRecords: f.validRecords ?? f.records, format: f.format, split: splitOf(f.path) }));
  const dataFiles: Record<string, string[]> = {};
  for (const f of files) (dataFiles[f.split] ??= []).push(f.path);
  const info: DatasetInfo = {
    generatedAt: input.generatedAt,
    totalExamples: files.reduce((s, f) => s + f.records, 0),
    validExamples: files.reduce((s, f) => s + f.validRecords, 0),
    files,
    qa: {
      validationPassed: input.validationPassed,
      errors: input.errors,
      exactDuplicates: input.duplicates.exact,
      nearDuplicates: input.duplicates.near,
      windowedDistinct2: wd2,
      diversityThreshold: threshold,
      diversityPassed: wd2 === null ? null : wd2 >= threshold,
      requiredFieldsPresent: input.requiredFieldsPresent,
      formatCompliance: input.records > 0 ? Math.round((input.validRecords / input.records) * 10000) / 100 : 0,
      ...(input.privacy ? { secrets: input.privacy.secrets, piiRecords: input.privacy.piiRecords } : {}),
    },
    usage: { dataFiles, format: mainFormat(input.files) },
  };
  if (input.name !== undefined) info.name = input.name;
  if (input.purpose !== undefined) info.purpose = input.purpose;
  const c = input.composition;
  if (c) {
    info.composition = {
      records: c.records,
      singleTurn: c.singleTurn,
      multiTurn: c.multiTurn,
      responses: c.responses.records,
      withCode: c.responses.withCode,
      withLists: c.responses.withLists,
      withHeaders: c.responses.withHeaders,
      brief: c.responses.brief,
      medium: c.responses.medium,
      detailed: c.responses.detailed,
    };
    if (c.categories) {
      info.categories = c.categories.top.slice(0, 20);
      info.categorized = { records: c.categories.records, distinct: c.categories.distinct, exact: c.categories.exact };
    }
  }
  const d = input.diversity;
  if (d) {
    info.systemPrompts = {
      recordsWithSystem: d.systemPrompts.recordsWithSystem,
      distinct: d.systemPrompts.distinct,
      top: d.systemPrompts.top.slice(0, 3),
    };
  }
  const t = input.tokens;
  if (t) {
    info.tokens = {
      // the target model's tokenizer.json, on the rendered records, when one counted them
      encoding: t.tokenizer ?? t.encoding,
      total: t.total,
      mean: t.mean,
      exact: t.exact,
      relativeError: t.relativeError,
      epochs: t.epochs,
      billedTokens: t.billedTokens,
    };
    if (t.pricePerMillion !== undefined) info.tokens.pricePerMillion = t.pricePerMillion;
    if (t.estimatedCost !== undefined) info.tokens.estimatedCost = t.estimatedCost;
    if (t.images.parts > 0) info.tokens.images = t.images;
  }
  return info;
}

/** Integer with "," thousands separators (locale-independent). */
export function fmtInt(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  return (n < 0 ? "-" : "") + s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function pct(a: number, b: number): string {
  return b > 0 ? `${((a / b) * 100).toFixed(1)}%` : "0.0%";
}

function width(s: string): number {
  return [...s].length;
}

/** Truncate to `max` columns with "…". */
function fit(s: string, max: number): string {
  const cps = [...s];
  return cps.length <= max ? s : cps.slice(0, Math.max(0, max - 1)).join("") + "…";
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function pyStr(s: string): string {
  return "'" + s.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
}

function trainerLines(format: DatasetFormat | "unknown"): string[] {
  switch (format) {
    case "chatml":
      return [
        "TRL SFTTrainer: conversational format, the `messages` column is used as is",
        "Axolotl: datasets: - path: <file>, type: chat_template (field_messages: messages)",
        "LLaMA-Factory: formatting: sharegpt, tags: {role_tag: role, content_tag: content,",
        "  user_tag: user, assistant_tag: assistant, system_tag: system}, columns: {messages: messages}",
      ];
    case "sharegpt":
      return [
        "TRL SFTTrainer: map `conversations` (from/value) to `messages` (role/content) first",
        "Axolotl: type: chat_template, field_messages: conversations,",
        "  message_property_mappings: {role: from, content: value}",
        "LLaMA-Factory: formatting: sharegpt, columns: {messages: conversations}",
      ];
    case "alpaca":
      return [
        "TRL SFTTrainer: map instruction/input/output to prompt/completion first",
        "Axolotl: type: alpaca",
        "LLaMA-Factory: formatting: alpaca, columns: {prompt: instruction, query: input, response: output}",
      ];
    case "preference-trl":
      return [
        "TRL DPOTrainer: prompt/chosen/rejected columns are used as is",
        "Axolotl: rl: dpo (type: chatml.intel or a matching prompt strategy)",
        "LLaMA-Factory: ranking: true, columns: {prompt: prompt, chosen: chosen, rejected: rejected}",
      ];
    case "preference-openai":
      return [
        "OpenAI fine-tuning: method type `dpo`, the file is uploaded as is",
        "TRL DPOTrainer: map input.messages / preferred_output / non_preferred_output",
        "  to prompt / chosen / rejected first",
      ];
    default:
      return ["Format not recognised: convert to ChatML `messages` first"];
  }
}

export function renderDatasetInfo(info: DatasetInfo): string {
  const W = DATASET_INFO_WIDTH;
  const out: string[] = [];
  const rule = "=".repeat(W);
  const section = (title: string) => {
    out.push("", title, "-".repeat(width(title)));
  };
  const check = (ok: boolean, text: string) => out.push(`  ${ok ? "✓" : "✗"} ${text}`);

  out.push(rule);
  out.push(`Dataset: ${oneLine(info.name ?? "(unnamed)")}`);
  if (info.purpose) out.push(`Purpose: ${oneLine(info.purpose)}`);
  out.push(`Generated: ${info.generatedAt}`);
  out.push(rule);
  const invalid = info.totalExamples - info.validExamples;
  out.push("", `Total examples: ${fmtInt(info.totalExamples)}${invalid > 0 ? ` (${fmtInt(info.validExamples)} valid, ${fmtInt(invalid)} invalid)` : ""}`);
  const countW = Math.max(7, ...info.files.map((f) => fmtInt(f.records).length));
  const formatW = Math.max(...info.files.map((f) => f.format.length));
  // one column layout for every row: the path column is as wide as the widest row's other columns allow
  const tails = info.files.map((f) => {
    const bad = f.records - f.validRecords;
    return ` ${fmtInt(f.records).padStart(countW)}  ${f.split.padEnd(10)} ${f.format.padEnd(formatW)}${bad > 0 ? `  (${fmtInt(bad)} invalid)` : ""}`;
  });
  const pathW = Math.max(12, W - 2 - Math.max(0, ...tails.map(width)));
  info.files.forEach((f, i) => out.push(`  ${fit(f.path, pathW).padEnd(pathW)}${tails[i]}`.trimEnd()));

  const q = info.qa;
  section("Quality Assurance");
  check(q.validationPassed, `JSON validation: ${q.validationPassed ? "PASSED" : "FAILED"} (${fmtInt(q.errors)} ${q.errors === 1 ? "error" : "errors"})`);
  const dups = q.exactDuplicates + q.nearDuplicates;
  check(
    dups === 0,
    dups === 0
      ? "Duplicates: none found"
      : `Duplicates: ${fmtInt(q.exactDuplicates)} exact, ${fmtInt(q.nearDuplicates)} near-duplicates found`,
  );
  if (q.windowedDistinct2 === null) check(false, "Diversity check: not measured");
  else
    check(
      q.diversityPassed === true,
      `Diversity check: windowed distinct-2 ${q.windowedDistinct2.toFixed(2)} ` +
        `(${q.diversityPassed ? "≥" : "<"} ${q.diversityThreshold.toFixed(2)})`,
    );
  check(q.requiredFieldsPresent, `Required fields present: ${q.requiredFieldsPresent ? "yes" : "no"}`);
  check(q.formatCompliance >= 100, `Format compliance: ${q.formatCompliance.toFixed(2)}%`);
  if (q.secrets !== undefined) check(q.secrets === 0, q.secrets === 0 ? "Secrets: none found" : `Secrets: ${fmtInt(q.secrets)} found (credentials to remove and revoke)`);
  if (q.piiRecords !== undefined) check(q.piiRecords === 0, q.piiRecords === 0 ? "Personal data: none found" : `Personal data: in ${fmtInt(q.piiRecords)} ${q.piiRecords === 1 ? "example" : "examples"} (${pct(q.piiRecords, info.totalExamples)})`);

  const c = info.composition;
  if (c) {
    section("Dataset Composition");
    out.push(`  Single-turn: ${fmtInt(c.singleTurn)} (${pct(c.singleTurn, c.records)})`);
    out.push(`  Multi-turn:  ${fmtInt(c.multiTurn)} (${pct(c.multiTurn, c.records)})`);
    out.push("  Response types (final assistant message):");
    out.push(`    with code blocks: ${fmtInt(c.withCode)} (${pct(c.withCode, c.responses)})`);
    out.push(`    with lists:       ${fmtInt(c.withLists)} (${pct(c.withLists, c.responses)})`);
    out.push(`    with headers:     ${fmtInt(c.withHeaders)} (${pct(c.withHeaders, c.responses)})`);
    out.push("  Response lengths:");
    out.push(`    brief (<200 chars):       ${fmtInt(c.brief)} (${pct(c.brief, c.responses)})`);
    out.push(`    medium (200-800 chars):   ${fmtInt(c.medium)} (${pct(c.medium, c.responses)})`);
    out.push(`    detailed (>800 chars):    ${fmtInt(c.detailed)} (${pct(c.detailed, c.responses)})`);
  }

  const s = info.systemPrompts;
  if (s) {
    section("System Prompts");
    out.push(`  Unique variations: ${fmtInt(s.distinct)} (in ${fmtInt(s.recordsWithSystem)} examples)`);
    s.top.forEach((p, i) => {
      const head = `  ${i + 1}. (${fmtInt(p.count)}x) `;
      out.push(head + fit(`"${oneLine(p.text)}"`, W - width(head)));
    });
  }

  if (info.categories && info.categories.length) {
    section("Category Distribution");
    const cat = info.categorized;
    const total = cat ? cat.records : info.categories.reduce((a, e) => a + e.count, 0);
    if (cat) {
      const shown = info.categories.length < cat.distinct ? `, top ${info.categories.length} shown` : "";
      out.push(cat.exact ? `  ${fmtInt(cat.records)} examples with a category, ${fmtInt(cat.distinct)} categories${shown}` : `  ${fmtInt(cat.records)} examples with a category, more than 10,000 categories: counts are lower bounds`);
    }
    const nameW = Math.min(40, Math.max(...info.categories.map((e) => width(oneLine(e.category)))));
    for (const e of info.categories) {
      out.push(`  ${fit(oneLine(e.category), nameW).padEnd(nameW)}  ${fmtInt(e.count).padStart(9)} (${pct(e.count, total)})`);
    }
  }

  const t = info.tokens;
  if (t) {
    section("Estimated Tokens");
    const how = t.exact ? "exact" : `estimated, ±${(t.relativeError * 100).toFixed(1)}%`;
    out.push(`  Total: ${fmtInt(t.total)} (${t.encoding}, ${how})`);
    out.push(`  Average per example: ${t.mean.toFixed(1)}`);
    if (t.images) {
      const left = t.images.parts - t.images.counted;
      out.push(`  Images: ${fmtInt(t.images.counted)} counted (${fmtInt(t.images.tokens)} tokens)${left > 0 ? `, ${fmtInt(left)} not counted (size unknown)` : ""}`);
    }
    out.push(`  Epochs: ${t.epochs}`);
    if (t.estimatedCost !== undefined && t.pricePerMillion !== undefined) {
      out.push(
        `  Estimated training cost: $${t.estimatedCost.toFixed(2)} (${t.epochs} epochs x ` +
          `${fmtInt(t.billedTokens)} billed tokens x $${t.pricePerMillion} / 1M)`,
      );
    }
  }

  section("Instructions for Use");
  out.push("  from datasets import load_dataset");
  const entries = Object.keys(info.usage.dataFiles)
    .sort((a, b) => ["train", "validation", "test"].indexOf(a) - ["train", "validation", "test"].indexOf(b))
    .map((k) => {
      const v = info.usage.dataFiles[k];
      return `${pyStr(k)}: ${v.length === 1 ? pyStr(v[0]) : "[" + v.map(pyStr).join(", ") + "]"}`;
    });
  const single = `  ds = load_dataset('json', data_files={${entries.join(", ")}})`;
  if (width(single) <= W) out.push(single);
  else {
    out.push("  ds = load_dataset('json', data_files={");
    for (const e of entries) out.push(`      ${e},`);
    out.push("  })");
  }
  out.push(`  Format: ${info.usage.format}`);
  for (const l of trainerLines(info.usage.format)) out.push(`  ${l}`);
  out.push("");
  return out.map((l) => fit(l.trimEnd(), W)).join("\n");
}
