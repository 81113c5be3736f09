/**
 * Renders a parsed template with Python Jinja2's semantics (ImmutableSandboxedEnvironment as transformers sets it
 * up): scoping (a for-loop iteration and a macro are scopes, an if is not), Undefined, loop variables and loop
 * filters, macros with varargs/kwargs/caller, call and filter blocks, namespaces, and a step and output budget.
 */
import { STR_METHODS, getAttr, getItem, getSlice } from "./access.js";
import {
  GENERATION_CALLEE,
  type BinaryExpression,
  type CallExpression,
  type CallStatement,
  type FilterExpression,
  type FilterStatement,
  type ForNode,
  type Identifier,
  type IfNode,
  type KeywordArgumentExpression,
  type Literal,
  type MacroNode,
  type MemberExpression,
  type Node,
  type SelectExpression,
  type SetNode,
  type SliceExpression,
  type SpreadExpression,
  type Ternary,
  type TestExpression,
  type UnaryExpression,
  children,
} from "./ast.js";
import { EngineGap, PyError, typeError } from "./errors.js";
import { applyFilter, type FilterHost } from "./filters.js";
import { callMethod } from "./methods.js";
import { add, compare, concat, contains, div, floordiv, mod, mul, negate, plus, pow, sub } from "./ops.js";
import { testOfFilter } from "./lexer.js";
import { applyTest } from "./tests.js";
import {
  BoundMethod,
  MISSING,
  Namespace,
  PyFloat,
  PyFunction,
  PyTuple,
  Undefined,
  dictEntries,
  isDict,
  isPlainObject,
  pyEq,
  pyIterate,
  pyLen,
  pyStr,
  reprValue,
  truthy,
  typeName,
} from "./values.js";

export interface Limits {
  /** Statements, loop iterations and calls one render may execute. */
  maxSteps: number;
  /** Characters one render may produce (all buffers together). */
  maxOutput: number;
  /** Nested macro calls (Python's recursion limit would stop a runaway template). */
  maxDepth: number;
}

export const DEFAULT_LIMITS: Limits = { maxSteps: 2_000_000, maxOutput: 32 * 1024 * 1024, maxDepth: 200 };

/** The keyword arguments of a call that has none (never modified: callees copy before they add). */
const NO_KWARGS: Map<string, unknown> = new Map();

class BreakSignal {}
class ContinueSignal {}
const BREAK = new BreakSignal();
const CONTINUE = new ContinueSignal();

export class Scope {
  private own: Map<string, unknown> | null = null;
  constructor(readonly parent: Scope | null) {}
  set(name: string, value: unknown): void {
    (this.own ??= new Map()).set(name, value);
  }
  lookup(name: string): unknown {
    const own = this.own;
    if (own !== null) {
      const v = own.get(name);
      if (v !== undefined || own.has(name)) return v;
    }
    return this.parent === null ? MISSING : this.parent.lookup(name);
  }
}

class Output {
  readonly parts: string[] = [];
  constructor(private readonly state: State) {}
  push(s: string): void {
    if (s === "") return;
    this.state.output += s.length;
    if (this.state.output > this.state.limits.maxOutput) {
      throw new EngineGap(`the rendered text passes ${this.state.limits.maxOutput} characters (output budget)`);
    }
    this.parts.push(s);
  }
  text(): string {
    return this.parts.join("");
  }
}

interface State {
  steps: number;
  output: number;
  depth: number;
  limits: Limits;
}

export class MacroValue {
  readonly pyTypeName = "Macro";
  constructor(
    readonly name: string,
    readonly params: { name: string; dflt: Node | null }[],
    readonly body: Node[],
    readonly closure: Scope,
    readonly catchVarargs: boolean,
    readonly catchKwargs: boolean,
    readonly usesCaller: boolean,
  ) {}
  pyRepr(): string {
    return `<Macro ${reprValue(this.name)}>`;
  }
}

