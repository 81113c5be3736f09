// One pass over one file: read lines → parse JSON → detect format → normalise → rules → analysis hook.
// Findings are capped per file (maxFindings); counts are always complete.
import { isUtf8 } from "node:buffer";
import type { Conversation, DatasetFormat, Finding, RecordLoc, Severity, SeveritySetting } from "./model.js";
import type { FileReport } from "./report.js";
import { readHead, readLines, isGzipPath, MAX_LINE_BYTES } from "./read/lines.js";
import { looksLikeJsonFragment, sniff } from "./read/sniff.js";
import { readValues, sniffPretty, splitValues, type ContainerKind } from "./read/containers.js";
import { JsonSyntaxError, parseJsonSource } from "./read/json-source.js";
import { containerMessage, doubleEncoded, gluedRecords, isBareMessage } from "./container-findings.js";
import { detectFormat, detectOtherFormat, FORMAT_LABEL, SUPPORTED_FORMATS } from "./formats/detect.js";
import type { ParseContext, Profile } from "./formats/context.js";
import { PARSERS } from "./formats/parse.js";
import { checkConversation } from "./rules/conversation.js";
import { RULE_BY_ID } from "./rules/registry.js";

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
  /** Called for each record that passed every error rule; returns extra findings for that record. */
  onRecord?: (conv: Conversation, loc: RecordLoc) => Finding[] | void;
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
}

export interface SinkState {
  findings: Finding[];
  counts: Record<string, number>;
  errors: number;
  warnings: number;
  /** Findings reported once per file (key), with their index in `findings` (-1 when past the cap). */
  once: { key: string; rule: string; severity: Severity; index: number }[];
}

export class FindingSink {
  readonly findings: Finding[] = [];
  readonly counts: Record<string, number> = {};
  errors = 0;
  warnings = 0;
  private readonly once = new Set<string>();
  private readonly onceHits: SinkState["once"] = [];
  constructor(
    private readonly severities: Record<string, SeveritySetting>,
    private readonly max: number,
  ) {}
  severityOf(rule: string): SeveritySetting {
    return this.severities[rule] ?? RULE_BY_ID.get(rule)?.severity ?? "error";
  }
  /** Records a finding; returns its effective severity (or "off"). */
  add(rule: string, line: number, message: string, onceKey?: string): SeveritySetting {
    const severity = this.severityOf(rule);
    if (severity === "off") return "off";
    if (onceKey !== undefined) {
      if (this.once.has(onceKey)) return "off";
      this.once.add(onceKey);
      this.onceHits.push({ key: onceKey, rule, severity, index: this.findings.length < this.max ? this.findings.length : -1 });
    }
    this.push({ rule, severity, line, message });
    return severity;
  }
  state(): SinkState {
    return { findings: this.findings, counts: this.counts, errors: this.errors, warnings: this.warnings, once: this.onceHits };
  }
  /** Adds a later chunk's findings: lines shifted by `lineOffset`, once-per-file findings seen before dropped, the
   * list still capped. `later` (the chunk's analysis findings, at lines of the same chunk) are merged in by line, so
   * the capped list holds the file's first findings by line, whatever the chunk boundaries. */
  absorb(st: SinkState, lineOffset: number, later: Finding[] = []): void {
    const dropped = new Set<number>();
    for (const o of st.once) {
      if (!this.once.has(o.key)) {
        this.once.add(o.key);
        continue;
      }
      if (o.index >= 0) dropped.add(o.index);
      st.counts[o.rule]--;
      if (o.severity === "error") st.errors--;
      else st.warnings--;
    }
    for (const [rule, n] of Object.entries(st.counts)) if (n > 0) this.counts[rule] = (this.counts[rule] ?? 0) + n;
    this.errors += st.errors;
    this.warnings += st.warnings;
    const extra = byLine(later);
    let k = 0;
    st.findings.forEach((f, i) => {
      if (dropped.has(i)) return;
      const line = f.line + lineOffset;
      while (k < extra.length && extra[k].line < line) this.addFinding(extra[k++]);
      if (this.findings.length < this.max) this.findings.push({ ...f, line });
    });
    while (k < extra.length) this.addFinding(extra[k++]);
  }
  /** Adds a finding made elsewhere (analysis), applying the configured severity. */
  addFinding(f: Finding): void {
    this.add(f.rule, f.line, f.message);
  }
  private push(f: Finding & { severity: Severity }): void {
    this.counts[f.rule] = (this.counts[f.rule] ?? 0) + 1;
    if (f.severity === "error") this.errors++;
    else this.warnings++;
    if (this.findings.length < this.max) this.findings.push(f);
  }
  /** Removes every finding of the given rules (used when a file turns out not to be JSON Lines at all). */
  drop(rules: string[]): void {
    for (const r of rules) {
      const n = this.counts[r] ?? 0;
      if (!n) continue;
      if (this.severityOf(r) === "error") this.errors -= n;
      else this.warnings -= n;
      delete this.counts[r];
    }
    const keep = this.findings.filter((f) => !rules.includes(f.rule));
    this.findings.length = 0;
    this.findings.push(...keep);
  }
}

