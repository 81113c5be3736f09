/** Printing as Python does: str() (what `{{ x }}` writes) and repr() (inside lists and dicts), floats as Python's repr. */
import { EngineGap } from "./errors.js";
import { Markup, Namespace, PyFloat, PyIter, PyTuple, Undefined, dictEntries, isDict, typeName } from "./values.js";

/** Python's float repr: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mant, expPart] = x.toExponential().split("e");
  const exp = Number(expPart);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  let body: string;
  if (exp >= -5 + 1 && exp < 16) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      const frac = digits.slice(exp + 1);
      body = `${intPart}.${frac === "" ? "0" : frac}`;
    } else {
      body = `0.${"0".repeat(-exp - 1)}${digits}`;
    }
  } else {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    body = `${m}e${exp < 0 ? "-" : "+"}${e < 10 ? `0${e}` : e}`;
  }
  return neg ? `-${body}` : body;
}

function intStr(n: number): string {
  if (!Number.isSafeInteger(n)) throw new EngineGap("printing an integer beyond 2**53 (JSON numbers lose its digits)");
  return String(n);
}

// Python's str.isprintable(): not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (the space excepted).
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;
const NEEDS_ESCAPE = /[\\'"\p{C}\p{Z}]/u;

export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  if (!NEEDS_ESCAPE.test(s)) return quote + s + quote;
  let out = quote;
  for (const ch of s) {
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch !== " " && NON_PRINTABLE.test(ch)) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp <= 0xff) out += `\\x${cp.toString(16).padStart(2, "0")}`;
      else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, "0")}`;
      else out += `\\U${cp.toString(16).padStart(8, "0")}`;
    } else out += ch;
  }
  return out + quote;
}

/** Python's repr(). */
export function reprValue(v: unknown): string {
  if (typeof v === "string") return strRepr(v);
  return pyStrOrRepr(v, true);
}

/** Python's str() (what `{{ x }}` prints). */
export function pyStr(v: unknown): string {
  if (typeof v === "string") return v;
  return pyStrOrRepr(v, false);
}

function pyStrOrRepr(v: unknown, repr: boolean): string {
  if (v === null || v === undefined) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "number") return Number.isInteger(v) ? intStr(v) : floatRepr(v);
  if (v instanceof PyFloat) return floatRepr(v.v);
  if (v instanceof Undefined) return repr ? "Undefined" : "";
  if (v instanceof Markup) return repr ? `Markup(${strRepr(v.s)})` : v.s;
  if (Array.isArray(v)) return `[${v.map(reprValue).join(", ")}]`;
  if (v instanceof PyTuple) {
    return v.items.length === 1 ? `(${reprValue(v.items[0])},)` : `(${v.items.map(reprValue).join(", ")})`;
  }
  if (isDict(v)) return `{${dictEntries(v).map(([k, x]) => `${reprValue(k)}: ${reprValue(x)}`).join(", ")}}`;
  if (v instanceof Namespace) {
    return `<Namespace {${[...v.attrs].map(([k, x]) => `${strRepr(k)}: ${reprValue(x)}`).join(", ")}}>`;
  }
  if (v instanceof PyIter && v.isView) {
    const items = v.take();
    const shown = v.kind === "dict_items" ? items.map(reprValue) : items.map(reprValue);
    return `${v.kind}([${shown.join(", ")}])`;
  }
  const custom = (v as { pyRepr?: () => string }).pyRepr;
  if (typeof custom === "function") return custom.call(v);
  throw new EngineGap(`printing a ${typeName(v)} (Python prints its memory address)`);
}
