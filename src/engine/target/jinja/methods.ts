/** Calls of Python's str, dict, list and tuple methods from a template (`content.strip()`, `message.get('x')`). */
import { EngineGap, PyError, typeError } from "./errors.js";
import { escapeHtml } from "./markup.js";
import { formatString } from "./format.js";
import {
  isPySpace,
  pyCapitalize,
  pyRsplit,
  pySplit,
  pySplitlines,
  pyStrip,
  pySwapcase,
  pyTitle,
} from "./pystr.js";
import { BoundMethod, MISSING, Markup, PyIter, PyTuple, Undefined, dictEntries, dictGet, dictKeys, isDict, isInt, isStr, pyIterate, strChars, strLen, strValueOf, typeName, type Dict } from "./values.js";
import { pyEq } from "./compare.js";
import { pyStr } from "./repr.js";

type Args = unknown[];
type Kwargs = Map<string, unknown>;

function noKwargs(name: string, kwargs: Kwargs): void {
  if (kwargs.size > 0) throw typeError(`${name}() takes no keyword arguments`);
}

function arity(name: string, args: Args, min: number, max: number): void {
  if (args.length < min || args.length > max) {
    if (min === max) throw typeError(`${name}() takes exactly ${min === 0 ? "no arguments" : `one argument`} (${args.length} given)`);
    throw typeError(`${name} expected ${args.length < min ? `at least ${min}` : `at most ${max}`} argument${(args.length < min ? min : max) === 1 ? "" : "s"}, got ${args.length}`);
  }
}

function strArg(method: string, v: unknown, allowNone = false): string | null {
  if (allowNone && (v === null || v === undefined)) return null;
  if (isStr(v)) return strValueOf(v);
  if (v instanceof Undefined) throw typeError(`${method} arg must be None or str`);
  throw typeError(`must be str${allowNone ? " or None" : ""}, not ${typeName(v)}`);
}

function intArg(v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isInt(v)) return v;
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** Keyword or positional argument `i` named `name`. */
function arg(args: Args, kwargs: Kwargs, i: number, name: string): unknown {
  if (kwargs.has(name)) return kwargs.get(name);
  return args[i];
}

function callStr(s: string, name: string, args: Args, kwargs: Kwargs): unknown {
  switch (name) {
    case "strip":
    case "lstrip":
    case "rstrip": {
      noKwargs(name, kwargs);
      arity(name, args, 0, 1);
      const chars = strArg(name, args[0] ?? null, true);
      return pyStrip(s, chars, name !== "rstrip", name !== "lstrip");
    }
    case "split":
    case "rsplit": {
      const sep = strArg(name, arg(args, kwargs, 0, "sep") ?? null, true);
      const max = intArg(arg(args, kwargs, 1, "maxsplit"), -1);
      return name === "split" ? pySplit(s, sep, max) : pyRsplit(s, sep, max);
    }
    case "splitlines":
      return pySplitlines(s, Boolean(arg(args, kwargs, 0, "keepends")));
    case "startswith":
    case "endswith": {
      noKwargs(name, kwargs);
      arity(name, args, 1, 3);
      const prefix = args[0];
      const options = prefix instanceof PyTuple ? prefix.items : [prefix];
      const start = args[1] === undefined || args[1] === null ? 0 : intArg(args[1], 0);
      const end = args[2] === undefined || args[2] === null ? undefined : intArg(args[2], 0);
      if (start !== 0 || end !== undefined) throw new EngineGap(`${name}() with start/end`);
      for (const o of options) {
        if (!isStr(o)) {
          throw typeError(`${name} first arg must be str or a tuple of str, not ${typeName(o)}`);
        }
        if (name === "startswith" ? s.startsWith(strValueOf(o)) : s.endsWith(strValueOf(o))) return true;
      }
      return false;
    }
    case "replace": {
      noKwargs(name, kwargs);
      arity(name, args, 2, 3);
      const old = strArg(name, args[0]) ?? "";
      const rep = strArg(name, args[1]) ?? "";
      const count = intArg(args[2], -1);
      return pyReplace(s, old, rep, count);
    }
    case "upper":
      return s.toUpperCase();
    case "lower":
      return s.toLowerCase();
    case "casefold":
      return s.toLowerCase();
    case "title":
      return pyTitle(s);
    case "capitalize":
      return pyCapitalize(s);
    case "swapcase":
      return pySwapcase(s);
    case "find":
    case "rfind":
    case "index":
    case "rindex":
    case "count": {
      noKwargs(name, kwargs);
      arity(name, args, 1, 3);
      if (args.length > 1) throw new EngineGap(`${name}() with start/end`);
      const sub = strArg(name, args[0]) ?? "";
      if (name === "count") return sub === "" ? strLen(s) + 1 : s.split(sub).length - 1;
      const at = name === "find" || name === "index" ? s.indexOf(sub) : s.lastIndexOf(sub);
      if (at < 0 && (name === "index" || name === "rindex")) throw new PyError("ValueError", "substring not found");
      return at < 0 ? -1 : strLen(s.slice(0, at));
    }
    case "join": {
      noKwargs(name, kwargs);
      arity(name, args, 1, 1);
      const items = pyIterate(args[0]);
      items.forEach((x, i) => {
        if (!isStr(x)) throw typeError(`sequence item ${i}: expected str instance, ${typeName(x)} found`);
      });
      return items.map((x) => strValueOf(x as string)).join(s);
    }
    case "format":
      return formatString(s, args, kwargs);
    case "isdigit":
    case "isdecimal":
    case "isnumeric":
      return s !== "" && /^\p{Nd}+$/u.test(s);
    case "isalpha":
      return s !== "" && /^\p{L}+$/u.test(s);
    case "isalnum":
      return s !== "" && /^[\p{L}\p{N}]+$/u.test(s);
    case "isspace":
      return s !== "" && strChars(s).every(isPySpace);
    case "isupper":
      return /\p{Lu}/u.test(s) && s === s.toUpperCase() && !/\p{Ll}/u.test(s);
    case "islower":
      return /\p{Ll}/u.test(s) && s === s.toLowerCase() && !/\p{Lu}/u.test(s);
    case "isascii":
      return /^[\x00-\x7f]*$/.test(s);
    case "zfill": {
      const width = intArg(args[0], 0);
      const sign = s.startsWith("-") || s.startsWith("+") ? s[0] : "";
      const body = sign ? s.slice(1) : s;
      return strLen(s) >= width ? s : sign + "0".repeat(width - strLen(s)) + body;
    }
    case "ljust":
    case "rjust":
    case "center": {
      const width = intArg(args[0], 0);
      const fill = args[1] === undefined ? " " : (strArg(name, args[1]) ?? " ");
      const len = strLen(s);
      if (width <= len) return s;
      const pad = width - len;
      if (name === "ljust") return s + fill.repeat(pad);
      if (name === "rjust") return fill.repeat(pad) + s;
      const left = Math.floor(pad / 2) + (pad & width & 1);
      return fill.repeat(left) + s + fill.repeat(pad - left);
    }
    case "partition":
    case "rpartition": {
      const sep = strArg(name, args[0]) ?? "";
      if (sep === "") throw new PyError("ValueError", "empty separator");
      const at = name === "partition" ? s.indexOf(sep) : s.lastIndexOf(sep);
      if (at < 0) return new PyTuple(name === "partition" ? [s, "", ""] : ["", "", s]);
      return new PyTuple([s.slice(0, at), sep, s.slice(at + sep.length)]);
    }
    case "removeprefix": {
      const p = strArg(name, args[0]) ?? "";
      return p !== "" && s.startsWith(p) ? s.slice(p.length) : s;
    }
    case "removesuffix": {
      const p = strArg(name, args[0]) ?? "";
      return p !== "" && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
    }
    default:
      throw new EngineGap(`the str method .${name}()`);
  }
}

