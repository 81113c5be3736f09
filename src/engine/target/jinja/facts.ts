/**
 * What a template's syntax tree says without rendering it: which keys of a message it reads, and whether it marks
 * assistant text with {% generation %}. The message-key analysis follows values that are messages (loop variables
 * over `messages`, `messages[i]`, slices and filtered lists of it, names set from those, macro parameters they are
 * passed to) and collects the keys read from them; any use it cannot follow (a message printed whole, passed to
 * tojson, read with a computed key, stored in a namespace) makes the answer `null` (cannot tell).
 */
import {
  children,
  type BinaryExpression,
  type CallExpression,
  type CallStatement,
  type FilterExpression,
  type ForNode,
  type Identifier,
  type KeywordArgumentExpression,
  type Literal,
  type MacroNode,
  type MemberExpression,
  type Node,
  type Program,
  type SelectExpression,
  type SetNode,
  type Ternary,
} from "./ast.js";

export interface TemplateFacts {
  /** Keys the template reads from a message object, as far as the syntax tree shows; null when it cannot tell. */
  messageKeys: string[] | null;
  /** The template contains {% generation %} … {% endgeneration %} markers. */
  hasGenerationMarkers: boolean;
}

type Kind = "list" | "item" | null;

/** Filters that keep a list of messages a list of (some of) the same messages. */
const LIST_FILTERS = new Set(["selectattr", "rejectattr", "select", "reject", "list", "reverse", "sort", "unique", "batch", "slice"]);
/** Filters that take one message out of a list. */
const ITEM_FILTERS = new Set(["first", "last", "min", "max", "random"]);
/** Filters and tests that read nothing of a message (or of a list of them) beyond its existence. */
const HARMLESS_FILTERS = new Set(["length", "count", "default", "d"]);
/** Dict methods that read every key. */
const ALL_KEYS_METHODS = new Set(["items", "keys", "values", "copy"]);

class Analysis {
  readonly lists = new Set<string>(["messages"]);
  readonly items = new Set<string>();
  readonly keys = new Set<string>();
  unknown = false;
  changed = false;
  private macros = new Map<string, MacroNode>();

  constructor(private readonly program: Program) {
    this.walkMacros(program);
  }

  private walkMacros(n: Node): void {
    if (n.type === "Macro") this.macros.set((n as MacroNode).name.value, n as MacroNode);
    for (const c of children(n)) this.walkMacros(c);
  }

  private mark(set: Set<string>, name: string): void {
    if (!set.has(name)) {
      set.add(name);
      this.changed = true;
    }
  }

  kind(n: Node): Kind {
    switch (n.type) {
      case "Identifier": {
        const name = (n as Identifier).value;
        return this.items.has(name) ? "item" : this.lists.has(name) ? "list" : null;
      }
      case "MemberExpression": {
        const m = n as MemberExpression;
        const k = this.kind(m.object);
        if (k === "list" && m.computed) return m.property.type === "SliceExpression" ? "list" : "item";
        if (k === null && !m.computed && m.property.type === "Identifier") {
          const prop = (m.property as Identifier).value;
          if ((prop === "previtem" || prop === "nextitem") && m.object.type === "Identifier" && (m.object as Identifier).value === "loop") return "item";
        }
        return null;
      }
      case "FilterExpression": {
        const f = n as FilterExpression;
        const k = this.kind(f.operand);
        const name = filterName(f);
        if (k === "list" && LIST_FILTERS.has(name)) return "list";
        if (k === "list" && ITEM_FILTERS.has(name)) return "item";
        if (k !== null && (name === "default" || name === "d")) return k;
        return null;
      }
      case "SelectExpression":
        return this.kind((n as SelectExpression).lhs);
      case "Ternary": {
        const t = n as Ternary;
        return this.kind(t.trueExpr) ?? this.kind(t.falseExpr);
      }
      case "BinaryExpression": {
        const b = n as BinaryExpression;
        if (b.operator.value === "+" || b.operator.value === "or" || b.operator.value === "and") {
          const k = this.kind(b.left) ?? this.kind(b.right);
          return k;
        }
        return null;
      }
      default:
        return null;
    }
  }

