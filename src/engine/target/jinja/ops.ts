/** Python's operators on template values: + - * / // % ** ~, comparisons, `in`, unary - and +. */
import { EngineGap, PyError, typeError } from "./errors.js";
import { escapeHtml } from "./markup.js";
import { percentFormat } from "./pystr.js";
import { Markup, PyTuple, Undefined, dictHas, isDict, isFloat, isInt, isNumber, isStr, mkFloat, mkInt, numValue, pyIterate, strValueOf, typeName } from "./values.js";
import { pyCompare, pyEq } from "./compare.js";
import { pyStr, reprValue } from "./repr.js";
import { failUndefined } from "./undefined-error.js";

/** The longest string an expression may build (the output budget also bounds what a render prints). */
export const MAX_STRING = 64 * 1024 * 1024;

function checked(s: string): string {
  if (s.length > MAX_STRING) throw new EngineGap(`a string built by the template passes ${MAX_STRING} characters`);
  return s;
}

function unsupported(op: string, a: unknown, b: unknown): PyError {
  return typeError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

function concatError(a: unknown, b: unknown): PyError {
  const left = Array.isArray(a) ? "list" : a instanceof PyTuple ? "tuple" : "str";
  return typeError(`can only concatenate ${left} (not "${typeName(b)}") to ${left}`);
}

export function add(a: unknown, b: unknown): unknown {
  if (a instanceof Undefined) failUndefined(a);
  if (b instanceof Undefined) failUndefined(b);
  if (typeof a === "string" && typeof b === "string") return a.length + b.length > MAX_STRING ? checked(a + b) : a + b;
  if (isNumber(a) && isNumber(b)) return arith(a, b, (x, y) => x + y);
  if (a instanceof Markup) {
    if (isStr(b)) return new Markup(a.s + escapeHtml(b));
    throw concatError(a, b);
  }
  if (b instanceof Markup && typeof a === "string") return new Markup(escapeHtml(a) + b.s);
  if (typeof a === "string") throw concatError(a, b);
  if (Array.isArray(a)) {
    if (Array.isArray(b)) return [...a, ...b];
    throw concatError(a, b);
  }
  if (a instanceof PyTuple) {
    if (b instanceof PyTuple) return new PyTuple([...a.items, ...b.items]);
    throw concatError(a, b);
  }
  throw unsupported("+", a, b);
}

function arith(a: unknown, b: unknown, f: (x: number, y: number) => number): unknown {
  const r = f(numValue(a), numValue(b));
  return isFloat(a) || isFloat(b) ? mkFloat(r) : mkInt(r);
}

export function sub(a: unknown, b: unknown): unknown {
  if (a instanceof Undefined) failUndefined(a);
  if (b instanceof Undefined) failUndefined(b);
  if (isNumber(a) && isNumber(b)) return arith(a, b, (x, y) => x - y);
  throw unsupported("-", a, b);
}

function repeat(seq: unknown, n: number): unknown {
  const times = Math.max(0, n);
  if (typeof seq === "string") {
    if (seq.length * times > MAX_STRING) throw new EngineGap(`a string built by the template passes ${MAX_STRING} characters`);
    return seq.repeat(times);
  }
  if (seq instanceof Markup) return new Markup(seq.s.repeat(times));
  const items = Array.isArray(seq) ? seq : (seq as PyTuple).items;
  if (items.length * times > 1_000_000) throw new EngineGap("a list repeated past the budget");
  const out: unknown[] = [];
  for (let i = 0; i < times; i++) out.push(...items);
  return Array.isArray(seq) ? out : new PyTuple(out);
}

export function mul(a: unknown, b: unknown): unknown {
  if (a instanceof Undefined) failUndefined(a);
  if (b instanceof Undefined) failUndefined(b);
  if (isNumber(a) && isNumber(b)) return arith(a, b, (x, y) => x * y);
  const isSeq = (v: unknown): boolean => isStr(v) || Array.isArray(v) || v instanceof PyTuple;
  const isIntLike = (v: unknown): boolean => isInt(v) || typeof v === "boolean";
  if (isSeq(a) && isIntLike(b)) return repeat(a, numValue(b));
  if (isIntLike(a) && isSeq(b)) return repeat(b, numValue(a));
  if (isSeq(a) && isNumber(b)) throw typeError(`can't multiply sequence by non-int of type '${typeName(b)}'`);
  if (isSeq(b) && isNumber(a)) throw typeError(`can't multiply sequence by non-int of type '${typeName(a)}'`);
  throw unsupported("*", a, b);
}

export function div(a: unknown, b: unknown): unknown {
  if (a instanceof Undefined) failUndefined(a);
  if (b instanceof Undefined) failUndefined(b);
  if (!isNumber(a) || !isNumber(b)) throw unsupported("/", a, b);
  if (numValue(b) === 0) throw new PyError("ZeroDivisionError", isFloat(a) || isFloat(b) ? "float division by zero" : "division by zero");
  return mkFloat(numValue(a) / numValue(b));
}

export function floordiv(a: unknown, b: unknown): unknown {
  if (a instanceof Undefined) failUndefined(a);
  if (b instanceof Undefined) failUndefined(b);
  if (!isNumber(a) || !isNumber(b)) throw unsupported("//", a, b);
  const y = numValue(b);
  const float = isFloat(a) || isFloat(b);
  if (y === 0) throw new PyError("ZeroDivisionError", float ? "float floor division by zero" : "integer division or modulo by zero");
  const r = Math.floor(numValue(a) / y);
  return float ? mkFloat(r) : mkInt(r);
}

export function mod(a: unknown, b: unknown): unknown {
  if (a instanceof Undefined) failUndefined(a);
  if (isStr(a)) {
    if (b instanceof Undefined) failUndefined(b);
    const text = percentFormat(strValueOf(a), b, pyStr, reprValue);
    return a instanceof Markup ? new Markup(text) : text;
  }
  if (b instanceof Undefined) failUndefined(b);
  if (!isNumber(a) || !isNumber(b)) throw unsupported("%", a, b);
  const x = numValue(a);
  const y = numValue(b);
  const float = isFloat(a) || isFloat(b);
  if (y === 0) throw new PyError("ZeroDivisionError", float ? "float modulo" : "integer modulo by zero");
  const r = x - Math.floor(x / y) * y;
  return float ? mkFloat(r) : mkInt(r);
}

export function pow(a: unknown, b: unknown): unknown {
  if (a instanceof Undefined) failUndefined(a);
  if (b instanceof Undefined) failUndefined(b);
  if (!isNumber(a) || !isNumber(b)) throw unsupported("** or pow()", a, b);
  const x = numValue(a);
  const y = numValue(b);
  if (!isFloat(a) && !isFloat(b) && y < 0) {
    if (x === 0) throw new PyError("ZeroDivisionError", "0.0 cannot be raised to a negative power");
    return mkFloat(x ** y);
  }
  const r = x ** y;
  return isFloat(a) || isFloat(b) ? mkFloat(r) : mkInt(r);
}

/** `~`: both sides through str(), Undefined as ''. */
export function concat(a: unknown, b: unknown): string {
  const x = pyStr(a);
  const y = pyStr(b);
  return x.length + y.length > MAX_STRING ? checked(x + y) : x + y;
}

export function compare(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case "==":
      return pyEq(a, b);
    case "!=":
      return !pyEq(a, b);
    case "<":
      return pyCompare(a, b, op) < 0;
    case ">":
      return pyCompare(a, b, op) > 0;
    case "<=":
      return pyCompare(a, b, op) <= 0;
    case ">=":
      return pyCompare(a, b, op) >= 0;
    default:
      throw new EngineGap(`the comparison operator ${op}`);
  }
}

