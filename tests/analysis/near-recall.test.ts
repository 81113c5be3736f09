// Measures the LSH + verify pipeline against brute-force all-pairs Jaccard on generated data.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { generate, parseFiles, runDuplicates, type Parsed } from "./helpers.js";

const exactKey = (p: Parsed) => JSON.stringify(p.conv.messages.map((m) => [m.role, m.text.normalize("NFC").replace(/\s+/g, " ").trim()]));

/** Independent reference: string shingles, all pairs (with the exact size bound J <= min/max). */
function bruteForce(records: Parsed[], k: number, t: number): Set<string> {
  const dict = new Map<string, number>();
  const seen = new Set<string>();
  const sets: Array<{ line: number; s: Int32Array }> = [];
  for (const r of records) {
    const key = exactKey(r);
    if (seen.has(key)) continue; // exact duplicates are not near duplicates
    seen.add(key);
    const words = r.conv.messages
      .filter((m) => m.role !== "system" && m.role !== "developer")
      .flatMap((m) => m.text.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean));
    const sh = new Set<number>();
    const add = (s: string) => {
      if (!dict.has(s)) dict.set(s, dict.size);
      sh.add(dict.get(s) as number);
    };
    if (words.length > 0 && words.length < k) add(words.join(" "));
    for (let i = 0; i + k <= words.length; i++) add(words.slice(i, i + k).join(" "));
    if (sh.size) sets.push({ line: r.loc.line, s: Int32Array.from(sh).sort() });
  }
  const order = sets.slice().sort((a, b) => a.s.length - b.s.length);
  const out = new Set<string>();
  for (let i = 0; i < order.length; i++) {
    const A = order[i].s;
    for (let j = i + 1; j < order.length && A.length >= t * order[j].s.length; j++) {
      const B = order[j].s;
      let inter = 0;
      for (let x = 0, y = 0; x < A.length && y < B.length; ) {
        if (A[x] === B[y]) {
          inter++;
          x++;
          y++;
        } else if (A[x] < B[y]) x++;
        else y++;
      }
      if (inter / (A.length + B.length - inter) >= t) {
        const [a, b] = [order[i].line, order[j].line].sort((p, q) => p - q);
        out.add(`${a}:${b}`);
      }
    }
  }
  return out;
}

describe("near duplicates: LSH + verification vs brute force", () => {
  for (const [seed, threshold, shingleSize] of [[3, 0.8, 5], [7, 0.8, 5], [5, 0.8, 3]] as const) {
    it(`seed ${seed}, 3000 examples (15% planted near dups), threshold ${threshold}, ${shingleSize}-grams: recall and precision >= 0.95`, async () => {
      const { file, truth } = generate(3000, seed, ["--near-dup-rate", "0.15"]);
      const text = fs.readFileSync(file, "utf8");
      const t0 = performance.now();
      const { report, rereads } = await runDuplicates([text], { nearThreshold: threshold, shingleSize });
      const ms = performance.now() - t0;
      const got = new Set(report.nearPairs.map((p) => `${p.a.line}:${p.b.line}`));
      const ref = bruteForce(parseFiles([text]), shingleSize, threshold);
      const tp = [...got].filter((p) => ref.has(p)).length;
      const recall = ref.size ? tp / ref.size : 1;
      const precision = got.size ? tp / got.size : 1;
      const planted = truth.nearDuplicates.length;
      console.log(
        `seed=${seed} t=${threshold} k=${shingleSize}: brute-force pairs=${ref.size} found=${got.size} tp=${tp} recall=${recall.toFixed(4)} precision=${precision.toFixed(4)} ` +
          `candidates=${report.near.candidatePairs} reread=${rereads} planted-near=${planted} run=${ms.toFixed(0)}ms`,
      );
      expect(ref.size).toBeGreaterThan(20);
      expect(recall).toBeGreaterThanOrEqual(0.95);
      expect(precision).toBeGreaterThanOrEqual(0.95);
      expect(report.near.duplicateRecords).toBe(new Set([...got].map((p) => p.split(":")[1])).size);
    });
  }
});
