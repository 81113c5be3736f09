// The counts and sums of a token analysis (TokenSums): what each example adds to (tokens.ts account()), what a
// chunk's partial carries (copySums) and how partials merge (addSums). Every count and sum adds, per stratum where it
// has one (examples, exact totals/assistant/billed, tokenized/sampled/drawn, the weighted ratio-estimator sums and
// their variance terms — independent Poisson sampling per chunk, so variances add —, estimated overhead/bytes,
// content bytes, tooLong); max is max (the estimated max keeps the first largest-byte example of each stratum, as
// add() does). Each example keeps its own weight 1/p, so R_h = sum(w x tokens) / sum(w x bytes) over all chunks.
import { VAR_TERMS } from "./token-error-bound.js";
import { STRATA } from "./token-strata.js";

/** The counts and sums a chunk's examples add to (the numbers of TokenPartial; merged by addSums). */
export interface TokenSums {
  examples: number;
  seenBytes: number;
  exactTotal: number;
  exactAssistant: number;
  exactBilled: number;
  exactMax: number;
  tokenized: number;
  estOverhead: number;
  /** Arrays of STRATA values, one per stratum, from here to contentBytes. Untokenized content bytes (of which
   * assistant ones). */
  estBytes: Float64Array;
  estAssistantBytes: Float64Array;
  /** Content bytes of the largest untokenized example (-1: none), and its overhead. */
  estMaxBytes: Float64Array;
  estMaxOverhead: Float64Array;
  /** Content bytes of estimated examples known to be over the limit (billed at the limit), their estimated tokens
   * (counted until past the limit, then extrapolated at that rate) and the extrapolated part of those. */
  overBytes: Float64Array;
  overTokens: Float64Array;
  overExtra: Float64Array;
  /** Sampled examples; those of them drawn with p < 1 (they carry the variance). */
  sN: Float64Array;
  dN: Float64Array;
  /** Ratio-estimator sums: weighted tokens and bytes (all, assistant). */
  sT: Float64Array;
  sB: Float64Array;
  sAT: Float64Array;
  sAB: Float64Array;
  /** Variance sums, 9 per stratum (STRATA x 9; see VAR_TERMS). */
  v: Float64Array;
  contentBytes: Float64Array;
  /** Estimated examples known to be over the limit and their overhead (billed at the limit). */
  overCount: number;
  overOverhead: number;
  tooLong: number;
  /** Image parts, those counted, their tokens (TokenResult.images). */
  images: [number, number, number];
}

/** Sums of no example. */
export function newSums(): TokenSums {
  return {
    examples: 0,
    seenBytes: 0,
    exactTotal: 0,
    exactAssistant: 0,
    exactBilled: 0,
    exactMax: 0,
    tokenized: 0,
    estOverhead: 0,
    estBytes: new Float64Array(STRATA),
    estAssistantBytes: new Float64Array(STRATA),
    estMaxBytes: new Float64Array(STRATA).fill(-1),
    estMaxOverhead: new Float64Array(STRATA),
    overBytes: new Float64Array(STRATA),
    overTokens: new Float64Array(STRATA),
    overExtra: new Float64Array(STRATA),
    sN: new Float64Array(STRATA),
    dN: new Float64Array(STRATA),
    sT: new Float64Array(STRATA),
    sB: new Float64Array(STRATA),
    sAT: new Float64Array(STRATA),
    sAB: new Float64Array(STRATA),
    v: new Float64Array(STRATA * VAR_TERMS),
    contentBytes: new Float64Array(STRATA),
    overCount: 0,
    overOverhead: 0,
    tooLong: 0,
    images: [0, 0, 0],
  };
}

/** A copy of the sums (for a partial: TokenAnalysis.toPartial). */
export function copySums(s: TokenSums): TokenSums {
  return {
    examples: s.examples,
    seenBytes: s.seenBytes,
    exactTotal: s.exactTotal,
    exactAssistant: s.exactAssistant,
    exactBilled: s.exactBilled,
    exactMax: s.exactMax,
    tokenized: s.tokenized,
    estOverhead: s.estOverhead,
    estBytes: s.estBytes.slice(),
    estAssistantBytes: s.estAssistantBytes.slice(),
    estMaxBytes: s.estMaxBytes.slice(),
    estMaxOverhead: s.estMaxOverhead.slice(),
    overBytes: s.overBytes.slice(),
    overTokens: s.overTokens.slice(),
    overExtra: s.overExtra.slice(),
    sN: s.sN.slice(),
    dN: s.dN.slice(),
    sT: s.sT.slice(),
    sB: s.sB.slice(),
    sAT: s.sAT.slice(),
    sAB: s.sAB.slice(),
    v: s.v.slice(),
    contentBytes: s.contentBytes.slice(),
    overCount: s.overCount,
    overOverhead: s.overOverhead,
    tooLong: s.tooLong,
    images: [...s.images],
  };
}

/** Adds a later chunk's sums `p` into `s` (see the file header). */
export function addSums(s: TokenSums, p: TokenSums): void {
  s.examples += p.examples;
  s.seenBytes += p.seenBytes;
  s.exactTotal += p.exactTotal;
  s.exactAssistant += p.exactAssistant;
  s.exactBilled += p.exactBilled;
  if (p.exactMax > s.exactMax) s.exactMax = p.exactMax;
  s.tokenized += p.tokenized;
  s.estOverhead += p.estOverhead;
  s.overCount += p.overCount;
  s.overOverhead += p.overOverhead;
  for (let h = 0; h < STRATA; h++) {
    s.estBytes[h] += p.estBytes[h];
    s.estAssistantBytes[h] += p.estAssistantBytes[h];
    s.overBytes[h] += p.overBytes[h];
    s.overTokens[h] += p.overTokens[h];
    s.overExtra[h] += p.overExtra[h];
    if (p.estMaxBytes[h] > s.estMaxBytes[h]) {
      s.estMaxBytes[h] = p.estMaxBytes[h];
      s.estMaxOverhead[h] = p.estMaxOverhead[h];
    }
    s.sN[h] += p.sN[h];
    s.dN[h] += p.dN[h];
    s.sT[h] += p.sT[h];
    s.sB[h] += p.sB[h];
    s.sAT[h] += p.sAT[h];
    s.sAB[h] += p.sAB[h];
    for (let k = h * VAR_TERMS; k < (h + 1) * VAR_TERMS; k++) s.v[k] += p.v[k];
    s.contentBytes[h] += p.contentBytes[h];
  }
  s.tooLong += p.tooLong;
  for (let k = 0; k < 3; k++) s.images[k] += p.images[k];
}
