// One run: a list of files → one Report. Pure engine: no @actions/*, no network.
import { resolve } from "node:path";
import { ConfigError, configNotices, type Config } from "./settings.js";
import type { FileReport, Report } from "./report.js";
import { checkFileHead, finishFile, FindingSink, type FileHead } from "./file-check.js";
import { finishFindings } from "./finding-sink.js";
import { evaluateGate } from "./gate.js";
import { Analysis, analysisSettings } from "./analysis/run-analysis.js";
import type { AnalysisSettings } from "./analysis/chunk-analysis.js";
import { planChunks } from "./chunks.js";
import { fileIdentity } from "./files.js";
import { runChunk, type ChunkJob, type ChunkResult } from "./chunk-check.js";
import { VERSION } from "./version.js";
import { pairSplits, unmatchedSplit } from "./analysis/splits.js";
import { compareWithBase } from "./deltas.js";
import { addFingerprints } from "./fingerprint.js";
import type { TargetSpec } from "./target/spec.js";
import { loadTargetSpec } from "./target/load.js";
import { compileTemplate, templateFacts } from "./target/jinja/index.js";
import { addTargetState, emptyTargetState, fileTargetFinding, targetReport } from "./target/file-state.js";
import { severitiesFor } from "./severities.js";
import type { PrivacySettings } from "./privacy/record-check.js";
import { addPrivacyCounts, emptyPrivacyCounts, type PrivacyCounts } from "./privacy/counts.js";
import { IgnoreFileError, loadIgnoreFile } from "./privacy/ignore.js";

export interface CheckOptions {
  /** Files to check, relative to cwd (or absolute). */
  files: string[];
  config: Config;
  cwd: string;
  /** Skip duplicate/diversity/token analysis (validation only). */
  validateOnly?: boolean;
  /** Date for dataset_info (ISO date); defaults to today. */
  date?: string;
  /** Report of the base version of the same files (PRs, pushes): adds quality deltas, per-file deltas, new findings,
   * the max-diversity-drop check and fail-on-new (deltas.ts). */
  base?: Report;
  /** What the base is, in words (e.g. "2222222 (base of pull request #7)"). */
  baseLabel?: string;
  /** Runs chunks elsewhere (worker threads); default: one after another in this thread. The report is the same. */
  runner?: ChunkRunner;
  /** Receives the secret and personal-data values found, chunk by chunk (the action masks them in the job log).
   * They never enter the report. */
  onSensitiveValues?: (values: string[]) => void;
}

/** Runs the jobs (with any concurrency) and yields their results in job order, so that the merge can start at
 * once and at most a few results wait in memory. */
export type ChunkRunner = (jobs: ChunkJob[]) => AsyncIterable<ChunkResult>;

export const runInThisThread: ChunkRunner = async function* (jobs) {
  for (const j of jobs) yield await runChunk(j);
};

/** Everything a run needs before any chunk is read: file heads (file-level findings, formats), the chunk plan and
 * the jobs. Shards compute the same plan and run a subset of the jobs. */
export interface Plan {
  paths: string[];
  absPaths: string[];
  /** Each file's size and fingerprint when the run was planned (files.ts fileIdentity; `merge` checks them). */
  identities: { size: number; print: string }[];
  heads: ({ report: FileReport } | FileHead)[];
  jobs: ChunkJob[];
  settings: AnalysisSettings | null;
  /** The ignore file that was read (absent: none). */
  ignoreFile?: string;
  /** The target model every record is rendered with (null: none). */
  target: TargetSpec | null;
}

/** File heads read at once while planning. */
const HEAD_CONCURRENCY = 8;

