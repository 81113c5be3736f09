// Python's == and ordering (<, >, <=, >=) of template values: numbers across int/float/bool, str by code point,
// lists and tuples item by item, dicts by their items; Python's TypeError for unorderable types.
import { typeError } from "./errors.js";
import { failUndefined } from "./undefined-error.js";
import { MISSING, PyIter, PyTuple, Undefined, dictEntries, dictGet, dictSize, hasSurrogates, isDict, isNumber, isStr, numValue, strValueOf, typeName } from "./values.js";

/** Python `==`. */
export function pyEq(a: unknown, b: unknown): boolean {
  if (a === b) return a !== undefined || b !== undefined;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (isNumber(a) && isNumber(b)) return numValue(a) === numValue(b);
  if (isStr(a) && isStr(b)) return strValueOf(a) === strValueOf(b);
  if (a instanceof Undefined) return b instanceof Undefined;
  if (Array.isArray(a)) return Array.isArray(b) && seqEq(a, b);
  if (a instanceof PyTuple) return b instanceof PyTuple && seqEq(a.items, b.items);
  if (isDict(a)) {
    if (!isDict(b) || dictSize(a) !== dictSize(b)) return false;
    for (const [k, v] of dictEntries(a)) {
      const other = dictGet(b, k);
      if (other === MISSING || !pyEq(v, other)) return false;
    }
    return true;
  }
  if (a instanceof PyIter && b instanceof PyIter && a.isView && b.isView && a.kind === b.kind && a.kind !== "dict_values") {
    return seqEq(a.take(), b.take());
  }
  return false;
}

function seqEq(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!pyEq(a[i], b[i])) return false;
  return true;
}

const OP_NAMES: Record<string, string> = { "<": "<", ">": ">", "<=": "<=", ">=": ">=" };

/** Python ordering: -1, 0, 1; throws Python's TypeError for unorderable types. */
export function pyCompare(a: unknown, b: unknown, op: string): number {
  if (a instanceof Undefined) failUndefined(a);
  if (b instanceof Undefined) failUndefined(b);
  if (isNumber(a) && isNumber(b)) {
    const x = numValue(a);
    const y = numValue(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  }
  if (isStr(a) && isStr(b)) return compareCodePoints(strValueOf(a), strValueOf(b));
  if ((Array.isArray(a) && Array.isArray(b)) || (a instanceof PyTuple && b instanceof PyTuple)) {
    const xs = Array.isArray(a) ? a : (a as PyTuple).items;
    const ys = Array.isArray(b) ? b : (b as PyTuple).items;
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
      if (!pyEq(xs[i], ys[i])) return pyCompare(xs[i], ys[i], op);
    }
    return xs.length - ys.length === 0 ? 0 : xs.length < ys.length ? -1 : 1;
  }
  throw typeError(`'${OP_NAMES[op] ?? op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/** Python compares str by code point; JS `<` compares UTF-16 units (differs past U+FFFF only). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  if (!hasSurrogates(a) && !hasSurrogates(b)) return a < b ? -1 : 1;
  const xs = Array.from(a);
  const ys = Array.from(b);
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i].codePointAt(0) ?? 0;
    const y = ys[i].codePointAt(0) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return xs.length < ys.length ? -1 : xs.length > ys.length ? 1 : 0;
}
