/** Jinja2's built-in filters with Python's behaviour, plus transformers' `tojson`. */
import { getAttr } from "./access.js";
import { EngineGap, PyError, typeError } from "./errors.js";
import { dumps } from "./json.js";
import { escapeHtml } from "./markup.js";
import { pyReplace } from "./methods.js";
import { add } from "./ops.js";
import { percentFormat, pyCapitalize, pyRsplit, pySplitlines, pyStrip, sliceString } from "./pystr.js";
import { MISSING, Markup, PyFloat, PyIter, PyTuple, Undefined, dictEntries, isDict, isFloat, isInt, isNumber, isStr, mkFloat, numValue, pyIterate, pyLen, strChars, strLen, strValueOf, truthy, typeName } from "./values.js";
import { pyEq } from "./compare.js";
import { pyStr, reprValue } from "./repr.js";
import { bind, given, sameKind, softStr, type Args, type FilterHost, type Kwargs } from "./filter-args.js";
import { attrGetter, generator, ignoreCase, mapFilter, minMax, selectOrReject, sortKeyed } from "./filters-sequences.js";

export type { FilterHost };
export { attrGetter };

/** Every filter name Python's environment knows. */
export const PYTHON_FILTERS = new Set(
  "abs attr batch capitalize center count d default dictsort e escape filesizeformat first float forceescape format groupby indent int items join last length list lower map max min pprint random reject rejectattr replace reverse round safe select selectattr slice sort string striptags sum title tojson trim truncate unique upper urlencode urlize wordcount wordwrap xmlattr".split(
    " ",
  ),
);

