// What an invalid-json or invalid-utf8 finding says: where the syntax breaks and the likely cause (a truncated line,
// single quotes, a trailing comma, a raw control character, a BOM, bare CRs), for a line or a record inside a container.
import { isUtf8 } from "node:buffer";
import { JsonSyntaxError, parseJsonSource } from "./read/json-source.js";

/** invalid-json for a record inside a container (it may span lines): where in the record the syntax breaks, found by
 * the strict source parser (V8's messages give no position for some errors, and quote the text with its newlines). */
export function recordJsonError(e: unknown, text: string): string {
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

export function jsonErrorMessage(e: unknown, text: string): string {
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

/** Index of the first byte that breaks UTF-8 (only called on lines known to be invalid). */
export function firstInvalidByte(b: Buffer): number {
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
