#!/usr/bin/env node
// Measures our Jinja engine (src/engine/target/jinja/) against Python's Jinja2 configured as transformers configures
// it (scripts/jinja_python.py): every template x every record, rendered as apply_chat_template(messages, tools=...,
// add_generation_prompt=False, tokenize=False) does. Needs python3 with jinja2 >= 3.1; the product does not.
//
//   node scripts/jinja-compare.mjs --records FILE.jsonl [--bos '<s>' --eos '</s>'] [--verbose] TEMPLATE.jinja|DIR ...
//
// Records: JSONL with a `messages` array (and optionally `tools`, an array or a JSON string); other lines are skipped.
// Per template and in total it prints how many pairs render identically, raise the same error, and how many differ:
// FALSE-ERROR (we raise, Python renders), MISSED-ERROR (Python raises, we render), TEXT-DIFF, and engine gaps.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const recordsPath = opt("--records");
const bos = opt("--bos");
const eos = opt("--eos");
const verbose = args.includes("--verbose");
const inputs = args.filter((a) => a !== "--verbose");
if (!recordsPath || inputs.length === 0) {
  console.error("usage: node scripts/jinja-compare.mjs --records FILE.jsonl [--bos X --eos Y] [--verbose] TEMPLATE.jinja|DIR ...");
  process.exit(2);
}

// Our engine, bundled from the sources (so the script needs no build step).
const out = mkdtempSync(path.join(tmpdir(), "jinja-compare-"));
execFileSync(path.join(ROOT, "node_modules/.bin/ncc"), ["build", path.join(ROOT, "src/engine/target/jinja/index.ts"), "-o", out, "-q"], { stdio: "inherit" });
const engine = await import(pathToFileURL(path.join(out, "index.js")).href);
rmSync(out, { recursive: true, force: true });

const templates = inputs.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith(".jinja")).sort().map((f) => path.join(p, f)) : [p]));
const contexts = [];
readFileSync(recordsPath, "utf8")
  .split("\n")
  .forEach((line, i) => {
    if (line.trim() === "") return;
    let record;
    try {
      record = engine.needsPythonJson(line) ? engine.parsePythonJson(line) : JSON.parse(line);
    } catch {
      return;
    }
    const get = (k) => (record instanceof Map ? record.get(k) : record?.[k]);
    const messages = get("messages");
    if (!Array.isArray(messages)) return;
    let tools = get("tools");
    if (typeof tools === "string") {
      try {
        tools = JSON.parse(tools);
      } catch {
        tools = null;
      }
    }
    const context = { messages, tools: Array.isArray(tools) ? tools : null, documents: null, add_generation_prompt: false };
    if (bos !== undefined) context.bos_token = bos;
    if (eos !== undefined) context.eos_token = eos;
    contexts.push({ line: i + 1, context });
  });

const now = new Date(2024, 6, 26, 12, 0, 0); // the clock both sides read (jinja_python.py FIXED_NOW)
const totals = {};
const add = (t, k) => (t[k] = (t[k] ?? 0) + 1);
for (const file of templates) {
  const source = readFileSync(file, "utf8");
  const jobs = contexts.map((c) => JSON.stringify({ template: source, context: c.context }, (k, v) => (v instanceof Map ? Object.fromEntries(v) : v)));
  const py = spawnSync("python3", [path.join(ROOT, "scripts/jinja_python.py"), "render"], { input: jobs.join("\n") + "\n", maxBuffer: 1 << 30, encoding: "utf8" });
  if (py.status !== 0) {
    console.error(py.stderr);
    process.exit(2);
  }
  const answers = py.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l));
  const counts = {};
  let compiled;
  try {
    compiled = engine.compileTemplate(source);
  } catch (e) {
    compiled = e;
  }
  contexts.forEach((c, i) => {
    const p = answers[i];
    let kind;
    let ours;
    if (compiled instanceof Error) kind = p.syntaxError ? "syntax-error-both" : "SYNTAX-ERROR-OURS-ONLY";
    else if (p.syntaxError) kind = "SYNTAX-ERROR-PYTHON-ONLY";
    else {
      ours = engine.renderTemplate(compiled, c.context, { now: () => now });
      if (!ours.ok && ours.kind === "engine-gap") kind = "engine-gap";
      else if (p.ok && ours.ok) kind = p.text === ours.text ? "same-text" : "TEXT-DIFF";
      else if (!p.ok && !ours.ok) kind = p.message === ours.message ? "same-error" : "same-error-other-message";
      else kind = p.ok ? "FALSE-ERROR" : "MISSED-ERROR";
    }
    add(counts, kind);
    add(totals, kind);
    if (p.ok === false) add(totals, "python-errors");
    if (verbose && !["same-text", "same-error", "syntax-error-both"].includes(kind)) {
      console.log(`  ${path.basename(file)} line ${c.line}: ${kind}\n    python: ${JSON.stringify(p).slice(0, 300)}\n    ours:   ${JSON.stringify(ours ?? String(compiled)).slice(0, 300)}`);
    }
  });
  console.log(`${path.basename(file)}: ${JSON.stringify(counts)}`);
}
const pairs = templates.length * contexts.length;
console.log(`\n${templates.length} templates x ${contexts.length} records = ${pairs} pairs`);
for (const [k, v] of Object.entries(totals).sort()) console.log(`  ${k.padEnd(26)} ${String(v).padStart(7)}  ${((100 * v) / pairs).toFixed(2)}%`);