export function pyReplace(s: string, old: string, rep: string, count: number): string {
  if (count < 0) {
    if (old === "") return strChars(s).map((c) => rep + c).join("") + rep;
    return s.split(old).join(rep);
  }
  let out = s;
  let done = 0;
  let from = 0;
  if (old === "") throw new EngineGap("replace('' , x, count)");
  while (done < count) {
    const at = out.indexOf(old, from);
    if (at < 0) break;
    out = out.slice(0, at) + rep + out.slice(at + old.length);
    from = at + rep.length;
    done++;
  }
  return out;
}

function callDict(d: Dict, name: string, args: Args, kwargs: Kwargs): unknown {
  switch (name) {
    case "get": {
      noKwargs(name, kwargs);
      arity("get", args, 1, 2);
      const v = dictGet(d, args[0]);
      return v === MISSING ? (args.length > 1 ? args[1] : null) : v;
    }
    case "items":
      noKwargs(name, kwargs);
      return new PyIter("dict_items", dictEntries(d).map(([k, v]) => new PyTuple([k, v])));
    case "keys":
      noKwargs(name, kwargs);
      return new PyIter("dict_keys", dictKeys(d));
    case "values":
      noKwargs(name, kwargs);
      return new PyIter("dict_values", dictEntries(d).map(([, v]) => v));
    case "copy":
      return d instanceof Map ? new Map(d) : { ...d };
    default:
      throw new EngineGap(`the dict method .${name}()`);
  }
}

function callSeq(items: unknown[], name: string, args: Args, kwargs: Kwargs, isList: boolean): unknown {
  noKwargs(name, kwargs);
  switch (name) {
    case "count":
      return items.filter((x) => pyEq(x, args[0])).length;
    case "index": {
      const at = items.findIndex((x) => pyEq(x, args[0]));
      if (at < 0) throw new PyError("ValueError", isList ? `${pyStr(args[0])} is not in list` : "tuple.index(x): x not in tuple");
      return at;
    }
    case "copy":
      if (isList) return [...items];
      break;
  }
  throw new EngineGap(`the ${isList ? "list" : "tuple"} method .${name}()`);
}

export function callMethod(m: BoundMethod, args: Args, kwargs: Kwargs): unknown {
  const obj = m.obj;
  if (typeof obj === "string") return callStr(obj, m.name, args, kwargs);
  if (obj instanceof Markup) {
    if (m.name === "format" || m.name === "join" || m.name === "replace" || m.name === "escape" || m.name === "striptags" || m.name === "unescape") {
      throw new EngineGap(`the Markup method .${m.name}()`);
    }
    const r = callStr(obj.s, m.name, args.map((a) => (isStr(a) ? strValueOf(a) : a)), kwargs);
    if (typeof r === "string") return new Markup(r);
    if (Array.isArray(r)) return r.map((x) => (typeof x === "string" ? new Markup(x) : x));
    return r;
  }
  if (isDict(obj)) return callDict(obj, m.name, args, kwargs);
  if (Array.isArray(obj)) return callSeq(obj, m.name, args, kwargs, true);
  if (obj instanceof PyTuple) return callSeq(obj.items, m.name, args, kwargs, false);
  throw new EngineGap(`the method .${m.name}() of ${typeName(obj)}`);
}

export { escapeHtml };