/** Adds a finding made after the file's pass (near duplicates, leakage) to its report, keeping counts complete,
 * the list capped and ordered by line. */
export function appendFindings(file: FileReport, found: Finding[], severities: Record<string, SeveritySetting>, max: number): void {
  if (!found.length) return;
  const added: Finding[] = [];
  for (const f of found) {
    const sev = severities[f.rule] ?? RULE_BY_ID.get(f.rule)?.severity ?? f.severity;
    if (sev === "off") continue;
    file.findingCounts[f.rule] = (file.findingCounts[f.rule] ?? 0) + 1;
    if (sev === "error") file.errors++;
    else file.warnings++;
    added.push({ ...f, severity: sev });
  }
  // The list keeps the first findings by line (a later finding at an earlier line takes the place of the last one).
  const listed = file.findings;
  const merged: Finding[] = [];
  let i = 0;
  let k = 0;
  const extra = byLine(added);
  while (merged.length < max && (i < listed.length || k < extra.length)) {
    merged.push(k >= extra.length || (i < listed.length && listed[i].line <= extra[k].line) ? listed[i++] : extra[k++]);
  }
  file.findings = merged;
  file.findingsTruncated = file.findings.length < file.errors + file.warnings;
}

/** The findings ordered by line; findings at the same line keep their order. */
function byLine(found: Finding[]): Finding[] {
  return found.length < 2 ? found : found.slice().sort((a, b) => a.line - b.line);
}

/** invalid-json for a record inside a container (it may span lines): where in the record the syntax breaks, found by
 * the strict source parser (V8's messages give no position for some errors, and quote the text with its newlines). */
