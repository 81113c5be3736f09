// `chatml-gate fix PATHS [--unsafe] [--only FIX,...] [--from-encoding cp1252|latin1] [--dry-run] [--diff] [-o OUT]
// [--rejects FILE] [--format text|json] [--config FILE]`: options → one fixFile per file → the manifest → exit code
// (0: every file written or clean, 1: a file could not be fixed and was left as it was, 2: usage).
import { resolve } from "node:path";
import { findDatasetFiles, outputOverDataset, UsageError } from "../engine/files.js";
import { loadConfig } from "../config/config.js";
import { VERSION } from "../engine/version.js";
import { FIX_IDS, SAFE_FIXES, UNSAFE_FIXES, type FixId, type SourceEncoding } from "./fixes.js";
import { renderManifestText, summarise, type FixManifest } from "./manifest.js";
import { fixFile } from "./fix-file.js";
import { Rejects } from "./rejects.js";
import { isStdout } from "./output-file.js";

export interface FixArgs {
  unsafe?: boolean;
  only?: string;
  "from-encoding"?: string;
  "dry-run"?: boolean;
  diff?: boolean;
  output?: string;
  rejects?: string;
  format?: string;
  config?: string;
}

const ENCODINGS: Record<string, SourceEncoding> = { cp1252: "cp1252", "windows-1252": "cp1252", latin1: "latin1", "iso-8859-1": "latin1" };

/** The fixes the options select. */
export function selectFixes(args: FixArgs): Set<FixId> {
  const unsafe = new Set<string>(UNSAFE_FIXES);
  let chosen: FixId[];
  if (args.only !== undefined) {
    const ids = args.only.split(",").map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) throw new UsageError(`--only takes fix names separated by commas: ${FIX_IDS.join(", ")}`);
    for (const id of ids) {
      if (!(FIX_IDS as readonly string[]).includes(id)) throw new UsageError(`--only: unknown fix '${id}' (fixes: ${FIX_IDS.join(", ")})`);
      if (unsafe.has(id) && !args.unsafe) throw new UsageError(`--only: ${id} is an unsafe fix (it changes what a record says or drops records): add --unsafe`);
    }
    chosen = ids as FixId[];
  } else chosen = args.unsafe ? [...FIX_IDS] : [...SAFE_FIXES];
  return new Set(chosen);
}

export async function runFix(args: FixArgs, paths: string[], cwd: string, out: { stdout: (s: string | Buffer) => void; stderr: (s: string) => void }): Promise<number> {
  const format = args.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`fix --format must be text or json; got '${format}'`);
  if (paths.length === 0) throw new UsageError("fix needs the files to fix: chatml-gate fix data/train.jsonl (or a folder; add --dry-run to see what it would do)");
  if (args.diff && format === "json") throw new UsageError("--diff prints a diff; --format json prints the manifest: choose one");
  const enabled = selectFixes(args);
  let fromEncoding: SourceEncoding | undefined;
  if (args["from-encoding"] !== undefined) {
    fromEncoding = ENCODINGS[args["from-encoding"].toLowerCase()];
    if (!fromEncoding) throw new UsageError(`--from-encoding takes cp1252 or latin1; got '${args["from-encoding"]}'`);
    if (!enabled.has("encoding")) throw new UsageError("--from-encoding re-encodes records, an unsafe fix: add --unsafe");
  } else enabled.delete("encoding");
  const config = await loadConfig(args.config, cwd);
  const files = await findDatasetFiles(paths, cwd);
  if (files.length === 0) throw new UsageError(`no dataset files found in ${paths.join(" ")} (looked for *.jsonl and *.jsonl.gz)`);
  if (args.output !== undefined && files.length > 1) throw new UsageError(`-o writes one file, and ${paths.join(" ")} holds ${files.length}: fix them in place, or one at a time with -o`);
  const clash = await outputOverDataset(files, cwd, { "--rejects": args.rejects });
  if (clash) throw new UsageError(`${clash[0]} ${clash[1]} is one of the files being fixed: choose another file for the refused records`);
  if (args.output !== undefined && args.rejects !== undefined && resolve(cwd, args.output) === resolve(cwd, args.rejects)) throw new UsageError("-o and --rejects name the same file");
  const dryRun = !!(args["dry-run"] || args.diff);
  const rejects = args.rejects !== undefined ? new Rejects(resolve(cwd, args.rejects), dryRun) : null;
  const opts = { enabled, fromEncoding, caseInsensitive: config.duplicates.caseInsensitive, profile: config.profile };
  const manifests = [];
  try {
    for (const f of files) {
      const abs = resolve(cwd, f);
      const output = args.output !== undefined && resolve(cwd, args.output) !== abs ? resolve(cwd, args.output) : undefined;
      manifests.push(await fixFile({ path: abs, display: f, output, outputDisplay: output ? args.output : undefined, dryRun, diff: args.diff ? out.stdout : undefined, rejects, opts }));
    }
  } finally {
    rejects?.close();
  }
  const manifest: FixManifest = {
    tool: { name: "chatml-quality-gate", version: VERSION },
    dryRun,
    unsafe: !!args.unsafe,
    files: manifests,
    summary: summarise(manifests),
  };
  if (rejects && rejects.records > 0) manifest.rejects = { path: args.rejects!, records: rejects.records };
  // The records went to stdout (-o /dev/stdout) or the diff did: the manifest goes to stderr, out of their way.
  const recordsOnStdout = args.output !== undefined && !dryRun && isStdout(resolve(cwd, args.output));
  const text = format === "json" ? JSON.stringify(manifest, null, 2) + "\n" : renderManifestText(manifest);
  if (args.diff || recordsOnStdout) out.stderr(text);
  else out.stdout(text);
  return manifest.summary.notFixed > 0 ? 1 : 0;
}

