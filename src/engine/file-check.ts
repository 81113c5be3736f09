// One pass over one file: read lines → parse JSON → detect format → normalise → rules → analysis hook.
// Findings are pooled per file (finding-sink.ts; the listed ones are picked when the file is complete); counts are
// always complete. A rule that fires many times in one record is one finding (rules/repeats.ts).
import { isUtf8 } from "node:buffer";
import type { Conversation, DatasetFormat, Finding, RecordLoc, SeveritySetting, ShownRecord } from "./model.js";
import type { FileReport } from "./report.js";
import { readLines, isGzipPath, MAX_LINE_BYTES } from "./read/lines.js";
import { looksLikeJsonFragment } from "./read/sniff.js";
import { readValues, type ContainerKind } from "./read/containers.js";
import { SpreadRecord, type HeldLine } from "./read/spread-lines.js";
import { containerMessage, doubleEncoded, gluedRecords, isBareMessage } from "./container-findings.js";
import { detectFormat, detectOtherFormat, FORMAT_LABEL, SUPPORTED_FORMATS } from "./formats/detect.js";
import type { ParseContext, Profile } from "./formats/context.js";
import { PARSERS } from "./formats/parse.js";
import { checkConversation } from "./rules/conversation.js";
import { checkProfile } from "./rules/profiles.js";
import { RecordFindings, type OncePart } from "./rules/repeats.js";
import { FindingSink, fileReport, type SinkState } from "./finding-sink.js";
import { firstInvalidByte, jsonErrorMessage, recordJsonError } from "./json-errors.js";
import { shellQuote } from "./file-head.js";
import { PrivacyCheck, type PrivacySettings } from "./privacy/record-check.js";
import type { PrivacyCounts } from "./privacy/counts.js";
import type { Redactor } from "./privacy/scan-record.js";
import type { TargetChecker } from "./target/check-record.js";
import type { TargetChunkState } from "./target/file-state.js";
import { recordKey } from "./fingerprint.js";

