/**
 * The objects a render works with: scopes (lexical, live lookups as Jinja2 resolves names), the output buffer that
 * enforces the budgets, macros, and the `loop` variable of a for loop.
 */
import { children, type Identifier, type Node } from "./ast.js";
import { EngineGap, typeError } from "./errors.js";
import { MISSING, PyFunction, PyTuple, Undefined } from "./values.js";
import { pyEq } from "./compare.js";
import { reprValue } from "./repr.js";

export interface Limits {
  /** Statements, loop iterations and calls one render may execute. */
  maxSteps: number;
  /** Characters one render may produce (all buffers together). */
  maxOutput: number;
  /** Nested macro calls (Python's recursion limit would stop a runaway template). */
  maxDepth: number;
}

export const DEFAULT_LIMITS: Limits = { maxSteps: 2_000_000, maxOutput: 32 * 1024 * 1024, maxDepth: 200 };

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

export class Output {
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

export interface State {
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

export class LoopContext {
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

export interface SpecialNames {
  varargs: boolean;
  kwargs: boolean;
  caller: boolean;
}
const specialNamesCache = new WeakMap<Node[], SpecialNames>();

/** Whether a macro body reads varargs, kwargs or caller (Jinja2 then accepts extra arguments); once per body. */
export function specialNames(body: Node[]): SpecialNames {
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
