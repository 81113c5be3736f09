// The token total of examples not tokenized, estimated per stratum (estimateStrata), and its error bound
// (relativeErrorOf), as the token analysis (tokens.ts) samples and counts:
//
// Speed: counting runs at ~5-35 MB/s (token-count.ts: the pre-tokenizer split, then a cache of piece counts), so
// exact counts are made only where needed:
//  - limit checks: a token covers >= 1 UTF-8 byte, so overhead + content bytes is an upper bound; an example is
//    tokenized for the limit check only when that bound exceeds the limit. `too-long` findings are exact.
//  - totals/quantiles: each example is tokenized with probability p = min(1, sampleBytes / content bytes seen so far)
//    (deterministic seeded PRNG; p = 1 for the first `sampleBytes` = 1 MiB; with `expectedBytes` (the run's input
//    size) p = sampleBytes / expectedBytes throughout), so about 1 MiB is tokenized whatever the input size.
//    Strata: tokens per UTF-8 byte differ between scripts (English ~0.21, Chinese ~0.3, Russian ~0.11, combining
//    marks ~0.67 in o200k_base), so one ratio over a sample mixing them has a large and badly estimated variance.
//    Each example falls in one of STRATA (5) strata by its content's UTF-8 bytes per UTF-16 code unit (stratumOf:
//    ASCII; Latin <= 1.25; mixed <= 1.75; two-byte alphabets <= 2; three-byte scripts above — cut points measured,
//    see STRATA), and per stratum h untokenized examples are estimated as overhead + content bytes x R_h,
//    R_h = sum(w x tokens) / sum(w x bytes) over the sampled examples of h, w = 1/p.
//    Largest examples: an example that no sampled one resembles (a 1 MB record of combining marks among English
//    ones) is estimated at the wrong rate by any ratio. Each instance keeps, per stratum, its LARGEST_KEPT (4)
//    largest examples neither sampled nor over the limit's byte bound — their texts when they hold at most
//    LARGEST_CHARS (16 Ki) characters, else 8 evenly spaced pieces of ~2 Ki characters (cut before a word) — and
//    the merge keeps the 4 largest of the run per stratum (ties: the earlier chunk's). finish() tokenizes them
//    (at most 5 x 4 x ~16 Ki characters, whatever the input size): a whole one is exact, a pieced one is its
//    pieces' tokens per byte x its bytes; R_h applies to the stratum's other untokenized bytes. A stratum with no
//    sampled example takes the measured examples' ratio for the rest (none: the whole sample's, "pooled"). Examples
//    counted only until they passed the limit (see below) are extrapolated from what was counted of them.
//    `relativeError` is an approximate 95 % bound on `total`, rounded up to 4 decimals; 0 when every example was
//    tokenized (`exact: true` in the options tokenizes everything). Per stratum, combined in quadrature: the rest's
//    estimate (exact part + R_h x untokenized bytes U) has the linearised error sum over sampled examples of
//    e (w u + 1), e = tokens - R_h x bytes, u = U / the stratum's bytes (both without the measured examples), so
//    variance sum (1 - p)(w u + 1)^2 e^2 (varianceOf), taken at Student's t for the number of examples drawn with
//    p < 1, at most the rest's whole estimate; a pieced example's bound is t(7) x the standard error of its pieces' ratio x its bytes not counted
//    (at least a token per piece's bytes: a cut moves a count by about a token). Added as they are (a 100 % bound
//    on that part): the rest of a stratum with fewer than 2 drawn examples (no sample, or certainty ones only), and
//    the extrapolated part of examples counted until they passed the limit.
//  - quantiles/histogram: over per-example values kept exactly up to 100,000 examples, then a uniform reservoir
//    sample (`quantilesExact`), histogram counts scaled to all examples in that case.
import type { LargeExample } from "./token-largest.js";
import { t975, varianceOf } from "./token-error-bound.js";
import type { TokenSums } from "./token-sums.js";
import { STRATA } from "./token-strata.js";

/** Where a stratum's rest ratio came from (TokenResult.strata[].basis). */
export type Basis = "exact" | "sample" | "largest" | "pooled";

/** What estimateStrata finds: per stratum the rest's ratio and its basis, the measured largest examples' bytes,
 * squared bounds and the largest one's tokens per byte; and the estimated tokens (all, assistant, of examples over
 * the limit). */
export interface StrataEstimate {
  rest: Float64Array;
  basis: Basis[];
  mB: Float64Array;
  mVar: Float64Array;
  topRate: Float64Array;
  estimated: number;
  estimatedAssistant: number;
  overEstimate: number;
}

/** Estimates the untokenized examples' tokens per stratum; writes each stratum's tokens per estimated byte into `R`.
 * `measure` counts one of the largest unsampled examples (token-largest.ts measureLarge). */