  /** One pass over the tree: bind names, record keys, flag uses we cannot follow. */
  visit(n: Node, used: "read" | "value"): void {
    switch (n.type) {
      case "For": {
        const f = n as ForNode;
        let iterable = f.iterable;
        if (iterable.type === "SelectExpression") iterable = (iterable as SelectExpression).lhs;
        const k = this.kind(iterable);
        if (k === "list") this.bindTarget(f.loopvar, "item");
        if (k === "item") this.markAllKeysRead();
        this.visit(iterable, "read");
        for (const c of [...f.body, ...f.defaultBlock]) this.visit(c, "value");
        if (f.iterable.type === "SelectExpression") this.visit((f.iterable as SelectExpression).test, "read");
        return;
      }
      case "If": {
        const node = n as Node & { test: Node; body: Node[]; alternate: Node[] };
        this.visit(node.test, "read");
        for (const c of [...node.body, ...node.alternate]) this.visit(c, "value");
        return;
      }
      case "Set": {
        const s = n as SetNode;
        if (s.value !== null) {
          const k = this.kind(s.value);
          if (k !== null) {
            if (s.assignee.type === "Identifier") this.mark(k === "list" ? this.lists : this.items, (s.assignee as Identifier).value);
            else this.unknown = true;
            this.visit(s.value, "read");
          } else this.visit(s.value, "read");
        }
        for (const c of s.body) this.visit(c, "value");
        return;
      }
      case "CallExpression": {
        const c = n as CallExpression;
        if (c.callee.type === "MemberExpression") {
          const m = c.callee as MemberExpression;
          if (this.kind(m.object) === "item" && !m.computed && m.property.type === "Identifier") {
            const method = (m.property as Identifier).value;
            if (method === "get") {
              const key = c.args[0];
              if (key !== undefined && key.type === "StringLiteral") this.keys.add((key as Literal<string>).value);
              else this.unknown = true;
              for (const a of c.args.slice(1)) this.visit(a, "read");
              return;
            }
            if (ALL_KEYS_METHODS.has(method)) {
              this.markAllKeysRead();
              return;
            }
          }
        }
        if (c.callee.type === "Identifier") this.bindMacroArgs((c.callee as Identifier).value, c.args);
        else this.visit(c.callee, "read");
        for (const a of c.args) {
          const v = a.type === "KeywordArgumentExpression" ? (a as KeywordArgumentExpression).value : a;
          if (this.kind(v) !== null && !(c.callee.type === "Identifier" && this.macros.has((c.callee as Identifier).value))) {
            if ((c.callee as Identifier).value !== "raise_exception") this.unknown = true;
          }
          this.visit(v, this.kind(v) !== null ? "read" : "read");
        }
        return;
      }
      case "CallStatement": {
        const cs = n as CallStatement;
        this.visit(cs.call, "read");
        for (const c of cs.body) this.visit(c, "value");
        return;
      }
      case "MemberExpression": {
        const m = n as MemberExpression;
        const k = this.kind(m.object);
        if (k === "item") {
          if (!m.computed && m.property.type === "Identifier") this.keys.add((m.property as Identifier).value);
          else if (m.computed && m.property.type === "StringLiteral") this.keys.add((m.property as Literal<string>).value);
          else this.unknown = true;
          if (m.computed) this.visit(m.property, "read");
          return;
        }
        if (k === "list") {
          if (m.computed) this.visit(m.property, "read");
          return;
        }
        this.visit(m.object, "read");
        if (m.computed) this.visit(m.property, "read");
        return;
      }
      case "FilterExpression": {
        const f = n as FilterExpression;
        const k = this.kind(f.operand);
        const name = filterName(f);
        const args = f.filter.type === "CallExpression" ? (f.filter as CallExpression).args : [];
        if (k === "list" && (name === "map" || name === "selectattr" || name === "rejectattr")) {
          const attr = name === "map" ? args.find((a) => a.type === "KeywordArgumentExpression" && (a as KeywordArgumentExpression).key.value === "attribute") : args[0];
          const value = attr?.type === "KeywordArgumentExpression" ? (attr as KeywordArgumentExpression).value : attr;
          if (value !== undefined && value.type === "StringLiteral") this.keys.add((value as Literal<string>).value.split(".")[0]);
          else this.unknown = true;
        } else if (k !== null && !LIST_FILTERS.has(name) && !ITEM_FILTERS.has(name) && !HARMLESS_FILTERS.has(name) && !name.startsWith("\u0000test")) {
          this.unknown = true;
        }
        this.visit(f.operand, "read");
        for (const a of args) this.visit(a.type === "KeywordArgumentExpression" ? (a as KeywordArgumentExpression).value : a, "read");
        return;
      }
      case "BinaryExpression": {
        const b = n as BinaryExpression;
        const op = b.operator.value;
        if ((op === "in" || op === "not in") && this.kind(b.right) === "item") {
          if (b.left.type === "StringLiteral") this.keys.add((b.left as Literal<string>).value);
          else this.unknown = true;
          this.visit(b.left, "read");
          return;
        }
        if (op === "~" || op === "+") {
          for (const side of [b.left, b.right]) if (this.kind(side) === "item") this.unknown = true;
        }
        this.visit(b.left, "read");
        this.visit(b.right, "read");
        return;
      }
      case "Identifier":
        if (used === "value" && this.items.has((n as Identifier).value)) this.unknown = true;
        return;
      case "ArrayLiteral":
      case "TupleLiteral":
      case "ObjectLiteral":
        for (const c of children(n)) {
          if (this.kind(c) !== null) this.unknown = true;
          this.visit(c, "read");
        }
        return;
      case "Macro":
        for (const c of (n as MacroNode).body) this.visit(c, "value");
        for (const a of (n as MacroNode).args) this.visit(a, "read");
        return;
      default:
        for (const c of children(n)) this.visit(c, isStatement(n) ? "value" : "read");
    }
  }

