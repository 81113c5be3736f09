/**
 * Expressions with Python Jinja2's semantics: names (context, then the environment's globals), `.x`/`[k]`/slices,
 * calls of macros, globals and methods, operators, filters and tests. The statements that use it are in evaluator.ts.
 */
import { STR_METHODS, getAttr, getItem, getSlice } from "./access.js";
import {
  type BinaryExpression,
  type CallExpression,
  type FilterExpression,
  type Identifier,
  type KeywordArgumentExpression,
  type Literal,
  type MemberExpression,
  type Node,
  type SelectExpression,
  type SliceExpression,
  type SpreadExpression,
  type Ternary,
  type TestExpression,
  type UnaryExpression,
} from "./ast.js";
import { EngineGap, typeError } from "./errors.js";
import { applyFilter, type FilterHost } from "./filters.js";
import { callMethod } from "./methods.js";
import { add, compare, concat, contains, div, floordiv, mod, mul, negate, plus, pow, sub } from "./ops.js";
import { MacroValue, Scope, type Limits, type State } from "./runtime.js";
import { testOfFilter } from "./token-rewrites.js";
import { applyTest } from "./tests.js";
import {
  BoundMethod,
  MISSING,
  PyFloat,
  PyFunction,
  PyTuple,
  Undefined,
  dictEntries,
  isDict,
  isPlainObject,
  pyIterate,
  truthy,
  typeName,
} from "./values.js";
import { pyStr } from "./repr.js";
import { failUndefined } from "./undefined-error.js";

/** The keyword arguments of a call that has none (never modified: callees copy before they add). */
export const NO_KWARGS: Map<string, unknown> = new Map();

const CONSTANTS = new Map<string, unknown>([
  ["true", true],
  ["True", true],
  ["false", false],
  ["False", false],
  ["none", null],
  ["None", null],
]);

export abstract class ExpressionEvaluator implements FilterHost {
  protected readonly state: State;
  constructor(
    protected readonly globals: Map<string, unknown>,
    limits: Limits,
    protected readonly knownFilters: Set<string>,
  ) {
    this.state = { steps: 0, output: 0, depth: 0, limits };
  }

  /** Renders a macro's body (statements live in the subclass). */
  abstract invokeMacro(m: MacroValue, args: unknown[], kwargs: Map<string, unknown>): string;

  protected step(): void {
    if (++this.state.steps > this.state.limits.maxSteps) {
      throw new EngineGap(`the template runs past ${this.state.limits.maxSteps} steps (step budget)`);
    }
  }

  // ---- statements ----

  expr(n: Node, scope: Scope): unknown {
    switch (n.type) {
      case "StringLiteral":
        return (n as Literal<string>).value;
      case "Identifier": {
        const name = (n as Identifier).value;
        const c = CONSTANTS.get(name);
        if (c !== undefined || CONSTANTS.has(name)) return c;
        const v = scope.lookup(name);
        if (v !== MISSING) return v;
        const g = this.globals.get(name);
        return g !== undefined ? g : new Undefined(name);
      }
      case "IntegerLiteral":
        return (n as Literal<number>).value;
      case "FloatLiteral": {
        const v = (n as Literal<number>).value;
        return Number.isInteger(v) ? new PyFloat(v) : v;
      }
      case "MemberExpression":
        return this.member(n as MemberExpression, scope);
      case "CallExpression":
        return this.callExpr(n as CallExpression, scope);
      case "BinaryExpression":
        return this.binary(n as BinaryExpression, scope);
      case "UnaryExpression": {
        const u = n as UnaryExpression;
        const v = this.expr(u.argument, scope);
        if (u.operator.value === "not") return !truthy(v);
        return u.operator.value === "-" ? negate(v) : plus(v);
      }
      case "FilterExpression": {
        const f = n as FilterExpression;
        return this.filter(f.filter, this.expr(f.operand, scope), scope);
      }
      case "TestExpression": {
        const t = n as TestExpression;
        const r = this.callTest(t.test.value, this.expr(t.operand, scope), []);
        return t.negate ? !r : r;
      }
      case "Ternary": {
        const t = n as Ternary;
        return truthy(this.expr(t.condition, scope)) ? this.expr(t.trueExpr, scope) : this.expr(t.falseExpr, scope);
      }
      case "SelectExpression": {
        const s = n as SelectExpression;
        return truthy(this.expr(s.test, scope)) ? this.expr(s.lhs, scope) : new Undefined(null, MISSING, "the inline if-expression evaluated to false and no else section was defined.");
      }
      case "ArrayLiteral":
        return (n as Literal<Node[]>).value.map((e) => this.expr(e, scope));
      case "TupleLiteral":
        return new PyTuple((n as Literal<Node[]>).value.map((e) => this.expr(e, scope)));
      case "ObjectLiteral": {
        const out = new Map<unknown, unknown>();
        for (const [k, v] of (n as Literal<Map<Node, Node>>).value) {
          const key = this.expr(k, scope);
          if (Array.isArray(key) || isDict(key)) throw typeError(`unhashable type: '${typeName(key)}'`);
          if (key instanceof PyFloat || typeof key === "boolean" || key instanceof PyTuple) throw new EngineGap(`a dict literal with a ${typeName(key)} key`);
          out.set(key, this.expr(v, scope));
        }
        return out;
      }
      default:
        throw new EngineGap(`the expression ${n.type}`);
    }
  }