class LoopContext {
  readonly pyTypeName = "LoopContext";
  index0 = 0;
  private lastChanged: unknown = MISSING;
  constructor(
    private readonly items: unknown[],
    readonly depth0: number,
  ) {}
  pyGetAttr(name: string): unknown {
    const n = this.items.length;
    const i = this.index0;
    switch (name) {
      case "index":
        return i + 1;
      case "index0":
        return i;
      case "revindex":
        return n - i;
      case "revindex0":
        return n - i - 1;
      case "first":
        return i === 0;
      case "last":
        return i === n - 1;
      case "length":
        return n;
      case "depth":
        return this.depth0 + 1;
      case "depth0":
        return this.depth0;
      case "previtem":
        return i > 0 ? this.items[i - 1] : new Undefined(null, MISSING, "there is no previous item");
      case "nextitem":
        return i < n - 1 ? this.items[i + 1] : new Undefined(null, MISSING, "there is no next item");
      case "cycle":
        return new PyFunction("cycle", (args) => {
          if (args.length === 0) throw typeError("no items for cycling given");
          return args[i % args.length];
        });
      case "changed":
        return new PyFunction("changed", (args) => {
          const value = args.length === 1 ? args[0] : new PyTuple(args);
          if (this.lastChanged !== MISSING && pyEq(this.lastChanged, value)) return false;
          this.lastChanged = value;
          return true;
        });
      default:
        return MISSING;
    }
  }
  pyRepr(): string {
    return `<LoopContext ${this.index0 + 1}/${this.items.length}>`;
  }
}

const CONSTANTS = new Map<string, unknown>([
  ["true", true],
  ["True", true],
  ["false", false],
  ["False", false],
  ["none", null],
  ["None", null],
]);

interface SpecialNames {
  varargs: boolean;
  kwargs: boolean;
  caller: boolean;
}
const specialNamesCache = new WeakMap<Node[], SpecialNames>();

/** Whether a macro body reads varargs, kwargs or caller (Jinja2 then accepts extra arguments); once per body. */
function specialNames(body: Node[]): SpecialNames {
  let found = specialNamesCache.get(body);
  if (found !== undefined) return found;
  found = { varargs: false, kwargs: false, caller: false };
  const stack = [...body];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === "Identifier") {
      const v = (n as Identifier).value;
      if (v === "varargs" || v === "kwargs" || v === "caller") found[v] = true;
    }
    stack.push(...children(n));
  }
  specialNamesCache.set(body, found);
  return found;
}

export class Evaluator implements FilterHost {
  private readonly state: State;
  constructor(
    private readonly globals: Map<string, unknown>,
    limits: Limits,
    private readonly knownFilters: Set<string>,
  ) {
    this.state = { steps: 0, output: 0, depth: 0, limits };
  }

  render(body: Node[], context: Record<string, unknown>): string {
    const root = new Scope(null);
    for (const [k, v] of Object.entries(context)) if (v !== undefined) root.set(k, v);
    const out = new Output(this.state);
    this.body(body, new Scope(root), out);
    return out.text();
  }

  private step(): void {
    if (++this.state.steps > this.state.limits.maxSteps) {
      throw new EngineGap(`the template runs past ${this.state.limits.maxSteps} steps (step budget)`);
    }
  }

  // ---- statements ----

  private body(nodes: Node[], scope: Scope, out: Output): void {
    for (const n of nodes) this.statement(n, scope, out);
  }

  private statement(n: Node, scope: Scope, out: Output): void {
    this.step();
    switch (n.type) {
      case "StringLiteral":
        out.push((n as Literal<string>).value);
        return;
      case "If": {
        const node = n as IfNode;
        this.body(truthy(this.expr(node.test, scope)) ? node.body : node.alternate, scope, out);
        return;
      }
      case "For":
        this.forLoop(n as ForNode, scope, out);
        return;
      case "Set":
        this.set(n as SetNode, scope);
        return;
      case "Macro": {
        const m = this.macro(n as MacroNode, scope);
        scope.set(m.name, m);
        return;
      }
      case "CallStatement":
        this.callBlock(n as CallStatement, scope, out);
        return;
      case "FilterStatement": {
        const node = n as FilterStatement;
        const inner = new Output(this.state);
        this.body(node.body, new Scope(scope), inner);
        out.push(pyStr(this.filter(node.filter, inner.text(), scope)));
        return;
      }
      case "Break":
        throw BREAK;
      case "Continue":
        throw CONTINUE;
      case "Comment":
        return;
      default:
        out.push(this.print(this.expr(n, scope)));
    }
  }

