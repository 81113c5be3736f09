// Which dataset files to check for this event. Pull requests: the files the PR adds or modifies (renamed: new
// name; removed: skipped), filtered by the `paths` globs, plus their split partners; everything else: all files.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import picomatch from "picomatch";
import type { EventInfo } from "./event.js";
import type { Octokit } from "./github.js";
import { describeApiError } from "./github.js";

const run = promisify(execFile);

/** GitHub's pull request files endpoint returns at most this many files. */
export const PR_FILES_LIMIT = 3000;

export interface EngineFileApi {
  findDatasetFiles(patterns: string[], cwd: string): Promise<string[]>;
  splitPartners(files: string[], allFiles: string[]): string[];
}

export interface Selection {
  mode: "changed" | "all";
  files: string[];
  /** Changed dataset files (changed mode only), before partners were added. */
  changed: string[];
  notes: string[];
}

export function matcher(patterns: string[]): (path: string) => boolean {
  const isMatch = picomatch(patterns, { dot: false });
  return (p) => isMatch(p);
}

interface PrFile {
  filename: string;
  status: string;
}

/** Changed file names from the API (paginated); null when the list hit the API's cap. */
export async function listPrFiles(octokit: Octokit, owner: string, repo: string, number: number): Promise<string[] | null> {
  const files = (await octokit.paginate("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
    owner,
    repo,
    pull_number: number,
    per_page: 100,
  })) as PrFile[];
  if (files.length >= PR_FILES_LIMIT) return null;
  return files.filter((f) => f.status !== "removed").map((f) => f.filename);
}

/** Changed files via git (needs the base commit in the clone: fetch-depth 0). */
export async function gitChangedFiles(cwd: string, baseSha: string, headSha: string): Promise<string[]> {
  const { stdout } = await run("git", ["diff", "--name-only", "--diff-filter=d", "-z", `${baseSha}...${headSha}`], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.split("\0").filter((s) => s !== "");
}

export async function selectFiles(args: {
  event: EventInfo;
  patterns: string[];
  scope?: "changed" | "all";
  cwd: string;
  octokit?: Octokit;
  engine: EngineFileApi;
  gitDiff?: typeof gitChangedFiles;
}): Promise<Selection> {
  const { event, patterns, cwd, engine } = args;
  const notes: string[] = [];
  const all = await engine.findDatasetFiles(patterns, cwd);
  const scope = args.scope ?? (event.isPullRequest ? "changed" : "all");
  if (scope === "all" || !event.isPullRequest) return { mode: "all", files: all, changed: [], notes };
  const pr = event.pr;
  if (!pr) {
    notes.push("No pull request in the event payload; checking every dataset file.");
    return { mode: "all", files: all, changed: [], notes };
  }
  let names: string[] | null = null;
  if (args.octokit) {
    try {
      names = await listPrFiles(args.octokit, event.owner, event.repo, pr.number);
      if (names === null) notes.push(`The pull request changes ${PR_FILES_LIMIT}+ files (API limit); using git diff.`);
    } catch (err) {
      notes.push(`Could not list the pull request's files (${describeApiError(err)}); trying git diff.`);
    }
  }
  if (names === null) {
    try {
      if (!pr.baseSha || !pr.headSha) throw new Error("base/head commit missing from the event");
      names = await (args.gitDiff ?? gitChangedFiles)(cwd, pr.baseSha, pr.headSha);
    } catch (err) {
      notes.push(`git diff failed (${String((err as Error).message ?? err).split("\n")[0]}); checking every dataset file.`);
      return { mode: "all", files: all, changed: [], notes };
    }
  }
  // A changed file counts when the `paths` globs (or a listed directory/file) select it in the checkout.
  const isMatch = matcher(patterns);
  const present = new Set(all);
  const wanted = [...new Set(names.filter((f) => present.has(f) || isMatch(f)))].sort();
  const existing = wanted.filter((f) => present.has(f));
  const missing = wanted.length - existing.length;
  if (missing > 0) notes.push(`${missing} changed dataset file(s) are not in the checkout and were skipped.`);
  const partners = existing.length > 0 ? engine.splitPartners(existing, all) : [];
  const files = [...new Set([...existing, ...partners])].sort();
  return { mode: "changed", files, changed: existing, notes };
}
