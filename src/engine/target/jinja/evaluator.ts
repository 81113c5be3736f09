/**
 * Renders a parsed template with Python Jinja2's semantics (ImmutableSandboxedEnvironment as transformers sets it
 * up): scoping (a for-loop iteration and a macro are scopes, an if is not), Undefined, loop variables and loop
 * filters, macros with varargs/kwargs/caller, call and filter blocks, namespaces, and a step and output budget.
 */

import {
  GENERATION_CALLEE,
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
} from "./ast.js";
import { EngineGap, PyError, typeError } from "./errors.js";
import { DEFAULT_LIMITS, LoopContext, MacroValue, Output, Scope, specialNames, type Limits } from "./runtime.js";
import {
  MISSING,
  Namespace,
  PyTuple,
  Undefined,
  pyIterate,
  truthy,
  typeName,
} from "./values.js";
import { pyStr, reprValue } from "./repr.js";
import { ExpressionEvaluator } from "./expressions.js";

class BreakSignal {}
class ContinueSignal {}
const BREAK = new BreakSignal();
const CONTINUE = new ContinueSignal();

export class Evaluator extends ExpressionEvaluator {
  render(body: Node[], context: Record<string, unknown>): string {
    const root = new Scope(null);
    for (const [k, v] of Object.entries(context)) if (v !== undefined) root.set(k, v);
    const out = new Output(this.state);
    this.body(body, new Scope(root), out);
    return out.text();
  }

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

}

function innermostOperand(f: FilterExpression): Node {
  let n: Node = f;
  while (n.type === "FilterExpression") n = (n as FilterExpression).operand;
  return n;
}

export { DEFAULT_LIMITS, type Limits };
