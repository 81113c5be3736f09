#!/usr/bin/env node
// CLI entry: argument parsing → engine → render → exit code.
// Exit codes: 0 passed, 1 gate failed, 2 usage, config or internal error.
import { parseArgs } from "node:util";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { isMainThread, workerData } from "node:worker_threads";
import { check, planRun, runInThisThread } from "./engine/check.js";
import { poolRunner, WORKER_MARK } from "./engine/worker-pool.js";
import { serveChunks } from "./engine/worker-main.js";
import { mergePartials, MergeError, parseShard, PARTIAL_KIND, partialJson, shardJobs } from "./engine/shards.js";
import type { Report } from "./engine/report.js";
import { findDatasetFiles, outputOverDataset, UsageError, writeErrorReason } from "./engine/files.js";
import { applyRuleInputs, applyThresholdInputs, closest, ConfigError, loadConfig, type Config } from "./config/config.js";
import { renderText } from "./render/text.js";
import { contextFromEnv, renderMarkdown } from "./render/markdown.js";
import { parseBaseReport } from "./engine/deltas.js";
import { toSarif } from "./render/sarif.js";
import { streamJson, writeJsonFile } from "./render/json-out.js";
import { docUrl, RULES } from "./engine/rules/registry.js";
import { VERSION } from "./engine/version.js";
import { renderDatasetInfoFromReport } from "./engine/analysis/run-analysis.js";
import { addMaskCommand, maskLines } from "./engine/privacy/mask.js";
import { runFix } from "./fix/command.js";


const HELP = `chatml-gate ${VERSION}: CI quality gate for chat fine-tuning datasets (JSONL)

Usage:
  chatml-gate check [PATH|GLOB ...] [options]   check files (directories are searched for *.jsonl, *.jsonl.gz)
  chatml-gate fix PATH... [options]             repair what is mechanical, in place and atomically (see below)
  chatml-gate merge PARTIAL...                  merge the partial results of every shard into one report
  chatml-gate rules [--format text|json]         list the rule IDs
  chatml-gate --version | --help

Options for check:
  --config FILE          config file (default: .chatml-gate.yml in the current directory, if present)
  --format FORMAT        text (default), json, markdown (job summary), comment (PR comment, ≤ 60 kB) or sarif;
                         Markdown links files and lines when GITHUB_REPOSITORY and GITHUB_SHA are set
  --base REPORT          compare with the base version's JSON report (check --format json on the base):
                         findings it lacks are marked new, per-file and run deltas are added
  --fail-on-new          with --base: fail only on new findings and on checks worse than on the base
  --output FILE          write the report to FILE instead of stdout
  --max-findings N       findings listed per file (default 1000; counts are always complete)
  --fail-on LEVEL        error (default), warning or never
  --profile NAME         the fine-tuning target: generic (default), openai, together or mistral (also refuse
                         what that target refuses)
  --rule ID=SEVERITY     set a rule to error, warning or off, e.g. --rule unknown-key=off (repeatable)
  --dataset-info FILE    write the dataset_info summary to FILE
  --validate-only        only validate records (skip duplicates, diversity, tokens)
  --max-tokens N         context limit: longer examples are 'too-long' errors
  --chat-template FILE   the model you will train: render every record with its chat template (a .jinja file or
                         a Hugging Face tokenizer_config.json) as transformers' apply_chat_template does
  --tokenizer FILE       its tokenizer.json: token counts (and too-long) of the rendered text
  --bos-token S, --eos-token S
                         the template's bos_token / eos_token (a .jinja file has none of its own)
  --threshold NAME=VALUE set a gate threshold, e.g. --threshold max-duplicate-rate=2% (repeatable; NAME=off
                         switches a check off)
  --ignore-file FILE     accepted secret / personal-data findings, one fingerprint per line
                         (default: .chatml-gate-ignore, when present)
  --workers N            threads in all: this one and N - 1 worker threads (default: the number of cores;
                         1 = this thread only). The report is the same whatever N is.
  --shard I/N            run shard I of N (e.g. 2/4) and write its partial result to --output (JSON); then
                         'chatml-gate merge' the N partials (same files, config and version) into the report
  --no-color             no colour (colour is only used on a terminal anyway)
  --debug                print stack traces of internal errors

Options for fix (docs/fix.md lists every fix, with before and after):
  (default)              safe fixes: strip a UTF-8 BOM, CRLF to LF, drop blank lines, one record per line (a JSON
                         array, records spread over lines, records glued on one line); each record is written from its
                         own source text, and a clean file stays byte for byte as it is
  --unsafe               also: drop exact duplicates (the first is kept), trim message content, ShareGPT to messages,
                         legacy functions to tools; with --from-encoding, re-read non-UTF-8 bytes
  --only FIX[,FIX]       only these fixes (unsafe ones still need --unsafe)
  --from-encoding ENC    cp1252 or latin1: the encoding of bytes that are not UTF-8 (with --unsafe)
  --dry-run              change nothing; print what would change
  --diff                 change nothing; print a unified diff (the manifest goes to stderr)
  -o, --output FILE      write the fixed file there instead of in place (one input; .gz is compressed)
  --rejects FILE         write refused records there (JSONL: path, line, reason, text) instead of keeping them
  --format text|json     the manifest: per file each change with fix, line and action, and counts in and out
  Exit codes for fix: 0 every file written or clean, 1 a file could not be fixed (left as it was), 2 usage.

Exit codes: 0 passed, 1 gate failed, 2 usage, config or internal error.
`;

