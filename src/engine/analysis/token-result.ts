// What a token analysis reports (TokenResult: totals, quantiles and histogram, the strata, the limit and too-long
// examples, images, billed tokens, epochs and cost), made from its sums once every chunk is merged (finishTokens).
// Limit: `maxTokens`, else MODEL_TOKEN_LIMITS[model] (prefix match), else none.
// Epochs: `epochs`, else defaultEpochs(examples). Cost (only with pricePerMillion): epochs x billed tokens x price
// / 1e6, billed tokens = sum over examples of min(tokens, limit).
import type { EncodingName } from "./token-count.js";
import { estimateStrata, relativeErrorOf, type Basis } from "./token-estimate.js";
import { measureLarge, type LargeExample } from "./token-largest.js";
import { defaultEpochs } from "./token-limits.js";
import type { TokenOptions } from "./token-options.js";
import { STRATA, STRATUM_NAMES } from "./token-strata.js";
import type { TokenSums } from "./token-sums.js";
import type { ExampleValues } from "./token-values.js";
import type { CountFn } from "./token-count.js";
import { quantileOf, round } from "./stats.js";

export interface TokenResult {
  encoding: EncodingName;
  /** Set when the target model's tokenizer.json counted the examples as its chat template renders them (then
   * `encoding` is not used). */
  tokenizer?: string;
  examples: number;
  /** Total tokens of all examples including chat overhead. */
  total: number;
  assistantTokens: number;
  mean: number;
  p5: number;
  p50: number;
  p95: number;
  max: number;
  /** true: every example tokenized, every figure exact. */
  exact: boolean;
  /** Examples tokenized in the uniform sample (the basis of the estimate). */
  sampledRecords: number;
  /** Examples tokenized in all (sample + limit checks). */
  tokenizedRecords: number;
  /** Approximate 95% relative error bound of `total` (0 when exact). */
  relativeError: number;
  /** Tokens per UTF-8 byte of content: the strata's ratios weighted by their content bytes. */
  tokensPerByte: number;
  /** Per stratum (STRATUM_NAMES order; see the file header): content bytes, bytes estimated (not tokenized),
   * examples in the sample, its largest unsampled examples measured apart, the tokens per estimated byte (all of
   * the stratum's sample ratio when nothing is estimated), and where the rest's ratio came from: "sample", "largest"
   * (no sample: the measured examples'), "pooled" (neither: the whole sample's) or "exact" (nothing estimated). */
  strata: { name: string; bytes: number; estimatedBytes: number; sampledRecords: number; measuredRecords: number; tokensPerByte: number; basis: Basis }[];
  quantilesExact: boolean;
  histogram: { label: string; min: number; count: number }[];
  limit: number | null;
  limitSource: "maxTokens" | "model" | null;
  tooLong: number;
  /** Image parts in the examples; those counted (detail "low", or a size known from a data URI) and their tokens,
   * which `total` includes. `parts - counted` images are not counted (their size is unknown: a URL or a path). */
  images: { parts: number; counted: number; tokens: number };
  billedTokens: number;
  epochs: number;
  epochsSource: "option" | "default";
  pricePerMillion?: number;
  estimatedCost?: number;
}

/** What finishTokens reads: the merged sums, the largest unsampled examples per stratum, the per-example values, the
 * analysis' settings, and the counter (called only when a largest example is measured). */
export interface FinishInput {
  s: TokenSums;
  largest: LargeExample[][];
  values: ExampleValues;
  encoding: EncodingName;
  limit: number | undefined;
  limitSource: "maxTokens" | "model" | null;
  opts: TokenOptions;
  counter: () => CountFn;
}

/** The result of the merged sums; writes each stratum's tokens per estimated byte into `R` (TokenAnalysis.estimateOf). */
export function finishTokens({ s, largest, values, encoding, limit, limitSource, opts, counter }: FinishInput, R: Float64Array): TokenResult {
  // R: tokens per estimated byte of each stratum (its measured examples and the rest)
  const est = estimateStrata(s, largest, (x) => measureLarge(x, counter()), R);
  const total = Math.round(s.exactTotal + est.estimated);
  const assistantTokens = Math.round(s.exactAssistant + est.estimatedAssistant);
  // estimated examples are under the limit by construction, except those counted until they passed it
  const billed = Math.round(s.exactBilled + est.estimated - est.overEstimate + (limit ?? 0) * s.overCount);
  const exact = s.tokenized === s.examples;
  const relativeError = !exact && total > 0 ? relativeErrorOf(s, est, total) : 0;
  // per-example values
  const { vals, histogram } = values.distribution(R, s.examples);
  const quantilesExact = exact && s.examples <= values.cap;
  let estMax = 0;
  let sampled = 0;
  let rateBytes = 0;
  let rateTokens = 0;
  for (let h = 0; h < STRATA; h++) {
    if (s.estMaxBytes[h] >= 0) {
      // the largest estimated example is the largest measured one unless it was over the limit's byte bound
      const top = largest[h][0];
      const rate = top && top.bytes === s.estMaxBytes[h] && est.topRate[h] >= 0 ? est.topRate[h] : R[h];
      estMax = Math.max(estMax, Math.round(s.estMaxOverhead[h] + rate * s.estMaxBytes[h]));
    }
    sampled += s.sN[h];
    if (s.sB[h] > 0 || s.estBytes[h] > 0) {
      rateBytes += s.contentBytes[h];
      rateTokens += R[h] * s.contentBytes[h];
    }
  }
  const epochs = opts.epochs ?? defaultEpochs(s.examples);
  const result: TokenResult = {
    encoding,
    ...(opts.tokenizer !== undefined ? { tokenizer: opts.tokenizer } : {}),
    examples: s.examples,
    total,
    assistantTokens,
    mean: s.examples ? round(total / s.examples, 2) : 0,
    p5: round(quantileOf(vals, 0.05), 2),
    p50: round(quantileOf(vals, 0.5), 2),
    p95: round(quantileOf(vals, 0.95), 2),
    max: Math.max(s.exactMax, estMax),
    exact,
    sampledRecords: sampled,
    tokenizedRecords: s.tokenized,
    relativeError,
    tokensPerByte: rateBytes > 0 ? round(rateTokens / rateBytes, 4) : 0,
    strata: STRATUM_NAMES.map((name, h) => ({
      name,
      bytes: s.contentBytes[h],
      estimatedBytes: s.estBytes[h],
      sampledRecords: s.sN[h],
      measuredRecords: s.estBytes[h] > 0 ? largest[h].length : 0,
      tokensPerByte: round(R[h], 4),
      basis: est.basis[h],
    })),
    quantilesExact,
    histogram,
    limit: limit ?? null,
    limitSource,
    tooLong: s.tooLong,
    images: { parts: s.images[0], counted: s.images[1], tokens: s.images[2] },
    billedTokens: billed,
    epochs,
    epochsSource: opts.epochs !== undefined ? "option" : "default",
  };
  if (opts.pricePerMillion !== undefined) {
    result.pricePerMillion = opts.pricePerMillion;
    result.estimatedCost = round((epochs * billed * opts.pricePerMillion) / 1e6, 4);
  }
  return result;
}
