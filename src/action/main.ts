// The action: inputs -> files for this event -> the base version to compare with -> engine check -> report files,
// comment file, annotations, job summary, PR comment, audit issue, outputs. API trouble never changes the verdict:
// it becomes a warning. setFailed only for a failing verdict or a usage/config error. `post-comment` instead posts a
// comment file written by an earlier run (the fork recipe).
import * as core from "@actions/core";
import { basename, resolve } from "node:path";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { Report } from "../engine/report.js";
import { renderMarkdown, renderNothingToCheck, type MarkdownContext } from "../render/markdown.js";
import { viewOf } from "../render/report-view.js";
import { toSarif } from "../render/sarif.js";
import { writeJsonFile } from "../render/json-out.js";
import { annotate } from "./annotations.js";
import { auditMarker, syncAuditIssue } from "./audit-issue.js";
import { readAuditState, renderAuditBody, renderAuditClose } from "../render/audit.js";
import { commentMarker, upsertComment } from "./comment.js";
import * as engine from "./engine.js";
import { AUDIT_EVENTS, readEvent, type EventInfo } from "./event.js";
import { listPrFiles, selectFiles } from "./files-to-check.js";
import { baseVersion, type Base } from "./base-version.js";
import { postCommentFile } from "./post-comment.js";
import { createOctokit, describeApiError, type Octokit } from "./github.js";
import { InputError, readSettings, type Settings } from "./inputs.js";
import { DEFAULT_COMMENT_NAME, DEFAULT_REPORT_NAME, outputPath, outputsFromReport, setOutputs, writeText } from "./outputs.js";
import { assertInsideWorkspace, WorkspaceError } from "./workspace.js";

function isUsageError(err: unknown): boolean {
  return err instanceof InputError || err instanceof WorkspaceError || err instanceof engine.ConfigError || err instanceof engine.MergeError || (err as Error)?.name === "UsageError" || err?.constructor?.name === "UsageError";
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info("GITHUB_STEP_SUMMARY is not set; job summary skipped.");
    return;
  }
  try {
    await core.summary.addRaw(markdown).write({ overwrite: false });
  } catch (err) {
    core.warning(`Could not write the job summary: ${(err as Error).message}`);
  }
}

async function comment(octokit: Octokit | undefined, event: EventInfo, s: Settings, body: string, passed: boolean, updateOnly: boolean): Promise<string | undefined> {
  if (!event.isPullRequest || s.comment === "never") return undefined;
  if (!event.pr) {
    core.warning("No pull request number in the event payload; the PR comment was skipped.");
    return undefined;
  }
  if (!octokit) {
    core.warning("No github-token; the PR comment was skipped.");
    return undefined;
  }
  try {
    const res = await upsertComment(octokit, {
      owner: event.owner,
      repo: event.repo,
      issueNumber: event.pr.number,
      marker: commentMarker(s.commentKey),
      body,
      mode: s.comment,
      passed,
      updateOnly,
    });
    core.info(`PR comment: ${res.action}${res.deleted ? ` (${res.deleted} duplicate(s) removed)` : ""}${res.url ? ` ${res.url}` : ""}`);
    return res.url;
  } catch (err) {
    const fork = event.pr.fromFork ? " This looks like a pull request from a fork, where the token is read-only." : "";
    core.warning(`Could not write the PR comment: ${describeApiError(err)}.${fork} The report is in the job summary and outputs.`);
    return undefined;
  }
}