export async function planRun(opts: Omit<CheckOptions, "runner" | "base">): Promise<Plan> {
  const { config } = opts;
  const paths = opts.files;
  const absPaths = paths.map((p) => resolve(opts.cwd, p));
  // The target model's files are read (and checked) before anything else: a broken one is a config error.
  const target = config.target ? await loadTargetSpec(config.target, opts.cwd) : null;
  const settings = opts.validateOnly ? null : await analysisSettings(config, absPaths);
  if (settings && target?.tokenizerPath) settings.tokens.tokenizer = { path: target.tokenizerPath, name: target.tokenizer ?? target.tokenizerPath };
  const unmatched = settings ? unmatchedSplit(paths, config.splits) : null;
  if (unmatched) throw new ConfigError(unmatched);
  let privacy: PrivacySettings;
  try {
    const ignore = await loadIgnoreFile(config.ignoreFile, opts.cwd);
    privacy = { ignore: ignore.fingerprints, ignoreFile: ignore.name };
  } catch (e) {
    if (e instanceof IgnoreFileError) throw new ConfigError(`${e.message} (ignore-file in ${config.source ?? "the config"})`);
    throw e;
  }
  // File heads, a few at a time (thousands of small files: each is an open, a read and a close on the I/O pool).
  const heads: Awaited<ReturnType<typeof checkFileHead>>[] = new Array(paths.length);
  let nextHead = 0;
  const headWorker = async () => {
    while (nextHead < paths.length) {
      const i = nextHead++;
      heads[i] = await checkFileHead(absPaths[i], paths[i], severitiesFor(paths[i], config), config.maxFindings);
    }
  };
  await Promise.all(Array.from({ length: Math.min(HEAD_CONCURRENCY, paths.length) }, headWorker));
  // A file whose format the head could not tell (and the config does not set) stays one chunk: its chunks could
  // each take the format of their own first record.
  // A container (a JSON array, records spread over lines) is one chunk: its records are found by one scan from its start.
  const whole = heads.map((h) => "format" in h && (h.container !== undefined || (!config.format && h.whole === true)));
  const chunks = await planChunks(absPaths, undefined, whole);
  const jobs: ChunkJob[] = [];
  for (const chunk of chunks) {
    const head = heads[chunk.file];
    if ("report" in head) continue;
    jobs.push({
      chunk,
      path: absPaths[chunk.file],
      display: paths[chunk.file],
      format: config.format ?? head.format,
      forced: !!config.format,
      container: head.container ?? null,
      profile: config.profile,
      categoryField: config.categoryField,
      severities: severitiesFor(paths[chunk.file], config),
      maxFindings: config.maxFindings,
      privacy,
      analysis: settings,
      target,
    });
  }
  const identities = await Promise.all(absPaths.map((p) => fileIdentity(p)));
  return { paths, absPaths, identities, heads, jobs, settings, target, ...(privacy.ignore.length > 0 ? { ignoreFile: privacy.ignoreFile } : {}) };
}

export async function check(opts: CheckOptions): Promise<Report> {
  const plan = await planRun(opts);
  return assemble(plan, (opts.runner ?? runInThisThread)(plan.jobs), opts.config, { date: opts.date, base: opts.base, baseLabel: opts.baseLabel, onSensitiveValues: opts.onSensitiveValues });
}