const OPTIONS = {
  config: { type: "string" },
  format: { type: "string", default: "text" },
  base: { type: "string" },
  "fail-on-new": { type: "boolean" },
  output: { type: "string", short: "o" },
  "max-findings": { type: "string" },
  "fail-on": { type: "string" },
  profile: { type: "string" },
  rule: { type: "string", multiple: true },
  "dataset-info": { type: "string" },
  "validate-only": { type: "boolean" },
  "max-tokens": { type: "string" },
  "chat-template": { type: "string" },
  tokenizer: { type: "string" },
  "bos-token": { type: "string" },
  "eos-token": { type: "string" },
  threshold: { type: "string", multiple: true },
  "ignore-file": { type: "string" },
  workers: { type: "string" },
  shard: { type: "string" },
  "no-color": { type: "boolean" },
  debug: { type: "boolean" },
  unsafe: { type: "boolean" },
  only: { type: "string" },
  "from-encoding": { type: "string" },
  "dry-run": { type: "boolean" },
  diff: { type: "boolean" },
  rejects: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** parseArgs with our own one-line messages (Node's mention positional arguments and '--'). */
function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    const err = e as Error & { code?: string };
    const opt = /'(-[^' ]*)/.exec(err.message)?.[1] ?? "";
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const names = Object.keys(OPTIONS).map((k) => `--${k}`);
      const near = opt.startsWith("--") ? closest(opt.split("=")[0], names) : undefined;
      throw new UsageError(`unknown option '${opt}'${near ? ` (did you mean ${near}?)` : ""}: see chatml-gate --help`);
    }
    if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const name = opt.replace(/^-+/, "").split(/[\s=]/)[0];
      const known = Object.entries(OPTIONS).find(([k, o]) => k === name || ("short" in o && o.short === name));
      if (known && known[1].type === "boolean") throw new UsageError(`option --${known[0]} takes no value: see chatml-gate --help`);
      throw new UsageError(`option ${known ? `--${known[0]}` : opt} needs a value: see chatml-gate --help`);
    }
    throw new UsageError(`${err.message.split(".")[0]}: see chatml-gate --help`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  if (command === "rules") {
    if (values.format === "json") {
      process.stdout.write(JSON.stringify(RULES.map((r) => ({ id: r.id, severity: r.severity, group: r.group, summary: r.summary, docs: docUrl(r.id) })), null, 2) + "\n");
    } else if (values.format === "text") {
      for (const r of RULES) process.stdout.write(`${r.id.padEnd(24)} ${r.severity.padEnd(8)} ${r.summary}\n`);
    } else throw new UsageError(`rules --format must be text or json; got '${values.format}'`);
    return 0;
  }
  if (command === "fix") {
    const checkOnly = (["max-findings", "fail-on", "fail-on-new", "base", "dataset-info", "validate-only", "profile", "rule", "max-tokens", "chat-template", "tokenizer", "bos-token", "eos-token", "threshold", "workers", "shard"] as const).filter((k) => values[k] !== undefined);
    if (checkOnly.length) throw new UsageError(`${checkOnly.map((k) => `--${k}`).join(", ")} ${checkOnly.length === 1 ? "is an option" : "are options"} of check, not of fix`);
    return runFix(values, rest, process.cwd(), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    });
  }
  const fixOnly = (["unsafe", "only", "from-encoding", "dry-run", "diff", "rejects"] as const).filter((k) => values[k] !== undefined);
  if (fixOnly.length) throw new UsageError(`${fixOnly.map((k) => `--${k}`).join(", ")} ${fixOnly.length === 1 ? "is an option" : "are options"} of fix`);
  if (command !== "check" && command !== "merge") throw new UsageError(`unknown command '${command}' (try: chatml-gate check data/)`);
  const format = values.format!;
  if (!["text", "json", "markdown", "comment", "sarif"].includes(format)) throw new UsageError(`--format must be text, json, markdown, comment or sarif; got '${format}'`);
  const cwd = process.cwd();
  if (command === "merge") {
    if (rest.length === 0) throw new UsageError("merge needs the partial files of every shard: chatml-gate merge part-1.json part-2.json ...");
    // the shards' config and options made the partials: merge cannot change them
    const fixed = (["config", "max-findings", "fail-on", "fail-on-new", "profile", "rule", "validate-only", "max-tokens", "chat-template", "tokenizer", "bos-token", "eos-token", "threshold", "workers", "shard", "ignore-file"] as const).filter((k) => values[k] !== undefined);
    if (fixed.length) throw new UsageError(`merge uses the options the shards ran with; ${fixed.map((k) => `--${k}`).join(", ")} ${fixed.length === 1 ? "belongs" : "belong"} on 'chatml-gate check --shard' (merge takes --format, --output, --dataset-info, --base)`);
    const base = await baseReport(values.base);
    return publish(await mergePartials(rest, cwd, base && (async () => base)), format, values);
  }
  let config = await loadConfig(values.config, cwd);
  const inputs: Record<string, string> = {};
  if (values.profile !== undefined) {
    if (!values.profile.trim()) throw new UsageError("--profile needs a profile name, e.g. --profile openai");
    inputs.profile = values.profile;
  }
  if (values["fail-on"]) inputs["fail-on"] = values["fail-on"];
  if (values["max-tokens"]) inputs["max-tokens"] = values["max-tokens"];
  for (const t of values.threshold ?? []) {
    const m = /^([a-z0-9-]+)=(.+)$/.exec(t);
    if (!m || !m[2].trim()) throw new UsageError(`--threshold takes NAME=VALUE, e.g. max-duplicate-rate=0.02 (or NAME=off); got '${t}'`);
    inputs[m[1]] = m[2];
  }
  config = applyThresholdInputs(config, inputs, (name) => (name === "fail-on" || name === "max-tokens" || name === "profile" ? `--${name}` : `--threshold ${name}`));
  const rules: [string, string][] = [];
  for (const r of values.rule ?? []) {
    const m = /^([^=]+)=(.*)$/.exec(r);
    if (!m || !m[2].trim()) throw new UsageError(`--rule takes ID=SEVERITY, e.g. --rule unknown-key=off (error, warning or off); got '${r}'`);
    rules.push([m[1], m[2]]);
  }
  config = applyRuleInputs(config, rules, (id) => `--rule ${id}`);
  config = withTargetFlags(config, values);
  if (values["fail-on-new"]) {
    if (!values.base && values.shard === undefined) throw new UsageError("--fail-on-new compares with a base version: give its JSON report with --base FILE (chatml-gate check --format json on the base)");
    config.failOnNew = true;
  }
  if (values["max-findings"] !== undefined) {
    const n = values["max-findings"].trim() === "" ? NaN : Number(values["max-findings"]);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-findings must be a non-negative integer; got '${values["max-findings"]}'`);
    config.maxFindings = n;
  }
  if (values["ignore-file"] !== undefined) {
    if (values["ignore-file"].trim() === "") throw new UsageError("--ignore-file needs a file name");
    config.ignoreFile = values["ignore-file"];
  }
  const patterns = rest.length ? rest : (config.paths ?? ["."]);
  const files = await findDatasetFiles(patterns, cwd);
  if (files.length === 0) throw new UsageError(`no dataset files found in ${patterns.join(" ")} (looked for *.jsonl and *.jsonl.gz)`);
  const clash = await outputOverDataset(files, cwd, { "--output": values.output, "--dataset-info": values["dataset-info"] });
  if (clash) throw new UsageError(`${clash[0]} ${clash[1]} is one of the dataset files being checked: writing there would overwrite the data; choose another file`);
  const validateOnly = values["validate-only"];
  if (validateOnly && values["dataset-info"]) throw new UsageError("--dataset-info needs the analysis: drop --validate-only");
  if (values.shard !== undefined) {
    if (values.base) throw new UsageError("--base belongs on 'chatml-gate merge' (the comparison needs the whole run)");
    const shard = parseShard(values.shard);
    if (!shard) throw new UsageError(`--shard takes I/N with 1 <= I <= N, e.g. --shard 2/4; got '${values.shard}'`);
    if (!values.output) throw new UsageError("--shard writes a partial result: give it a file with --output");
    const plan = await planRun({ files, config, cwd, validateOnly });
    const results = [];
    for await (const r of runInThisThread(shardJobs(plan, shard))) {
      if (r.scan.values) maskInActionsLog(r.scan.values);
      results.push(r);
    }
    const { absPaths: _abs, ...portable } = plan;
    await writeOut(values.output, partialJson({ kind: PARTIAL_KIND, version: VERSION, shard, config, date: new Date().toISOString().slice(0, 10), plan: portable, results }), "--output");
    process.stderr.write(`chatml-gate: shard ${shard.index}/${shard.count}: ${results.length} of ${plan.jobs.length} chunk(s) written to ${values.output}\n`);
    return 0;
  }
  let workers = availableParallelism();
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a positive integer; got '${values.workers}'`);
  }
  // Worker threads pay off from one chunk's worth of data on; the report is the same whatever the number.
  const runner = await poolRunner(workers, files.map((f) => resolve(cwd, f)), fileURLToPath(import.meta.url));
  const base = await baseReport(values.base);
  const report = await check({ files, config, cwd, validateOnly, runner, base: base?.report, baseLabel: base?.label, onSensitiveValues: maskInActionsLog });
  return publish(report, format, values);
}

