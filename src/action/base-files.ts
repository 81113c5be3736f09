// The base version of the files a run checks (a pull request's base commit, the commit before a push): from git
// history when the checkout has it (fetch-depth: 0), else from the contents API. A file the base does not have is
// left out (the comparison calls it a new file); a file known to be unchanged is linked to the checkout as it is.
import { execFile, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { copyFile, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import type { Octokit } from "./github.js";

const run = promisify(execFile);

export interface BaseFiles {
  dir: string;
  files: string[];
  /** How many files were read at the base commit (the others were unchanged, or new). */
  found: number;
  /** Files the base commit does not have (or that could not be read there). */
  missing: string[];
  source: "git" | "api" | "mixed" | "none";
}

/** The base versions could not be read (the commit is not in the clone and the API did not serve them). */
export class BaseUnavailable extends Error {}

function gitShow(cwd: string, ref: string, path: string, to: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn("git", ["show", `${ref}:${path}`], { cwd, stdio: ["ignore", "pipe", "ignore"] });
    const out = createWriteStream(to);
    child.stdout.pipe(out);
    child.on("error", () => resolve(false));
    child.on("close", (code) => out.end(() => resolve(code === 0)));
  });
}

/** The file at `ref`, "absent" when the commit does not have it (404), null when it could not be read. */
async function apiRaw(octokit: Octokit, owner: string, repo: string, path: string, ref: string): Promise<Buffer | "absent" | null> {
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
  } catch (e) {
    return (e as { status?: number }).status === 404 ? "absent" : null; // else: no access, too large, network
  }
}

const LFS_POINTER = Buffer.from("version https://git-lfs.github.com/spec/v1");

/** A base version that git stored in Git LFS comes out of `git show` as its pointer: fetch the data with `git lfs
 * smudge` (the checkout's LFS credentials), unless the checkout's own file is a pointer too (then both are). */
async function lfsData(cwd: string, path: string, to: string): Promise<boolean> {
  const { open, readFile, rename } = await import("node:fs/promises");
  const head = async (p: string) => {
    const fh = await open(p, "r").catch(() => null);
    if (!fh) return Buffer.alloc(0);
    try {
      const b = Buffer.alloc(LFS_POINTER.length);
      const { bytesRead } = await fh.read(b, 0, b.length, 0);
      return b.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  };
  if (!(await head(to)).equals(LFS_POINTER) || (await head(join(cwd, path))).equals(LFS_POINTER)) return true;
  const pointer = await readFile(to);
  const tmp = `${to}.smudged`;
  const ok = await new Promise<boolean>((done) => {
    const child = spawn("git", ["lfs", "smudge", "--", path], { cwd, stdio: ["pipe", "pipe", "ignore"] });
    const out = createWriteStream(tmp);
    child.stdout.pipe(out);
    child.on("error", () => done(false));
    child.on("close", (code) => out.end(() => done(code === 0)));
    child.stdin.end(pointer);
  });
  if (ok && !(await head(tmp)).equals(LFS_POINTER)) await rename(tmp, to);
  return ok;
}

/** Whether the clone has the commit (a shallow checkout of the head alone does not). */
export async function hasCommit(cwd: string, sha: string): Promise<boolean> {
  try {
    await run("git", ["cat-file", "-e", `${sha}^{commit}`], { cwd });
    return true;
  } catch {
    return false;
  }
}

/** Files changed between two commits, from git (null when the clone lacks one of them). */
export async function gitChangedBetween(cwd: string, from: string, to: string): Promise<string[] | null> {
  try {
    const { stdout } = await run("git", ["diff", "--name-only", "-z", from, to], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout.split("\0").filter((s) => s !== "");
  } catch {
    return null;
  }
}

/** GitHub's compare endpoint lists at most this many files. */
const COMPARE_FILES_LIMIT = 300;

/** Files changed between two commits, from the compare API (null when it fails or its list is cut). */
export async function apiChangedBetween(octokit: Octokit, owner: string, repo: string, from: string, to: string): Promise<string[] | null> {
  try {
    const res = await octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", { owner, repo, basehead: `${from}...${to}`, per_page: 100 });
    const files = ((res.data as { files?: { filename: string; previous_filename?: string }[] }).files ?? []);
    if (files.length >= COMPARE_FILES_LIMIT) return null;
    return files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]));
  } catch {
    return null;
  }
}

export async function fetchBaseFiles(args: {
  cwd: string;
  files: string[];
  /** Files that differ between the base and the checkout; null: not known, every file is read at the base. */
  changed: string[] | null;
  baseSha: string;
  octokit?: Octokit;
  owner: string;
  repo: string;
}): Promise<BaseFiles> {
  const dir = await mkdtemp(join(tmpdir(), "chatml-gate-base-"));
  const changed = args.changed ? new Set(args.changed) : null;
  const inClone = await hasCommit(args.cwd, args.baseSha);
  if (!inClone && !args.octokit) throw new BaseUnavailable(`the base commit ${args.baseSha.slice(0, 7)} is not in the checkout (use fetch-depth: 0) and there is no github-token to read it`);
  const files: string[] = [];
  const missing: string[] = [];
  let viaGit = 0;
  let viaApi = 0;
  for (const f of args.files) {
    const to = join(dir, f);
    await mkdir(dirname(to), { recursive: true });
    if (changed && !changed.has(f)) {
      // Unchanged: the checkout's file as it is (a link, so a large file is not copied).
      await symlink(resolve(args.cwd, f), to).catch(() => copyFile(join(args.cwd, f), to));
      files.push(f);
      continue;
    }
    if (inClone) {
      if (await gitShow(args.cwd, args.baseSha, f, to)) {
        if (!(await lfsData(args.cwd, f, to))) throw new BaseUnavailable(`the base version of ${f} is in Git LFS and git lfs smudge could not fetch it`);
        viaGit++;
        files.push(f);
      } else missing.push(f); // the base commit does not have it
      continue;
    }
    const body = await apiRaw(args.octokit!, args.owner, args.repo, f, args.baseSha);
    if (body === "absent") {
      missing.push(f);
      continue;
    }
    if (body === null) throw new BaseUnavailable(`the base commit ${args.baseSha.slice(0, 7)} is not in the checkout (use fetch-depth: 0) and the contents API did not serve ${f}`);
    await writeFile(to, body);
    viaApi++;
    files.push(f);
  }
  const source = viaGit && viaApi ? "mixed" : viaGit ? "git" : viaApi ? "api" : "none";
  return { dir, files, found: viaGit + viaApi, missing, source };
}
