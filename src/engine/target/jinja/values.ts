/**
 * Python values as the evaluator holds them, and what Python does with them (type names, truth, ==, <, len,
 * iteration). JSON from the data is used as is: null = None, string = str, boolean = bool, an integral number =
 * int and any other number = float, array = list, plain object = dict (its key order). Values a template makes
 * that JSON cannot hold have classes here: tuples, dicts with non-string keys (Map), floats with an integral value
 * (`2.0`), Jinja2's Undefined, Markup, namespace, macros, bound methods, generators and dict views.
 */
import { EngineGap, typeError } from "./errors.js";

/** A float whose value is integral (`1.0`, `4 / 2`); other floats are plain JS numbers. */
export class PyFloat {
  constructor(readonly v: number) {}
}

export class PyTuple {
  constructor(readonly items: unknown[]) {}
}

/** Jinja2's default Undefined: prints as '', iterates as empty, raises UndefinedError on attribute access
 * (failUndefined in undefined-error.ts). */
export class Undefined {
  constructor(
    readonly name: unknown = null,
    readonly obj: unknown = MISSING,
    readonly hint: string | null = null,
    /** The sandbox's stand-in for an unsafe attribute: calling it raises SecurityError. */
    readonly unsafe: boolean = false,
  ) {}
}

export const MISSING = Symbol("missing");

/** markupsafe.Markup (from `|safe`): `+` and `%` HTML-escape the other operand. */
export class Markup {
  constructor(readonly s: string) {}
}

export class Namespace {
  readonly attrs = new Map<string, unknown>();
}

/** A Python method bound to its object (`message.get`, `content.strip`). */
export class BoundMethod {
  constructor(
    readonly obj: unknown,
    readonly name: string,
  ) {}
}

/** A callable provided by the environment (range, namespace, raise_exception ...). */
export class PyFunction {
  constructor(
    readonly name: string,
    readonly call: (args: unknown[], kwargs: Map<string, unknown>) => unknown,
  ) {}
}

/**
 * A one-shot Python iterator (a generator from `|selectattr`/`|map`, `reversed()`), or a dict view
 * (`.items()`, `.keys()`, `.values()`: re-iterable, sized). `error` is raised when it is consumed (generators are lazy).
 */
export class PyIter {
  consumed = false;
  constructor(
    readonly kind: "generator" | "list_reverseiterator" | "str_ascii_iterator" | "dict_items" | "dict_keys" | "dict_values",
    private readonly items: unknown[],
    private readonly error: unknown = null,
  ) {}
  get isView(): boolean {
    return this.kind.startsWith("dict_");
  }
  take(): unknown[] {
    if (this.isView) return this.items;
    if (this.error !== null) {
      if (this.consumed) return [];
      this.consumed = true;
      throw this.error;
    }
    if (this.consumed) return [];
    this.consumed = true;
    return this.items;
  }
  peekLength(): number {
    return this.items.length;
  }
}

export type Dict = Map<unknown, unknown> | Record<string, unknown>;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

export function isDict(v: unknown): v is Dict {
  return v instanceof Map || isPlainObject(v);
}

export function isInt(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v);
}

export function isFloat(v: unknown): boolean {
  return v instanceof PyFloat || (typeof v === "number" && !Number.isInteger(v));
}

/** int, float or bool (Python bools are ints). */
export function isNumber(v: unknown): boolean {
  return typeof v === "number" || typeof v === "boolean" || v instanceof PyFloat;
}

export function numValue(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof PyFloat) return v.v;
  throw new Error("not a number");
}

/** A float result: integral values are boxed so they still print as `2.0`. */
export function mkFloat(x: number): number | PyFloat {
  return Number.isInteger(x) ? new PyFloat(x) : x;
}

/** An int result; past 2**53 JS numbers are not Python ints. */
export function mkInt(x: number): number {
  if (!Number.isSafeInteger(x)) throw new EngineGap("an integer beyond 2**53 (Python has arbitrary precision)");
  return x === 0 ? 0 : x;
}

export function isString(v: unknown): v is string {
  return typeof v === "string";
}

export function isStr(v: unknown): v is string | Markup {
  return typeof v === "string" || v instanceof Markup;
}

export function strValueOf(v: string | Markup): string {
  return typeof v === "string" ? v : v.s;
}

export function typeName(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  switch (typeof v) {
    case "string":
      return "str";
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(v) ? "int" : "float";
    case "object":
      break;
    default:
      return typeof v;
  }
  if (Array.isArray(v)) return "list";
  if (isDict(v)) return "dict";
  if (v instanceof PyFloat) return "float";
  if (v instanceof PyTuple) return "tuple";
  if (v instanceof Undefined) return "Undefined";
  if (v instanceof Markup) return "Markup";
  if (v instanceof Namespace) return "Namespace";
  if (v instanceof PyIter) return v.kind;
  if (v instanceof BoundMethod) return "builtin_function_or_method";
  if (v instanceof PyFunction) return "function";
  const named = (v as { pyTypeName?: string }).pyTypeName;
  return named ?? "object";
}

