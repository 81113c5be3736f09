// Datasets too big for one job: `check --shard i/n` runs the chunks k with k mod n = i-1 and writes their results
// (plus the plan and the config) to a partial file; `merge` folds the partials of all shards, in chunk order, into
// the same report a single run gives. The merge job needs the dataset files too (near-duplicate verification
// re-reads a few candidate lines).
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Config } from "./settings.js";
import { assemble, type Plan } from "./check.js";
import type { ChunkResult } from "./chunk-check.js";
import type { Report } from "./report.js";
import { VERSION } from "./version.js";
import { fileIdentity } from "./files.js";

export const PARTIAL_KIND = "chatml-quality-gate/partial";

export interface Partial {
  kind: typeof PARTIAL_KIND;
  version: string;
  shard: { index: number; count: number };
  config: Config;
  date: string;
  plan: Omit<Plan, "absPaths">;
  results: ChunkResult[];
}

export function parseShard(spec: string): { index: number; count: number } | null {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : null;
}

/** The jobs of shard i of n (1-based), by chunk index. */
export function shardJobs(plan: Plan, shard: { index: number; count: number }): Plan["jobs"] {
  return plan.jobs.filter((j) => j.chunk.index % shard.count === shard.index - 1);
}

// Typed arrays travel as base64 inside the JSON; numbers JSON cannot hold (Infinity, -Infinity, NaN: e.g. the
// smallest window of a chunk without one) as {$num: "Infinity"}, so that merged shards equal the single run.
const TYPED = { Uint8Array, Int32Array, Uint32Array, Float64Array, Float32Array, Int16Array, Uint16Array, Int8Array, BigInt64Array } as const;
type TypedName = keyof typeof TYPED;

export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const name = v.constructor.name as TypedName;
      return { $typed: name, b64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") };
    }
    if (typeof v === "number" && !Number.isFinite(v)) return { $num: String(v) };
    return v;
  });
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === "object" && "$typed" in v && "b64" in v) {
      const { $typed, b64 } = v as { $typed: TypedName; b64: string };
      const Ctor = TYPED[$typed];
      if (!Ctor) throw new Error(`unknown typed array ${String($typed)}`);
      const bytes = Buffer.from(b64, "base64");
      const copy = new Uint8Array(bytes.length);
      copy.set(bytes);
      return new Ctor(copy.buffer, 0, bytes.length / Ctor.BYTES_PER_ELEMENT);
    }
    if (v && typeof v === "object" && "$num" in v) {
      const n = (v as { $num: unknown }).$num;
      if (n !== "Infinity" && n !== "-Infinity" && n !== "NaN") throw new Error(`unknown number ${String(n)}`);
      return Number(n);
    }
    return v;
  }) as T;
}

/** The text of a partial result file. The secret and personal-data values a chunk found (for masking) never go
 * to disk: they are dropped here. */
export function partialJson(p: Partial): string {
  return toJson({ ...p, results: p.results.map((r) => (r.scan.values ? { ...r, scan: { ...r.scan, values: undefined } } : r)) });
}

export class MergeError extends Error {}

/** The base version's report for a merged run, given the run's files and config (undefined: no comparison). */
export type BaseProvider = (paths: string[], config: Config) => Promise<{ report: Report; label: string } | undefined>;

/** Folds the partial files of every shard into one report; `base` (the base version's report, made once the run's
 * files and config are known) adds the comparison a single run would make (deltas.ts). */
export async function mergePartials(files: string[], cwd: string, base?: BaseProvider): Promise<Report> {
  const parts: Partial[] = [];
  for (const f of files) {
    let p: Partial;
    try {
      p = fromJson<Partial>(await readFile(resolve(cwd, f), "utf8"));
    } catch (e) {
      throw new MergeError(`cannot read partial ${f}: ${(e as Error).message}`);
    }
    if (p.kind !== PARTIAL_KIND) throw new MergeError(`${f} is not a chatml-gate partial result (check --shard i/n --output FILE writes one)`);
    if (p.version !== VERSION) throw new MergeError(`${f} was written by chatml-gate ${p.version}; this is ${VERSION}: use the same version for every shard`);
    const whole = p.plan && Array.isArray(p.plan.paths) && Array.isArray(p.plan.identities) && Array.isArray(p.plan.jobs) && Array.isArray(p.plan.heads) && p.shard && Number.isInteger(p.shard.index) && Number.isInteger(p.shard.count) && Array.isArray(p.results) && p.config;
    if (!whole) throw new MergeError(`${f} is not a whole partial result (its plan, shard or results are missing): run check --shard again to write it`);
    parts.push(p);
  }
  if (parts.length === 0) throw new MergeError("merge needs the partial files of every shard");
  const first = parts[0];
  const sig = (p: Partial) => JSON.stringify([p.plan.paths, p.plan.jobs.map((j) => j.chunk), p.config, p.shard.count]);
  for (const [i, p] of parts.entries()) {
    if (sig(p) !== sig(first)) throw new MergeError(`${files[i]} comes from a different run (other files, chunks, config or shard count) than ${files[0]}`);
  }
  const seen = new Set(parts.map((p) => p.shard.index));
  const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new MergeError(`missing shard(s) ${missing.map((m) => `${m}/${first.shard.count}`).join(", ")}`);
  const byIndex = new Map<number, ChunkResult>();
  for (const p of parts) for (const r of p.results) byIndex.set(r.index, r);
  const results = first.plan.jobs.map((j) => {
    const r = byIndex.get(j.chunk.index);
    if (!r) throw new MergeError(`no result for chunk ${j.chunk.index}`);
    return r;
  });
  const plan: Plan = { ...first.plan, absPaths: first.plan.paths.map((p) => resolve(cwd, p)) };
  // Near-duplicate verification re-reads lines at the byte offsets the shards saw: the files must be the same ones.
  for (let i = 0; i < plan.paths.length; i++) {
    const then = first.plan.identities[i];
    if (then.size < 0) continue;
    const now = await fileIdentity(plan.absPaths[i]);
    if (now.size < 0) throw new MergeError(`merge needs the dataset files the shards read: ${plan.paths[i]} is missing here (run merge in a checkout of the same commit)`);
    if (now.size !== then.size || now.print !== then.print) {
      throw new MergeError(`${plan.paths[i]} is not the file the shards read (${then.size} bytes then, ${now.size} now, or other content): run merge on the same commit as the shards`);
    }
  }
  const compared = base ? await base(plan.paths, first.config) : undefined;
  return assemble(plan, results, first.config, { date: first.date, base: compared?.report, baseLabel: compared?.label });
}
