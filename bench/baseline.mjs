// Baseline for the benchmark: the least any JSONL checker must do. Stream the file in 1 MiB chunks (gunzip for .gz),
// split lines on Buffers, JSON.parse every non-empty line — nothing else. Prints {lines, records, invalid, bytes}.
//
//   node bench/baseline.mjs FILE
//   node bench/baseline.mjs FILE --threads N   the same work in N threads, over N byte ranges split at line starts
//                                              (not for .gz): what this machine gives for parallel parsing
//   node bench/baseline.mjs FILE --scan        also reads every word of every string of each record into a hash
//                                              (FNV-1a per word, nothing kept): the floor of any check that looks at
//                                              every word, as near-duplicate detection must
import { createReadStream, openSync, readSync, closeSync, fstatSync } from "node:fs";
import { createGunzip } from "node:zlib";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { fileURLToPath } from "node:url";

let words = 0;
let acc = 0;
let scratch = Buffer.allocUnsafe(1 << 16);
/** Hashes every whitespace-separated word of s: its UTF-8 bytes (written to a scratch buffer: a byte loop is a third
 * faster than charCodeAt), split on ASCII whitespace, one FNV-1a hash per word. */
function scanText(s) {
  if (s.length * 3 > scratch.length) scratch = Buffer.allocUnsafe(s.length * 3);
  const b = scratch;
  const len = b.write(s, 0, "utf8");
  let i = 0;
  while (i < len) {
    let c = b[i];
    while (c <= 0x20) {
      if (++i >= len) return;
      c = b[i];
    }
    let h = 0x811c9dc5;
    for (;;) {
      h = Math.imul(h ^ c, 0x01000193);
      if (++i >= len) break;
      c = b[i];
      if (c <= 0x20) break;
    }
    acc ^= h;
    words++;
  }
}
function scanValue(v) {
  if (typeof v === "string") scanText(v);
  else if (Array.isArray(v)) for (const x of v) scanValue(x);
  else if (v && typeof v === "object") for (const k in v) scanValue(v[k]);
}

/** Reads [start, end) of `path` (whole file when end is undefined); returns the counts. */
async function run(path, start, end, scan) {
  let stream = createReadStream(path, { highWaterMark: 1 << 20, start, end: end === undefined ? undefined : end - 1 });
  if (/\.gz$/i.test(path)) stream = stream.pipe(createGunzip({ chunkSize: 1 << 20 }));
  let lines = 0;
  let records = 0;
  let invalid = 0;
  let bytes = 0;
  let carry = null; // start of a line that spans chunks

  const parse = (buf, s, e) => {
    lines++;
    if (e > s && buf[e - 1] === 0x0d) e--;
    if (e === s) return;
    let v;
    try {
      v = JSON.parse(buf.toString("utf8", s, e));
      records++;
    } catch {
      invalid++;
      return;
    }
    if (scan) scanValue(v);
  };

  for await (const chunk of stream) {
    bytes += chunk.length;
    let pos = 0;
    let nl = chunk.indexOf(0x0a);
    if (carry && nl !== -1) {
      const line = Buffer.concat([carry, chunk.subarray(0, nl)]);
      carry = null;
      parse(line, 0, line.length);
      pos = nl + 1;
      nl = chunk.indexOf(0x0a, pos);
    }
    if (carry) {
      carry = Buffer.concat([carry, chunk]);
      continue;
    }
    while (nl !== -1) {
      parse(chunk, pos, nl);
      pos = nl + 1;
      nl = chunk.indexOf(0x0a, pos);
    }
    if (pos < chunk.length) carry = Buffer.from(chunk.subarray(pos));
  }
  if (carry) parse(carry, 0, carry.length);
  return { lines, records, invalid, bytes, words, acc: acc & 1 };
}

/** n byte ranges of the file, each starting at a line start. */
function ranges(path, n) {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const cuts = [0];
    const buf = Buffer.alloc(1 << 16);
    for (let k = 1; k < n; k++) {
      let at = Math.max(cuts.at(-1), Math.floor((size * k) / n));
      for (;;) {
        const got = readSync(fd, buf, 0, buf.length, at);
        if (got === 0) {
          at = size;
          break;
        }
        const nl = buf.subarray(0, got).indexOf(0x0a);
        if (nl !== -1) {
          at += nl + 1;
          break;
        }
        at += got;
      }
      cuts.push(at);
    }
    cuts.push(size);
    return cuts.slice(0, -1).map((s, i) => [s, cuts[i + 1]]);
  } finally {
    closeSync(fd);
  }
}

if (!isMainThread) {
  const { path, start, end, scan } = workerData;
  parentPort.postMessage(await run(path, start, end, scan));
} else {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
  const ti = args.indexOf("--threads");
  const threads = ti === -1 ? 1 : Number(args[ti + 1]);
  const scan = args.includes("--scan");
  if (!path || !(threads >= 1) || (threads > 1 && /\.gz$/i.test(path))) {
    console.error("usage: baseline.mjs FILE [--scan] [--threads N] (--threads: not for .gz)");
    process.exit(2);
  }
  let total;
  if (threads === 1) total = await run(path, 0, undefined, scan);
  else {
    const [mine, ...rest] = ranges(path, threads);
    const others = rest.map(
      ([start, end]) =>
        new Promise((resolve, reject) => {
          const w = new Worker(fileURLToPath(import.meta.url), { workerData: { path, start, end, scan } });
          w.once("message", resolve);
          w.once("error", reject);
        }),
    );
    const parts = [await run(path, mine[0], mine[1], scan), ...(await Promise.all(others))];
    total = parts.reduce((a, b) => ({ lines: a.lines + b.lines, records: a.records + b.records, invalid: a.invalid + b.invalid, bytes: a.bytes + b.bytes, words: a.words + b.words, acc: a.acc ^ b.acc }));
  }
  const { lines, records, invalid, bytes } = total;
  process.stdout.write(JSON.stringify(scan ? { lines, records, invalid, bytes, words: total.words } : { lines, records, invalid, bytes }) + "\n");
}
