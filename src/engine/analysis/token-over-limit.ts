// Examples far over the token limit: an unsampled example over PROBE_FACTOR x the limit in content bytes is counted
// only until it passes the limit (a 12 MB base64 line took a minute to tokenize in full), then estimated like an
// unsampled example and reported `too-long` with its size (tokens.ts account()).
import { isSpaceCode } from "./text-scan.js";
import type { CountFn } from "./token-count.js";

/** An unsampled example over PROBE_FACTOR × the limit in content bytes is counted only until it passes the limit,
 * in pieces of PROBE_CHARS characters (countUntilOver). */
export const PROBE_FACTOR = 8;
const PROBE_CHARS = 16 * 1024;

/** A size for a message: MiB with one decimal, else KiB. */
export function formatBytes(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : `${Math.round(n / 1024)} KiB`;
}

/** Whether the texts hold more than `cap` tokens, counting them in order, in pieces of PROBE_CHARS cut before a
 * whitespace character where the piece has one in its last quarter, and stopping once the count passes cap. A cut
 * can change a count by about a token, so the count must pass cap + cuts. False: the texts are not over (they were
 * all counted; the caller counts them again exactly). */
export function countUntilOver(texts: string[], cap: number, count: CountFn): { tokens: number; bytes: number } | null {
  let t = 0;
  let counted = 0;
  let cuts = 0;
  for (const s of texts) {
    let a = 0;
    while (a < s.length) {
      let b = Math.min(s.length, a + PROBE_CHARS);
      if (b < s.length) {
        let c = b;
        while (c > b - PROBE_CHARS / 4 && !isSpaceCode(s.charCodeAt(c))) c--;
        if (c > b - PROBE_CHARS / 4) b = c;
        else if ((s.charCodeAt(b) & 0xfc00) === 0xdc00) b--; // never between the halves of a surrogate pair
        cuts++;
      }
      const piece = s.slice(a, b);
      t += count(piece);
      counted += Buffer.byteLength(piece, "utf8");
      if (t > cap + cuts) return { tokens: t, bytes: counted };
      a = b;
    }
  }
  return null;
}
