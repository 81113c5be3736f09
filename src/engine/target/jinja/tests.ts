/** Jinja2's `is` tests (`is defined`, `is string`, `is mapping` ...), with Python's answers. */
import { EngineGap, PyError } from "./errors.js";
import { contains, mod } from "./ops.js";
import { BoundMethod, Markup, PyFloat, PyFunction, PyTuple, Undefined, isDict, isIterable, isStr, numValue, typeName } from "./values.js";
import { pyCompare, pyEq } from "./compare.js";
import { pyStr } from "./repr.js";
import { failUndefined } from "./undefined-error.js";

/** Every test name Python's environment knows (an unknown one is a compile error or a runtime error in Python). */
export const PYTHON_TESTS = new Set(
  "!= < <= == > >= boolean callable defined divisibleby eq equalto escaped even false filter float ge greaterthan gt in integer iterable le lessthan lower lt mapping ne none number odd sameas sequence string test true undefined upper".split(
    " ",
  ),
);

function isCallable(v: unknown): boolean {
  return v instanceof PyFunction || v instanceof BoundMethod || (typeof v === "object" && v !== null && (v as { pyTypeName?: string }).pyTypeName === "Macro") || (v instanceof Undefined && v.unsafe);
}

function isSequence(v: unknown): boolean {
  return isStr(v) || Array.isArray(v) || v instanceof PyTuple || isDict(v) || v instanceof Undefined || typeof (v as { pyRangeItems?: unknown } | null)?.pyRangeItems === "function";
}

function intValue(v: unknown): number {
  if (v instanceof Undefined) failUndefined(v);
  if (typeof v === "number" || typeof v === "boolean" || v instanceof PyFloat) return numValue(v);
  throw new PyError("TypeError", `unsupported operand type(s) for %: '${typeName(v)}' and 'int'`);
}

export function applyTest(name: string, value: unknown, args: unknown[], knownFilters: Set<string>): boolean {
  switch (name) {
    case "defined":
      return !(value instanceof Undefined);
    case "undefined":
      return value instanceof Undefined;
    case "none":
      return value === null;
    case "string":
      return isStr(value);
    case "number":
      return typeof value === "number" || typeof value === "boolean" || value instanceof PyFloat;
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "float":
      return value instanceof PyFloat || (typeof value === "number" && !Number.isInteger(value));
    case "boolean":
      return typeof value === "boolean";
    case "true":
      return value === true;
    case "false":
      return value === false;
    case "mapping":
      return isDict(value);
    case "sequence":
      return isSequence(value);
    case "iterable":
      return isIterable(value);
    case "callable":
      return isCallable(value);
    case "lower":
      return pyStr(value) === pyStr(value).toLowerCase() && /\p{Ll}/u.test(pyStr(value)) && !/\p{Lu}/u.test(pyStr(value));
    case "upper":
      return pyStr(value) === pyStr(value).toUpperCase() && /\p{Lu}/u.test(pyStr(value)) && !/\p{Ll}/u.test(pyStr(value));
    case "escaped":
      return value instanceof Markup;
    case "odd":
      return Math.abs(intValue(value) % 2) === 1;
    case "even":
      return intValue(value) % 2 === 0;
    case "divisibleby": {
      const r = mod(value, args[0]);
      return numValue(r) === 0;
    }
    case "eq":
    case "equalto":
    case "==":
      return pyEq(value, args[0]);
    case "ne":
    case "!=":
      return !pyEq(value, args[0]);
    case "lt":
    case "lessthan":
    case "<":
      return pyCompare(value, args[0], "<") < 0;
    case "le":
    case "<=":
      return pyCompare(value, args[0], "<=") <= 0;
    case "gt":
    case "greaterthan":
    case ">":
      return pyCompare(value, args[0], ">") > 0;
    case "ge":
    case ">=":
      return pyCompare(value, args[0], ">=") >= 0;
    case "in":
      return contains(args[0], value);
    case "filter":
      return typeof value === "string" && knownFilters.has(value);
    case "test":
      return typeof value === "string" && PYTHON_TESTS.has(value);
    case "sameas":
      if (value === null || typeof value === "boolean") return value === args[0];
      if (typeof value === "object") return value === args[0];
      throw new EngineGap("`is sameas` on a number or string (identity depends on CPython's caching)");
    default:
      throw new PyError("TemplateRuntimeError", `No test named '${name}' found.`);
  }
}