async function auditIssue(octokit: Octokit | undefined, event: EventInfo, s: Settings, report: Report, ctx: MarkdownContext): Promise<void> {
  if (!s.auditIssue) return;
  if (!AUDIT_EVENTS.has(event.name)) {
    core.info(`audit-issue applies to schedule and workflow_dispatch runs, not '${event.name}'.`);
    return;
  }
  if (!octokit) {
    core.warning("No github-token; the audit issue was skipped.");
    return;
  }
  const marker = auditMarker(s.commentKey);
  const now = new Date();
  const actx: MarkdownContext = { ...ctx, kind: "comment", marker, notes: [] };
  try {
    const res = await syncAuditIssue(octokit, {
      owner: event.owner,
      repo: event.repo,
      label: s.auditLabel,
      marker,
      passed: report.passed,
      title: "Dataset audit failing (ChatML Quality Gate)",
      body: (current) => renderAuditBody(report, actx, readAuditState(current), now).body,
      closeNote: (current) => renderAuditClose(actx, readAuditState(current), now),
    });
    core.info(`Audit issue: ${res.action}${res.url ? ` ${res.url}` : ""}`);
  } catch (err) {
    core.warning(`Could not update the audit issue: ${describeApiError(err)}`);
  }
}

interface Written {
  reportPath: string;
  datasetInfoPath?: string;
  sarifPath?: string;
}

async function writeReportFiles(report: Report, s: Settings, workspace: string): Promise<Written> {
  // A path that cannot be written is the input's fault: say which input, not a crash.
  const write = async (input: string, path: string, text: string) => {
    try {
      await writeText(path, text);
    } catch (e) {
      throw new InputError(`Input '${input}' names a file that cannot be written (${path}): ${engine.writeErrorReason(e)}.`);
    }
  };
  const reportPath = outputPath(s.reportPath, DEFAULT_REPORT_NAME, workspace);
  try {
    writeJsonFile(reportPath, report); // in pieces: every duplicate group of a big dataset is hundreds of MB of JSON
  } catch (e) {
    throw new InputError(`Input 'report-path' names a file that cannot be written (${reportPath}): ${engine.writeErrorReason(e)}.`);
  }
  let datasetInfoPath: string | undefined;
  if (s.datasetInfoPath) {
    datasetInfoPath = outputPath(s.datasetInfoPath, "dataset_info.txt", workspace);
    await write("dataset-info", datasetInfoPath, viewOf(report).datasetInfo ?? "");
  }
  let sarifPath: string | undefined;
  if (s.sarifPath) {
    sarifPath = outputPath(s.sarifPath, "chatml-gate.sarif", workspace);
    await write("sarif-path", sarifPath, JSON.stringify(toSarif(report), null, 2) + "\n");
  }
  return { reportPath, datasetInfoPath, sarifPath };
}

function failureMessage(report: Report): string {
  const failed = report.gate.checks.filter((c) => !c.passed && c.level === "fail").map((c) => (c.file !== undefined ? `${c.name} (${c.file})` : c.name));
  const s = report.summary;
  return `ChatML Quality Gate failed (fail-on: ${report.gate.failOn}): ${s.errors} error(s), ${s.warnings} warning(s)${failed.length ? `; failed checks: ${failed.join(", ")}` : ""}.`;
}

/** The secrets and personal data found are masked in the job log (they reach here in memory only, never in the
 * report or a partial result). */
function maskValues(values: string[]): void {
  for (const line of engine.maskLines(values)) core.setSecret(line);
}

/** Worker threads (this bundle as their entry) for inputs of at least one chunk; the report is the same. */
async function runnerFor(files: string[], cwd: string, workers: number) {
  const runner = await engine.poolRunner(workers, files.map((f) => resolve(cwd, f)), fileURLToPath(import.meta.url));
  if (runner) core.info(`Checking on ${workers} threads (this one and ${workers - 1} worker threads).`);
  return runner;
}

