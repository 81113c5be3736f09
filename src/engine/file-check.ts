// One pass over one file: read lines → parse JSON → detect format → normalise → rules → analysis hook.
// Findings are pooled per file (finding-sink.ts; the listed ones are picked when the file is complete); counts are
// always complete. A rule that fires many times in one record is one finding (rules/repeats.ts).
import { stat, readFile } from "node:fs/promises";
import { isUtf8 } from "node:buffer";
import type { Conversation, DatasetFormat, Finding, RecordLoc, SeveritySetting, ShownRecord } from "./model.js";
import type { FileReport } from "./report.js";
import { readHead, readLines, isGzipPath, MAX_LINE_BYTES } from "./read/lines.js";
import { looksLikeJsonFragment, sniff } from "./read/sniff.js";
import { detectFormat, detectOtherFormat, FORMAT_LABEL, SUPPORTED_FORMATS } from "./formats/detect.js";
import type { ParseContext, Profile } from "./formats/context.js";
import { PARSERS } from "./formats/parse.js";
import { checkConversation } from "./rules/conversation.js";
import { checkProfile } from "./rules/profiles.js";
import { RecordFindings, type OncePart } from "./rules/repeats.js";
import { FindingSink, type SinkState } from "./finding-sink.js";
import { PrivacyCheck, type PrivacyCounts, type PrivacySettings } from "./privacy/record-check.js";
import type { Redactor } from "./privacy/scan-record.js";
import type { TargetChecker } from "./target/check-record.js";
import type { TargetChunkState } from "./target/file-state.js";
import { recordKey } from "./fingerprint.js";

export { FindingSink, appendFindings, type SinkState } from "./finding-sink.js";

export interface ScanOptions {
  path: string;
  /** Path shown in messages (repo- or cwd-relative). */
  display: string;
  fileIndex: number;
  /** Byte range of a plain file (a chunk); absent = the whole file. Line numbers count from 1 in the range. */
  range?: { start: number; end: number } | null;
  /** The file's format: forced by the config, or detected from its first record before the chunks ran. */
  format?: DatasetFormat | null;
  forced?: boolean;
  profile: Profile;
  categoryField?: string;
  severities: Record<string, SeveritySetting>;
  maxFindings: number;
  /** Secrets and personal data (privacy/): the ignore file's fingerprints; null or absent: not scanned. */
  privacy?: PrivacySettings | null;
  /** Called for each record that passed every error rule, with its render by the target chat template (null: it
   * could not be rendered; undefined: no target); returns extra findings for that record. `shown`: the record with
   * found secrets and personal data masked, for any text the analysis keeps to quote. */
  onRecord?: (conv: Conversation, loc: RecordLoc, rendered: string | null | undefined, shown?: ShownRecord) => Finding[] | void;
  /** The target model check: renders each record with a messages array (also records with other errors). */
  target?: TargetChecker | null;
}

/** What a pass over (part of) a file found; lines count from 1 within the range. Structured-clone-able. */
export interface ScanResult {
  lines: number;
  bytes: number;
  records: number;
  /** Records that passed validation: parsed, and no error-level finding from the record checks. */
  valid: number;
  nonBlank: number;
  invalidJson: number;
  fragments: number;
  /** The first non-blank line of the range was not JSON. */
  firstInvalid: boolean;
  /** Format of the first record with a known format (when the file's format was not known before). */
  format: DatasetFormat | null;
  readError: boolean;
  sink: SinkState;
  /** Secret and personal-data counts (absent when not scanned). */
  privacy?: PrivacyCounts;
  /** The values found (for the action to mask them in the job log). In memory only: never in a report or a shard
   * partial (shards.ts drops them). */
  values?: string[];
  /** The target check's figures for this range (absent without a target). */
  target?: TargetChunkState;
}