  private print(v: unknown): string {
    if (typeof v === "string") return v;
    return pyStr(v);
  }

  private forLoop(node: ForNode, scope: Scope, out: Output): void {
    let iterable = node.iterable;
    let test: Node | null = null;
    if (iterable.type === "SelectExpression") {
      test = (iterable as SelectExpression).test;
      iterable = (iterable as SelectExpression).lhs;
    }
    let items = pyIterate(this.expr(iterable, scope));
    if (test !== null) {
      const t = test;
      items = items.filter((item) => {
        const s = new Scope(scope);
        this.assign(node.loopvar, item, s);
        return truthy(this.expr(t, s));
      });
    }
    if (items.length === 0) {
      this.body(node.defaultBlock, new Scope(scope), out);
      return;
    }
    const outer = scope.lookup("loop");
    const depth0 = outer instanceof LoopContext ? outer.depth0 + 1 : 0;
    const loop = new LoopContext(items, depth0);
    for (let i = 0; i < items.length; i++) {
      this.step();
      loop.index0 = i;
      const s = new Scope(scope);
      this.assign(node.loopvar, items[i], s);
      s.set("loop", loop);
      try {
        this.body(node.body, s, out);
      } catch (e) {
        if (e === BREAK) break;
        if (e === CONTINUE) continue;
        throw e;
      }
    }
  }

  private assign(target: Node, value: unknown, scope: Scope): void {
    switch (target.type) {
      case "Identifier":
        scope.set((target as Identifier).value, value);
        return;
      case "TupleLiteral": {
        const names = (target as Literal<Node[]>).value;
        if (value === null || typeof value === "number" || typeof value === "boolean") {
          throw typeError(`cannot unpack non-iterable ${typeName(value)} object`);
        }
        const items = pyIterate(value);
        if (items.length < names.length) throw new PyError("ValueError", `not enough values to unpack (expected ${names.length}, got ${items.length})`);
        if (items.length > names.length) throw new PyError("ValueError", `too many values to unpack (expected ${names.length})`);
        names.forEach((t, i) => this.assign(t, items[i], scope));
        return;
      }
      case "MemberExpression": {
        const m = target as MemberExpression;
        if (m.computed || m.property.type !== "Identifier") throw new EngineGap("an assignment to an item");
        const obj = this.expr(m.object, scope);
        if (!(obj instanceof Namespace)) throw new PyError("TemplateRuntimeError", "cannot assign attribute on non-namespace object");
        obj.attrs.set((m.property as Identifier).value, value);
        return;
      }
      default:
        throw new EngineGap(`an assignment to a ${target.type}`);
    }
  }

  private set(node: SetNode, scope: Scope): void {
    if (node.value !== null) {
      this.assign(node.assignee, this.expr(node.value, scope), scope);
      return;
    }
    const inner = new Output(this.state);
    this.body(node.body, new Scope(scope), inner);
    let target = node.assignee;
    let value: unknown = inner.text();
    if (target.type === "FilterExpression") {
      const f = target as FilterExpression;
      value = this.filterChain(f, value, scope);
      target = innermostOperand(f);
    }
    this.assign(target, value, scope);
  }

  /** `{% set x | f | g %}`: the filters apply to the block's text, innermost first. */
  private filterChain(f: FilterExpression, value: unknown, scope: Scope): unknown {
    const inner = f.operand.type === "FilterExpression" ? this.filterChain(f.operand as FilterExpression, value, scope) : value;
    return this.filter(f.filter, inner, scope);
  }

  private macro(node: MacroNode, scope: Scope): MacroValue {
    const params = node.args.map((a) =>
      a.type === "KeywordArgumentExpression"
        ? { name: (a as KeywordArgumentExpression).key.value, dflt: (a as KeywordArgumentExpression).value }
        : { name: (a as Identifier).value, dflt: null },
    );
    const names = specialNames(node.body);
    return new MacroValue(node.name.value, params, node.body, scope, names.varargs, names.kwargs, names.caller);
  }