async function main(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const s = readSettings();
  const event = readEvent();
  const octokit = s.token ? createOctokit(s.token) : undefined;
  if (s.postComment) return postOnly(s, event, octokit, workspace);

  if (s.configPath) assertInsideWorkspace(workspace, s.configPath, "config file");
  const config = withTarget(engine.applyRuleInputs(engine.applyThresholdInputs(await engine.loadConfig(s.configPath, workspace), s.thresholds), s.rules), s);
  if (config.target) {
    assertInsideWorkspace(workspace, config.target.chatTemplate, "chat template");
    if (config.target.tokenizer) assertInsideWorkspace(workspace, config.target.tokenizer, "tokenizer");
  }
  if (s.ignoreFile) {
    assertInsideWorkspace(workspace, s.ignoreFile, "ignore file");
    config.ignoreFile = s.ignoreFile;
  }
  if (s.failOnNew !== undefined) config.failOnNew = s.failOnNew;
  const workers = s.workers ?? availableParallelism();
  const runner = (files: string[], cwd: string) => runnerFor(files, cwd, workers);

  if (s.mergePartials.length) {
    // The base of a merged run: the same comparison a single run makes, once the partials name the files.
    let base: Base | undefined;
    const changed = event.isPullRequest && event.pr && octokit && !s.baseReport ? await listPrFiles(octokit, event.owner, event.repo, event.pr.number).catch(() => null) : null;
    const report = await mergedReport(s, workspace, async (files, shardConfig) => {
      base = await baseVersion({ event, settings: s, files, changed, config: shardConfig, workspace, octokit, runner, onSensitiveValues: maskValues });
      return "report" in base ? base : undefined;
    });
    if (base && "same" in base) engine.compareWithBase(report, structuredClone(report), config, base.label);
    return publish(report, s, event, octokit, workspace, [], base && "note" in base ? base.note : undefined);
  }

  const selection = await selectFiles({ event, patterns: s.paths, scope: s.scope, cwd: workspace,
    octokit,
    engine: { findDatasetFiles: engine.findDatasetFiles, splitPartners: (files, all) => engine.splitPartners(files, all, config) },
  });
  for (const n of selection.notes) core.warning(n);
  for (const f of selection.files) assertInsideWorkspace(workspace, f, "dataset file");
  const clash = await engine.outputOverDataset(selection.files, workspace, {
    "report-path": outputPath(s.reportPath, DEFAULT_REPORT_NAME, workspace),
    "dataset-info": s.datasetInfoPath ? outputPath(s.datasetInfoPath, "dataset_info.txt", workspace) : undefined,
    "sarif-path": s.sarifPath ? outputPath(s.sarifPath, "chatml-gate.sarif", workspace) : undefined,
    "comment-path": outputPath(s.commentPath, DEFAULT_COMMENT_NAME, workspace),
  });
  if (clash) throw new InputError(`Input '${clash[0]}' names one of the dataset files being checked (${clash[1]}): writing the report there would overwrite the data. Choose another path.`);
  core.info(`Checking ${selection.files.length} file(s) (${selection.mode}).`);

  if (selection.files.length === 0) {
    const ctx = summaryContext(event, selection.notes);
    const md = renderNothingToCheck(ctx);
    await writeSummary(md);
    const body = renderNothingToCheck({ ...ctx, kind: "comment", marker: commentMarker(s.commentKey) });
    const commentPath = await writeComment(s, workspace, body);
    const url = await comment(octokit, event, s, body, true, true);
    setOutputs({ passed: true, errors: 0, warnings: 0, filesChecked: 0, commentUrl: url, commentPath });
    if (selection.mode === "all") core.warning(`No dataset files match ${s.paths.join(", ")}.`);
    return;
  }

  const base = await baseVersion({ event, settings: s, files: selection.files, changed: selection.mode === "changed" ? selection.changed : null, config, workspace, octokit, runner, onSensitiveValues: maskValues });
  const report = await engine.check({
    files: selection.files,
    config,
    cwd: workspace,
    base: "report" in base ? base.report : undefined,
    baseLabel: "label" in base ? base.label : undefined,
    runner: await runner(selection.files, workspace),
    onSensitiveValues: maskValues,
  });
  if ("same" in base) engine.compareWithBase(report, structuredClone(report), config, base.label);
  await publish(report, s, event, octokit, workspace, selection.notes, "note" in base ? base.note : undefined);
}

/** `post-comment`: post a comment file written by an earlier run; no files are checked. */
async function postOnly(s: Settings, event: EventInfo, octokit: Octokit | undefined, workspace: string): Promise<void> {
  const res = await postCommentFile({ settings: s, event, octokit, workspace });
  if (res.skipped && res.skipped !== "API error") core.warning(`The PR comment was not posted: ${res.skipped}.`);
  core.setOutput("comment-url", res.url ?? "");
}

