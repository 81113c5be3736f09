// Facade over the duplicate analyses (exact-duplicates.ts, near-duplicates.ts, leakage.ts) for the orchestrator.
//
//   const dup = new DuplicateAnalysis({ paths, caseInsensitive?, nearThreshold?, shingleSize?, near?, splits? });
//   for each valid record, files in run order, lines in file order:
//     findings.push(...dup.add(conv, loc));      // `exact-duplicate` and `conflicting-answers` warnings, at loc.line
//   const out = await dup.finish(reread);        // reread(locs) -> Map<`${file}:${line}`, Conversation>
//   out.findings                                 // `near-duplicate` warnings and `leakage` errors (not exact ones)
//
// - exact: ExactResult (duplicateRecords, rate, conflictingAnswers, groupCount, groups top 100 by size)
// - near: NearResult (duplicateRecords, rate, threshold, shingleSize, candidate/accepted pair counts, groups)
// - leakage: one LeakageResult per split pair (splits from pairSplits() in splits.ts)
// - perFile[i]: exact and near duplicate records (later occurrences) in file i
// Exact duplicates of an earlier record are left out of near-duplicate detection. `reread` is only called when
// near detection is on and LSH produced candidate pairs, with at most 2048 locations per call.
// Output is deterministic for the same input.
import type { Conversation, Finding, RecordLoc } from "../model.js";
import { ExactDuplicateIndex, type ExactResult } from "./exact-duplicates.js";
import { computeLeakage, type LeakageResult } from "./leakage.js";
import { NearDuplicateIndex, type NearPair, type NearResult, type Reread } from "./near-duplicates.js";
import { RecordStore } from "./record-store.js";
import type { SplitPair } from "./splits.js";

export type { ExactResult, NearResult, LeakageResult, Reread, SplitPair };

export interface DuplicateOptions {
  paths: string[];
  caseInsensitive?: boolean;
  /** Jaccard threshold for near duplicates, default 0.8. */
  nearThreshold?: number;
  /** Words per shingle, default 5. */
  shingleSize?: number;
  /** Near-duplicate detection on (default true). */
  near?: boolean;
  splits?: SplitPair[];
}

export interface DuplicateReport {
  exact: ExactResult;
  near: NearResult;
  leakage: LeakageResult[];
  perFile: { exactDuplicates: number; nearDuplicates: number }[];
  findings: Array<{ file: number; finding: Finding }>;
  /** Accepted near-duplicate pairs as record locations (for tests and debugging). */
  nearPairs: Array<{ a: RecordLoc; b: RecordLoc; similarity: number }>;
}

export class DuplicateAnalysis {
  private readonly store = new RecordStore();
  private readonly exact: ExactDuplicateIndex;
  private readonly near: NearDuplicateIndex;
  private readonly nearOn: boolean;

  constructor(private readonly opts: DuplicateOptions) {
    this.exact = new ExactDuplicateIndex(this.store, opts.paths, { caseInsensitive: opts.caseInsensitive });
    this.near = new NearDuplicateIndex(this.store, opts.paths, { threshold: opts.nearThreshold, shingleSize: opts.shingleSize });
    this.nearOn = opts.near !== false;
  }

  add(conv: Conversation, loc: RecordLoc): Finding[] {
    const id = this.store.push(loc);
    const findings = this.exact.add(conv, id);
    if (this.nearOn && !this.exact.isDuplicate(id)) this.near.add(conv, id);
    return findings;
  }

  async finish(reread: Reread): Promise<DuplicateReport> {
    const files = this.opts.paths.length;
    const near = await this.near.finish(reread);
    const pairs: NearPair[] = near.pairs;
    const leakage = computeLeakage({
      store: this.store,
      paths: this.opts.paths,
      splits: this.opts.splits ?? [],
      rootOf: (id) => this.exact.rootOf(id),
      nearPairs: pairs,
      shingleSize: this.near.shingleSize,
    });
    const ex = this.exact.perFile(files);
    const nd = near.perFile(files);
    return {
      exact: this.exact.result(),
      near: near.result,
      leakage: leakage.results,
      perFile: ex.map((e, i) => ({ exactDuplicates: e, nearDuplicates: nd[i] })),
      findings: [...near.findings, ...leakage.findings],
      nearPairs: pairs.map((p) => ({ a: this.store.loc(p.a), b: this.store.loc(p.b), similarity: p.similarity })),
    };
  }
}
