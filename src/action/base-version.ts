// What this run is compared with: the base version of the checked files (a pull request's base commit, the commit
// before a push) checked with the same config, or a JSON report given as `base-report`. When there is none, one line
// says why (it takes the comparison's place in the reports). Trouble here never fails the run: it becomes that line.
import * as core from "@actions/core";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Report } from "../engine/report.js";
import * as engine from "./engine.js";
import type { EventInfo } from "./event.js";
import type { Octokit } from "./github.js";
import type { Settings } from "./inputs.js";
import { apiChangedBetween, BaseUnavailable, fetchBaseFiles, gitChangedBetween } from "./base-files.js";
import { assertInsideWorkspace } from "./workspace.js";

export type Base =
  /** The base version's report, and what it is in words. */
  | { report: Report; label: string }
  /** No checked file changed since the base: the comparison is the head with itself. */
  | { same: true; label: string }
  /** No comparison, and why. */
  | { note: string };

/** The base run lists more findings than the head's max-findings, so that new findings are told apart one by one
 * on files with many (deltas.ts counts the growth of a rule where a list is still cut). */
const BASE_MAX_FINDINGS = 20_000;

export interface BaseArgs {
  event: EventInfo;
  settings: Settings;
  /** The files the run checks, relative to the workspace. */
  files: string[];
  /** Files known to differ from the base (a pull request's changed files); null when not known. */
  changed: string[] | null;
  config: engine.Config;
  workspace: string;
  octokit?: Octokit;
  runner: (files: string[], cwd: string) => Promise<engine.ChunkRunner | undefined>;
  /** Receives the secret and personal-data values found in the base version (masked in the job log). */
  onSensitiveValues?: (values: string[]) => void;
}

export async function baseVersion(a: BaseArgs): Promise<Base> {
  const { event, settings: s } = a;
  if (s.baseReport) {
    assertInsideWorkspace(a.workspace, s.baseReport, "base report");
    const text = await readFile(resolve(a.workspace, s.baseReport), "utf8").catch((e: Error) => {
      throw new engine.UsageError(`Input 'base-report' names a file that cannot be read (${s.baseReport}): ${e.message}`);
    });
    return { report: engine.parseBaseReport(text, `input 'base-report' (${s.baseReport})`), label: `the base report ${s.baseReport}` };
  }
  if (!s.deltas) return { note: "deltas: false" };
  let sha: string;
  let label: string;
  let changed = a.changed;
  if (event.isPullRequest) {
    if (!event.pr?.baseSha) return { note: "the event names no base commit of the pull request" };
    sha = event.pr.baseSha;
    label = `${sha.slice(0, 7)} (base of this pull request)`;
  } else if (event.name === "push") {
    if (event.created) return { note: "this push created the branch, so there is no earlier commit to compare with" };
    if (!event.before) return { note: "the push event names no earlier commit" };
    sha = event.before;
    label = `${sha.slice(0, 7)} (before this push)`;
    changed = (await gitChangedBetween(a.workspace, sha, event.sha)) ?? (a.octokit ? await apiChangedBetween(a.octokit, event.owner, event.repo, sha, event.sha) : null);
  } else {
    return { note: `a ${event.name || "local"} run has no base commit to compare with` };
  }
  if (changed && !a.files.some((f) => changed!.includes(f))) return { same: true, label };
  try {
    const base = await fetchBaseFiles({ cwd: a.workspace, files: a.files, changed, baseSha: sha, octokit: a.octokit, owner: event.owner, repo: event.repo });
    core.info(`Comparing with ${label}: ${base.found} file(s) read at the base (${base.source}), ${base.missing.length} new, ${base.files.length - base.found} unchanged.`);
    const config = { ...a.config, maxFindings: Math.max(a.config.maxFindings, BASE_MAX_FINDINGS) };
    const report = await engine.check({ files: base.files, config, cwd: base.dir, runner: await a.runner(base.files, base.dir), onSensitiveValues: a.onSensitiveValues });
    return { report, label };
  } catch (err) {
    if (err instanceof BaseUnavailable) return { note: err.message };
    core.warning(`Could not check the base version (${label}): ${(err as Error).message}`);
    return { note: `the base version could not be checked (${(err as Error).message.split("\n")[0]})` };
  }
}