/** Jinja2's object_type_repr, used in undefined messages. */
export function objectTypeRepr(v: unknown): string {
  if (v === null || v === undefined) return "None";
  const name = typeName(v);
  if (name === "Markup") return "markupsafe.Markup object";
  if (name === "Namespace") return "jinja2.utils.Namespace object";
  if (name === "Undefined") return "jinja2.runtime.Undefined object";
  if (name === "Macro") return "jinja2.runtime.Macro object";
  if (name === "LoopContext") return "jinja2.runtime.LoopContext object";
  return `${name} object`;
}

export function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false) return false;
  if (v === true) return true;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Undefined) return false;
  if (v instanceof PyFloat) return v.v !== 0;
  if (v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof Markup) return v.s.length > 0;
  if (v instanceof Map) return v.size > 0;
  if (isPlainObject(v)) {
    for (const _ in v) return true;
    return false;
  }
  if (v instanceof PyIter) return v.isView ? v.peekLength() > 0 : true;
  return true;
}

export function dictKeys(d: Dict): unknown[] {
  return d instanceof Map ? [...d.keys()] : Object.keys(d);
}

export function dictEntries(d: Dict): [unknown, unknown][] {
  return d instanceof Map ? [...d.entries()] : Object.entries(d);
}

export function dictSize(d: Dict): number {
  return d instanceof Map ? d.size : Object.keys(d).length;
}

/** A key as a JS Map key: Python's equal numbers (1, 1.0, True) hash alike. */
export function mapKey(k: unknown): unknown {
  if (k instanceof PyFloat) return k.v;
  if (typeof k === "boolean") return k ? 1 : 0;
  if (k instanceof Markup) return k.s;
  if (k instanceof PyTuple) throw new EngineGap("a tuple used as a dict key");
  if (Array.isArray(k) || isDict(k)) throw typeError(`unhashable type: '${typeName(k)}'`);
  return k;
}

export function dictHas(d: Dict, k: unknown): boolean {
  if (d instanceof Map) return d.has(mapKey(k));
  const key = k instanceof Markup ? k.s : k;
  if (Array.isArray(key) || isDict(key)) throw typeError(`unhashable type: '${typeName(key)}'`);
  return typeof key === "string" && Object.prototype.hasOwnProperty.call(d, key);
}

export function dictGet(d: Dict, k: unknown): unknown {
  if (d instanceof Map) {
    const key = mapKey(k);
    return d.has(key) ? d.get(key) : MISSING;
  }
  const key = k instanceof Markup ? k.s : k;
  if (typeof key === "string" && Object.prototype.hasOwnProperty.call(d, key)) return d[key];
  return MISSING;
}

/** Python's `len()`; throws Python's TypeError for an unsized object. */
export function pyLen(v: unknown): number {
  if (typeof v === "string") return strLen(v);
  if (Array.isArray(v)) return v.length;
  if (v instanceof Undefined) return 0;
  if (v instanceof PyTuple) return v.items.length;
  if (v instanceof Markup) return strLen(v.s);
  if (isDict(v)) return dictSize(v);
  if (v instanceof PyIter && v.isView) return v.peekLength();
  const range = (v as { pyRangeItems?: () => unknown[] } | null)?.pyRangeItems;
  if (range) return range.call(v).length;
  throw typeError(`object of type '${typeName(v)}' has no len()`);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Length in code points, as Python counts a str. */
export function strLen(s: string): number {
  return SURROGATE.test(s) ? Array.from(s).length : s.length;
}

/** The code points of a string (Python's iteration over a str). */
export function strChars(s: string): string[] {
  return SURROGATE.test(s) ? Array.from(s) : s.split("");
}

export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

/** Python's `iter()` over a value, as a list (for loops, `|list`, `|join` ...). */
export function pyIterate(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return strChars(v);
  if (v instanceof Undefined) return [];
  if (v instanceof PyTuple) return v.items;
  if (isDict(v)) return dictKeys(v);
  if (v instanceof PyIter) return v.take();
  if (v instanceof Markup) return strChars(v.s);
  const range = (v as { pyRangeItems?: () => unknown[] } | null)?.pyRangeItems;
  if (range) return range.call(v);
  throw typeError(`'${typeName(v)}' object is not iterable`);
}

export function isIterable(v: unknown): boolean {
  return (
    Array.isArray(v) ||
    typeof v === "string" ||
    v instanceof Undefined ||
    v instanceof PyTuple ||
    isDict(v) ||
    v instanceof PyIter ||
    v instanceof Markup ||
    typeof (v as { pyRangeItems?: unknown } | null)?.pyRangeItems === "function"
  );
}
