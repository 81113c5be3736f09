// One file through `chatml-gate fix`: one streaming pass that reads it as the check does (JSON Lines line by line,
// records glued on a line split; a JSON array or records spread over lines value by value, each from its own source
// text), writes each record on its own line to a temporary file, and renames that over the file only when something
// changed (a clean file stays byte for byte as it was). A file that cannot be split safely is left untouched.
import { isUtf8 } from "node:buffer";
import { mkdirSync, realpathSync, statSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { isGzipPath, readHead, readLines } from "../engine/read/lines.js";
import { sniff } from "../engine/read/sniff.js";
import { readValues, sniffPretty, type ContainerKind } from "../engine/read/containers.js";
import { SpreadRecord } from "../engine/read/spread-lines.js";
import { compactJsonBytes, parseJsonSource, sameJsonValue } from "../engine/read/json-source.js";
import { doubleEncoded, gluedRecords, isBareMessage } from "../engine/container-findings.js";
import type { FixOptions } from "./fixes.js";
import { ChangeLog, type FileManifest } from "./manifest.js";
import { AtomicOutput, NullOutput, createOutput, type FileOutput, type RecordOutput } from "./output-file.js";
import { RecordFixer } from "./record-fixer.js";
import { reencode } from "./encoding.js";
import { LineMap, writeDiff } from "./diff.js";
import type { Rejects } from "./rejects.js";

export interface FixFileJob {
  /** Absolute path of the input. */
  path: string;
  /** The path as the user wrote it (messages, manifest). */
  display: string;
  /** -o: absolute path of the output (a .gz name is written gzip-compressed). Absent: in place. */
  output?: string;
  outputDisplay?: string;
  /** Change nothing (also with --diff). */
  dryRun: boolean;
  /** Write the unified diff here. */
  diff?: (chunk: string | Buffer) => void;
  rejects: Rejects | null;
  opts: FixOptions;
}

const HEAD_BYTES = 64 * 1024;
const LONG_HEAD_BYTES = 16 * 1024 * 1024;

class NotFixable extends Error {}

/** How the file holds its records, or why fix leaves it alone. */
async function containerOf(path: string): Promise<{ kind: ContainerKind | null; bom: boolean }> {
  let head = await readHead(path, HEAD_BYTES);
  const s = sniff(head);
  if (s.kind === "lfs-pointer") throw new NotFixable("a Git LFS pointer, not the data: fetch the file (git lfs pull, or actions/checkout with lfs: true) and fix that");
  if (s.kind === "utf16") throw new NotFixable(`the file is ${s.encoding}, not UTF-8: convert it first (iconv -f ${s.bom ? s.encoding.slice(0, 6) : s.encoding} -t UTF-8)`);
  if (s.kind === "gzip") throw new NotFixable("the file is gzip-compressed but its name does not end in .gz: rename it to ….gz");
  const bom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  if (s.kind === "json-array") return { kind: "array", bom };
  let pretty = sniffPretty(head, head.length < HEAD_BYTES);
  if (pretty === "undecided") {
    head = await readHead(path, LONG_HEAD_BYTES);
    pretty = sniffPretty(head, head.length < LONG_HEAD_BYTES);
  }
  return { kind: pretty === "pretty" ? "pretty" : null, bom };
}

export async function fixFile(job: FixFileJob): Promise<FileManifest> {
  const log = new ChangeLog();
  const m: FileManifest = { path: job.display, status: "unchanged", recordsIn: 0, recordsOut: 0, linesIn: 0, linesOut: 0, counts: log.counts, refused: 0, changes: log.changes, changesTruncated: false };
  const notFixed = (reason: string): FileManifest => ({ ...m, status: "not-fixed", reason, recordsOut: 0, linesOut: 0, output: undefined, counts: {}, changes: [], refused: 0 });
  let container: { kind: ContainerKind | null; bom: boolean };
  let target: string;
  let mode: number | undefined;
  try {
    container = await containerOf(job.path);
    target = job.output ?? realpathSync(job.path);
    mode = job.output ? undefined : statSync(target).mode;
  } catch (e) {
    return notFixed(e instanceof NotFixable ? e.message : `cannot read the file: ${(e as Error).message}`);
  }
  // The output: nowhere (dry run), a scratch file for the diff, or a temporary file beside the target.
  const diffPath = job.diff ? join(tmpdir(), `chatml-gate-fix-diff-${process.pid}-${randomBytes(4).toString("hex")}.jsonl`) : null;
  let out: RecordOutput;
  try {
    if (job.output && !job.dryRun) mkdirSync(dirname(target), { recursive: true });
    out = diffPath ? AtomicOutput.create(diffPath, { gzip: false }) : job.dryRun ? new NullOutput() : createOutput(target, { gzip: isGzipPath(target), mode });
  } catch (e) {
    return notFixed(`cannot write ${job.output ? job.outputDisplay : "beside the file"}: ${(e as Error).message}`);
  }
  const abort = () => {
    if (!(out instanceof NullOutput)) (out as FileOutput).abort();
  };
  const map = new LineMap();
  const fixer = new RecordFixer(job.opts);
  const enabled = job.opts.enabled;
  let doubleEncodedRecords = 0;
  let bareMessages = 0;
  let linesIn = 0;

  /** Writes one output line (or several, for a refused record spread over lines); `cr`: the input line ended in CR
   * LF, kept when the line-endings fix is not selected. */
  const write = async (bytes: Buffer | string, lines: number, cr = false) => {
    const keepCr = cr && !enabled.has("line-endings");
    await out.write(Buffer.concat([typeof bytes === "string" ? Buffer.from(bytes) : bytes, keepCr ? CRLF : NL]));
    m.linesOut += lines;
  };

  /** A record the fixes refuse: kept as it was (or sent to --rejects). */
  const refuse = async (line: number, reason: string, raw: Buffer, inTo: number, breaks: number, cr = false) => {
    log.add("refused", line, `${reason}: ${job.rejects ? `written to ${job.rejects.path}` : "kept as it is"}`);
    if (job.rejects) {
      job.rejects.add(job.display, line, reason, raw);
      map.map(line, inTo, 0);
      return;
    }
    await write(raw, breaks + 1, cr);
    m.recordsOut++;
    if (breaks > 0 || inTo > line || (cr && enabled.has("line-endings"))) map.map(line, inTo, breaks + 1);
    else map.same(line);
  };

  /** Bytes that are UTF-8 after the encoding fix, or null when the record is refused (already handled). */
  const utf8 = async (raw: Buffer, line: number, inTo: number, breaks: number, cr = false): Promise<Buffer | null> => {
    if (isUtf8(raw)) return raw;
    if (!enabled.has("encoding") || !job.opts.fromEncoding) {
      await refuse(line, `not valid UTF-8${enabled.has("encoding") ? "" : " (--unsafe --from-encoding cp1252 or latin1 re-reads it)"}`, raw, inTo, breaks, cr);
      return null;
    }
    const r = reencode(raw, 0, raw.length, job.opts.fromEncoding);
    if ("refuse" in r) {
      await refuse(line, r.refuse, raw, inTo, breaks, cr);
      return null;
    }
    log.add("encoding", line, `re-read ${[...r.chars].length} character(s) as ${job.opts.fromEncoding}: ${JSON.stringify(r.chars.slice(0, 40))}`);
    return r.bytes;
  };

  /** One parsed record (valid JSON, `bytes` on one line): the per-record fixes, then written. `changed`: the bytes
   * already differ from the input's line(s) (joined, split, re-encoded); `cr`: its input line ended in CR LF. */
  const record = async (bytes: Buffer, rec: unknown, line: number, inTo: number, raw: Buffer, breaks: number, changed: boolean, cr = false) => {
    if (typeof rec === "string" && doubleEncoded(rec)) {
      doubleEncodedRecords++;
      return refuse(line, "a JSON string holding JSON (double-encoded): decode it once (jq -c 'fromjson')", raw, inTo, breaks, cr);
    }
    if (rec === null || typeof rec !== "object" || Array.isArray(rec)) return refuse(line, `not a JSON object (${Array.isArray(rec) ? "an array" : rec === null ? "null" : typeof rec})`, raw, inTo, breaks, cr);
    if (container.kind === "array" && isBareMessage(rec as Record<string, unknown>)) bareMessages++;
    const r = fixer.active ? fixer.fix(bytes.toString("utf8"), rec, line, log) : { out: null };
    if ("refuse" in r) return refuse(line, r.refuse, raw, inTo, breaks, cr);
    if ("drop" in r) {
      map.map(line, inTo, 0);
      return;
    }
    await write(r.out ?? bytes, 1, cr);
    m.recordsOut++;
    if (changed || r.out !== null || inTo > line || (cr && enabled.has("line-endings"))) map.map(line, inTo, 1);
    else map.same(line);
  };

  try {
    if (container.bom && enabled.has("byte-order-mark")) log.add("byte-order-mark", 1, "removed the UTF-8 byte-order mark (EF BB BF)");
    else if (container.bom) await out.write(BOM);
    if (container.kind) {
      if (!enabled.has("one-record-per-line")) throw new NotFixable(`the file is ${container.kind === "array" ? "a JSON array" : "records spread over lines"}, and the one-record-per-line fix is not selected (--only)`);
      let joined = 0;
      // The reader queues each read chunk's records (copies: it reuses its buffers) and waits while they are fixed
      // and written: memory stays one chunk's records.
      let queue: { raw: Buffer; line: number; breaks: number }[] = [];
      const value = async (raw: Buffer, line: number, breaks: number) => {
        m.recordsIn++;
        const bytes = await utf8(raw, line, line + breaks, breaks);
        if (!bytes) return;
        let rec: unknown;
        try {
          rec = JSON.parse(bytes.toString("utf8"));
        } catch (e) {
          return refuse(line, `invalid JSON (${shortError(e)})`, raw, line + breaks, breaks);
        }
        let one = bytes;
        if (breaks > 0) {
          one = compactJsonBytes(bytes, 0, bytes.length);
          if (!sameJsonValue(parseJsonSource(bytes.toString("utf8")), parseJsonSource(one.toString("utf8")))) {
            return refuse(line, "joining the record onto one line did not keep its value (an internal error: please report it)", raw, line + breaks, breaks);
          }
          joined++;
        }
        await record(one, rec, line, line + breaks, raw, breaks, true);
      };
      const stats = await readValues(
        job.path,
        {
          value: (buf, start, end, line, _offset, breaks) => void queue.push({ raw: Buffer.from(buf.subarray(start, end)), line, breaks }),
          tooLong(line, _offset, n) {
            throw new NotFixable(`the record starting at line ${line} is ${(n / 1048576).toFixed(0)} MiB, over the reader's limit`);
          },
          unterminated(line) {
            throw new NotFixable(`the record starting at line ${line} never ends (a bracket or quote is missing, or the file is cut short): the records cannot be split safely`);
          },
          async drain() {
            const items = queue;
            queue = [];
            for (const v of items) await value(v.raw, v.line, v.breaks);
          },
        },
        { arrays: container.kind === "array" },
      );
      linesIn = stats.lines;
      if (m.recordsIn === 0) throw new NotFixable(stats.openArray ? "the JSON array holds no record and never closes (no final ']'): the file was probably cut short" : `the ${container.kind === "array" ? "JSON array is empty" : "file holds no records"}: there is nothing to write one per line`);
      if (stats.openArray) log.note("one-record-per-line", linesIn, "the JSON array never closes (no final ']'): the file was probably cut short; the complete records before its end are written");
      log.count("one-record-per-line", m.recordsIn);
      const n = `${m.recordsIn} record${m.recordsIn === 1 ? "" : "s"}`;
      const what = container.kind === "array" ? `the JSON array of ${n}` : `the ${n} spread over lines`;
      log.note("one-record-per-line", 1, `${what} written one record per line${joined ? ` (${joined} joined onto one line each, whitespace between tokens removed)` : ""}`);
    } else {
      let crLines = 0;
      let firstCr = 0;
      let queue: { raw: Buffer; lineNo: number; cr: boolean; offset: number }[] = [];
      // a record spread over lines in the middle of the file: collected, then joined onto one line
      const spread = new SpreadRecord();
      let lastEnd = 0; // where the last line ends (its line break excluded): the file's size when it has no final one
      const onLine = async (raw: Buffer, lineNo: number, cr: boolean, offset: number) => {
        lastEnd = offset + raw.length + (cr ? 1 : 0);
        if (cr) {
          crLines++;
          firstCr ||= lineNo;
        }
        if (!spread.active) return line(raw, lineNo, cr, true);
        const r = spread.add(raw, 0, raw.length, lineNo, 0, cr);
        if (!r) return;
        if ("giveBack" in r || !isUtf8(r.record)) {
          for (const l of "giveBack" in r ? r.giveBack : r.lines) await line(l.bytes, l.lineNo, l.cr, false);
          return;
        }
        m.recordsIn++;
        const one = compactJsonBytes(r.record, 0, r.record.length);
        const breaks = r.endLine - r.line;
        if (!sameJsonValue(parseJsonSource(r.record.toString("utf8")), parseJsonSource(one.toString("utf8")))) {
          return refuse(r.line, "joining the record onto one line did not keep its value (an internal error: please report it)", r.record, r.endLine, breaks);
        }
        log.add("one-record-per-line", r.line, `joined the record spread over lines ${r.line}–${r.endLine} onto one line`);
        await record(one, r.rec, r.line, r.endLine, r.record, breaks, true, cr);
      };
      const line = async (raw: Buffer, lineNo: number, cr: boolean, allowSpread: boolean) => {
        let p = 0;
        while (p < raw.length && (raw[p] === 0x20 || raw[p] === 0x09 || raw[p] === 0x0d)) p++;
        if (p === raw.length) {
          if (enabled.has("blank-lines")) {
            log.add("blank-lines", lineNo, raw.length ? "dropped a whitespace-only line" : "dropped a blank line");
            map.map(lineNo, lineNo, 0);
          } else {
            await write(raw, 1, cr);
            if (cr && enabled.has("line-endings")) map.map(lineNo, lineNo, 1);
            else map.same(lineNo);
          }
          return;
        }
        m.recordsIn++;
        const bytes = await utf8(raw, lineNo, lineNo, 0, cr);
        if (!bytes) return;
        let rec: unknown;
        try {
          rec = JSON.parse(bytes.toString("utf8"));
        } catch (e) {
          // a line that starts with a BOM (files joined with cat): the byte-order-mark fix strips it
          if (enabled.has("byte-order-mark") && bytes.length > 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
            const rest = bytes.subarray(3);
            try {
              const r = JSON.parse(rest.toString("utf8")) as unknown;
              log.add("byte-order-mark", lineNo, "removed a byte-order mark at the start of the line (files joined with cat?)");
              return record(rest, r, lineNo, lineNo, raw, 0, true, cr);
            } catch {
              // not that: go on
            }
          }
          const glued = gluedRecords(bytes, 0, bytes.length);
          if (!glued && allowSpread && enabled.has("one-record-per-line") && spread.begin(bytes, 0, bytes.length, lineNo, 0, cr)) {
            m.recordsIn--; // counted when the record closes, or line by line if it does not
            return;
          }
          const fixId = glued?.cr ? "line-endings" : "one-record-per-line";
          if (!glued || !enabled.has(fixId)) return refuse(lineNo, `invalid JSON (${shortError(e)})`, raw, lineNo, 0, cr);
          m.recordsIn += glued.records.length - 1;
          log.add(fixId, lineNo, `split ${glued.records.length} records ${glued.cr ? "separated by bare CRs (classic Mac line ends)" : "glued on one line"}`);
          for (const g of glued.records) await record(bytes.subarray(g.start, g.end), g.rec, lineNo, lineNo, bytes.subarray(g.start, g.end), 0, true, cr);
          return;
        }
        await record(bytes, rec, lineNo, lineNo, raw, 0, bytes !== raw, cr);
      };
      const stats = await readLines(job.path, {
        line: (buf, start, end, lineNo, offset, cr) => void queue.push({ raw: Buffer.from(buf.subarray(start, end)), lineNo, cr, offset }),
        tooLong(lineNo, _offset, n) {
          throw new NotFixable(`line ${lineNo} is ${(n / 1048576).toFixed(0)} MiB, over the reader's limit`);
        },
        async drain() {
          const items = queue;
          queue = [];
          for (const l of items) await onLine(l.raw, l.lineNo, l.cr, l.offset);
        },
      });
      for (const l of spread.flush()) await line(l.bytes, l.lineNo, l.cr, false);
      linesIn = stats.lines;
      // a last line without a line break gets one when the file is rewritten: for the diff, that line changes
      if (linesIn > 0 && lastEnd === stats.bytes) map.changeLast(linesIn);
      if (crLines) {
        if (enabled.has("line-endings")) {
          log.count("line-endings", crLines);
          log.note("line-endings", firstCr, `CRLF → LF on ${crLines} line${crLines === 1 ? "" : "s"}`);
        }
      }
    }
    if (bareMessages > 0 && bareMessages * 2 >= m.recordsIn) {
      throw new NotFixable(`the file is one JSON list of ${bareMessages} chat messages, not of conversations: if it is one conversation, write it as one record (jq -c '{messages: .}' ${job.display})`);
    }
    if (doubleEncodedRecords > 0 && doubleEncodedRecords * 2 >= m.recordsIn) {
      throw new NotFixable("the records are JSON strings holding JSON (double-encoded): decode them once (jq -c 'fromjson', or jq -r . FILE | jq -c '.[]' for an array), then run fix");
    }
  } catch (e) {
    abort();
    if (diffPath) rmQuiet(diffPath);
    if (e instanceof NotFixable) return { ...notFixed(e.message), linesIn, counts: {}, changes: [], refused: 0 };
    const err = e as NodeJS.ErrnoException;
    return { ...notFixed(err.code ? `cannot ${err.syscall === "read" || err.code === "Z_DATA_ERROR" || err.code === "Z_BUF_ERROR" ? "read the file" : "write the result"}: ${err.message} (the file is unchanged)` : `internal error: ${err.message} (the file is unchanged; please report it)`), linesIn, counts: {}, changes: [], refused: 0 };
  }
  m.linesIn = linesIn;
  m.refused = log.refused;
  m.changesTruncated = log.truncated;
  log.sort();
  const changed = log.changed;
  try {
    if (diffPath) {
      await (out as FileOutput).commit();
      if (changed) await writeDiff(map, linesIn, job.path, diffPath, job.display, job.diff!);
      rmQuiet(diffPath);
    } else if (!(out instanceof NullOutput)) {
      const file = out as FileOutput;
      if (changed || job.output) await file.commit();
      else file.abort();
    }
  } catch (e) {
    abort();
    if (diffPath) rmQuiet(diffPath);
    return notFixed(`cannot write ${job.output ? job.outputDisplay : "the result beside the file"}: ${(e as Error).message} (the file is unchanged)`);
  }
  m.status = !changed ? "unchanged" : job.dryRun ? "would-fix" : "fixed";
  if (!job.dryRun && (changed || job.output)) m.output = job.outputDisplay ?? job.display;
  return m;
}

const NL = Buffer.from("\n");
const CRLF = Buffer.from("\r\n");
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The first line of a JSON.parse error, without the text it quotes. */
function shortError(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0].replace(/, "[\s\S]*$/, "").slice(0, 120);
}

function rmQuiet(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