function recordJsonError(e: unknown, text: string): string {
  let at: number;
  let reason: string;
  try {
    parseJsonSource(text);
    return jsonErrorMessage(e, text); // the two parsers disagree: keep V8's word
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) return jsonErrorMessage(e, text);
    at = err.offset;
    reason = err.message;
  }
  const before = text.slice(0, at);
  const row = before.split("\n").length;
  const col = at - before.lastIndexOf("\n");
  let hint = "fix the syntax, or drop the record";
  if (/control characters/.test(reason)) hint = controlCharacterHint(text.charCodeAt(at));
  else if (text[at] === "'") hint = "JSON needs double quotes around keys and strings";
  else if ((text[at] === "}" || text[at] === "]") && /,\s*$/.test(before)) hint = "remove the trailing comma";
  return `invalid JSON at line ${row} of the record, column ${col}: ${reason}; ${hint}`;
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
  const ctx: ParseContext = {
    profile: opts.profile,
    categoryField: opts.categoryField,
    emit(rule, message, onceKey) {
      if (rule === "missing-content") recordMissingContent = true;
      // Content that is missing is not also "empty".
      else if (rule === "empty-content" && recordMissingContent) return;
      // A finding reported once per file still makes each later record with the problem invalid.
      const severity = sink.add(rule, line, message, onceKey);
      if (severity === "error" || (onceKey !== undefined && sink.severityOf(rule) === "error")) recordHasError = true;
    },
  };
  const loc: RecordLoc = { file: opts.fileIndex, line: 0, offset: 0, length: 0 };
  let bareMessages = 0;

  /** One record, parsed: its shape, format and rules, then the analysis hook. */
  const checkParsed = (rec: unknown, lineNo: number, offset: number, length: number) => {
    line = lineNo;
    recordHasError = false;
    recordMissingContent = false;
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
        return;
      }
    }
    const conv = PARSERS[use ?? "chatml"](obj, ctx);
    // A record whose shape problems are only warnings (e.g. an unknown key) is valid, though not analysed.
    if (!conv) {
      if (!recordHasError) valid++;
      return;
    }
    checkConversation(conv, (rule, message) => ctx.emit(rule, message), ctx.profile);
    if (recordHasError) return;
    valid++;
    if (!opts.onRecord) return;
    loc.line = lineNo;
    loc.offset = offset;
    loc.length = length;
    const extra = opts.onRecord(conv, loc);
    if (extra) for (const f of extra) sink.addFinding(f);
  };

  /** Text that is not valid UTF-8: reported, and the record is not parsed. */
  const badUtf8 = (buf: Buffer, start: number, end: number, text: string, what: string): boolean => {
    if (!text.includes("\uFFFD") || isUtf8(buf.subarray(start, end))) return false;
    const bad = firstInvalidByte(buf.subarray(start, end));
    sink.add("invalid-utf8", line, `the ${what} has bytes that are not valid UTF-8 (first at byte ${bad + 1}): re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8, or chatml-gate fix --unsafe --from-encoding cp1252)`);
    return true;
  };

  const onLine = (buf: Buffer, start: number, end: number, lineNo: number, offset: number) => {
    line = lineNo;
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
        for (const g of glued.records) checkParsed(g.rec, lineNo, offset + g.start - start, g.end - g.start);
        return;
      }
      records++;
      invalidJson++;
      if (lineNo === firstNonBlank) firstInvalid = true;
      if (looksLikeJsonFragment(text)) fragments++;
      sink.add("invalid-json", line, jsonErrorMessage(e, text));
      return;
    }
    records++;
    checkParsed(rec, lineNo, offset, end - start);
  };

  /** A record inside a container (a JSON array, or records spread over lines): its own source text. */
  const onValue = (buf: Buffer, start: number, end: number, lineNo: number, offset: number) => {
    line = lineNo;
    records++;
    nonBlank++;
    const text = buf.toString("utf8", start, end);
    if (badUtf8(buf, start, end, text, "record")) return;
    let rec: unknown;
    try {
      rec = JSON.parse(text);
    } catch (e) {
      invalidJson++;
      sink.add("invalid-json", line, recordJsonError(e, text));
      return;
    }
    checkParsed(rec, lineNo, offset, end - start);
  };

  let bom = false;
  try {
    const tooLong = (lineNo: number, _offset: number, n: number) => {
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
              records++;
              nonBlank++;
              invalidJson++;
              sink.add("invalid-json", lineNo, `the record starting here never ends (${n} bytes to the end of the file): a closing bracket or quote is missing, or the file was cut short; the records after it could not be read`);
            },
          },
          { arrays: opts.container === "array" },
        )
      : await readLines(opts.path, { line: onLine, tooLong }, opts.range ?? undefined);
    bytes = stats.bytes;
    lines = stats.lines;
    bom = stats.bom;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const what = isGzipPath(opts.path) && /header|gzip|unexpected end|incorrect/i.test(err.message) ? "the gzip data is corrupt or truncated" : err.message;
    sink.add("read-error", Math.max(1, line), `cannot read past line ${line}: ${what}`);
    readError = true;
    lines = line;
  }
  if (bom) {
    sink.add("byte-order-mark", 1, "the file starts with a UTF-8 byte-order mark (bytes EF BB BF): Python's json.loads and some loaders refuse it; remove it (`chatml-gate fix` does, or sed -i '1s/^\\xEF\\xBB\\xBF//')");
  }
  return { lines, bytes, records, valid, nonBlank, invalidJson, fragments, firstInvalid, format: opts.format ? null : firstFormat, readError, bareMessages, sink: sink.state() };
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