/** In a GitHub Actions job, the secrets and personal data found are masked in the job log (a workflow command on
 * standard error, so that a report on standard output stays clean). Nothing is printed elsewhere. */
function maskInActionsLog(values: string[]): void {
  if (process.env.GITHUB_ACTIONS !== "true") return;
  for (const line of maskLines(values)) process.stderr.write(addMaskCommand(line) + "\n");
}

/** --chat-template, --tokenizer, --bos-token and --eos-token over the config's `target:` block. */
function withTargetFlags(config: Config, values: { "chat-template"?: string; tokenizer?: string; "bos-token"?: string; "eos-token"?: string }): Config {
  const flags = { chatTemplate: values["chat-template"], tokenizer: values.tokenizer, bosToken: values["bos-token"], eosToken: values["eos-token"] };
  const given = Object.entries(flags).filter(([, v]) => v !== undefined);
  if (!given.length) return config;
  for (const [k, v] of given) if (k !== "bosToken" && k !== "eosToken" && v!.trim() === "") throw new UsageError(`--${k === "chatTemplate" ? "chat-template" : "tokenizer"} needs a file`);
  const chatTemplate = flags.chatTemplate ?? config.target?.chatTemplate;
  if (!chatTemplate) throw new UsageError(`${given.map(([k]) => `--${k.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())}`).join(", ")} need${given.length === 1 ? "s" : ""} a chat template: add --chat-template FILE (a .jinja file or the model's tokenizer_config.json)`);
  const target = { ...config.target, chatTemplate };
  // a template-name of the config names an entry of the config's file, not of another one given here
  if (flags.chatTemplate !== undefined && flags.chatTemplate !== config.target?.chatTemplate) delete target.templateName;
  for (const [k, v] of given) (target as Record<string, unknown>)[k] = v;
  return { ...config, target };
}