/** Python's `a in b`. */
export function contains(container: unknown, item: unknown): boolean {
  if (isStr(container)) {
    if (item instanceof Undefined) failUndefined(item);
    if (!isStr(item)) throw typeError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    return strValueOf(container).includes(strValueOf(item));
  }
  if (container instanceof Undefined) return false;
  if (isDict(container)) return dictHas(container, item);
  if (Array.isArray(container) || container instanceof PyTuple) {
    const items = Array.isArray(container) ? container : container.items;
    for (const x of items) if (pyEq(x, item)) return true;
    return false;
  }
  if (container === null || isNumber(container)) throw typeError(`argument of type '${typeName(container)}' is not iterable`);
  for (const x of pyIterate(container)) if (pyEq(x, item)) return true;
  return false;
}

export function negate(v: unknown): unknown {
  if (v instanceof Undefined) failUndefined(v);
  if (!isNumber(v)) throw typeError(`bad operand type for unary -: '${typeName(v)}'`);
  const x = -numValue(v);
  return isFloat(v) ? mkFloat(x) : mkInt(x);
}

export function plus(v: unknown): unknown {
  if (v instanceof Undefined) failUndefined(v);
  if (!isNumber(v)) throw typeError(`bad operand type for unary +: '${typeName(v)}'`);
  return typeof v === "boolean" ? (v ? 1 : 0) : v;
}