// Where the pieces of a file's check live (re-exported: other modules name them here).
export { FindingSink, appendFindings, fileReport, type SinkState } from "./finding-sink.js";
export { checkFileHead, type FileHead } from "./file-head.js";

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
  /** The file is a JSON array or records spread over lines (checkFileHead): read value by value, not line by line. */
  container?: ContainerKind | null;
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
  /** Records of a JSON array that are bare chat messages ({"role", "content"}), not conversations. */
  bareMessages: number;
  sink: SinkState;
  /** Secret and personal-data counts (absent when not scanned). */
  privacy?: PrivacyCounts;
  /** The values found (for the action to mask them in the job log). In memory only: never in a report or a shard
   * partial (shards.ts drops them). */
  values?: string[];
  /** The target check's figures for this range (absent without a target). */
  target?: TargetChunkState;
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
  let bareMessages = 0;
  /** A finding at the current line that does not make the record invalid. */
  const note = (rule: string, message: string, onceKey?: string) => void sink.add(rule, line, redactor ? redactor.quoted(message) : message, onceKey);

  /** Runs `f` with the findings it makes keyed to the record on buf[start, end) (fingerprint.ts: the same span as
   * the record's location, which analysis findings re-read). */
  const keyed = (buf: Buffer, start: number, end: number, f: () => void) => {
    let key: string | undefined;
    const outer = sink.recordKey;
    sink.recordKey = () => (key ??= recordKey(buf, start, end));
    try {
      f();
    } finally {
      repeats.flush(report); // the record's findings, one per rule (already done, unless a path above returned early)
      sink.recordKey = outer;
    }
  };

  /** One record, parsed from its own source text `text`: its shape, format and rules, then the analysis hook. */
  const checkParsed = (rec: unknown, text: string, lineNo: number, offset: number, length: number) => {
    line = lineNo;
    recordHasError = false;
    recordMissingContent = false;
    redactor = null;
    if (scanPrivacy) redactor = privacy.check(rec, text, addPrivacy, maskedKey);
    if (rec === null || typeof rec !== "object" || Array.isArray(rec)) {
      const encoded = typeof rec === "string" ? doubleEncoded(rec) : null;
      if (encoded) sink.add("not-an-object", line, encoded, "double-encoded");
      else {
        const what = Array.isArray(rec) ? "an array" : rec === null ? "null" : `a ${typeof rec}`;
        sink.add("not-an-object", line, `the ${opts.container ? "record" : "line"} is ${what}, not a JSON object: each line must be one record like {"messages": [...]}`);
      }
      return;
    }
    const obj = rec as Record<string, unknown>;
    const detected = detectFormat(obj);
    // An array of bare messages is one conversation, not a list of records: the file's not-jsonl finding says so.
    if (!detected && opts.container === "array" && !opts.format && isBareMessage(obj)) {
      bareMessages++;
      return;
    }
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
    loc.length = length;
    const extra = opts.onRecord(conv, loc, rendered, redactor ? { conv: redactor.conversation(conv), rendered: typeof rendered === "string" ? redactor.quoted(rendered) : rendered } : undefined);
    // an analysis finding may quote the record (repeated-phrase): masked like every other message
    if (extra) for (const f of extra) sink.addFinding(redactor ? { ...f, message: redactor.quoted(f.message) } : f);
  };

  /** Text that is not valid UTF-8: reported, and the record is not parsed. */
  const badUtf8 = (buf: Buffer, start: number, end: number, text: string, what: string): boolean => {
    if (!text.includes("\uFFFD") || isUtf8(buf.subarray(start, end))) return false;
    const bad = firstInvalidByte(buf.subarray(start, end));
    sink.add("invalid-utf8", line, `the ${what} has bytes that are not valid UTF-8 (first at byte ${bad + 1}): re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8, or chatml-gate fix --unsafe --from-encoding cp1252)`);
    return true;
  };

  // A record spread over lines in the middle of a JSON Lines file: collected from the line where it starts.
  const spread = new SpreadRecord();
  const replay = (held: HeldLine[]) => {
    for (const l of held) keyed(l.bytes, 0, l.bytes.length, () => lineCore(l.bytes, 0, l.bytes.length, l.lineNo, l.offset, false));
  };
  const onLine = (buf: Buffer, start: number, end: number, lineNo: number, offset: number) => {
    if (!spread.active) return keyed(buf, start, end, () => lineCore(buf, start, end, lineNo, offset, true));
    const r = spread.add(buf, start, end, lineNo, offset, false);
    if (!r) return;
    if ("giveBack" in r) return replay(r.giveBack);
    line = r.line;
    records++;
    nonBlank++;
    if (firstNonBlank < 0) firstNonBlank = r.line;
    keyed(r.record, 0, r.record.length, () => {
      sink.add("not-jsonl", r.line, `lines ${r.line}–${r.endLine} hold one record spread over several lines; JSON Lines needs one record per line: join it (\`chatml-gate fix ${shellQuote(opts.display)}\` does it). The record is checked at its first line (reported once for the file)`, "spread");
      checkParsed(r.rec, r.record.toString("utf8"), r.line, r.offset, r.length);
    });
  };

  const lineCore = (buf: Buffer, start: number, end: number, lineNo: number, offset: number, allowSpread: boolean) => {
    line = lineNo;
    redactor = null;
    // Blank line? (fast path: records start with '{')
    let p = start;
    while (p < end && (buf[p] === 0x20 || buf[p] === 0x09 || buf[p] === 0x0d)) p++;
    if (p === end) {
      sink.add("empty-line", line, end === start ? "blank line: remove it (some loaders stop or fail on it)" : "whitespace-only line: remove it");
      return;
    }
    nonBlank++;
    if (firstNonBlank < 0) firstNonBlank = lineNo;
    const text = buf.toString("utf8", start, end);
    if (badUtf8(buf, start, end, text, "line")) {
      records++;
      return;
    }
    let rec: unknown;
    try {
      rec = JSON.parse(text);
    } catch (e) {
      // Records glued on one line ({...}{...}): each is checked, at this line.
      const glued = gluedRecords(buf, start, end);
      if (glued) {
        const n = glued.records.length;
        const how = glued.cr ? "separated by bare CRs (\\r: classic Mac line ends, which JSON Lines does not allow)" : "one after another ({...}{...})";
        sink.add("not-jsonl", line, `line ${lineNo} holds ${n} records ${how}; JSON Lines needs one record per line: put each on its own line (\`chatml-gate fix ${shellQuote(opts.display)}\` does it). Each record is checked at this line (reported once for the file)`, "glued");
        records += n;
        for (const g of glued.records) keyed(buf, g.start, g.end, () => checkParsed(g.rec, buf.toString("utf8", g.start, g.end), lineNo, offset + g.start - start, g.end - g.start));
        return;
      }
      if (allowSpread && spread.begin(buf, start, end, lineNo, offset, false)) {
        nonBlank--; // counted once, when the record closes (or again line by line if it does not)
        if (firstNonBlank === lineNo) firstNonBlank = -1;
        return;
      }
      records++;
      invalidJson++;
      if (lineNo === firstNonBlank) firstInvalid = true;
      if (looksLikeJsonFragment(text)) fragments++;
      // its strings cannot be decoded: the line's text is scanned as it is
      if (scanPrivacy) privacy.check(undefined, text, addPrivacy, maskedKey);
      sink.add("invalid-json", line, jsonErrorMessage(e, text));
      return;
    }
    records++;
    checkParsed(rec, text, lineNo, offset, end - start);
  };

  /** A record inside a container (a JSON array, or records spread over lines): its own source text. */
  const onValue = (buf: Buffer, start: number, end: number, lineNo: number, offset: number) => keyed(buf, start, end, () => valueCore(buf, start, end, lineNo, offset));
  const valueCore = (buf: Buffer, start: number, end: number, lineNo: number, offset: number) => {
    line = lineNo;
    redactor = null;
    records++;
    nonBlank++;
    const text = buf.toString("utf8", start, end);
    if (badUtf8(buf, start, end, text, "record")) return;
    let rec: unknown;
    try {
      rec = JSON.parse(text);
    } catch (e) {
      invalidJson++;
      if (scanPrivacy) privacy.check(undefined, text, addPrivacy, maskedKey);
      sink.add("invalid-json", line, recordJsonError(e, text));
      return;
    }
    checkParsed(rec, text, lineNo, offset, end - start);
  };

  let bom = false;
  let unterminatedSeen = false; // a record that never ends already says the file is cut short
  try {
    const tooLong = (lineNo: number, _offset: number, n: number) => {
      if (spread.active) replay(spread.flush());
      records++;
      nonBlank++;
      const what = opts.container ? "record starting here" : "line";
      sink.add("line-too-long", lineNo, `the ${what} is ${(n / 1048576).toFixed(0)} MiB, over the reader's limit of ${MAX_LINE_BYTES / 1048576} MiB: split the record or drop it`);
    };
    const stats = opts.container
      ? await readValues(
          opts.path,
          {
            value: onValue,
            tooLong,
            unterminated(lineNo, _offset, n) {
              unterminatedSeen = true;
              records++;
              nonBlank++;
              invalidJson++;
              sink.add("invalid-json", lineNo, `the record starting here never ends (${n} bytes to the end of the file): a closing bracket or quote is missing, or the file was cut short; the records after it could not be read`);
            },
          },
          { arrays: opts.container === "array" },
        )
      : await readLines(opts.path, { line: onLine, tooLong }, opts.range ?? undefined);
    if (spread.active) replay(spread.flush());
    bytes = stats.bytes;
    lines = stats.lines;
    bom = stats.bom;
    if ("openArray" in stats && stats.openArray && !unterminatedSeen) {
      nonBlank++; // not a record, but not an empty file either
      sink.add("invalid-json", Math.max(1, lines), "the JSON array never closes (no final ']'): the file was probably cut short, and records after this point are missing");
    }
  } catch (e) {
    if (spread.active) replay(spread.flush());
    const err = e as NodeJS.ErrnoException;
    const what = isGzipPath(opts.path) && /header|gzip|unexpected end|incorrect/i.test(err.message) ? "the gzip data is corrupt or truncated" : err.message;
    sink.add("read-error", Math.max(1, line), `cannot read past line ${line}: ${what}`);
    readError = true;
    lines = line;
  }
  if (bom) {
    sink.add("byte-order-mark", 1, "the file starts with a UTF-8 byte-order mark (bytes EF BB BF): Python's json.loads and some loaders refuse it; remove it (`chatml-gate fix` does, or sed -i '1s/^\\xEF\\xBB\\xBF//')");
  }
  const result: ScanResult = { lines, bytes, records, valid, nonBlank, invalidJson, fragments, firstInvalid, format: opts.format ? null : firstFormat, readError, bareMessages, sink: sink.state() };
  if (privacy?.active) {
    result.privacy = privacy.counts;
    if (privacy.values.size > 0) result.values = [...privacy.values];
  }
  if (opts.target) result.target = opts.target.state();
  return result;
}