/** --base FILE: the base version's JSON report. */
async function baseReport(path: string | undefined): Promise<{ report: Report; label: string } | undefined> {
  if (!path) return undefined;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read --base ${path}: ${writeErrorReason(e)}`);
  }
  return { report: parseBaseReport(text, `--base ${path}`), label: `the base report ${path}` };
}

/** Writes an output file, making its folder when missing; a path that cannot be written is a usage error. */
async function writeOut(path: string, text: string, what: string): Promise<void> {
  try {
    await mkdir(dirname(resolve(path)), { recursive: true });
    await writeFile(path, text);
  } catch (e) {
    throw new UsageError(`cannot write ${what} ${path}: ${writeErrorReason(e)}`);
  }
}

async function publish(report: Report, format: string, values: { output?: string; "no-color"?: boolean; "dataset-info"?: string }): Promise<number> {
  // The text report shows them with the gate; any other format is read by a program, so tell the person too.
  if (format !== "text" || values.output) for (const n of report.notices ?? []) process.stderr.write(`chatml-gate: warning: ${n}\n`);
  if (format === "json") {
    // in pieces: with every duplicate group listed, the JSON of a big dataset is hundreds of MB
    if (values.output) await writeOutJson(values.output, report);
    else await streamJson(report, process.stdout);
    return writeDatasetInfo(report, values);
  }
  let out: string;
  if (format === "sarif") out = JSON.stringify(toSarif(report), null, 2) + "\n";
  else if (format === "markdown" || format === "comment") out = renderMarkdown(report, contextFromEnv(process.env, format === "comment" ? "comment" : "summary"));
  else out = renderText(report, { color: !values["no-color"] && !values.output && !!process.stdout.isTTY && !process.env.NO_COLOR });
  if (values.output) await writeOut(values.output, out, "--output");
  else process.stdout.write(out);
  return writeDatasetInfo(report, values);
}

/** Writes the dataset_info file when asked for; returns the run's exit code. */
async function writeDatasetInfo(report: Report, values: { "dataset-info"?: string }): Promise<number> {
  if (values["dataset-info"]) {
    const text = renderDatasetInfoFromReport(report);
    if (text === undefined) throw new UsageError("--dataset-info needs the analysis (drop --validate-only)");
    await writeOut(values["dataset-info"], text, "--dataset-info");
  }
  return report.passed ? 0 : 1;
}

/** The JSON report to a file, written in pieces (writeOut's errors). */
async function writeOutJson(path: string, report: Report): Promise<void> {
  try {
    writeJsonFile(path, report);
  } catch (e) {
    throw new UsageError(`cannot write --output ${path}: ${writeErrorReason(e)}`);
  }
}

/** Standard output that cannot take the report. A reader that went away (`chatml-gate check | head -1`: EPIPE) ends
 * the output quietly with the run's exit code; any other error (ENOSPC: `> /dev/full`) is one line on stderr and exit
 * 2. Without a listener either was an unhandled 'error' event: a stack trace and exit 1, read as 'the gate failed'. */
let stdoutFailed = false;
function guardStdout(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") return;
    if (!stdoutFailed) process.stderr.write(`chatml-gate: cannot write to standard output: ${writeErrorReason(e)}\n`);
    stdoutFailed = true;
    process.exitCode = 2;
  });
}

if (!isMainThread && (workerData as { mark?: string } | null)?.mark === WORKER_MARK) serveChunks();
else {
  guardStdout();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = stdoutFailed ? 2 : code;
    },
    (e: unknown) => {
      const err = e as Error & { code?: string };
      const known = e instanceof UsageError || e instanceof ConfigError || e instanceof MergeError;
      process.stderr.write(`chatml-gate: ${known ? "" : "internal error: "}${err.message}\n`);
      if (process.argv.includes("--debug") && err.stack) process.stderr.write(err.stack + "\n");
      process.exitCode = 2;
    },
  );
}
