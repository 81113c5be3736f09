// One pass over one file: read lines → parse JSON → detect format → normalise → rules → analysis hook.
// Findings are capped per file (maxFindings); counts are always complete.
import { stat, readFile } from "node:fs/promises";
import { isUtf8 } from "node:buffer";
import type { Conversation, DatasetFormat, Finding, RecordLoc, Severity, SeveritySetting } from "./model.js";
import type { FileReport } from "./report.js";
import { readHead, readLines, isGzipPath, MAX_LINE_BYTES } from "./read/lines.js";
import { looksLikeJsonFragment, sniff } from "./read/sniff.js";
import { detectFormat, FORMAT_LABEL } from "./formats/detect.js";
import type { ParseContext, Profile } from "./formats/context.js";
import { PARSERS } from "./formats/parse.js";
import { checkConversation } from "./rules/conversation.js";
import { RULE_BY_ID } from "./rules/registry.js";

export interface FileCheckOptions {
  path: string;
  /** Path shown in the report (repo- or cwd-relative). */
  display: string;
  fileIndex: number;
  format?: DatasetFormat;
  profile: Profile;
  categoryField?: string;
  severities: Record<string, SeveritySetting>;
  maxFindings: number;
  /** Called for each record that passed every error rule; returns extra findings for that record. */
  onRecord?: (conv: Conversation, loc: RecordLoc) => Finding[] | void;
}


export class FindingSink {
  readonly findings: Finding[] = [];
  readonly counts: Record<string, number> = {};
  errors = 0;
  warnings = 0;
  private readonly once = new Set<string>();
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
    }
    this.push({ rule, severity, line, message });
    return severity;
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
  for (const f of found) {
    const sev = severities[f.rule] ?? RULE_BY_ID.get(f.rule)?.severity ?? f.severity;
    if (sev === "off") continue;
    file.findingCounts[f.rule] = (file.findingCounts[f.rule] ?? 0) + 1;
    if (sev === "error") file.errors++;
    else file.warnings++;
    if (file.findings.length < max) file.findings.push({ ...f, severity: sev });
  }
  file.findings.sort((a, b) => a.line - b.line);
  file.findingsTruncated = file.findings.length < file.errors + file.warnings;
}

function jsonErrorMessage(e: unknown, text: string): string {
  const msg = e instanceof Error ? e.message : String(e);
  const pos = /position (\d+)/.exec(msg);
  const where = pos ? ` at column ${Number(pos[1]) + 1}` : /Unexpected end/.test(msg) ? ` at column ${text.length + 1} (end of line)` : "";
  const trimmed = text.trimEnd();
  let hint = "fix the syntax, or drop the line";
  if (/Unexpected end|Unterminated/.test(msg)) hint = "the line ends early: the record is truncated or split over several lines";
  else if (/^\s*\{?\s*'/.test(trimmed) || /'\s*:/.test(trimmed)) hint = "JSON needs double quotes around keys and strings";
  else if (/,\s*[}\]]\s*$/.test(trimmed)) hint = "remove the trailing comma";
  const short = msg.replace(/^(SyntaxError: )?/, "").replace(/ in JSON at position \d+.*$/s, "").replace(/, "[\s\S]*$/, "");
  return `invalid JSON${where}: ${short}; ${hint}`;
}

