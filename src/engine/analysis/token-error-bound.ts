// The error bound of an estimated token total (TokenResult.relativeError): the variance sums each sampled example
// adds (addVariance), the linearised variance of a stratum's estimate (varianceOf), and Student's t for strata with
// few drawn examples (t975). How they combine: relativeErrorOf in token-estimate.ts, and the file header of tokens.ts.
/** 97.5 % quantiles of Student's t for 1..30 degrees of freedom (the bound of a stratum estimated from few drawn
 * examples); beyond 30 a Cornish-Fisher expansion around 1.96. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
export function t975(df: number): number {
  if (df <= 30) return T975[Math.max(1, Math.floor(df)) - 1];
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/** Variance sums per stratum (TokenPartial.v): for each sampled example with p < 1, c x {t², t·b, b²} (t its content
 * tokens, b its content bytes) with c = (1 - p) / p², then c·p, then c·p² (9 values per stratum). */
export const VAR_TERMS = 9;

export function addVariance(v: Float64Array, h: number, p: number, t: number, b: number): void {
  let c = (1 - p) / (p * p);
  let o = h * VAR_TERMS;
  for (let k = 0; k < 3; k++, o += 3, c *= p) {
    v[o] += c * t * t;
    v[o + 1] += c * t * b;
    v[o + 2] += c * b * b;
  }
}

/** The variance of stratum h's estimated tokens, exact tokens of its tokenized examples + R x its untokenized
 * bytes U, with u = U / its content bytes B. Linearised, its error is sum over sampled examples of
 * e (w u + 1), e = t - R b, w = 1/p (R's error moves R x U, and the sample's own residuals are in the exact part),
 * so under Poisson sampling the variance estimate is sum (1 - p) (w u + 1)² e² = u² S0 + 2u S1 + S2 with
 * Sk = sum c pᵏ e², c = (1 - p) / p². (With one p for all and u = 1 - p this is sum c e², the Horvitz-Thompson
 * variance: scaling that by u², as before, understated the error by 1/u, e.g. 1.5x for u = 2/3.) */
export function varianceOf(v: Float64Array, h: number, r: number, u: number): number {
  const o = h * VAR_TERMS;
  const s = (k: number) => v[o + 3 * k] - 2 * r * v[o + 3 * k + 1] + r * r * v[o + 3 * k + 2];
  return Math.max(0, u * u * s(0) + 2 * u * s(1) + s(2));
}