function toInt(value: unknown, dflt: unknown, base: unknown): unknown {
  if (typeof value === "string") {
    const s = value.trim().replace(/_/g, "");
    const b = base === undefined ? 10 : numValue(base);
    if (b === 10 && /^[+-]?\d+$/.test(s)) return Number(s);
    if (b !== 10) {
      const body = s.replace(/^[+-]/, "").replace(new RegExp(`^0${b === 16 ? "x" : b === 8 ? "o" : b === 2 ? "b" : "_"}`, "i"), "");
      const n = parseInt(body, b);
      if (!Number.isNaN(n) && body !== "" && n.toString(b) === body.toLowerCase().replace(/^0+(?=.)/, "")) return s.startsWith("-") ? -n : n;
    }
    const f = toFloat(value, MISSING);
    if (f !== MISSING) return Math.trunc(numValue(f));
    return dflt;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (isNumber(value)) {
    const x = numValue(value);
    return Number.isFinite(x) ? Math.trunc(x) : dflt;
  }
  return dflt;
}

function toFloat(value: unknown, dflt: unknown): unknown {
  if (typeof value === "string" || value instanceof Markup) {
    const s = strValueOf(value).trim().replace(/_/g, "").toLowerCase();
    if (/^[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+(e[+-]?\d+)?)$/.test(s)) return mkFloat(Number(s));
    if (/^[+-]?(inf|infinity)$/.test(s)) return s.startsWith("-") ? -Infinity : Infinity;
    if (/^[+-]?nan$/.test(s)) return NaN;
    return dflt;
  }
  if (isNumber(value)) return mkFloat(numValue(value));
  return dflt;
}

/** Python's round(x, n) on a float: round half to even on the decimal value Python sees. */
function roundHalfEven(x: number, n: number): number {
  const m = 10 ** n;
  const y = x * m;
  const r = Math.round(y);
  const halfway = Math.abs(y % 1) === 0.5;
  const rounded = halfway && r % 2 !== 0 ? r - 1 : r;
  return Number((rounded / m).toFixed(Math.max(0, n)));
}

function tojson(value: unknown, args: Args, kwargs: Kwargs): string {
  const [ensureAscii, indent, separators, sortKeys] = bind("tojson", ["ensure_ascii", "indent", "separators", "sort_keys"], args, kwargs);
  let ind: string | null = null;
  if (given(indent) && indent !== null) {
    if (typeof indent === "string") ind = indent;
    else if (isInt(indent)) ind = " ".repeat(Math.max(0, indent));
    else throw new EngineGap(`tojson(indent=${reprValue(indent)})`);
  }
  let itemSep = ind === null ? ", " : ",";
  let keySep = ": ";
  if (given(separators) && separators !== null) {
    const parts = Array.isArray(separators) ? separators : separators instanceof PyTuple ? separators.items : null;
    if (parts === null || parts.length !== 2 || !parts.every(isStr)) throw new EngineGap("tojson(separators=...) that is not two strings");
    itemSep = strValueOf(parts[0] as string);
    keySep = strValueOf(parts[1] as string);
  }
  return dumps(value, { ensureAscii: truthy(ensureAscii ?? false), indent: ind, itemSep, keySep, sortKeys: truthy(sortKeys ?? false) });
}

function indentFilter(s: unknown, args: Args, kwargs: Kwargs): unknown {
  const [width, first, blank] = bind("indent", ["width", "first", "blank"], args, kwargs);
  const w = width === undefined ? 4 : width;
  const indention = typeof w === "string" ? w : isInt(w) ? " ".repeat(Math.max(0, w)) : null;
  if (indention === null) throw new EngineGap("indent() with a width that is not an int or str");
  const text = add(s, "\n");
  if (!isStr(text)) throw new EngineGap("indent() of a non-string");
  const lines = pySplitlines(strValueOf(text), false);
  let rv: string;
  if (truthy(blank ?? false)) rv = lines.join("\n" + indention);
  else {
    rv = lines.shift() ?? "";
    if (lines.length > 0) rv += "\n" + lines.map((line) => (line ? indention + line : line)).join("\n");
  }
  if (truthy(first ?? false)) rv = indention + rv;
  return s instanceof Markup ? new Markup(rv) : rv;
}

function truncate(s: unknown, args: Args, kwargs: Kwargs): unknown {
  const [length, killwords, end, leeway] = bind("truncate", ["length", "killwords", "end", "leeway"], args, kwargs);
  const str = pyStr(s);
  const len = length === undefined ? 255 : numValue(length);
  const endStr = end === undefined ? "..." : pyStr(end);
  const lee = leeway === undefined || leeway === null ? 5 : numValue(leeway);
  if (len < strLen(endStr)) throw new PyError("AssertionError", `expected length >= ${strLen(endStr)}, got ${len}`);
  if (strLen(str) <= len + lee) return str;
  const head = sliceString(str, 0, len - strLen(endStr), 1);
  if (truthy(killwords ?? false)) return head + endStr;
  return pyRsplit(head, " ", 1)[0] + endStr;
}

export function applyFilter(host: FilterHost, name: string, value: unknown, args: Args, kwargs: Kwargs): unknown {
  switch (name) {
    case "tojson":
      return tojson(value, args, kwargs);
    case "length":
    case "count":
      bind(name, [], args, kwargs);
      return pyLen(value);
    case "default":
    case "d": {
      const [dflt, boolean] = bind("default", ["default_value", "boolean"], args, kwargs);
      const useDefault = value instanceof Undefined || (truthy(boolean ?? false) && !truthy(value));
      return useDefault ? (dflt === undefined ? "" : dflt) : value;
    }
    case "trim": {
      const [chars] = bind("trim", ["chars"], args, kwargs);
      const s = softStr(value);
      const c = chars === undefined || chars === null ? null : pyStr(chars);
      return sameKind(s, pyStrip(strValueOf(s), c, true, true));
    }
    case "upper":
    case "lower": {
      bind(name, [], args, kwargs);
      const s = softStr(value);
      return sameKind(s, name === "upper" ? strValueOf(s).toUpperCase() : strValueOf(s).toLowerCase());
    }
    case "capitalize": {
      bind(name, [], args, kwargs);
      const s = softStr(value);
      return sameKind(s, pyCapitalize(strValueOf(s)));
    }
    case "title": {
      bind(name, [], args, kwargs);
      const s = softStr(value);
      const out = strValueOf(s)
        .split(/([-\s({[<]+)/u)
        .filter((item) => item !== "")
        .map((item) => {
          const cs = strChars(item);
          return cs[0].toUpperCase() + cs.slice(1).join("").toLowerCase();
        })
        .join("");
      return sameKind(s, out);
    }
    case "replace": {
      const [old, rep, count] = bind("replace", ["old", "new", "count"], args, kwargs);
      if (old === undefined || rep === undefined) throw typeError("do_replace() missing required arguments");
      const c = count === undefined || count === null ? -1 : numValue(count);
      return pyReplace(pyStr(value), pyStr(old), pyStr(rep), c);
    }
    case "string":
      bind(name, [], args, kwargs);
      return softStr(value);
    case "safe":
      bind(name, [], args, kwargs);
      return value instanceof Markup ? value : new Markup(pyStr(value));
    case "escape":
    case "e":
    case "forceescape":
      bind(name, [], args, kwargs);
      return new Markup(name === "forceescape" ? escapeHtml(pyStr(value)) : escapeHtml(value));
    case "join": {
      const [d, attribute] = bind("join", ["d", "attribute"], args, kwargs);
      let items = pyIterate(value);
      if (attribute !== undefined && attribute !== null) items = items.map(attrGetter(attribute));
      return items.map(pyStr).join(d === undefined ? "" : pyStr(d));
    }
    case "list":
      bind(name, [], args, kwargs);
      return [...pyIterate(value)];
    case "first": {
      bind(name, [], args, kwargs);
      if (value instanceof Undefined) return new Undefined(null, MISSING, "No first item, sequence was empty.");
      const items = pyIterate(value);
      return items.length > 0 ? items[0] : new Undefined(null, MISSING, "No first item, sequence was empty.");
    }
    case "last": {
      bind(name, [], args, kwargs);
      if (value instanceof PyIter && !value.isView) throw typeError(`'${value.kind}' object is not reversible`);
      if (value === null || isNumber(value)) throw typeError(`'${typeName(value)}' object is not reversible`);
      const items = pyIterate(value);
      return items.length > 0 ? items[items.length - 1] : new Undefined(null, MISSING, "No last item, sequence was empty.");
    }
    case "items": {
      bind(name, [], args, kwargs);
      if (value instanceof Undefined) return new PyIter("generator", []);
      if (!isDict(value)) throw typeError("Can only get item pairs from a mapping.");
      return new PyIter("generator", dictEntries(value).map(([k, v]) => new PyTuple([k, v])));
    }
    case "dictsort": {
      const [caseSensitive, by, reverse] = bind("dictsort", ["case_sensitive", "by", "reverse"], args, kwargs);
      if (!isDict(value)) throw new PyError("AttributeError", `'${typeName(value)}' object has no attribute 'items'`);
      const pos = by === undefined || by === "key" ? 0 : by === "value" ? 1 : -1;
      if (pos < 0) throw new PyError("FilterArgumentError", 'You can only sort by either "key" or "value"');
      const items = dictEntries(value).map(([k, v]) => new PyTuple([k, v]));
      return sortKeyed(items, (t) => (truthy(caseSensitive ?? false) ? (t as PyTuple).items[pos] : ignoreCase((t as PyTuple).items[pos])), truthy(reverse ?? false));
    }
    case "sort": {
      const [reverse, caseSensitive, attribute] = bind("sort", ["reverse", "case_sensitive", "attribute"], args, kwargs);
      const post = truthy(caseSensitive ?? false) ? undefined : ignoreCase;
      const key = attribute === undefined || attribute === null ? (v: unknown) => (post ? post(v) : v) : attrGetter(attribute, null, post);
      return sortKeyed([...pyIterate(value)], key, truthy(reverse ?? false));
    }
    case "unique": {
      const [caseSensitive, attribute] = bind("unique", ["case_sensitive", "attribute"], args, kwargs);
      return generator(() => {
        const post = truthy(caseSensitive ?? false) ? undefined : ignoreCase;
        const key = attribute === undefined || attribute === null ? (v: unknown) => (post ? post(v) : v) : attrGetter(attribute, null, post);
        const seen: unknown[] = [];
        const out: unknown[] = [];
        for (const item of pyIterate(value)) {
          const k = key(item);
          if (!seen.some((s) => pyEq(s, k))) {
            seen.push(k);
            out.push(item);
          }
        }
        return out;
      });
    }
    case "reverse": {
      bind(name, [], args, kwargs);
      if (isStr(value)) return sameKind(value, strChars(strValueOf(value)).reverse().join(""));
      if (Array.isArray(value)) return new PyIter("list_reverseiterator", [...value].reverse());
      if (value === null || isNumber(value)) throw typeError(`argument to reversed() must be a sequence`);
      return new PyIter("generator", [...pyIterate(value)].reverse());
    }
    case "map":
      return mapFilter(host, value, args, kwargs);
    case "select":
    case "reject":
      return selectOrReject(host, value, args, kwargs, name === "select", false);
    case "selectattr":
    case "rejectattr":
      return selectOrReject(host, value, args, kwargs, name === "selectattr", true);
    case "int": {
      const [dflt, base] = bind("int", ["default", "base"], args, kwargs);
      return toInt(value, dflt === undefined ? 0 : dflt, base);
    }
    case "float": {
      const [dflt] = bind("float", ["default"], args, kwargs);
      return toFloat(value, dflt === undefined ? new PyFloat(0) : dflt);
    }
    case "abs":
      bind(name, [], args, kwargs);
      if (!isNumber(value)) throw typeError(`bad operand type for abs(): '${typeName(value)}'`);
      return isFloat(value) ? mkFloat(Math.abs(numValue(value))) : Math.abs(numValue(value));
    case "round": {
      const [precision, method] = bind("round", ["precision", "method"], args, kwargs);
      const p = precision === undefined ? 0 : numValue(precision);
      const m = method === undefined ? "common" : pyStr(method);
      if (!isNumber(value)) throw typeError(`type ${typeName(value)} doesn't define __round__ method`);
      if (m === "common") return isFloat(value) ? mkFloat(roundHalfEven(numValue(value), p)) : numValue(value);
      if (m === "ceil" || m === "floor") return mkFloat((m === "ceil" ? Math.ceil : Math.floor)(numValue(value) * 10 ** p) / 10 ** p);
      throw new PyError("FilterArgumentError", "method must be common, ceil or floor");
    }
    case "sum": {
      const [attribute, start] = bind("sum", ["attribute", "start"], args, kwargs);
      let items = pyIterate(value);
      if (attribute !== undefined && attribute !== null) items = items.map(attrGetter(attribute));
      return items.reduce((acc, x) => add(acc, x), start === undefined ? 0 : start);
    }
    case "min":
    case "max":
      return minMax(value, args, kwargs, name === "max", name);
    case "indent":
      return indentFilter(value, args, kwargs);
    case "center": {
      const [width] = bind("center", ["width"], args, kwargs);
      const s = pyStr(value);
      const w = width === undefined ? 80 : numValue(width);
      const pad = w - strLen(s);
      if (pad <= 0) return s;
      const left = Math.floor(pad / 2) + (pad & w & 1);
      return " ".repeat(left) + s + " ".repeat(pad - left);
    }
    case "truncate":
      return truncate(value, args, kwargs);
    case "wordcount":
      bind(name, [], args, kwargs);
      return (pyStr(value).match(/[\p{L}\p{N}_]+/gu) ?? []).length;
    case "format": {
      const fmtArgs = kwargs.size > 0 ? null : args;
      if (fmtArgs === null) throw new EngineGap("format() with keyword arguments");
      return percentFormat(pyStr(value), fmtArgs.length === 1 ? fmtArgs[0] : new PyTuple(fmtArgs), pyStr, reprValue);
    }
    case "attr": {
      const [attrName] = bind("attr", ["name"], args, kwargs);
      return typeof attrName === "string" ? getAttr(value, attrName) : new Undefined(attrName, value);
    }
    case "batch":
    case "filesizeformat":
    case "groupby":
    case "pprint":
    case "random":
    case "slice":
    case "striptags":
    case "urlencode":
    case "urlize":
    case "wordwrap":
    case "xmlattr":
      throw new EngineGap(`the |${name} filter`);
    default:
      throw new PyError("TemplateRuntimeError", `No filter named '${name}' found.`);
  }
}

