// Leakage between a training split and its evaluation splits, computed at finish from the final duplicate state,
// so it does not depend on which file of the pair comes first in the run.
//
//   computeLeakage({ store, paths, splits, rootOf, nearPairs, shingleSize }) => { results: LeakageResult[], findings }
//
// An eval record leaks when its exact-duplicate group (same normalised conversation, see exact-duplicates.ts)
// contains a record of the training file ("exact"), or else when its group's first record has an accepted
// near-duplicate pair (direct, not transitive) with a record whose exact group contains a record of the training
// file ("near"). Each leaking eval record is counted once per split pair, exact before near, and gets one
// `leakage` error naming the earliest exact training match, or the most similar near one.
import type { Finding, Place } from "../model.js";
import type { NearPair } from "./near-duplicates.js";
import type { RecordStore } from "./record-store.js";
import type { SplitPair } from "./splits.js";

export interface LeakageResult {
  train: string;
  eval: string;
  /** Eval records with an exact duplicate in the training file. */
  exact: number;
  /** Eval records with a near duplicate (and no exact one) in the training file. */
  near: number;
  evalRecords: number;
  /** (exact + near) / evalRecords. */
  rate: number;
  /** Every leaking eval record (its line in `eval`) with the training record it repeats, in eval order. */
  records: LeakedRecord[];
}

export interface LeakedRecord {
  line: number;
  related: Place;
  kind: "exact" | "near";
  /** Near: the Jaccard similarity (floored to 2 decimals, as in the message). */
  similarity?: number;
}

export interface LeakageInput {
  store: RecordStore;
  paths: string[];
  splits: SplitPair[];
  rootOf: (id: number) => number;
  nearPairs: NearPair[];
  shingleSize: number;
}

export function computeLeakage(inp: LeakageInput): { results: LeakageResult[]; findings: Array<{ file: number; finding: Finding }>; leaked: Set<number> } {
  const { store, paths, splits, rootOf, nearPairs } = inp;
  const F = Math.max(1, paths.length);
  const n = store.count;
  const trainsOf = new Map<number, number[]>();
  const isTrain = new Set<number>();
  for (const s of splits) {
    isTrain.add(s.train);
    const list = trainsOf.get(s.eval) ?? [];
    list.push(s.train);
    trainsOf.set(s.eval, list);
  }
  const counts = splits.map(() => ({ exact: 0, near: 0, records: [] as LeakedRecord[] }));
  const pairIndex = new Map(splits.map((s, i) => [`${s.train}:${s.eval}`, i]));
  const evalRecords = new Array<number>(F).fill(0);
  const findings: Array<{ file: number; finding: Finding }> = [];
  /** Eval records that leak (any of their training files). */
  const leaked = new Set<number>();
  if (splits.length === 0 || n === 0) return { results: [], findings, leaked };

  // Earliest member of each exact group in each training file (only groups with more than one record).
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[rootOf(i)]++;
  const trainMember = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const f = store.file(i);
    const r = rootOf(i);
    if (isTrain.has(f) && size[r] > 1 && !trainMember.has(r * F + f)) trainMember.set(r * F + f, i);
  }
  const inTrain = (r: number, t: number): number => (store.file(r) === t ? r : (trainMember.get(r * F + t) ?? -1));
  const adj = new Map<number, NearPair[]>();
  for (const p of nearPairs) {
    for (const x of [p.a, p.b]) {
      const list = adj.get(x) ?? [];
      list.push(p);
      adj.set(x, list);
    }
  }
  const place = (id: number) => ({ path: paths[store.file(id)], line: store.line(id) });
  const where = (id: number) => `${paths[store.file(id)]}:${store.line(id)}`;

  for (let e = 0; e < n; e++) {
    const f = store.file(e);
    evalRecords[f]++;
    const trains = trainsOf.get(f);
    if (!trains) continue;
    const r = rootOf(e);
    for (const t of trains) {
      const k = pairIndex.get(`${t}:${f}`) as number;
      const split = `${paths[t]} -> ${paths[f]}`;
      const x = inTrain(r, t);
      if (x >= 0) {
        counts[k].exact++;
        leaked.add(e);
        counts[k].records.push({ line: store.line(e), related: place(x), kind: "exact" });
        findings.push({ file: f, finding: leak(store.line(e), `an exact duplicate of training record ${where(x)}`, split, place(x)) });
        continue;
      }
      let best = -1;
      let bestSim = -1;
      for (const p of adj.get(r) ?? []) {
        const y = inTrain(p.a === r ? p.b : p.a, t);
        if (y >= 0 && (p.similarity > bestSim || (p.similarity === bestSim && y < best))) {
          best = y;
          bestSim = p.similarity;
        }
      }
      if (best >= 0) {
        counts[k].near++;
        leaked.add(e);
        const sim = (Math.floor(bestSim * 100 + 1e-9) / 100).toFixed(2);
        counts[k].records.push({ line: store.line(e), related: place(best), kind: "near", similarity: Number(sim) });
        findings.push({ file: f, finding: leak(store.line(e), `a near duplicate (Jaccard ${sim} of word ${inp.shingleSize}-grams) of training record ${where(best)}`, split, place(best)) });
      }
    }
  }
  const results = splits.map((s, i) => ({
    train: paths[s.train],
    eval: paths[s.eval],
    exact: counts[i].exact,
    near: counts[i].near,
    evalRecords: evalRecords[s.eval],
    rate: evalRecords[s.eval] ? (counts[i].exact + counts[i].near) / evalRecords[s.eval] : 0,
    records: counts[i].records,
  }));
  return { results, findings, leaked };
}

function leak(line: number, what: string, split: string, related: Place): Finding {
  return {
    rule: "leakage",
    severity: "error",
    line,
    message: `Train/eval leakage (${split}): this evaluation record is ${what}; remove it from the evaluation split (or from training).`,
    related,
  };
}
