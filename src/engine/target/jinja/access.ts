/**
 * `obj.name`, `obj[key]` and `obj[a:b:c]` as Jinja2's sandboxed environment resolves them: attribute first for `.`
 * (so `message.items` is dict.items, not the key), item first for `[]`, a missing one is Undefined, an attribute the
 * sandbox forbids (list.append, dict.update, dunders) is an Undefined that raises SecurityError when called.
 */
import { EngineGap, PyError, typeError } from "./errors.js";
import { sliceIndices, sliceString } from "./pystr.js";
import {
  BoundMethod,
  MISSING,
  Markup,
  Namespace,
  PyTuple,
  Undefined,
  dictGet,
  isDict,
  isInt,
  isNumber,
  typeName,
} from "./values.js";
import { normIndex } from "./pystr.js";
import { failUndefined } from "./undefined-error.js";

export const STR_METHODS = new Set(
  "capitalize casefold center count encode endswith expandtabs find format format_map index isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper zfill".split(
    " ",
  ),
);
const MARKUP_METHODS = new Set([...STR_METHODS, "escape", "striptags", "unescape"]);
export const DICT_METHODS = new Set("clear copy fromkeys get items keys pop popitem setdefault update values".split(" "));
const DICT_UNSAFE = new Set("clear pop popitem setdefault update".split(" "));
export const LIST_METHODS = new Set("append clear copy count extend index insert pop remove reverse sort".split(" "));
const LIST_UNSAFE = new Set("append clear pop reverse insert sort extend remove".split(" "));
const TUPLE_METHODS = new Set(["count", "index"]);
const NUMBER_ATTRS = new Set("real imag numerator denominator conjugate bit_length bit_count to_bytes from_bytes as_integer_ratio is_integer hex fromhex".split(" "));

/** An object with attributes of its own (loop, cycler, joiner ...). */
export interface HasAttributes {
  pyGetAttr(name: string): unknown;
}

function hasAttributes(v: unknown): v is HasAttributes {
  return typeof (v as HasAttributes | null)?.pyGetAttr === "function";
}

function unsafe(obj: unknown, name: string): Undefined {
  return new Undefined(name, obj, `access to attribute '${name}' of '${typeName(obj)}' object is unsafe.`, true);
}

/** The Python attribute `name` of `obj`, or MISSING when Python's getattr raises AttributeError. */
function pyAttribute(obj: unknown, name: string): unknown {
  if (name.startsWith("__") && name.endsWith("__") && name.length > 4) return unsafe(obj, name);
  if (typeof obj === "string") return STR_METHODS.has(name) ? new BoundMethod(obj, name) : MISSING;
  if (isDict(obj)) {
    if (!DICT_METHODS.has(name)) return MISSING;
    return DICT_UNSAFE.has(name) ? unsafe(obj, name) : new BoundMethod(obj, name);
  }
  if (Array.isArray(obj)) {
    if (!LIST_METHODS.has(name)) return MISSING;
    return LIST_UNSAFE.has(name) ? unsafe(obj, name) : new BoundMethod(obj, name);
  }
  if (obj instanceof PyTuple) return TUPLE_METHODS.has(name) ? new BoundMethod(obj, name) : MISSING;
  if (obj instanceof Markup) return MARKUP_METHODS.has(name) ? new BoundMethod(obj, name) : MISSING;
  if (obj instanceof Namespace) return obj.attrs.has(name) ? obj.attrs.get(name) : MISSING;
  if (hasAttributes(obj)) return obj.pyGetAttr(name);
  if (isNumber(obj) && NUMBER_ATTRS.has(name)) throw new EngineGap(`the number attribute .${name}`);
  return MISSING;
}

/** `obj.name` (Jinja2's environment.getattr). */
export function getAttr(obj: unknown, name: string): unknown {
  if (obj instanceof Undefined) failUndefined(obj);
  const attr = pyAttribute(obj, name);
  if (attr !== MISSING) return attr;
  if (isDict(obj)) {
    const v = dictGet(obj, name);
    if (v !== MISSING) return v;
  }
  return new Undefined(name, obj);
}

/** `obj[key]` (Jinja2's environment.getitem). */
export function getItem(obj: unknown, key: unknown): unknown {
  if (obj instanceof Undefined) failUndefined(obj);
  if (isDict(obj)) {
    let v: unknown = MISSING;
    try {
      v = dictGet(obj, key);
    } catch (e) {
      if (!(e instanceof PyError)) throw e;
    }
    if (v !== MISSING) return v;
  } else if (Array.isArray(obj) || obj instanceof PyTuple || typeof obj === "string" || obj instanceof Markup) {
    if (isInt(key) || typeof key === "boolean") {
      const i = typeof key === "boolean" ? (key ? 1 : 0) : key;
      if (typeof obj === "string" || obj instanceof Markup) {
        const s = typeof obj === "string" ? obj : obj.s;
        const chars = Array.from(s);
        const k = normIndex(i, chars.length);
        if (k !== null) return obj instanceof Markup ? new Markup(chars[k]) : chars[k];
      } else {
        const items = Array.isArray(obj) ? obj : obj.items;
        const k = normIndex(i, items.length);
        if (k !== null) return items[k];
      }
      return new Undefined(key, obj);
    }
  }
  if (typeof key === "string") {
    const attr = pyAttribute(obj, key);
    if (attr !== MISSING) return attr;
  }
  return new Undefined(key, obj);
}

/** `obj[start:stop:step]`: Python slicing (Jinja2 does not route slices through getitem). */
export function getSlice(obj: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  if (obj instanceof Undefined) failUndefined(obj);
  for (const v of [start, stop, step]) if (v instanceof Undefined) throw typeError("slice indices must be integers or None or have an __index__ method");
  if (typeof obj === "string") return sliceString(obj, start, stop, step);
  if (obj instanceof Markup) return new Markup(sliceString(obj.s, start, stop, step));
  if (Array.isArray(obj) || obj instanceof PyTuple) {
    const items = Array.isArray(obj) ? obj : obj.items;
    const picked = sliceIndices(items.length, start, stop, step).map((i) => items[i]);
    return Array.isArray(obj) ? picked : new PyTuple(picked);
  }
  if (isDict(obj)) throw typeError("unhashable type: 'slice'");
  throw typeError(`'${typeName(obj)}' object is not subscriptable`);
}