  private markAllKeysRead(): void {
    this.unknown = true;
  }

  private bindTarget(target: Node, kind: "item"): void {
    if (target.type === "Identifier") this.mark(this.items, (target as Identifier).value);
    else this.unknown = true;
    void kind;
  }

  private bindMacroArgs(name: string, args: Node[]): void {
    const macro = this.macros.get(name);
    if (macro === undefined) return;
    args.forEach((a, i) => {
      const isKw = a.type === "KeywordArgumentExpression";
      const value = isKw ? (a as KeywordArgumentExpression).value : a;
      const k = this.kind(value);
      if (k === null) return;
      const param = isKw ? (a as KeywordArgumentExpression).key.value : paramName(macro.args[i]);
      if (param === null) {
        this.unknown = true;
        return;
      }
      this.mark(k === "list" ? this.lists : this.items, param);
    });
  }

  run(): void {
    for (let round = 0; round < 10; round++) {
      this.changed = false;
      this.keys.clear();
      this.unknown = false;
      for (const n of this.program.body) this.visit(n, "value");
      if (!this.changed) return;
    }
    this.unknown = true;
  }
}

function paramName(p: Node | undefined): string | null {
  if (p === undefined) return null;
  if (p.type === "Identifier") return (p as Identifier).value;
  if (p.type === "KeywordArgumentExpression") return (p as KeywordArgumentExpression).key.value;
  return null;
}

function filterName(f: FilterExpression): string {
  return f.filter.type === "Identifier" ? (f.filter as Identifier).value : ((f.filter as CallExpression).callee as Identifier).value;
}

const STATEMENTS = new Set(["Program", "If", "For", "Set", "Macro", "CallStatement", "FilterStatement"]);
function isStatement(n: Node): boolean {
  return STATEMENTS.has(n.type);
}

export function collectFacts(program: Program | null, hasGenerationMarkers: boolean): TemplateFacts {
  if (program === null) return { messageKeys: null, hasGenerationMarkers };
  const a = new Analysis(program);
  a.run();
  return { messageKeys: a.unknown ? null : [...a.keys].sort(), hasGenerationMarkers };
}
