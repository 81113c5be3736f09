// Which files a run reads: paths, directories (searched for *.jsonl, *.jsonl.gz) and globs, relative to cwd.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { readdir, stat, realpath } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";

export const DEFAULT_PATTERNS = ["**/*.jsonl", "**/*.jsonl.gz"];
const SKIP_DIRS = new Set(["node_modules", ".git", ".hg", ".svn", ".venv", "__pycache__"]);
const DATASET = /\.jsonl(\.gz)?$/i;

export class UsageError extends Error {}

/** A file's size and a hash of its first and last 64 KiB ("" when it cannot be read): what `merge` compares to tell
 * that the dataset files are the ones the shards read. */
export async function fileIdentity(path: string): Promise<{ size: number; print: string }> {
  // synchronous: a few small reads, and a run of thousands of files would wait on the thread pool for each
  let fd = -1;
  try {
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    const n = Math.min(size, 65536);
    const head = Buffer.alloc(n);
    const tail = Buffer.alloc(n);
    readSync(fd, head, 0, n, 0);
    readSync(fd, tail, 0, n, size - n);
    return { size, print: createHash("sha256").update(head).update(tail).digest("hex").slice(0, 32) };
  } catch {
    return { size: -1, print: "" };
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** The first output (option or input name -> path) that is one of the dataset files `files` (relative to cwd), as
 * [name, path], or null: writing a report there would overwrite the data (e.g. a slip like `--output
 * data/train.jsonl`). Symlinks and other spellings of a path count. */
export async function outputOverDataset(files: string[], cwd: string, outputs: Record<string, string | undefined>): Promise<[string, string] | null> {
  const real = (p: string) => realpath(resolve(cwd, p)).catch(() => resolve(cwd, p));
  const inputs = new Set(await Promise.all(files.map(real)));
  for (const [name, path] of Object.entries(outputs)) {
    if (path !== undefined && inputs.has(await real(path))) return [name, path];
  }
  return null;
}

export const toPosix = (p: string): string => p.split(sep).join("/");

async function walk(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walk(p, out);
    } else if (e.isFile() || e.isSymbolicLink()) out.push(p);
  }
}

/** Resolves paths, directories and globs to a sorted, de-duplicated list of cwd-relative POSIX paths. */
export async function findDatasetFiles(patterns: string[], cwd: string): Promise<string[]> {
  return findFiles(patterns, cwd, DATASET);
}

/** findDatasetFiles() for any kind of file: a directory contributes the files whose names match `inDirectories`;
 * a glob, every file it matches. */
export async function findFiles(patterns: string[], cwd: string, inDirectories: RegExp): Promise<string[]> {
  const found = new Set<string>();
  const walks = new Map<string, string[]>();
  const pats = patterns.length ? patterns : ["."];
  for (const pat of pats) {
    const abs = resolve(cwd, pat);
    let statError = "";
    const st = await stat(abs).catch((e: NodeJS.ErrnoException) => {
      statError = e.code === "ENOENT" || e.code === "ENOTDIR" ? "" : `cannot read ${pat}: ${e.code === "ELOOP" ? "a loop of symbolic links" : e.message}`;
      return null;
    });
    if (st?.isFile()) {
      found.add(toPosix(relative(cwd, abs)));
      continue;
    }
    if (st?.isDirectory()) {
      const files: string[] = [];
      await walk(abs, files);
      for (const f of files) if (inDirectories.test(f)) found.add(toPosix(relative(cwd, f)));
      continue;
    }
    const scan = picomatch.scan(toPosix(pat));
    if (!scan.isGlob) throw new UsageError(st ? `not a regular file or a directory: ${pat}` : statError || `no such file or directory: ${pat}`);
    // Walk only the glob's base folder (`data` of `data/**/*.jsonl`, `..` of `../*.jsonl`, `/abs` of `/abs/*.jsonl`),
    // and match the files below it against the rest of the pattern.
    const base = resolve(cwd, scan.base || ".");
    let files = walks.get(base);
    if (!files) {
      const list: string[] = [];
      await walk(base, list);
      files = list.map((f) => toPosix(relative(base, f)));
      walks.set(base, files);
    }
    const match = picomatch(scan.glob, { dot: false });
    for (const f of files) if (match(f)) found.add(toPosix(relative(cwd, resolve(base, f))));
  }
  return [...found].sort();
}

/** Refuses a path (or symlink target) that resolves outside `root`. */
export async function assertInside(root: string, path: string): Promise<void> {
  const realRoot = await realpath(root);
  const real = await realpath(resolve(root, path)).catch(() => resolve(root, path));
  const rel = relative(realRoot, real);
  if (rel.startsWith("..") || resolve(realRoot, rel) !== real) {
    throw new UsageError(`refusing to read ${path}: it resolves outside the workspace (${real})`);
  }
}

/** Why a file could not be written, in words (for messages that name the option or input). */
export function writeErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "EISDIR") return "it is a directory";
  if (code === "ENOTDIR" || code === "EEXIST") return "a part of the path is a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return (e as Error)?.message ?? String(e);
}

/** Whether `path` (a file as the report names it: relative to the working directory, or absolute) is matched by an
 * override's globs. The globs are written relative to the repository, so a path that leaves the working directory
 * (`../data/x.jsonl`) or starts with `./` is also tried without those leading segments. */
export function overrideMatcher(globs: string[]): (path: string) => boolean {
  const isMatch = picomatch(globs);
  return (path) => {
    if (isMatch(path)) return true;
    const bare = path.replace(/^(?:\.\.?\/)+/, "");
    return bare !== path && isMatch(bare);
  };
}
