// Pairs the training file of a folder with its evaluation files, for leakage checks.
//
//   pairSplits(paths, overrides?) => Array<{ train: number; eval: number }>   (indexes into `paths`)
//
// Automatic pairing: the basename (lowercased, extensions .jsonl/.json/.gz/... dropped) is cut into tokens
// (runs of letters, runs of digits). A file with a token train/training is a training split; a file with a token
// validation/valid/val/eval/evaluation/test/testing/dev is an evaluation split. Each evaluation file is paired with
// the training files of the same folder whose remaining tokens match (sft_val <-> sft_train); if none match, with
// every training file of the folder.
// Overrides (config): each {train: globs, eval: globs} pairs every path matching a train glob with every path
// matching an eval glob (picomatch; a glob without "/" also matches the basename). When overrides are given
// (non-empty), they replace the automatic pairing. Output is sorted (train, eval) and has no repeats or self-pairs.
import path from "node:path";
import picomatch from "picomatch";

export interface SplitPair {
  train: number;
  eval: number;
}
export interface SplitOverride {
  train: string[];
  eval: string[];
}

const TRAIN = new Set(["train", "training"]);
const EVAL = new Set(["validation", "valid", "val", "eval", "evaluation", "test", "testing", "dev"]);
const EXT = /(\.(jsonl|json|ndjson|gz|zst|txt|parquet))+$/i;

function tokens(p: string): string[] {
  const base = path.posix.basename(p.replace(/\\/g, "/")).toLowerCase().replace(EXT, "");
  return base.match(/[a-z]+|[0-9]+/g) ?? [];
}

function role(p: string): { kind: "train" | "eval" | null; stem: string } {
  const t = tokens(p);
  const train = t.some((x) => TRAIN.has(x));
  const ev = t.some((x) => EVAL.has(x));
  const kind = train && !ev ? "train" : ev && !train ? "eval" : null;
  return { kind, stem: t.filter((x) => !TRAIN.has(x) && !EVAL.has(x)).join("_") };
}

/** Globs with a "/" match the whole path, others the basename. */
function matcher(globs: string[]): (p: string) => boolean {
  const full = globs.filter((g) => g.includes("/")).map((g) => g.replace(/^(\.\/)+/, ""));
  const base = globs.filter((g) => !g.includes("/"));
  const f = full.length ? picomatch(full, { dot: true }) : () => false;
  const b = base.length ? picomatch(base, { dot: true }) : () => false;
  return (p) => f(p) || b(path.posix.basename(p));
}

const dir = (p: string): string => path.posix.dirname(p.replace(/\\/g, "/"));

const normalise = (p: string): string => p.replace(/\\/g, "/").replace(/^(\.\/)+/, "");

/** A `splits` entry of the config one side of which matches files being checked and the other side none (a typo in
 * a glob, a renamed file): its files would silently get no leakage check, and max-leakage pass. The message, or
 * null. (Both sides matching nothing is no problem: a pull request's run checks only the files it changes.) */
export function unmatchedSplit(paths: string[], overrides?: SplitOverride[]): string | null {
  if (!overrides) return null;
  const norm = paths.map(normalise);
  for (const [i, o] of overrides.entries()) {
    const train = norm.filter(matcher(o.train));
    const ev = norm.filter(matcher(o.eval));
    if ((train.length === 0) === (ev.length === 0)) continue;
    const [empty, globs, other, found] = train.length === 0 ? ["train", o.train, "eval", ev] : ["eval", o.eval, "train", train];
    const list = globs.map((g) => `'${g}'`).join(", ");
    const more = found.length > 1 ? ` and ${found.length - 1} more` : "";
    return `splits[${i}].${empty} ${list} matches none of the ${paths.length} file(s) being checked, while its ${other} matches ${found[0]}${more}: that pair would get no leakage check; fix the glob`;
  }
  return null;
}

export function pairSplits(paths: string[], overrides?: SplitOverride[]): SplitPair[] {
  const out = new Map<string, SplitPair>();
  const add = (train: number, ev: number): void => {
    if (train !== ev) out.set(`${train}:${ev}`, { train, eval: ev });
  };
  if (overrides && overrides.length > 0) {
    for (const o of overrides) {
      const isTrain = matcher(o.train);
      const isEval = matcher(o.eval);
      const norm = paths.map(normalise);
      const tr = norm.map((p, i) => (isTrain(p) ? i : -1)).filter((i) => i >= 0);
      const ev = norm.map((p, i) => (isEval(p) ? i : -1)).filter((i) => i >= 0);
      for (const t of tr) for (const e of ev) add(t, e);
    }
  } else {
    const roles = paths.map(role);
    for (let e = 0; e < paths.length; e++) {
      if (roles[e].kind !== "eval") continue;
      const trains = paths.map((_, i) => i).filter((i) => roles[i].kind === "train" && dir(paths[i]) === dir(paths[e]));
      const same = trains.filter((i) => roles[i].stem === roles[e].stem);
      for (const t of same.length ? same : trains) add(t, e);
    }
  }
  return [...out.values()].sort((a, b) => a.train - b.train || a.eval - b.eval);
}
