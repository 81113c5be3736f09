/**
 * transformers' `tojson` filter: Python's json.dumps(x, ensure_ascii=False, indent=None, separators=None,
 * sort_keys=False) — key order kept, ', ' and ': ' separators, floats as Python prints them, no HTML escaping.
 */
import { EngineGap, typeError } from "./errors.js";
import { Markup, PyFloat, PyIter, PyTuple, dictEntries, isDict, isPlainObject, typeName } from "./values.js";
import { compareCodePoints } from "./compare.js";
import { floatRepr } from "./repr.js";

export interface DumpOptions {
  ensureAscii: boolean;
  indent: string | null;
  itemSep: string;
  keySep: string;
  sortKeys: boolean;
}

const ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

function quote(s: string, ensureAscii: boolean): string {
  const re = ensureAscii ? /[\\"\x00-\x1f\x7f-\uffff]/g : /[\\"\x00-\x1f]/g;
  return `"${s.replace(re, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

function floatJson(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return floatRepr(x);
}

function keyString(k: unknown): string {
  if (typeof k === "string") return k;
  if (k instanceof Markup) return k.s;
  if (k === true) return "true";
  if (k === false) return "false";
  if (k === null) return "null";
  if (typeof k === "number") return Number.isInteger(k) ? String(k) : floatJson(k);
  if (k instanceof PyFloat) return floatJson(k.v);
  throw typeError(`keys must be str, int, float, bool or None, not ${typeName(k)}`);
}

export function dumps(value: unknown, opts: DumpOptions): string {
  const parts: string[] = [];
  const write = (v: unknown, level: number): void => {
    if (typeof v === "string") {
      parts.push(quote(v, opts.ensureAscii));
      return;
    }
    if (v === null || v === undefined) {
      parts.push("null");
      return;
    }
    if (v === true || v === false) {
      parts.push(String(v));
      return;
    }
    if (typeof v === "number") {
      if (Number.isInteger(v) && !Number.isSafeInteger(v)) throw new EngineGap("tojson of an integer beyond 2**53 (JSON numbers lose its digits)");
      parts.push(Number.isInteger(v) ? String(v) : floatJson(v));
      return;
    }
    if (v instanceof PyFloat) {
      parts.push(floatJson(v.v));
      return;
    }
    if (v instanceof Markup) {
      parts.push(quote(v.s, opts.ensureAscii));
      return;
    }
    const isList = Array.isArray(v) || v instanceof PyTuple;
    if (!isList && !isDict(v)) {
      const name = v instanceof PyIter ? v.kind : typeName(v);
      throw typeError(`Object of type ${name} is not JSON serializable`);
    }
    const items: [string | null, unknown][] = isList
      ? (Array.isArray(v) ? v : (v as PyTuple).items).map((x) => [null, x])
      : entriesOf(v, opts.sortKeys);
    const [open, close] = isList ? ["[", "]"] : ["{", "}"];
    if (items.length === 0) {
      parts.push(open + close);
      return;
    }
    parts.push(open);
    const inner = opts.indent === null ? "" : "\n" + opts.indent.repeat(level + 1);
    items.forEach(([k, x], i) => {
      if (i > 0) parts.push(opts.itemSep);
      parts.push(inner);
      if (k !== null) parts.push(quote(k, opts.ensureAscii), opts.keySep);
      write(x, level + 1);
    });
    if (opts.indent !== null) parts.push("\n" + opts.indent.repeat(level));
    parts.push(close);
  };
  write(value, 0);
  return parts.join("");
}

function entriesOf(v: unknown, sortKeys: boolean): [string, unknown][] {
  const entries = isPlainObject(v) ? Object.entries(v) : dictEntries(v as Map<unknown, unknown>);
  if (sortKeys) {
    entries.sort(([a], [b]) => {
      if (typeof a === "string" && typeof b === "string") return compareCodePoints(a, b);
      if (typeof a === "number" && typeof b === "number") return a - b;
      throw typeError(`'<' not supported between instances of '${typeName(b)}' and '${typeName(a)}'`);
    });
  }
  return entries.map(([k, x]) => [keyString(k), x]);
}
