// Baseline for the benchmark: the least any JSONL checker must do. Stream the file in 1 MiB chunks (gunzip for .gz),
// split lines on Buffers, JSON.parse every non-empty line — nothing else. Prints {lines, records, invalid, bytes}.
//
//   node bench/baseline.mjs FILE
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";

const path = process.argv[2];
if (!path) {
  console.error("usage: baseline.mjs FILE");
  process.exit(2);
}

let stream = createReadStream(path, { highWaterMark: 1 << 20 });
if (/\.gz$/i.test(path)) stream = stream.pipe(createGunzip({ chunkSize: 1 << 20 }));

let lines = 0;
let records = 0;
let invalid = 0;
let bytes = 0;
let carry = null; // start of a line that spans chunks

const parse = (buf, start, end) => {
  lines++;
  if (end > start && buf[end - 1] === 0x0d) end--;
  if (end === start) return;
  try {
    JSON.parse(buf.toString("utf8", start, end));
    records++;
  } catch {
    invalid++;
  }
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

process.stdout.write(JSON.stringify({ lines, records, invalid, bytes }) + "\n");