  private callBlock(node: CallStatement, scope: Scope, out: Output): void {
    const call = node.call;
    if (call.callee.type === "Identifier" && (call.callee as Identifier).value === GENERATION_CALLEE) {
      const inner = new Output(this.state);
      this.body(node.body, new Scope(scope), inner);
      out.push(inner.text());
      return;
    }
    const callerParams = (node.callerArgs ?? []).map((a) =>
      a.type === "KeywordArgumentExpression"
        ? { name: (a as KeywordArgumentExpression).key.value, dflt: (a as KeywordArgumentExpression).value }
        : { name: (a as Identifier).value, dflt: null },
    );
    const names = specialNames(node.body);
    const caller = new MacroValue("caller", callerParams, node.body, scope, names.varargs, names.kwargs, false);
    const callee = this.expr(call.callee, scope);
    const [args, given] = this.args(call.args, scope);
    const kwargs = new Map(given);
    kwargs.set("caller", caller);
    out.push(this.print(this.call(callee, args, kwargs)));
  }

  invokeMacro(m: MacroValue, args: unknown[], kwargs: Map<string, unknown>): string {
    this.step();
    if (++this.state.depth > this.state.limits.maxDepth) throw new EngineGap(`macros nested deeper than ${this.state.limits.maxDepth} calls`);
    try {
      const s = new Scope(m.closure);
      const kw = new Map(kwargs);
      if (m.usesCaller || m.name === "caller") {
        if (kw.has("caller")) s.set("caller", kw.get("caller"));
        else s.set("caller", new Undefined("caller", MISSING, "No caller defined"));
        kw.delete("caller");
      } else if (kw.has("caller")) {
        throw typeError(`macro ${reprValue(m.name)} takes no keyword argument 'caller'`);
      }
      m.params.forEach((p, i) => {
        if (i < args.length) {
          if (kw.has(p.name)) throw typeError(`macro ${reprValue(m.name)} got multiple values for argument ${reprValue(p.name)}`);
          s.set(p.name, args[i]);
        } else if (kw.has(p.name)) {
          s.set(p.name, kw.get(p.name));
          kw.delete(p.name);
        } else if (p.dflt !== null) {
          s.set(p.name, this.expr(p.dflt, s));
        } else {
          s.set(p.name, new Undefined(p.name, MISSING, `parameter ${reprValue(p.name)} was not provided`));
        }
      });
      if (args.length > m.params.length) {
        if (!m.catchVarargs) throw typeError(`macro ${reprValue(m.name)} takes not more than ${m.params.length} argument(s)`);
      }
      if (m.catchVarargs) s.set("varargs", new PyTuple(args.slice(m.params.length)));
      if (kw.size > 0 && !m.catchKwargs) throw typeError(`macro ${reprValue(m.name)} takes no keyword argument ${reprValue([...kw.keys()][0])}`);
      if (m.catchKwargs) s.set("kwargs", new Map<unknown, unknown>(kw));
      const out = new Output(this.state);
      this.body(m.body, s, out);
      return out.text();
    } finally {
      this.state.depth--;
    }
  }

  // ---- expressions ----

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

  private member(n: MemberExpression, scope: Scope): unknown {
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

  private args(nodes: Node[], scope: Scope): [unknown[], Map<string, unknown>] {
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

  private callExpr(n: CallExpression, scope: Scope): unknown {
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
    if (callee instanceof Undefined) callee.fail();
    throw typeError(`'${typeName(callee)}' object is not callable`);
  }

  private binary(n: BinaryExpression, scope: Scope): unknown {
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

  private filter(f: Identifier | CallExpression, value: unknown, scope: Scope): unknown {
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

function innermostOperand(f: FilterExpression): Node {
  let n: Node = f;
  while (n.type === "FilterExpression") n = (n as FilterExpression).operand;
  return n;
}

export { pyLen };
