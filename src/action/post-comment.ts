// `post-comment`: the privileged half of the fork recipe (docs/action.md). A `pull_request` run from a fork has a
// read-only token, so it writes its comment to a file (output comment-path) and uploads it; a `workflow_run` workflow
// in the base repository downloads it and runs this. The file is data from the fork's run: it is only ever posted
// (never executed), only when its first line is our marker, with mentions defused, and only on the pull request whose
// head is the commit that run checked.
import * as core from "@actions/core";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { commentMarker, upsertComment } from "./comment.js";
import type { EventInfo } from "./event.js";
import { describeApiError, type Octokit } from "./github.js";
import { InputError, type Settings } from "./inputs.js";
import { assertInsideWorkspace } from "./workspace.js";

/** GitHub's limit for a comment body. */
const MAX_CHARS = 65_536;
const MARKER = /^<!-- chatml-quality-gate:([A-Za-z0-9._-]{1,64}) -->$/;

export interface PostResult {
  url?: string;
  /** Why nothing was posted. */
  skipped?: string;
}

/** The comment file's body, checked: our marker on the first line, within GitHub's size limit, mentions defused. */
export function checkedComment(text: string, source: string): { body: string; key: string; passed: boolean; updateOnly: boolean } {
  const body = text.replace(/\r\n/g, "\n");
  const first = body.slice(0, body.indexOf("\n") < 0 ? undefined : body.indexOf("\n"));
  const m = MARKER.exec(first);
  if (!m) throw new InputError(`Input 'post-comment' (${source}) is not a comment written by this action: its first line must be a marker like ${commentMarker("default")}.`);
  if (body.length > MAX_CHARS) throw new InputError(`Input 'post-comment' (${source}) holds ${body.length} characters, over GitHub's ${MAX_CHARS} for a comment.`);
  const heading = body.split("\n", 3)[1] ?? "";
  return {
    // The text comes from the fork's run: a mention there would notify people from the base repository's bot.
    body: body.replace(/@(?=[A-Za-z0-9])/g, "@\u200b"),
    key: m[1],
    passed: heading.startsWith("### ✅"),
    updateOnly: heading.includes("nothing to check"),
  };
}

/** The pull request to post on: the input, or the open one whose head is the commit the finished run checked. */
async function pullRequestOf(octokit: Octokit, event: EventInfo, s: Settings): Promise<number | string> {
  const wr = event.workflowRun;
  if (!wr) {
    if (s.pullRequest) return s.pullRequest;
    if (event.pr) return event.pr.number;
    return "no pull request: run post-comment on workflow_run, or set the pull-request input";
  }
  if (!wr.headSha) return "the workflow_run event names no head commit";
  const head = wr.headSha;
  if (s.pullRequest) {
    const pr = (await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { owner: event.owner, repo: event.repo, pull_number: s.pullRequest })).data as { head?: { sha?: string } };
    return pr.head?.sha === head ? s.pullRequest : `pull request #${s.pullRequest} has head ${String(pr.head?.sha).slice(0, 7)}, not ${head.slice(0, 7)} (the commit the run checked); not posting`;
  }
  const named = wr.pullRequests.find((p) => p.headSha === head);
  if (named) return named.number;
  // Pull requests from forks are not named in the payload: find the open one with this head commit.
  const owner = wr.headRepository?.split("/")[0];
  const pulls = (await octokit.paginate("GET /repos/{owner}/{repo}/pulls", {
    owner: event.owner,
    repo: event.repo,
    state: "open",
    ...(owner && wr.headBranch ? { head: `${owner}:${wr.headBranch}` } : {}),
    per_page: 100,
  })) as { number: number; head?: { sha?: string } }[];
  const found = pulls.find((p) => p.head?.sha === head);
  return found ? found.number : `no open pull request has head ${head.slice(0, 7)} (it may have new commits since; their run posts its own comment)`;
}

export async function postCommentFile(a: { settings: Settings; event: EventInfo; octokit?: Octokit; workspace: string }): Promise<PostResult> {
  const { settings: s, event } = a;
  const path = s.postComment!;
  assertInsideWorkspace(a.workspace, path, "comment file");
  const text = await readFile(resolve(a.workspace, path), "utf8").catch((e: Error) => {
    throw new InputError(`Input 'post-comment' names a file that cannot be read (${path}): ${e.message.split("\n")[0]}. Download the artifact of the pull_request run first.`);
  });
  const comment = checkedComment(text, path);
  if (event.workflowRun && event.workflowRun.event && event.workflowRun.event !== "pull_request" && event.workflowRun.event !== "pull_request_target") {
    return { skipped: `the finished run was triggered by ${event.workflowRun.event}, not by a pull request` };
  }
  if (s.comment === "never") return { skipped: "comment: never" };
  if (!a.octokit) return { skipped: "no github-token" };
  try {
    const pr = await pullRequestOf(a.octokit, event, s);
    if (typeof pr === "string") return { skipped: pr };
    const res = await upsertComment(a.octokit, {
      owner: event.owner,
      repo: event.repo,
      issueNumber: pr,
      marker: commentMarker(comment.key),
      body: comment.body,
      mode: s.comment,
      passed: comment.passed,
      updateOnly: comment.updateOnly,
    });
    core.info(`PR comment on #${pr}: ${res.action}${res.deleted ? ` (${res.deleted} duplicate(s) removed)` : ""}${res.url ? ` ${res.url}` : ""}`);
    return { url: res.url };
  } catch (err) {
    core.warning(`Could not post the PR comment: ${describeApiError(err)}.`);
    return { skipped: "API error" };
  }
}