export async function checkFile(opts: FileCheckOptions): Promise<FileReport> {
  const sink = new FindingSink(opts.severities, opts.maxFindings);
  let format: DatasetFormat | null = opts.format ?? null;
  let records = 0;
  let bytes = 0;
  let nonBlank = 0;
  let invalidJson = 0;
  let fragments = 0;
  let firstNonBlank = -1;
  let firstInvalid = false;
  let mixedReported = false;
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
      if (sink.add(rule, line, message, onceKey) === "error") recordHasError = true;
    },
  };
  const loc: RecordLoc = { file: opts.fileIndex, line: 0, offset: 0, length: 0 };
  const report = (extra: Partial<FileReport> = {}): FileReport => ({
    path: opts.display,
    format: format ?? "unknown",
    records,
    bytes,
    errors: sink.errors,
    warnings: sink.warnings,
    findings: sink.findings,
    findingCounts: sink.counts,
    findingsTruncated: sink.findings.length < sink.errors + sink.warnings,
    ...extra,
  });

  let head: Buffer;
  try {
    head = await readHead(opts.path, 64 * 1024);
  } catch (e) {
    sink.add("read-error", 1, `cannot read the file: ${(e as Error).message}`);
    return report();
  }
  const kind = sniff(head);
  if (kind.kind === "lfs-pointer") {
    const size = kind.size ? ` (the real file is ${(kind.size / 1e6).toFixed(1)} MB)` : "";
    sink.add("lfs-pointer", 1, `this is a Git LFS pointer, not the data${size}: check out with \`lfs: true\` (actions/checkout) or run \`git lfs pull\``);
    return report();
  }
  if (kind.kind === "utf16") {
    sink.add("invalid-utf8", 1, `the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8: convert it with \`iconv -f UTF-16 -t UTF-8 ${opts.display} > ${opts.display}.utf8\``);
    return report();
  }
  if (kind.kind === "json-array") {
    const described = await describeJsonArray(opts.path);
    if (described.format) format = described.format;
    sink.add("not-jsonl", 1, `the file is a JSON array${described.text}, not JSON Lines (one record per line): convert it with \`jq -c '.[]' ${opts.display} > ${opts.display.replace(/\.(jsonl|json)(\.gz)?$/i, "")}.converted.jsonl\``);
    return report();
  }

  const onLine = (buf: Buffer, start: number, end: number, lineNo: number, offset: number) => {
    line = lineNo;
    recordHasError = false;
    recordMissingContent = false;
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
      sink.add("invalid-json", line, jsonErrorMessage(e, text));
      return;
    }
    if (rec === null || typeof rec !== "object" || Array.isArray(rec)) {
      const what = Array.isArray(rec) ? "an array" : rec === null ? "null" : `a ${typeof rec}`;
      sink.add("not-an-object", line, `the line is ${what}, not a JSON object: each line must be one record like {"messages": [...]}`);
      return;
    }
    const obj = rec as Record<string, unknown>;
    const detected = detectFormat(obj);
    let use = format;
    if (detected) {
      if (!format) format = use = detected;
      else if (detected !== format && !opts.format) {
        if (!mixedReported) {
          mixedReported = true;
          sink.add("mixed-format", line, `this record is ${FORMAT_LABEL[detected]} but the file started as ${FORMAT_LABEL[format]}: keep one format per file (or set format: in the config)`);
        }
        use = detected;
        recordHasError = recordHasError || sink.severityOf("mixed-format") === "error";
      }
    }
    const conv = PARSERS[use ?? "chatml"](obj, ctx);
    if (!conv) return;
    checkConversation(conv, (rule, message) => ctx.emit(rule, message));
    if (recordHasError || !opts.onRecord) return;
    loc.line = lineNo;
    loc.offset = offset;
    loc.length = end - start;
    const extra = opts.onRecord(conv, loc);
    if (extra) for (const f of extra) sink.addFinding(f);
  };

  try {
    const stats = await readLines(opts.path, {
      line: onLine,
      tooLong(lineNo, _offset, n) {
        records++;
        nonBlank++;
        sink.add("line-too-long", lineNo, `the line is ${(n / 1048576).toFixed(0)} MiB, over the reader's limit of ${MAX_LINE_BYTES / 1048576} MiB: split the record or drop it`);
      },
    });
    bytes = stats.bytes;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const what = isGzipPath(opts.path) && /header|gzip|unexpected end|incorrect/i.test(err.message) ? "the gzip data is corrupt or truncated" : err.message;
    sink.add("read-error", Math.max(1, line), `cannot read past line ${line}: ${what}`);
  }

  if (nonBlank === 0 && !sink.counts["read-error"]) {
    sink.drop(["empty-line"]);
    sink.add("empty-file", 1, "the file holds no records: add data or remove the file");
  } else if (invalidJson > 0 && firstInvalid && invalidJson * 2 >= nonBlank && fragments * 2 >= invalidJson) {
    const n = invalidJson;
    sink.drop(["invalid-json", "empty-line", "not-an-object"]);
    sink.add("not-jsonl", 1, `the file is pretty-printed JSON (records split over lines; ${n} of ${nonBlank} lines are not JSON by themselves), not JSON Lines: write one record per line, e.g. \`jq -c . ${opts.display}\` or \`jq -c '.[]'\` for an array`);
    records = 0;
  }
  return report();
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