function jsonErrorMessage(e: unknown, text: string): string {
  const msg = e instanceof Error ? e.message : String(e);
  const pos = /position (\d+)/.exec(msg);
  const where = pos ? ` at column ${Number(pos[1]) + 1}` : /Unexpected end/.test(msg) ? ` at column ${text.length + 1} (end of line)` : "";
  const trimmed = text.trimEnd();
  let hint = "fix the syntax, or drop the line";
  // A record, a bare CR, then another record: the file ends its lines with CR alone (classic Mac), which JSON Lines
  // does not allow, so the whole file reads as one line.
  const cr = text.indexOf("\r");
  if (text.charCodeAt(0) === 0xfeff) hint = "the line starts with an invisible byte-order mark (U+FEFF, bytes EF BB BF), often from joining files saved with a BOM: remove it (e.g. sed 's/^\\xEF\\xBB\\xBF//')";
  else if (cr >= 0 && cr < text.length - 1 && /^\s*[{[]/.test(text.slice(cr + 1))) hint = "the line holds several records separated by a bare CR (\\r): end lines with \\n (e.g. tr '\\r' '\\n' < in.jsonl > out.jsonl)";
  else if (/Bad control character/.test(msg) && pos) hint = controlCharacterHint(text.charCodeAt(Number(pos[1])));
  else if (/Unexpected end|Unterminated/.test(msg)) hint = "the line ends early: the record is truncated or split over several lines";
  else if (/^\s*\{?\s*'/.test(trimmed) || /'\s*:/.test(trimmed)) hint = "JSON needs double quotes around keys and strings";
  else if (/,\s*[}\]]\s*$/.test(trimmed)) hint = "remove the trailing comma";
  const short = msg.replace(/^(SyntaxError: )?/, "").replace("\ufeff", "\\uFEFF").replace(/ in JSON at position \d+.*$/s, "").replace(/, "[\s\S]*$/, "");
  return `invalid JSON${where}: ${short}; ${hint}`;
}

const CONTROL_ESCAPES: Record<number, string> = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r" };

/** A raw control character inside a string (a tab pasted into an answer, a NUL byte): JSON.parse says only 'Bad
 * control character in string literal'; name the character and its escape. */
function controlCharacterHint(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, "0");
  const esc = CONTROL_ESCAPES[code] ?? `\\u${hex.toLowerCase()}`;
  const name = code === 9 ? "a tab, " : code === 0 ? "a NUL byte, " : "";
  return `a string holds a raw control character (${name}U+${hex}), which JSON allows only escaped, as ${esc}: write the file with a JSON encoder (json.dumps, JSON.stringify) instead of pasting text into it`;
}

/** What the start of a file says before its lines are read: a Git LFS pointer, a JSON array, UTF-16, or a read
 * error end the file's check with one finding (returned as its report); JSON Lines returns the format of the first
 * record in the head (so every chunk of the file knows it). */
export async function checkFileHead(
  path: string,
  display: string,
  severities: Record<string, SeveritySetting>,
  maxFindings: number,
): Promise<{ report: FileReport } | { format: DatasetFormat | null; whole?: boolean }> {
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
  if (kind.kind === "json-array") {
    const described = await describeJsonArray(path);
    sink.add("not-jsonl", 1, `the file is a JSON array${described.text}, not JSON Lines (one record per line): convert it with \`jq -c '.[]' ${shellQuote(display)} > ${shellQuote(display.replace(/\.(jsonl|json)(\.gz)?$/i, "") + ".converted.jsonl")}\``);
    return done(described.format ?? "unknown");
  }
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

const HEAD_BYTES = 64 * 1024;
const LONG_HEAD_BYTES = 16 * 1024 * 1024;

/** A path as a POSIX shell word (quoted when it holds anything but letters, digits and ./_-+@:,). */
function shellQuote(path: string): string {
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

export function fileReport(display: string, format: DatasetFormat | "unknown", records: number, validRecords: number, bytes: number, st: SinkState): FileReport {
  return {
    path: display,
    format,
    records,
    validRecords,
    bytes,
    errors: st.errors,
    warnings: st.warnings,
    findings: st.findings,
    findingCounts: st.counts,
    findingsTruncated: st.findings.length < st.errors + st.warnings,
  };
}

/** One pass over a file or one chunk of it: read lines → parse JSON → format → normalise → rules → analysis hook. */
export async function scanFile(opts: ScanOptions): Promise<ScanResult> {
  const sink = new FindingSink(opts.severities, opts.maxFindings);
  let format: DatasetFormat | null = opts.format ?? null;
  let firstFormat: DatasetFormat | null = null;
  let records = 0;
  let valid = 0;
  let bytes = 0;
  let lines: number;
  let nonBlank = 0;
  let invalidJson = 0;
  let fragments = 0;
  let firstNonBlank = -1;
  let firstInvalid = false;
  let readError = false;
  let recordHasError = false;
  let recordMissingContent = false;
  let line = 0;
  // secrets and personal data: the check, and the current record's redactor (null: nothing found in it)
  const privacy = opts.privacy ? new PrivacyCheck(opts.privacy, opts.display, (r) => sink.severityOf(r)) : null;
  const scanPrivacy = privacy?.active === true;
  let redactor: Redactor | null = null;
  const addPrivacy = (rule: string, message: string, extra: Pick<Finding, "kind" | "pointer">) => sink.add(rule, line, message, undefined, extra);
  // a line with secrets or personal data: every finding's record key is the hash of the line with them masked
  const maskedKey = (key: string) => {
    sink.recordKey = () => key;
  };
  const ctx: ParseContext = {
    profile: opts.profile,
    categoryField: opts.categoryField,
    emit(rule, message, onceKey, pointer) {
      if (rule === "missing-content") recordMissingContent = true;
      // Content that is missing is not also "empty".
      else if (rule === "empty-content" && recordMissingContent) return;
      // A message may quote the record (a string where a message should be): never a secret found in it.
      if (redactor) message = redactor.quoted(message);
      const severity = sink.severityOf(rule);
      if (severity === "off") return;
      // A finding reported once per file still makes each later record with the problem invalid.
      if (severity === "error") recordHasError = true;
      if (onceKey !== undefined && !sink.claimOnce(onceKey)) return; // the file had it already
      repeats.add(rule, message, pointer, onceKey);
    },
  };
  // The record's findings, one per rule, once its rules have run.
  const repeats = new RecordFindings();
  const report = (rule: string, message: string, pointer: string | undefined, count: number, once?: OncePart[]) => {
    sink.add(rule, line, message, once, pointer === undefined && count === 1 ? undefined : { pointer, count });
  };
  const loc: RecordLoc = { file: opts.fileIndex, line: 0, offset: 0, length: 0 };
  /** A finding at the current line that does not make the record invalid. */
  const note = (rule: string, message: string, onceKey?: string) => void sink.add(rule, line, redactor ? redactor.quoted(message) : message, onceKey);

  const onLine = (buf: Buffer, start: number, end: number, lineNo: number, offset: number) => {
    let key: string | undefined;
    sink.recordKey = () => (key ??= recordKey(buf, start, end));
    try {
      readLine(buf, start, end, lineNo, offset);
    } finally {
      repeats.flush(report); // the record's findings, one per rule (already done, unless a path above returned early)
      sink.recordKey = undefined;
    }
  };
  const readLine = (buf: Buffer, start: number, end: number, lineNo: number, offset: number) => {
    line = lineNo;
    recordHasError = false;
    recordMissingContent = false;
    redactor = null;
    // Blank line? (fast path: records start with '{')
    let p = start;
    while (p < end && (buf[p] === 0x20 || buf[p] === 0x09 || buf[p] === 0x0d)) p++;
    if (p === end) {
      sink.add("empty-line", line, end === start ? "blank line: remove it (some loaders stop or fail on it)" : "whitespace-only line: remove it");
      return;
    }
    nonBlank++;
    records++;
    if (firstNonBlank < 0) firstNonBlank = lineNo;
    const text = buf.toString("utf8", start, end);
    if (text.includes("\uFFFD") && !isUtf8(buf.subarray(start, end))) {
      const bad = firstInvalidByte(buf.subarray(start, end));
      sink.add("invalid-utf8", line, `the line has bytes that are not valid UTF-8 (first at byte ${bad + 1}): re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)`);
      return;
    }
    let rec: unknown;
    try {
      rec = JSON.parse(text);
    } catch (e) {
      invalidJson++;
      if (lineNo === firstNonBlank) firstInvalid = true;
      if (looksLikeJsonFragment(text)) fragments++;
      // its strings cannot be decoded: the line's text is scanned as it is
      if (scanPrivacy) privacy.check(undefined, text, addPrivacy, maskedKey);
      sink.add("invalid-json", line, jsonErrorMessage(e, text));
      return;
    }
    if (scanPrivacy) redactor = privacy.check(rec, text, addPrivacy, maskedKey);
    if (rec === null || typeof rec !== "object" || Array.isArray(rec)) {
      const what = Array.isArray(rec) ? "an array" : rec === null ? "null" : `a ${typeof rec}`;
      sink.add("not-an-object", line, `the line is ${what}, not a JSON object: each line must be one record like {"messages": [...]}`);
      return;
    }
    const obj = rec as Record<string, unknown>;
    const detected = detectFormat(obj);
    let use = format;
    if (detected) {
      if (!firstFormat) firstFormat = detected;
      if (!format) format = use = detected;
      else if (detected !== format && !opts.forced) {
        sink.add("mixed-format", line, `this record is ${FORMAT_LABEL[detected]} but the file started as ${FORMAT_LABEL[format]}: keep one format per file (or set format: in the config)`, "mixed-format");
        use = detected;
        recordHasError = recordHasError || sink.severityOf("mixed-format") === "error";
      }
    }
    // A file in a known format the gate does not check (its head held no chat record, and the config sets none):
    // one finding that names the format, not the same error on every line. Its records stay invalid.
    if (!detected && !opts.format) {
      const other = detectOtherFormat(obj);
      if (other) {
        ctx.emit("missing-messages", `the file is ${other.label}, which this gate does not check: it reads ${SUPPORTED_FORMATS}; ${other.fix} (reported once for the file: every record like this one is invalid)`, `other-format:${other.id}`);
        repeats.flush(report);
        return;
      }
    }
    // A record in another format than its file's is mixed-format already: the target's checks are for the file's.
    if (use === format) checkProfile(obj, use ?? "chatml", ctx);
    const conv = PARSERS[use ?? "chatml"](obj, ctx);
    if (conv) checkConversation(conv, (rule, message, pointer) => ctx.emit(rule, message, undefined, pointer), ctx.profile);
    // The target chat template renders every record with a messages array, also one that breaks other rules: the
    // trainer would render it too.
    const rendered = opts.target && Array.isArray(obj.messages) ? opts.target.check(obj, text, line, ctx.emit, note) : undefined;
    repeats.flush(report);
    // A record whose shape problems are only warnings (e.g. an unknown key) is valid, though not analysed.
    if (!conv) {
      if (!recordHasError) valid++;
      return;
    }
    if (recordHasError) return;
    valid++;
    if (!opts.onRecord) return;
    loc.line = lineNo;
    loc.offset = offset;
    loc.length = end - start;
    const extra = opts.onRecord(conv, loc, rendered, redactor ? { conv: redactor.conversation(conv), rendered: typeof rendered === "string" ? redactor.quoted(rendered) : rendered } : undefined);
    if (extra) for (const f of extra) sink.addFinding(f);
  };

  try {
    const stats = await readLines(
      opts.path,
      {
        line: onLine,
        tooLong(lineNo, _offset, n) {
          records++;
          nonBlank++;
          sink.add("line-too-long", lineNo, `the line is ${(n / 1048576).toFixed(0)} MiB, over the reader's limit of ${MAX_LINE_BYTES / 1048576} MiB: split the record or drop it`);
        },
      },
      opts.range ?? undefined,
    );
    bytes = stats.bytes;
    lines = stats.lines;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const what = isGzipPath(opts.path) && /header|gzip|unexpected end|incorrect/i.test(err.message) ? "the gzip data is corrupt or truncated" : err.message;
    sink.add("read-error", Math.max(1, line), `cannot read past line ${line}: ${what}`);
    readError = true;
    lines = line;
  }
  const result: ScanResult = { lines, bytes, records, valid, nonBlank, invalidJson, fragments, firstInvalid, format: opts.format ? null : firstFormat, readError, sink: sink.state() };
  if (privacy?.active) {
    result.privacy = privacy.counts;
    if (privacy.values.size > 0) result.values = [...privacy.values];
  }
  if (opts.target) result.target = opts.target.state();
  return result;
}

/** After every chunk of a file: the file-level verdicts that need the whole file (empty, pretty-printed JSON). */
export function finishFile(display: string, format: DatasetFormat | null, s: Omit<ScanResult, "sink" | "format" | "lines">, sink: FindingSink): FileReport {
  let records = s.records;
  let valid = s.valid;
  if (s.nonBlank === 0 && !s.readError) {
    sink.drop(["empty-line"]);
    sink.add("empty-file", 1, "the file holds no records: add data or remove the file");
  } else if (s.invalidJson > 0 && s.firstInvalid && s.invalidJson * 2 >= s.nonBlank && s.fragments * 2 >= s.invalidJson) {
    sink.drop(["invalid-json", "empty-line", "not-an-object"]);
    sink.add("not-jsonl", 1, `the file is pretty-printed JSON (records split over lines; ${s.invalidJson} of ${s.nonBlank} lines are not JSON by themselves), not JSON Lines: write one record per line, e.g. \`jq -c . ${shellQuote(display)}\` or \`jq -c '.[]'\` for an array`);
    records = 0;
    valid = 0;
  }
  const st = sink.state();
  st.findings.sort((a, b) => a.line - b.line);
  return fileReport(display, format ?? "unknown", records, valid, s.bytes, st);
}

/** Index of the first byte that breaks UTF-8 (only called on lines known to be invalid). */
function firstInvalidByte(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    if (n > 0 && !isUtf8(b.subarray(i, i + n + 1))) return i;
    i += n + 1;
  }
  return 0;
}

async function describeJsonArray(path: string): Promise<{ text: string; format?: DatasetFormat }> {
  try {
    if (isGzipPath(path) || (await stat(path)).size > 64 * 1024 * 1024) return { text: "" };
    const data = JSON.parse(await readFile(path, "utf8")) as unknown;
    if (!Array.isArray(data)) return { text: "" };
    const first = data.find((x) => x && typeof x === "object" && !Array.isArray(x)) as Record<string, unknown> | undefined;
    const f = first ? detectFormat(first) : null;
    return { text: ` of ${data.length} ${f ? FORMAT_LABEL[f] + " " : ""}records`, format: f ?? undefined };
  } catch {
    return { text: "" };
  }
}