/** After every chunk of a file: the file-level verdicts that need the whole file (empty, pretty-printed JSON). */
export function finishFile(display: string, format: DatasetFormat | null, s: Omit<ScanResult, "sink" | "format" | "lines">, sink: FindingSink, container?: ContainerKind | null): FileReport {
  let records = s.records;
  let valid = s.valid;
  if (container && s.nonBlank > 0) sink.add("not-jsonl", 1, containerMessage(container, shellQuote(display), s, format));
  if (s.nonBlank === 0 && !s.readError) {
    sink.drop(["empty-line"]);
    sink.add("empty-file", 1, "the file holds no records: add data or remove the file");
  } else if (!container && s.invalidJson > 0 && s.firstInvalid && s.invalidJson * 2 >= s.nonBlank && s.fragments * 2 >= s.invalidJson) {
    sink.drop(["invalid-json", "empty-line", "not-an-object"]);
    sink.add("not-jsonl", 1, `the file is pretty-printed JSON (records split over lines; ${s.invalidJson} of ${s.nonBlank} lines are not JSON by themselves), not JSON Lines: write one record per line, e.g. \`jq -c . ${shellQuote(display)}\` or \`jq -c '.[]'\` for an array`);
    records = 0;
    valid = 0;
  }
  const st = sink.state();
  st.findings.sort((a, b) => a.line - b.line);
  return fileReport(display, format ?? "unknown", records, valid, s.bytes, st);
}
