/** Python's str semantics where JavaScript's differ: whitespace, strip/split, title/capitalize, slicing by code point. */
import { EngineGap, PyError, typeError } from "./errors.js";
import { PyTuple, hasSurrogates, isInt, numValue, strChars, typeName } from "./values.js";

/** Python's str.isspace() characters (Py_UNICODE_ISSPACE). */
const PY_SPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";
const SPACE_SET = new Set(PY_SPACE);

/** A regular-expression class of Python's whitespace (its `\s` on str patterns), for the lexer. */
export const PY_SPACE_CLASS = `[${[...PY_SPACE].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}]`;

export function isPySpace(ch: string): boolean {
  return SPACE_SET.has(ch);
}

export function pyStrip(s: string, chars: string | null, left: boolean, right: boolean): string {
  const set = chars === null ? SPACE_SET : new Set(strChars(chars));
  if (chars !== null && hasSurrogates(s)) {
    const cs = strChars(s);
    let i = 0;
    let j = cs.length;
    if (left) while (i < j && set.has(cs[i])) i++;
    if (right) while (j > i && set.has(cs[j - 1])) j--;
    return cs.slice(i, j).join("");
  }
  let i = 0;
  let j = s.length;
  if (left) while (i < j && set.has(s[i])) i++;
  if (right) while (j > i && set.has(s[j - 1])) j--;
  return s.slice(i, j);
}

/** str.split(sep=None, maxsplit=-1). */
export function pySplit(s: string, sep: string | null, maxsplit: number): string[] {
  if (sep === null) {
    const out: string[] = [];
    let i = 0;
    const n = s.length;
    while (true) {
      while (i < n && SPACE_SET.has(s[i])) i++;
      if (i >= n) break;
      if (maxsplit >= 0 && out.length === maxsplit) {
        let end = n;
        while (end > i && SPACE_SET.has(s[end - 1])) end--;
        out.push(s.slice(i, end));
        break;
      }
      let j = i;
      while (j < n && !SPACE_SET.has(s[j])) j++;
      out.push(s.slice(i, j));
      i = j;
    }
    return out;
  }
  if (sep === "") throw new PyError("ValueError", "empty separator");
  if (maxsplit < 0) return s.split(sep);
  const out: string[] = [];
  let start = 0;
  while (out.length < maxsplit) {
    const at = s.indexOf(sep, start);
    if (at < 0) break;
    out.push(s.slice(start, at));
    start = at + sep.length;
  }
  out.push(s.slice(start));
  return out;
}

/** str.rsplit(sep=None, maxsplit=-1). */
export function pyRsplit(s: string, sep: string | null, maxsplit: number): string[] {
  if (maxsplit < 0) return pySplit(s, sep, -1);
  if (sep === null) {
    const out: string[] = [];
    let j = s.length;
    while (true) {
      while (j > 0 && SPACE_SET.has(s[j - 1])) j--;
      if (j <= 0) break;
      if (out.length === maxsplit) {
        let start = 0;
        while (start < j && SPACE_SET.has(s[start])) start++;
        out.push(s.slice(start, j));
        break;
      }
      let i = j;
      while (i > 0 && !SPACE_SET.has(s[i - 1])) i--;
      out.push(s.slice(i, j));
      j = i;
    }
    return out.reverse();
  }
  if (sep === "") throw new PyError("ValueError", "empty separator");
  const out: string[] = [];
  let end = s.length;
  while (out.length < maxsplit) {
    const at = s.lastIndexOf(sep, end - sep.length);
    if (at < 0 || end - sep.length < 0) break;
    out.push(s.slice(at + sep.length, end));
    end = at;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

const LINE_BREAKS = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

export function pySplitlines(s: string, keepends: boolean): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of s.matchAll(LINE_BREAKS)) {
    const end = m.index + m[0].length;
    out.push(s.slice(start, keepends ? end : m.index));
    start = end;
  }
  if (start < s.length) out.push(s.slice(start));
  return out;
}

