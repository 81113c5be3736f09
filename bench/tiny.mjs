#!/usr/bin/env node
// Tiny chat records (~100 bytes each) for the bench's memory-per-record row: what the gate keeps per record shows
// when records are many and small. Deterministic: the same N always gives the same file.
//
//   node bench/tiny.mjs --records N --out FILE
//
// Each record is one user question and one answer of a few words from a small vocabulary; 2 % repeat an earlier
// record exactly and 2 % repeat one with one word changed, so duplicate and near-duplicate detection have work.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { records: { type: "string" }, out: { type: "string" } } });
const n = Number(values.records);
if (!(Number.isInteger(n) && n > 0) || !values.out) {
  console.error("usage: node bench/tiny.mjs --records N --out FILE");
  process.exit(2);
}

let state = 0x9e3779b9;
/** xorshift32: a uniform integer in [0, k). */
function rand(k) {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) % k;
}
const SYL = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "po", "ge", "fu", "ba", "ze", "hi", "wu"];
const word = () => SYL[rand(16)] + SYL[rand(16)] + (rand(4) === 0 ? SYL[rand(16)] : "");
const words = (k) => Array.from({ length: k }, word).join(" ");

const out = createWriteStream(values.out);
const kept = [];
let buf = "";
for (let i = 0; i < n; i++) {
  let q, a;
  const r = rand(100);
  if (r < 2 && kept.length) [q, a] = kept[rand(kept.length)];
  else if (r < 4 && kept.length) {
    [q, a] = kept[rand(kept.length)];
    const w = a.split(" ");
    w[rand(w.length)] = word();
    a = w.join(" ");
  } else {
    q = `${words(2)} ${i.toString(36)}`;
    a = words(2 + rand(2));
    if (kept.length < 4096) kept.push([q, a]);
    else if (rand(64) === 0) kept[rand(4096)] = [q, a];
  }
  buf += `{"messages":[{"role":"user","content":"${q}"},{"role":"assistant","content":"${a}"}]}\n`;
  if (buf.length > 1 << 20) {
    if (!out.write(buf)) await once(out, "drain");
    buf = "";
  }
}
out.end(buf);
await once(out, "finish");
