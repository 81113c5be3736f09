// The trim-content fix: whitespace around each message's content is removed, at the source level (the string's
// other escapes and characters are kept as written). Whitespace is what both Python's str.strip() and JavaScript's
// trim() remove: spaces, tabs, line breaks, no-break and other Unicode spaces.
import type { DatasetFormat } from "../engine/model.js";
import type { JsonArray, JsonLeaf, JsonNode, JsonObject } from "../engine/read/json-source.js";
import { entriesOf, get, isObject } from "./json-edit.js";

const SPACE = /^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;
const ESCAPED: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** The source of the string `raw` (with quotes) with the whitespace at both ends removed, or null when it has none. */
export function trimRawString(raw: string): string | null {
  const end = raw.length - 1;
  let first = -1;
  let lastEnd = -1;
  for (let i = 1; i < end; ) {
    let unitEnd: number;
    let ch: string;
    if (raw.charCodeAt(i) === 0x5c) {
      const e = raw[i + 1];
      unitEnd = e === "u" ? i + 6 : i + 2;
      ch = e === "u" ? String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16)) : ESCAPED[e];
    } else {
      unitEnd = i + 1;
      ch = raw[i];
    }
    if (!SPACE.test(ch)) {
      if (first < 0) first = i;
      lastEnd = unitEnd;
    }
    i = unitEnd;
  }
  if (first < 0) return end > 1 ? '""' : null;
  if (first === 1 && lastEnd === end) return null;
  return '"' + raw.slice(first, lastEnd) + '"';
}

/** Trims a string leaf in place; true when it changed. */
function trimLeaf(node: JsonNode | undefined): boolean {
  if (node?.kind !== "string") return false;
  const t = trimRawString(node.raw);
  if (t === null) return false;
  (node as JsonLeaf).raw = t;
  return true;
}

/** Trims the content of each message of a list: string content, or the text of its content parts. */
function trimMessages(list: JsonNode | undefined, contentKey: string): number {
  if (list?.kind !== "array") return 0;
  let n = 0;
  for (const m of (list as JsonArray).items) {
    if (!isObject(m)) continue;
    for (const e of entriesOf(m, contentKey)) {
      if (trimLeaf(e.value)) n++;
      else if (e.value.kind === "array") for (const part of e.value.items) if (isObject(part)) for (const t of entriesOf(part, "text")) if (trimLeaf(t.value)) n++;
    }
  }
  return n;
}

/** Trims every message content of a record (in place); returns how many strings changed. */
export function trimContent(rec: JsonObject, format: DatasetFormat): number {
  let n = 0;
  const each = (key: string, f: (v: JsonNode) => number) => entriesOf(rec, key).forEach((e) => (n += f(e.value)));
  switch (format) {
    case "chatml":
      each("messages", (v) => trimMessages(v, "content"));
      break;
    case "sharegpt":
      each("conversations", (v) => trimMessages(v, "value") + trimMessages(v, "content"));
      each("system", (v) => (trimLeaf(v) ? 1 : 0));
      break;
    case "alpaca":
      for (const k of ["instruction", "input", "output", "response", "system"]) each(k, (v) => (trimLeaf(v) ? 1 : 0));
      each("history", (v) => (v.kind === "array" ? v.items.reduce((s, pair) => s + (pair.kind === "array" ? pair.items.filter((x) => trimLeaf(x)).length : 0), 0) : 0));
      break;
    case "preference-trl":
      for (const k of ["prompt", "chosen", "rejected"]) each(k, (v) => (trimLeaf(v) ? 1 : trimMessages(v, "content")));
      break;
    case "preference-openai": {
      const input = get(rec, "input");
      if (isObject(input)) for (const e of entriesOf(input, "messages")) n += trimMessages(e.value, "content");
      for (const k of ["preferred_output", "non_preferred_output"]) each(k, (v) => trimMessages(v, "content"));
      break;
    }
  }
  return n;
}

const EDGE_SPACE = /^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]|[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

/** Whether any string in the parsed record starts or ends with whitespace (a quick test on the parsed value, so
 * that records with nothing to trim are not read into a source tree). */
export function mayNeedTrim(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (EDGE_SPACE.test(v)) return true;
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === "object") stack.push(...Object.values(v));
  }
  return false;
}
