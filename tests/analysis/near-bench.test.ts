// Throughput of the per-record hot path (hashing, shingling, sketching, LSH). Off by default:
//   DUP_BENCH=1 npx vitest run tests/analysis/near-bench
import fs from "node:fs";
import { expect, it } from "vitest";
import { DuplicateAnalysis } from "../../src/engine/analysis/duplicates.js";
import { generate, parseFiles } from "./helpers.js";

it.skipIf(!process.env.DUP_BENCH)("hot path throughput", () => {
  const { file } = generate(20000, 42);
  const text = fs.readFileSync(file, "utf8");
  const recs = parseFiles([text]);
  const chars = recs.reduce((n, r) => n + r.conv.messages.reduce((m, x) => m + x.text.length, 0), 0);
  for (const near of [false, true]) {
    let best = Infinity;
    for (let rep = 0; rep < 3; rep++) {
      const d = new DuplicateAnalysis({ paths: ["x"], near });
      const t0 = performance.now();
      for (const r of recs) d.add(r.conv, r.loc);
      best = Math.min(best, performance.now() - t0);
    }
    console.log(`near=${near}: ${recs.length} records, ${(chars / 1e6).toFixed(1)} M chars in ${best.toFixed(0)} ms = ${((recs.length / best) * 1000).toFixed(0)} records/s, ${(chars / 1e3 / best).toFixed(1)} M chars/s`);
  }
  expect(recs.length).toBeGreaterThan(0);
});