export function estimateStrata(s: TokenSums, largest: LargeExample[][], measure: (x: LargeExample) => { tokens: number; bound: number }, R: Float64Array): StrataEstimate {
  // R: tokens per estimated byte of each stratum (its measured examples and the rest); rest: the rest's ratio
  const rest = new Float64Array(STRATA);
  const basis = new Array<Basis>(STRATA).fill("exact");
  // the largest unsampled examples, measured: their tokens (extrapolated from their pieces), bytes, the squared
  // bound of the extrapolation, and the largest one's tokens per byte
  const mT = new Float64Array(STRATA);
  const mB = new Float64Array(STRATA);
  const mVar = new Float64Array(STRATA);
  const topRate = new Float64Array(STRATA).fill(-1);
  let pT = 0;
  let pB = 0;
  let allT = 0;
  let allB = 0;
  for (let h = 0; h < STRATA; h++) {
    pT += s.sT[h];
    pB += s.sB[h];
    if (s.estBytes[h] === 0) continue;
    for (const x of largest[h]) {
      const m = measure(x);
      if (topRate[h] < 0) topRate[h] = m.tokens / x.bytes;
      mT[h] += m.tokens;
      mB[h] += x.bytes;
      mVar[h] += m.bound * m.bound;
    }
    allT += mT[h];
    allB += mB[h];
  }
  // the last resort (not met: a stratum with estimated bytes has a sample or measured examples): the whole
  // sample's ratio, else all measured examples'
  const pooled = pB > 0 ? pT / pB : allB > 0 ? allT / allB : 0;
  let estimated = s.estOverhead;
  let estimatedAssistant = 0;
  let overEstimate = s.overOverhead;
  for (let h = 0; h < STRATA; h++) {
    const sampleRate = s.sB[h] > 0 ? s.sT[h] / s.sB[h] : 0;
    if (s.estBytes[h] === 0) {
      R[h] = rest[h] = sampleRate;
      continue;
    }
    if (s.sB[h] > 0) {
      rest[h] = sampleRate;
      basis[h] = "sample";
    } else if (mB[h] + s.overBytes[h] > 0) {
      rest[h] = (mT[h] + s.overTokens[h]) / (mB[h] + s.overBytes[h]);
      basis[h] = "largest";
    } else {
      rest[h] = pooled;
      basis[h] = "pooled";
    }
    R[h] = (mT[h] + s.overTokens[h] + rest[h] * Math.max(0, s.estBytes[h] - mB[h] - s.overBytes[h])) / s.estBytes[h];
    estimated += R[h] * s.estBytes[h];
    // the sample's assistant-to-all ratio, applied to the stratum's tokens per estimated byte
    const assistantRate = s.sAB[h] > 0 && rest[h] > 0 ? ((s.sAT[h] / s.sAB[h]) * R[h]) / rest[h] : R[h];
    estimatedAssistant += assistantRate * s.estAssistantBytes[h];
    overEstimate += s.overTokens[h];
  }
  return { rest, basis, mB, mVar, topRate, estimated, estimatedAssistant, overEstimate };
}

/** The approximate 95 % relative error bound of an estimated `total` (TokenResult.relativeError; see the file
 * header), rounded up to 4 decimals. */
export function relativeErrorOf(s: TokenSums, e: StrataEstimate, total: number): number {
  // Per stratum with estimated bytes, combined in quadrature: the measured examples' bounds (measure()), and the
  // rest's linearised variance (varianceOf) at Student's t for the drawn examples, at most the rest's whole
  // estimate. Added as they are: the extrapolated tokens of examples counted until they passed the limit, and
  // the rest's whole estimate when the stratum has fewer than 2 drawn examples (variance unknown: a ratio of
  // the measured examples, pooled, or of certainty examples only). Rounded up.
  let v = 0;
  let whole = 0;
  for (let h = 0; h < STRATA; h++) {
    if (s.estBytes[h] === 0) continue;
    v += e.mVar[h];
    whole += s.overExtra[h];
    const restBytes = Math.max(0, s.estBytes[h] - e.mB[h] - s.overBytes[h]);
    const part = e.rest[h] * restBytes;
    if (e.basis[h] === "sample" && s.dN[h] >= 2) {
      const u = Math.min(1, restBytes / Math.max(1, s.contentBytes[h] - e.mB[h] - s.overBytes[h]));
      const sd = Math.sqrt(varianceOf(s.v, h, e.rest[h], u));
      v += Math.min(t975(s.dN[h] - 1) * sd, part) ** 2;
    } else whole += part;
  }
  return Math.max(0, Math.ceil(((Math.sqrt(v) + whole) / total) * 1e4 - 1e-9)) / 1e4;
}