  protected member(n: MemberExpression, scope: Scope): unknown {
    const obj = this.expr(n.object, scope);
    if (!n.computed) {
      if (n.property.type === "Identifier") return getAttr(obj, (n.property as Identifier).value);
      return getItem(obj, (n.property as Literal<number>).value);
    }
    if (n.property.type === "SliceExpression") {
      const s = n.property as SliceExpression;
      const v = (e: Node | undefined): unknown => (e === undefined ? null : this.expr(e, scope));
      return getSlice(obj, v(s.start), v(s.stop), v(s.step));
    }
    return getItem(obj, this.expr(n.property, scope));
  }

  protected args(nodes: Node[], scope: Scope): [unknown[], Map<string, unknown>] {
    const args: unknown[] = [];
    let kwargs = NO_KWARGS;
    for (const a of nodes) {
      if (a.type === "KeywordArgumentExpression" || a.type === "KeywordSpreadExpression") {
        if (kwargs === NO_KWARGS) kwargs = new Map<string, unknown>();
      }
      if (a.type === "KeywordArgumentExpression") {
        const k = a as KeywordArgumentExpression;
        kwargs.set(k.key.value, this.expr(k.value, scope));
      } else if (a.type === "SpreadExpression") {
        args.push(...pyIterate(this.expr((a as SpreadExpression).argument, scope)));
      } else if (a.type === "KeywordSpreadExpression") {
        const d = this.expr((a as SpreadExpression).argument, scope);
        if (!isDict(d)) throw typeError(`argument after ** must be a mapping, not ${typeName(d)}`);
        for (const [k, v] of dictEntries(d)) kwargs.set(pyStr(k), v);
      } else {
        args.push(this.expr(a, scope));
      }
    }
    return [args, kwargs];
  }

  protected callExpr(n: CallExpression, scope: Scope): unknown {
    const c = n.callee;
    if (c.type === "MemberExpression" && !(c as MemberExpression).computed && (c as MemberExpression).property.type === "Identifier") {
      // obj.method(...) on a str, dict or list: call without building the bound method (the common case)
      const m = c as MemberExpression;
      const obj = this.expr(m.object, scope);
      const name = (m.property as Identifier).value;
      if (isPlainMethod(obj, name)) {
        const [args, kwargs] = this.args(n.args, scope);
        return callMethod(new BoundMethod(obj, name), args, kwargs);
      }
      const callee = getAttr(obj, name);
      const [args, kwargs] = this.args(n.args, scope);
      return this.call(callee, args, kwargs);
    }
    const callee = this.expr(c, scope);
    const [args, kwargs] = this.args(n.args, scope);
    return this.call(callee, args, kwargs);
  }

  call(callee: unknown, args: unknown[], kwargs: Map<string, unknown>): unknown {
    if (callee instanceof MacroValue) return this.invokeMacro(callee, args, kwargs);
    if (callee instanceof PyFunction) return callee.call(args, kwargs);
    if (callee instanceof BoundMethod) return callMethod(callee, args, kwargs);
    if (callee instanceof Undefined) failUndefined(callee);
    throw typeError(`'${typeName(callee)}' object is not callable`);
  }

  protected binary(n: BinaryExpression, scope: Scope): unknown {
    const op = n.operator.value;
    if (op === "and") {
      const a = this.expr(n.left, scope);
      return truthy(a) ? this.expr(n.right, scope) : a;
    }
    if (op === "or") {
      const a = this.expr(n.left, scope);
      return truthy(a) ? a : this.expr(n.right, scope);
    }
    const a = this.expr(n.left, scope);
    const b = this.expr(n.right, scope);
    switch (op) {
      case "+":
        return add(a, b);
      case "-":
        return sub(a, b);
      case "*":
        return mul(a, b);
      case "/":
        return div(a, b);
      case "//":
        return floordiv(a, b);
      case "%":
        return mod(a, b);
      case "**":
        return pow(a, b);
      case "~":
        return concat(a, b);
      case "in":
        return contains(b, a);
      case "not in":
        return !contains(b, a);
      default:
        return compare(op, a, b);
    }
  }

  protected filter(f: Identifier | CallExpression, value: unknown, scope: Scope): unknown {
    if (f.type === "Identifier") return this.callFilter((f as Identifier).value, value, [], NO_KWARGS);
    const c = f as CallExpression;
    const [args, kwargs] = this.args(c.args, scope);
    return this.callFilter((c.callee as Identifier).value, value, args, kwargs);
  }

  callFilter(name: string, value: unknown, args: unknown[], kwargs: Map<string, unknown>): unknown {
    const test = testOfFilter(name);
    if (test !== null) {
      if (kwargs.size > 0) throw new EngineGap(`keyword arguments to the test ${test[0]}`);
      const r = this.callTest(test[0], value, args);
      return test[1] ? !r : r;
    }
    return applyFilter(this, name, value, args, kwargs);
  }

  callTest(name: string, value: unknown, args: unknown[]): boolean {
    return applyTest(name, value, args, this.knownFilters);
  }
}

/** A safe method of a str, a JSON dict or a list (what getAttr would bind): callable directly. */
function isPlainMethod(obj: unknown, name: string): boolean {
  if (typeof obj === "string") return STR_METHODS.has(name);
  if (Array.isArray(obj)) return name === "count" || name === "index" || name === "copy";
  if (isPlainObject(obj)) return name === "get" || name === "items" || name === "keys" || name === "values" || name === "copy";
  return false;
}
