// What the start of a file says before its records are read: a Git LFS pointer, UTF-16, a misnamed gzip file or a
// read error end the file's check with one finding; otherwise the format of its first record, and whether it is a
// container (a JSON array, records spread over lines) to be read value by value.
import type { DatasetFormat, SeveritySetting } from "./model.js";
import type { FileReport } from "./report.js";
import { readHead, isGzipPath } from "./read/lines.js";
import { sniff } from "./read/sniff.js";
import { sniffPretty, splitValues, type ContainerKind } from "./read/containers.js";
import { detectFormat } from "./formats/detect.js";
import { FindingSink, fileReport } from "./finding-sink.js";

/** What the start of a file says before its lines are read: a Git LFS pointer, a JSON array, UTF-16, or a read
 * error end the file's check with one finding (returned as its report); JSON Lines returns the format of the first
 * record in the head (so every chunk of the file knows it). */
export async function checkFileHead(
  path: string,
  display: string,
  severities: Record<string, SeveritySetting>,
  maxFindings: number,
): Promise<{ report: FileReport } | FileHead> {
  const sink = new FindingSink(severities, maxFindings);
  const done = (format: DatasetFormat | "unknown" = "unknown") => ({ report: fileReport(display, format, 0, 0, 0, sink.state()) });
  let head: Buffer;
  try {
    head = await readHead(path, HEAD_BYTES);
  } catch (e) {
    sink.add("read-error", 1, `cannot read the file: ${(e as Error).message}`);
    return done();
  }
  const kind = sniff(head);
  if (kind.kind === "lfs-pointer") {
    const size = kind.size ? ` (the real file is ${(kind.size / 1e6).toFixed(1)} MB)` : "";
    sink.add("lfs-pointer", 1, `this is a Git LFS pointer, not the data${size}: check out with \`lfs: true\` (actions/checkout) or run \`git lfs pull\``);
    return done();
  }
  if (kind.kind === "utf16") {
    const why = kind.bom ? `it starts with a ${kind.encoding.slice(0, 6)} byte-order mark` : "no byte-order mark";
    const q = shellQuote(display);
    const out = shellQuote(display.replace(/\.gz$/i, "") + ".utf8" + (isGzipPath(display) ? ".gz" : ""));
    // with a byte-order mark, iconv's UTF-16 / UTF-32 read it and drop it (UTF-16LE would keep it as U+FEFF)
    const from = kind.bom ? kind.encoding.slice(0, 6) : kind.encoding;
    const cmd = isGzipPath(display) ? `gunzip -c ${q} | iconv -f ${from} -t UTF-8 | gzip > ${out}` : `iconv -f ${from} -t UTF-8 ${q} > ${out}`;
    sink.add("invalid-utf8", 1, `the file is ${kind.encoding} (${why}), not UTF-8: convert it with \`${cmd}\``);
    return done();
  }
  if (kind.kind === "gzip") {
    sink.add("not-jsonl", 1, `the file is gzip-compressed but its name does not end in .gz: rename it to ${display}.gz (it is then read as gzip) or decompress it`);
    return done();
  }
  if (kind.kind === "json-array") return containerHead(path, head, "array");
  let pretty = sniffPretty(head, head.length < HEAD_BYTES);
  if (pretty === "undecided") {
    try {
      head = await readHead(path, LONG_HEAD_BYTES);
    } catch {
      // read again by the pass, which reports it
    }
    pretty = sniffPretty(head, head.length < LONG_HEAD_BYTES);
  }
  if (pretty === "pretty") return containerHead(path, head, "pretty");
  let format = headFormat(head);
  if (format === null && head.length === HEAD_BYTES) {
    // No complete record of a known format in the first 64 KiB (a long first line): look further, so that every chunk
    // of the file still knows the format its first record sets. A file still undecided is not cut into chunks.
    try {
      head = await readHead(path, LONG_HEAD_BYTES);
    } catch {
      // read again by the pass, which reports it
    }
    format = headFormat(head);
    if (format === null && head.length === LONG_HEAD_BYTES) return { format, whole: true };
  }
  return { format };
}

/** What the head of a file says about the rest: the format of its first record, and how it holds its records. */
export interface FileHead {
  format: DatasetFormat | null;
  /** One chunk whatever its size (its format is not known from the head, or it is a container). */
  whole?: boolean;
  /** A JSON array or records spread over lines: read value by value (one chunk). */
  container?: ContainerKind;
}

/** A container file: the format of its first record with a known format (looking further than the head when needed).
 * It is read as one chunk: its records are found by one scan from the start. */
async function containerHead(path: string, head: Buffer, container: ContainerKind): Promise<FileHead> {
  let format = valuesFormat(head, container);
  if (format === null && head.length === HEAD_BYTES) {
    try {
      format = valuesFormat(await readHead(path, LONG_HEAD_BYTES), container);
    } catch {
      // read again by the pass, which reports it
    }
  }
  return { format, whole: true, container };
}

/** Format of the first complete value of a known format in the head of a container file. */
function valuesFormat(head: Buffer, container: ContainerKind): DatasetFormat | null {
  const start = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  for (const v of splitValues(head, start, head.length, { arrays: container === "array" }).values) {
    if (head[v.start] !== 0x7b) continue;
    try {
      const f = detectFormat(JSON.parse(head.toString("utf8", v.start, v.end)) as Record<string, unknown>);
      if (f) return f;
    } catch {
      // not a record: look further
    }
  }
  return null;
}

const HEAD_BYTES = 64 * 1024;
const LONG_HEAD_BYTES = 16 * 1024 * 1024;

/** A path as a POSIX shell word (quoted when it holds anything but letters, digits and ./_-+@:,). */
export function shellQuote(path: string): string {
  return /^[\w./+@:,-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}

/** Format of the first record with a known format among the complete lines of the head. */
function headFormat(head: Buffer): DatasetFormat | null {
  let pos = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  for (;;) {
    const nl = head.indexOf(0x0a, pos);
    if (nl === -1) return null;
    try {
      const rec = JSON.parse(head.toString("utf8", pos, nl)) as unknown;
      if (rec && typeof rec === "object" && !Array.isArray(rec)) {
        const f = detectFormat(rec as Record<string, unknown>);
        if (f) return f;
      }
    } catch {
      // not a record: look further
    }
    pos = nl + 1;
  }
}