/** The rendered PR comment, written for every run (output comment-path): the fork recipe uploads it. */
async function writeComment(s: Settings, workspace: string, body: string): Promise<string> {
  const path = outputPath(s.commentPath, DEFAULT_COMMENT_NAME, workspace);
  try {
    await writeText(path, body);
  } catch (e) {
    throw new InputError(`Input 'comment-path' names a file that cannot be written (${path}): ${engine.writeErrorReason(e)}.`);
  }
  return path;
}

/** The chat-template and tokenizer inputs over the config's `target:` block. */
function withTarget(config: engine.Config, s: Settings): engine.Config {
  if (!s.chatTemplate && !s.tokenizer) return config;
  const chatTemplate = s.chatTemplate ?? config.target?.chatTemplate;
  if (!chatTemplate) throw new InputError("Input 'tokenizer' needs a chat template: set the 'chat-template' input (or target.chat-template in the config) to the model's .jinja file or tokenizer_config.json.");
  const target = { ...config.target, chatTemplate, ...(s.tokenizer ? { tokenizer: s.tokenizer } : {}) };
  // a template-name of the config names an entry of the config's file, not of another one given as an input
  if (s.chatTemplate && s.chatTemplate !== config.target?.chatTemplate) delete target.templateName;
  return { ...config, target };
}

function summaryContext(event: EventInfo, notes: string[]): MarkdownContext {
  return {
    owner: event.owner,
    repo: event.repo,
    sha: event.sha,
    serverUrl: event.serverUrl,
    runUrl: event.runUrl,
    kind: "summary",
    notes: [...notes],
    commitNote: event.pr?.headSha ? "head of this pull request" : undefined,
  };
}

/** `merge-partials`: the report a single run would give, from the shards' partial results (their config decides). */
async function mergedReport(s: Settings, workspace: string, base: engine.BaseProvider): Promise<Report> {
  const files = await engine.findFiles(s.mergePartials, workspace, /\.json$/i);
  if (files.length === 0) throw new InputError(`Input 'merge-partials' matches no file (${s.mergePartials.join(", ")}): download the shards' partial results first.`);
  for (const f of files) assertInsideWorkspace(workspace, f, "partial result");
  core.info(`Merging ${files.length} partial result(s): ${files.join(", ")}.`);
  return engine.mergePartials(files, workspace, base);
}

/** Report files, comment file, annotations, job summary, PR comment, audit issue, outputs and verdict. */
async function publish(report: Report, s: Settings, event: EventInfo, octokit: Octokit | undefined, workspace: string, notes: string[], baseNote: string | undefined): Promise<void> {
  const ctx: MarkdownContext = { ...summaryContext(event, notes), baseNote };
  const written = await writeReportFiles(report, s, workspace);
  ctx.reportName = basename(written.reportPath);
  const body = renderMarkdown(report, { ...ctx, kind: "comment", marker: commentMarker(s.commentKey) });
  const commentPath = await writeComment(s, workspace, body);

  const ann = annotate(report, s.maxAnnotations);
  const summaryNotes = [...notes];
  if (ann.omittedErrors + ann.omittedWarnings > 0) {
    summaryNotes.push(`${ann.omittedErrors} more error(s) and ${ann.omittedWarnings} more warning(s) were not annotated (max-annotations: ${s.maxAnnotations}); all are in the JSON report.`);
  }
  await writeSummary(renderMarkdown(report, { ...ctx, notes: summaryNotes }));
  const commentUrl = await comment(octokit, event, s, body, report.passed, false);
  await auditIssue(octokit, event, s, report, ctx);

  setOutputs({ ...outputsFromReport(report), ...written, commentUrl, commentPath });
  if (!report.passed) core.setFailed(failureMessage(report));
}

export async function run(): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (isUsageError(err)) core.setFailed((err as Error).message);
    else core.setFailed(`ChatML Quality Gate crashed: ${(err as Error)?.stack ?? String(err)}`);
  }
}
