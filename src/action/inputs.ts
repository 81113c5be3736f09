// Action inputs -> one typed, validated Settings object. Strict: a bad value is a usage error, never a guess.
import * as core from "@actions/core";
import { isSafeKey } from "../render/escape.js";

export class InputError extends Error {
  override name = "InputError";
}

export type CommentMode = "always" | "on-failure" | "never";
export type Scope = "changed" | "all";

export interface Settings {
  paths: string[];
  configPath?: string;
  token: string;
  comment: CommentMode;
  commentKey: string;
  /** Undefined: the event decides (pull requests: changed, everything else: all). */
  scope?: Scope;
  /** Cap per severity (GitHub shows 10 errors and 10 warnings per step). */
  maxAnnotations: number;
  datasetInfoPath?: string;
  reportPath?: string;
  sarifPath?: string;
  auditIssue: boolean;
  auditLabel: string;
  /** Non-empty threshold inputs (and fail-on, profile), kebab-case, raw: the engine's applyThresholdInputs parses them. */
  thresholds: Record<string, string>;
  /** The `rules` input as [rule ID, severity] pairs, raw: the engine's applyRuleInputs checks them. */
  rules: [string, string][];
  /** Threads in all for big inputs (undefined: the number of cores; 1: this thread only). */
  workers?: number;
  /** Partial results of `chatml-gate check --shard` (globs): merge them instead of checking files. */
  mergePartials: string[];
  /** The target model's chat template and tokenizer.json (workspace paths), over the config's `target:`. */
  chatTemplate?: string;
  tokenizer?: string;
  /** The file of accepted secret and personal-data findings (a workspace path), over the config's `ignore-file`. */
  ignoreFile?: string;
  /** Compare with the base version (pull request base, the commit before a push); false skips the second check. */
  deltas: boolean;
  /** A JSON report to compare with instead of checking the base version. */
  baseReport?: string;
  /** fail-on-new (undefined: the config decides). */
  failOnNew?: boolean;
  /** Where to write the rendered PR comment (default $RUNNER_TEMP/chatml-gate-comment.md). */
  commentPath?: string;
  /** Post this comment file (written by an earlier run's comment-path) instead of checking files: fork recipe. */
  postComment?: string;
  /** The pull request to post it on (default: the one whose head the workflow_run checked). */
  pullRequest?: number;
}

export const THRESHOLD_INPUTS = [
  "fail-on",
  "profile",
  "max-errors",
  "max-warnings",
  "max-duplicate-rate",
  "max-near-duplicate-rate",
  "max-leakage",
  "min-examples",
  "max-too-long",
  "min-windowed-distinct-2",
  "max-compression-ratio",
  "max-opening-share",
  "max-boilerplate-share",
  "single-turn-share",
  "min-length-uniqueness",
  "max-diversity-drop",
  "max-tokens",
  "max-secrets",
  "max-pii-share",
] as const;

export const DEFAULT_PATHS = ["**/*.jsonl", "**/*.jsonl.gz"];

type GetInput = (name: string) => string;

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[], fallback: T | undefined): T | undefined {
  if (raw === "") return fallback;
  const v = raw.toLowerCase() as T;
  if (!allowed.includes(v)) throw new InputError(`Input '${name}' must be one of ${allowed.join(", ")} (got '${raw}').`);
  return v;
}

function bool(name: string, raw: string, fallback: boolean): boolean {
  if (raw === "") return fallback;
  if (/^(true|yes|on|1)$/i.test(raw)) return true;
  if (/^(false|no|off|0)$/i.test(raw)) return false;
  throw new InputError(`Input '${name}' must be true or false (got '${raw}').`);
}

function nonNegativeInt(name: string, raw: string, fallback: number): number {
  if (raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw new InputError(`Input '${name}' must be a whole number >= 0 (got '${raw}').`);
  return Number(raw);
}

/** Split a list input on newlines and commas; trims, drops blanks and "#" comment lines. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== "" && !s.startsWith("#"));
}

export function readSettings(getInput: GetInput = (n) => core.getInput(n)): Settings {
  const get = (n: string) => getInput(n).trim();
  const paths = splitList(getInput("paths"));
  const commentKey = get("comment-key") || "default";
  if (!isSafeKey(commentKey)) throw new InputError(`Input 'comment-key' may only hold letters, digits, '.', '_' and '-' (max 64; got '${commentKey}').`);
  const auditLabel = get("audit-label") || "dataset-audit";
  if (auditLabel.length > 50 || /[\r\n,]/.test(auditLabel)) throw new InputError(`Input 'audit-label' must be one label name of at most 50 characters.`);
  const thresholds: Record<string, string> = {};
  for (const name of THRESHOLD_INPUTS) {
    const v = get(name);
    if (v !== "") thresholds[name] = v;
  }
  return {
    paths: paths.length > 0 ? paths : DEFAULT_PATHS,
    configPath: get("config") || undefined,
    token: get("github-token"),
    comment: oneOf("comment", get("comment"), ["always", "on-failure", "never"] as const, "always")!,
    commentKey,
    scope: oneOf("scope", get("scope"), ["changed", "all"] as const, undefined),
    maxAnnotations: nonNegativeInt("max-annotations", get("max-annotations"), 10),
    datasetInfoPath: get("dataset-info") || undefined,
    reportPath: get("report-path") || undefined,
    sarifPath: get("sarif-path") || undefined,
    auditIssue: bool("audit-issue", get("audit-issue"), false),
    auditLabel,
    thresholds,
    rules: ruleList(getInput("rules")),
    workers: positiveIntOrUndefined("workers", get("workers")),
    mergePartials: splitList(getInput("merge-partials")),
    chatTemplate: get("chat-template") || undefined,
    tokenizer: get("tokenizer") || undefined,
    ignoreFile: get("ignore-file") || undefined,
    deltas: bool("deltas", get("deltas"), true),
    baseReport: get("base-report") || undefined,
    failOnNew: get("fail-on-new") === "" ? undefined : bool("fail-on-new", get("fail-on-new"), false),
    commentPath: get("comment-path") || undefined,
    postComment: get("post-comment") || undefined,
    pullRequest: positiveIntOrUndefined("pull-request", get("pull-request"), 1e9),
  };
}

/** "unknown-key=off, missing-user=error" (newlines or commas) -> pairs; a line without "=" is a usage error. */
function ruleList(raw: string): [string, string][] {
  return splitList(raw).map((item) => {
    const m = /^([^=:]+)[=:](.*)$/.exec(item);
    if (!m || !m[2].trim()) throw new InputError(`Input 'rules' takes one rule-id=error|warning|off per line, e.g. "unknown-key=off" (got '${item}').`);
    return [m[1].trim(), m[2].trim()];
  });
}

function positiveIntOrUndefined(name: string, raw: string, max = 9999): number | undefined {
  if (raw === "") return undefined;
  if (!/^[1-9]\d*$/.test(raw) || Number(raw) > max) throw new InputError(`Input '${name}' must be a whole number from 1 to ${max} (got '${raw}').`);
  return Number(raw);
}
