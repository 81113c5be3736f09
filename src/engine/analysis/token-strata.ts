// Strata of examples by script: tokens per UTF-8 byte differ between scripts (English ~0.21, Chinese ~0.3, Russian
// ~0.11, combining marks ~0.67 in o200k_base), so one ratio over a sample mixing them has a large and badly estimated
// variance. The token analysis (tokens.ts) applies its ratio estimator per stratum (token-estimate.ts).
/** Strata of examples by UTF-8 bytes per UTF-16 code unit of their content (stratumOf). Tokens per byte differ
 * strongly between scripts, and the ratio estimator is applied per stratum. Measured with o200k_base (cl100k_base
 * in brackets) on real public chat datasets and on paragraphs of other scripts, as bytes/unit: tokens/byte —
 *   ASCII 1.00: English prose 0.17-0.25 (the same), code 0.32;
 *   Latin with diacritics: fr/de/es/pl 1.02-1.05: 0.19-0.27 (0.23-0.34), Turkish 1.04-1.11: 0.29 (0.36);
 *   1.3-1.6: Vietnamese 1.32: 0.20 (0.37), emoji-laden text 1.35: 0.30 (0.41), math symbols 1.40: 0.50,
 *     combining marks 1.50-1.59: 0.67-0.73; and English or Chinese text mixed with other scripts;
 *   two-byte alphabets 1.82-1.86: Russian 0.11 (0.22), Ukrainian, Greek, Arabic, Hebrew, Persian 0.15-0.19
 *     (0.36-0.52); emoji alone 2.0: 0.48;
 *   three-byte scripts 2.1-3.0: Chinese 0.25-0.34 (0.40-0.51), Japanese 0.25, Korean 0.21, Hindi, Bengali and
 *     Thai 0.11-0.14 (0.33-0.46).
 * Cut points: 2.0 is a hard edge — text of one- and two-byte characters (U+0000-U+07FF) and of surrogate pairs
 * (4 bytes per 2 units) has at most 2 bytes per unit, so only three-byte characters (U+0800-U+FFFF: CJK, kana,
 * Hangul, Indic, Thai) pass it. 1.75 puts the two-byte alphabets, written with ASCII spaces and punctuation at
 * 1.82-1.86, apart from mixtures; 1.25 puts the Latin languages (1.02-1.11) apart from heavy diacritics, combining
 * marks, symbols and mixtures. On real-data plus those paragraphs (each weighted as 100 examples) these cuts leave
 * about a fifth less byte-weighted squared deviation of examples from their stratum's ratio than two cuts at 1.3
 * and 2.2 (o200k_base; cl100k_base: 5 % less). */
export const STRATA = 5;
export const STRATUM_NAMES: readonly string[] = ["ascii", "latin", "mixed", "two-byte", "three-byte"];

/** The stratum of an example of `bytes` UTF-8 bytes in `units` UTF-16 code units (see STRATA): 0 pure ASCII (or no
 * text), 1 up to 1.25 bytes per unit, 2 up to 1.75, 3 up to 2, 4 above. */
export function stratumOf(bytes: number, units: number): number {
  if (bytes <= units) return 0;
  if (4 * bytes <= 5 * units) return 1;
  if (4 * bytes <= 7 * units) return 2;
  return bytes <= 2 * units ? 3 : 4;
}
