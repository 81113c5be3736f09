// The target-model fixtures (tests/fixtures/target/, made by make-goldens.py with Python's Jinja2 and tokenizers) and
// what the tests need of them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/paths.js";
import { compileTemplate, renderTemplate } from "../../src/engine/target/jinja/index.js";

export const FIX = join(ROOT, "tests", "fixtures", "target");
export const fixture = (name: string) => readFileSync(join(FIX, name), "utf8");

export type GoldenCase = { record: number; ok: true; text: string } | { record: number; ok: false; error: string; raised: boolean };
export interface Goldens {
  specialTokens: Record<string, string>;
  templates: Record<string, { cases?: GoldenCase[]; syntaxError?: { line: number; message: string } }>;
  tokenizerConfig: { specialTokens: Record<string, unknown>; default: GoldenCase[]; gemma: GoldenCase[] };
  tokens: { tokenizer: string; merges: number; counts: Record<string, (number | null)[]>; pieces: Record<string, number>; withSpecial: Record<string, number>; hostile: Record<string, number>; sentencepiece: { tokenizer: string; hostile: Record<string, number>; "mistral-style": (number | null)[] } };
}

export const GOLDENS = JSON.parse(fixture("goldens.json")) as Goldens;
export const RECORDS = fixture("records.jsonl")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Record<string, unknown>);
/** The records file's lines, as written (line k + 1 is RECORDS[k]). */
export const RECORD_LINES = fixture("records.jsonl").split("\n").filter((l) => l.trim());

/** Whether the template engine has Python's semantics where they differ most from JavaScript's (string + list raises).
 * The engine in src/engine/target/jinja/ may be a stand-in that renders it; tests of Python-only behaviour are skipped
 * then. */
export const FAITHFUL = (() => {
  const r = renderTemplate(compileTemplate("{{ 'a' + x }}"), { x: [1] });
  return !r.ok && r.kind === "template-error";
})();

/** The renders where only an engine with Python's semantics agrees with Python: string + list content (raises), a
 * conversation of no messages indexed (raises), an iteration's output before `continue`, True printed as Python does. */
export const PYTHON_ONLY = new Set(["qwen-style#6", "qwen-style#12", "mistral-style#12", "gemma-style#12", "python-semantics#5", "python-semantics#6", "python-semantics#8", "default#6", "default#12", "gemma#12"]);