function isCased(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

function titleChar(ch: string): string {
  // Python maps to titlecase (e.g. 'ǆ' → 'ǅ'); JS has no titlecase mapping.
  const up = ch.toUpperCase();
  if (up.length !== ch.length && [...up].length > 1) return up[0] + up.slice(1).toLowerCase();
  return up;
}

/** str.title(). */
export function pyTitle(s: string): string {
  let out = "";
  let prevCased = false;
  for (const ch of s) {
    if (prevCased) out += ch.toLowerCase();
    else out += titleChar(ch);
    prevCased = isCased(ch);
  }
  return out;
}

/** str.capitalize(): first character title-cased, the rest lower-cased. */
export function pyCapitalize(s: string): string {
  if (s === "") return s;
  const chars = strChars(s);
  return titleChar(chars[0]) + chars.slice(1).join("").toLowerCase();
}

export function pySwapcase(s: string): string {
  let out = "";
  for (const ch of s) {
    const lo = ch.toLowerCase();
    out += lo === ch ? ch.toUpperCase() : lo;
  }
  return out;
}

/** Python's index normalisation for one subscript: negative counts from the end; null when out of range. */
export function normIndex(i: number, len: number): number | null {
  const k = i < 0 ? i + len : i;
  return k < 0 || k >= len ? null : k;
}

function sliceIndex(v: unknown, what: string): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isInt(v)) return v;
  throw typeError(`slice indices must be integers or None or have an __index__ method${what}`);
}

/** The indices a Python slice selects from a sequence of `len` items. */
export function sliceIndices(len: number, start: unknown, stop: unknown, step: unknown): number[] {
  const st = sliceIndex(step, "") ?? 1;
  if (st === 0) throw new PyError("ValueError", "slice step cannot be zero");
  let a = sliceIndex(start, "");
  let b = sliceIndex(stop, "");
  const out: number[] = [];
  if (st > 0) {
    a = a === null ? 0 : a < 0 ? Math.max(0, a + len) : Math.min(a, len);
    b = b === null ? len : b < 0 ? Math.max(0, b + len) : Math.min(b, len);
    for (let i = a; i < b; i += st) out.push(i);
  } else {
    a = a === null ? len - 1 : a < 0 ? Math.max(-1, a + len) : Math.min(a, len - 1);
    b = b === null ? -1 : b < 0 ? Math.max(-1, b + len) : Math.min(b, len - 1);
    for (let i = a; i > b; i += st) out.push(i);
  }
  return out;
}

export function sliceString(s: string, start: unknown, stop: unknown, step: unknown): string {
  const chars = hasSurrogates(s) ? Array.from(s) : null;
  const len = chars ? chars.length : s.length;
  const stepN = step === null || step === undefined ? 1 : step;
  if (chars === null && stepN === 1) {
    const idx = sliceIndices(len, start, stop, 1);
    return idx.length === 0 ? "" : s.slice(idx[0], idx[idx.length - 1] + 1);
  }
  const idx = sliceIndices(len, start, stop, stepN);
  let out = "";
  for (const i of idx) out += chars ? chars[i] : s[i];
  return out;
}

/** A Python str % args (printf-style): the conversions chat templates use. */
export function percentFormat(fmt: string, args: unknown, str: (v: unknown) => string, repr: (v: unknown) => string): string {
  const list = args instanceof PyTuple ? args.items : [args];
  let i = 0;
  const out = fmt.replace(/%([-+ 0#]*)(\d*)(?:\.(\d+))?([sdirf%])/g, (_m, flags: string, width: string, prec: string | undefined, conv: string) => {
    if (conv === "%") return "%";
    if (flags !== "" || width !== "") throw new EngineGap("a %-format with flags or width");
    if (i >= list.length) throw typeError("not enough arguments for format string");
    const v = list[i++];
    switch (conv) {
      case "s":
        return str(v);
      case "r":
        return repr(v);
      case "d":
      case "i":
        if (typeof v === "string" || v === null) throw typeError(`%${conv} format: a real number is required, not ${typeName(v)}`);
        return String(Math.trunc(numValue(v)));
      case "f":
        if (typeof v === "string" || v === null) throw typeError(`must be real number, not ${typeName(v)}`);
        return numValue(v).toFixed(prec === undefined ? 6 : Number(prec));
      default:
        throw new EngineGap(`the %-format conversion %${conv}`);
    }
  });
  if (/%[^sdirf%]/.test(fmt.replace(/%%/g, ""))) throw new EngineGap("a %-format conversion other than %s %d %r %f");
  if (i < list.length) throw typeError("not all arguments converted during string formatting");
  return out;
}
