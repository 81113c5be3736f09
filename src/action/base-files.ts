// The base version of a PR's dataset files, for quality deltas: from git history when the checkout has it
// (fetch-depth: 0), else from the contents API. Files the PR adds have no base; unchanged partners are the same.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { copyFile, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Octokit } from "./github.js";

export interface BaseFiles {
  dir: string;
  files: string[];
  /** How many changed files had a base version. */
  found: number;
  source: "git" | "api" | "mixed";
}

function gitShow(cwd: string, ref: string, path: string, to: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn("git", ["show", `${ref}:${path}`], { cwd, stdio: ["ignore", "pipe", "ignore"] });
    const out = createWriteStream(to);
    child.stdout.pipe(out);
    child.on("error", () => resolve(false));
    child.on("close", (code) => out.end(() => resolve(code === 0)));
  });
}

async function apiRaw(octokit: Octokit, owner: string, repo: string, path: string, ref: string): Promise<Buffer | null> {
  try {
    const res = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner,
      repo,
      path,
      ref,
      headers: { accept: "application/vnd.github.raw+json" },
      request: { parseSuccessResponseBody: false },
    });
    const data = res.data as unknown;
    if (data && typeof (data as ReadableStream).getReader === "function") return Buffer.from(await new Response(data as ReadableStream).arrayBuffer());
    if (typeof data === "string") return Buffer.from(data);
    if (data instanceof ArrayBuffer) return Buffer.from(data);
    return null;
  } catch {
    return null; // 404 (file added by the PR), no access, or too large: no base for this file
  }
}

export async function fetchBaseFiles(args: {
  cwd: string;
  files: string[];
  changed: string[];
  baseSha: string;
  octokit?: Octokit;
  owner: string;
  repo: string;
}): Promise<BaseFiles | null> {
  const dir = await mkdtemp(join(tmpdir(), "chatml-gate-base-"));
  const changed = new Set(args.changed);
  const files: string[] = [];
  let found = 0;
  let viaGit = 0;
  let viaApi = 0;
  for (const f of args.files) {
    const to = join(dir, f);
    await mkdir(dirname(to), { recursive: true });
    if (!changed.has(f)) {
      await copyFile(join(args.cwd, f), to);
      files.push(f);
      continue;
    }
    if (await gitShow(args.cwd, args.baseSha, f, to)) {
      viaGit++;
    } else {
      const body = args.octokit ? await apiRaw(args.octokit, args.owner, args.repo, f, args.baseSha) : null;
      if (!body) continue;
      await writeFile(to, body);
      viaApi++;
    }
    found++;
    files.push(f);
  }
  if (found === 0) return null;
  return { dir, files, found, source: viaGit && viaApi ? "mixed" : viaGit ? "git" : "api" };
}