/** Merges the chunk results, in job order, into one Report (the same whatever ran the chunks, and where). */
export async function assemble(plan: Plan, results: AsyncIterable<ChunkResult> | Iterable<ChunkResult>, config: Config, extra: { date?: string; base?: Report; baseLabel?: string; onSensitiveValues?: (values: string[]) => void } = {}): Promise<Report> {
  const it = (Symbol.asyncIterator in results ? results[Symbol.asyncIterator]() : (results as Iterable<ChunkResult>)[Symbol.iterator]()) as AsyncIterator<ChunkResult> | Iterator<ChunkResult>;
  const analysis = plan.settings ? new Analysis(plan.paths, config, plan.settings) : undefined;
  const loading = analysis?.ready(); // the vocabulary loads as the chunks start (awaited before the first merge)
  const files: FileReport[] = [];
  const runTarget = emptyTargetState();
  const jobsOf: ChunkJob[][] = plan.paths.map(() => []);
  for (const job of plan.jobs) jobsOf[job.chunk.file].push(job);
  for (let i = 0; i < plan.paths.length; i++) {
    const head = plan.heads[i];
    if ("report" in head) {
      files.push(head.report);
      continue;
    }
    const sink = new FindingSink(severitiesFor(plan.paths[i], config), config.maxFindings);
    const sum = { bytes: 0, records: 0, valid: 0, nonBlank: 0, invalidJson: 0, fragments: 0, firstInvalid: false, readError: false, bareMessages: 0 };
    let format = head.format;
    const tgt = emptyTargetState();
    let lineOffset = 0;
    let first = true;
    let privacy: PrivacyCounts | undefined;
    for (const job of jobsOf[i]) {
      const next = await it.next();
      const r = next.done ? undefined : next.value;
      await loading;
      if (!r || r.index !== job.chunk.index) throw new Error(`missing result for chunk ${job.chunk.index} (${plan.paths[i]})`);
      const s = r.scan;
      sink.absorb(s.sink, lineOffset, r.analysis && analysis ? analysis.mergeChunk(i, r.analysis, lineOffset) : []);
      format ??= s.format;
      sum.bytes += s.bytes;
      sum.records += s.records;
      sum.valid += s.valid;
      sum.nonBlank += s.nonBlank;
      sum.invalidJson += s.invalidJson;
      sum.fragments += s.fragments;
      sum.bareMessages += s.bareMessages;
      sum.readError ||= s.readError;
      if (s.privacy) addPrivacyCounts((privacy ??= emptyPrivacyCounts()), s.privacy);
      if (s.values && extra.onSensitiveValues) extra.onSensitiveValues(s.values);
      if (s.target) addTargetState(tgt, s.target, lineOffset);
      if (first) sum.firstInvalid = s.firstInvalid;
      if (s.nonBlank > 0) first = false;
      lineOffset += s.lines;
    }
    if (jobsOf[i].length) await analysis?.fileDone(i);
    const eos = plan.target ? fileTargetFinding(plan.target, tgt) : null;
    if (eos) sink.add(eos.rule, eos.line, eos.message);
    if (plan.target) addTargetState(runTarget, tgt, 0);
    const fr = finishFile(plan.paths[i], config.format ?? format, sum, sink, head.container);
    if (privacy) fr.privacy = privacy;
    files.push(fr);
  }
  await it.return?.(); // lets the runner clean up (worker threads)
  const report: Report = {
    schemaVersion: 1,
    tool: { name: "chatml-quality-gate", version: VERSION },
    passed: true,
    summary: {
      files: files.length,
      records: files.reduce((s, f) => s + f.records, 0),
      validRecords: files.reduce((s, f) => s + f.validRecords, 0),
      errors: 0,
      warnings: 0,
      bytes: files.reduce((s, f) => s + f.bytes, 0),
    },
    files,
    gate: { passed: true, failOn: config.failOn, checks: [] },
  };
  if (files.some((f) => f.privacy)) {
    const all = emptyPrivacyCounts();
    for (const f of files) if (f.privacy) addPrivacyCounts(all, f.privacy);
    const records = report.summary.records;
    report.privacy = { ...all, piiShare: records > 0 ? Math.round((all.piiRecords / records) * 10000) / 10000 : 0, ...(plan.ignoreFile ? { ignoreFile: plan.ignoreFile } : {}) };
  }
  if (plan.target) report.target = targetReport(plan.target, runTarget, targetFacts(plan.target));
  if (analysis) await analysis.finish(report, plan.absPaths, extra.date);
  // Every file is complete (analysis findings included): pick the findings each one lists, then their fingerprints.
  for (const f of files) finishFindings(f, config.maxFindings);
  addFingerprints(files);
  report.summary.errors = files.reduce((s, f) => s + f.errors, 0);
  report.summary.warnings = files.reduce((s, f) => s + f.warnings, 0);
  const notices = plan.settings ? configNotices(config) : [];
  if (notices.length) report.notices = notices;
  report.gate = evaluateGate(report, config);
  report.passed = report.gate.passed;
  if (extra.base) compareWithBase(report, extra.base, config, extra.baseLabel ?? "the base version");
  return report;
}

/** Files outside `files` that leakage detection needs: the train/eval partners of the files being checked. */
export function splitPartners(files: string[], allFiles: string[], config?: Config): string[] {
  const set = new Set(files);
  const union = [...new Set([...files, ...allFiles])].sort();
  const extra = new Set<string>();
  for (const p of pairSplits(union, config?.splits)) {
    const a = union[p.train];
    const b = union[p.eval];
    if (set.has(a) && !set.has(b)) extra.add(b);
    if (set.has(b) && !set.has(a)) extra.add(a);
  }
  return [...extra].sort();
}

/** The template's facts for the report (a merge of shards compiles the template here; it needs no tokenizer). */
function targetFacts(spec: TargetSpec) {
  return templateFacts(compileTemplate(spec.source));
}
