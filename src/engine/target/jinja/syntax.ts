/**
 * Python Jinja2's grammar as a recognizer over our tokens: it decides whether Python's Jinja2 (with transformers'
 * extensions: loopcontrols, generation) could parse a template, and where it would stop. It builds no tree
 * (@huggingface/jinja's parser does); a template it accepts but that parser refuses is an engine gap, not an error.
 * Also the checks Python makes when it compiles: `break` outside a loop, unknown filters and tests outside an `if`.
 */
import type { HfToken } from "./ast.js";
import { TemplateSyntaxError } from "./errors.js";
import { PYTHON_FILTERS } from "./filters.js";
import { PYTHON_TESTS } from "./tests.js";

const CONSTANT_NAMES = new Set(["true", "false", "none", "True", "False", "None"]);
/** Tags Python parses that we accept loosely (our engine has no tree for them: an engine gap at parse time). */
const LOOSE_BLOCKS: Record<string, string> = { block: "endblock", with: "endwith", autoescape: "endautoescape" };
const LOOSE_TAGS = new Set(["extends", "include", "import", "from", "print"]);

function describe(t: HfToken | undefined): string {
  if (t === undefined) return "end of template";
  switch (t.type) {
    case "CloseExpression":
      return "end of print statement";
    case "CloseStatement":
      return "end of statement block";
    case "Text":
      return "template data / text";
    case "StringLiteral":
      return "string";
    case "NumericLiteral":
      return t.value.includes(".") ? "float" : "integer";
    default:
      return t.value;
  }
}

/** What the grammar check learned that the parse needs: spans to group, constructs our tree would get wrong. */
export interface SyntaxNotes {
  /** Token ranges [start, end) of `a ~ b` chains: Python binds `~` tighter than `+` and `-`, our parser does not. */
  concatSpans: [number, number][];
  /** Constructs Python parses that our tree would not evaluate as Python does. */
  gaps: string[];
}

class Recognizer {
  readonly notes: SyntaxNotes = { concatSpans: [], gaps: [] };
  private i = 0;
  private loopDepth = 0;
  private soft = 0;
  private readonly blockStack: string[] = [];
  constructor(
    private readonly tokens: HfToken[],
    private readonly lines: number[],
  ) {}

  private get cur(): HfToken | undefined {
    return this.tokens[this.i];
  }
  private peek(k = 1): HfToken | undefined {
    return this.tokens[this.i + k];
  }
  private line(): number | null {
    return this.lines[Math.min(this.i, this.lines.length - 1)] ?? null;
  }
  private fail(message: string): never {
    throw new TemplateSyntaxError(message, this.line());
  }
  private is(type: string, value?: string): boolean {
    const t = this.cur;
    return t !== undefined && t.type === type && (value === undefined || t.value === value);
  }
  private isName(value?: string): boolean {
    return this.is("Identifier", value);
  }
  private isOp(value: string): boolean {
    const t = this.cur;
    return t !== undefined && t.type !== "StringLiteral" && t.type !== "Identifier" && t.type !== "Text" && t.type !== "NumericLiteral" && t.value === value;
  }
  private expectOp(value: string, what = value): void {
    if (!this.isOp(value)) this.fail(`expected token '${what}', got '${describe(this.cur)}'`);
    this.i++;
  }
  private expectType(type: string, what: string): void {
    if (!this.is(type)) this.fail(`expected token '${what}', got '${describe(this.cur)}'`);
    this.i++;
  }
  private expectBlockEnd(): void {
    this.expectType("CloseStatement", "end of statement block");
  }

  run(): void {
    this.subparse(null);
    if (this.blockStack.length > 0) this.fail(`Unexpected end of template. Jinja was looking for the following tags: '${this.blockStack[this.blockStack.length - 1]}'.`);
  }

  /** Template data, prints and statements until one of `ends` (a tag name) opens; returns that name. */
  private subparse(ends: string[] | null): string | null {
    while (this.cur !== undefined) {
      const t = this.cur;
      if (t.type === "Text") {
        this.i++;
      } else if (t.type === "OpenExpression") {
        this.i++;
        this.tuple({ condexpr: true, ends: [] });
        this.expectType("CloseExpression", "end of print statement");
      } else if (t.type === "OpenStatement") {
        const name = this.peek();
        if (name === undefined || name.type !== "Identifier") {
          this.i++;
          this.fail("tag name expected");
        }
        if (ends !== null && ends.includes(name.value)) {
          this.i += 2;
          return name.value;
        }
        this.i++;
        this.statement();
      } else {
        this.fail(`unexpected '${describe(t)}'`);
      }
    }
    if (ends !== null) this.fail(`Unexpected end of template. Jinja was looking for the following tags: ${ends.map((e) => `'${e}'`).join(" or ")}.`);
    return null;
  }

  /** The body of a block up to one of `ends`, having read the opening tag's `%}`. */
  private body(ends: string[]): string {
    this.expectBlockEnd();
    const found = this.subparse(ends);
    return found!;
  }

  private statement(): void {
    const name = this.cur!.value;
    const line = this.line();
    this.i++;
    switch (name) {
      case "for": {
        this.assignTarget({ ends: ["in"] });
        if (!this.isName("in")) this.fail(`expected token 'in', got '${describe(this.cur)}'`);
        this.i++;
        this.tuple({ condexpr: false, ends: ["recursive"] });
        if (this.isName("if")) {
          this.i++;
          this.expression(true);
        }
        if (this.isName("recursive")) this.i++;
        this.loopDepth++;
        this.blockStack.push("endfor");
        const end = this.body(["endfor", "else"]);
        this.loopDepth--;
        if (end === "else") this.body(["endfor"]);
        this.blockStack.pop();
        this.expectBlockEnd();
        return;
      }
      case "if": {
        this.soft++;
        this.tuple({ condexpr: false, ends: [] });
        this.blockStack.push("endif");
        for (;;) {
          const end = this.body(["elif", "else", "endif"]);
          if (end === "elif") {
            this.tuple({ condexpr: false, ends: [] });
            continue;
          }
          if (end === "else") this.body(["endif"]);
          break;
        }
        this.blockStack.pop();
        this.soft--;
        this.expectBlockEnd();
        return;
      }
      case "set": {
        this.assignTarget({ ends: [], namespace: true });
        if (this.isOp("=")) {
          this.i++;
          this.tuple({ condexpr: true, ends: [] });
          this.expectBlockEnd();
          return;
        }
        while (this.isOp("|")) {
          this.i++;
          this.filterName();
        }
        this.blockStack.push("endset");
        this.withinFrame(() => this.body(["endset"]));
        this.blockStack.pop();
        this.expectBlockEnd();
        return;
      }
      case "macro": {
        if (!this.isName()) this.fail(`expected token 'name', got '${describe(this.cur)}'`);
        this.i++;
        this.signature();
        this.blockStack.push("endmacro");
        this.withFunction(() => this.body(["endmacro"]));
        this.blockStack.pop();
        this.expectBlockEnd();
        return;
      }
      case "call": {
        if (this.isOp("(")) this.signature();
        const start = this.i;
        this.expression(true);
        const last = this.tokens[this.i - 1];
        if (last === undefined || last.value !== ")" || this.i === start) this.fail("expected call");
        this.blockStack.push("endcall");
        this.withFunction(() => this.body(["endcall"]));
        this.blockStack.pop();
        this.expectBlockEnd();
        return;
      }
      case "filter": {
        this.filterName();
        while (this.isOp("|")) {
          this.i++;
          this.filterName();
        }
        this.blockStack.push("endfilter");
        this.withinFrame(() => this.body(["endfilter"]));
        this.blockStack.pop();
        this.expectBlockEnd();
        return;
      }
      case "break":
      case "continue":
        if (this.loopDepth === 0) throw new TemplateSyntaxError(`'${name}' outside loop`, line);
        this.expectBlockEnd();
        return;
      default:
        break;
    }
    if (name in LOOSE_BLOCKS) {
      this.skipToBlockEnd();
      this.blockStack.push(LOOSE_BLOCKS[name]);
      this.expectBlockEnd();
      this.subparse([LOOSE_BLOCKS[name]]);
      this.blockStack.pop();
      this.skipToBlockEnd();
      this.expectBlockEnd();
      return;
    }
    if (LOOSE_TAGS.has(name)) {
      this.skipToBlockEnd();
      this.expectBlockEnd();
      return;
    }
    this.i--;
    const looking = this.blockStack.length > 0 ? ` Jinja was looking for the following tags: '${this.blockStack[this.blockStack.length - 1]}'.` : "";
    throw new TemplateSyntaxError(`Encountered unknown tag '${name}'.${looking}`, line);
  }

  private skipToBlockEnd(): void {
    while (this.cur !== undefined && this.cur.type !== "CloseStatement") this.i++;
  }

  /** A macro or call body is a Python function: `break` inside it is outside any loop. */
  private withFunction(f: () => void): void {
    const depth = this.loopDepth;
    const soft = this.soft;
    this.loopDepth = 0;
    this.soft = 0;
    try {
      f();
    } finally {
      this.loopDepth = depth;
      this.soft = soft;
    }
  }

  /** Set and filter blocks are inner frames (not soft) but stay in the same function. */
  private withinFrame(f: () => void): void {
    const soft = this.soft;
    this.soft = 0;
    try {
      f();
    } finally {
      this.soft = soft;
    }
  }

  private signature(): void {
    this.expectOp("(");
    let first = true;
    while (!this.isOp(")")) {
      if (!first) this.expectOp(",");
      first = false;
      if (this.isOp(")")) break;
      if (!this.isName()) this.fail(`expected token 'name', got '${describe(this.cur)}'`);
      if (CONSTANT_NAMES.has(this.cur!.value)) this.fail("can't assign to 'const'");
      this.i++;
      if (this.isOp("=")) {
        this.i++;
        this.expression(true);
      }
    }
    this.i++;
  }

  private assignTarget(opts: { ends: string[]; namespace?: boolean }): void {
    if (opts.namespace && this.isName() && this.peek()?.value === "." && this.peek()?.type === "Dot") {
      this.i += 2;
      if (!this.isName()) this.fail(`expected token 'name', got '${describe(this.cur)}'`);
      this.i++;
      return;
    }
    const items = this.tupleOfPrimaries(opts.ends);
    for (const t of items) {
      if (t.kind !== "name") this.fail(`can't assign to '${t.kind}'`);
    }
  }

  /** parse_tuple(simplified=True) for assignment targets: primaries only. */
  private tupleOfPrimaries(ends: string[]): { kind: string }[] {
    const items: { kind: string }[] = [];
    let isTuple = false;
    for (;;) {
      if (items.length > 0) this.expectOp(",");
      if (this.tupleEnd(ends)) break;
      items.push(this.primary());
      if (this.isOp(",")) isTuple = true;
      else break;
    }
    if (!isTuple && items.length === 0) this.fail(`Expected an expression, got '${describe(this.cur)}'`);
    return items;
  }

  private tupleEnd(ends: string[]): boolean {
    const t = this.cur;
    if (t === undefined) return true;
    if (t.type === "CloseExpression" || t.type === "CloseStatement" || t.type === "CloseParen") return true;
    return t.type === "Identifier" && ends.includes(t.value);
  }

  private tuple(opts: { condexpr: boolean; ends: string[]; parenthesized?: boolean }): void {
    let count = 0;
    let isTuple = false;
    for (;;) {
      if (count > 0) this.expectOp(",");
      if (this.tupleEnd(opts.ends)) break;
      this.expression(opts.condexpr);
      count++;
      if (this.isOp(",")) isTuple = true;
      else break;
    }
    if (!isTuple && count === 0 && !opts.parenthesized) this.fail(`Expected an expression, got '${describe(this.cur)}'`);
  }

  private expression(condexpr: boolean): void {
    this.or();
    if (!condexpr) return;
    while (this.isName("if")) {
      this.i++;
      this.soft++;
      this.or();
      if (this.isName("else")) {
        this.i++;
        this.expression(true);
      }
      this.soft--;
    }
  }

  private or(): void {
    this.and();
    while (this.isName("or")) {
      this.i++;
      this.and();
    }
  }
  private and(): void {
    this.not();
    while (this.isName("and")) {
      this.i++;
      this.not();
    }
  }
  private not(): void {
    if (this.isName("not")) {
      this.i++;
      this.not();
      return;
    }
    this.compare();
  }
  private compare(): void {
    this.math1();
    let operators = 0;
    for (;;) {
      if (this.is("ComparisonBinaryOperator")) this.i++;
      else if (this.isName("in")) this.i++;
      else if (this.isName("not") && this.peek()?.type === "Identifier" && this.peek()?.value === "in") this.i += 2;
      else break;
      if (++operators === 2) this.notes.gaps.push("a chained comparison (a < b < c)");
      this.math1();
    }
  }
  private math1(): void {
    this.concat();
    while (this.isOp("+") || this.isOp("-")) {
      this.i++;
      this.concat();
    }
  }
  private concat(): void {
    const start = this.i;
    this.math2();
    let chained = false;
    while (this.isOp("~")) {
      this.i++;
      this.math2();
      chained = true;
    }
    if (chained) this.notes.concatSpans.push([start, this.i]);
  }
  private math2(): void {
    this.pow();
    while (this.isOp("*") || this.isOp("/") || this.isOp("//") || this.isOp("%")) {
      this.i++;
      this.pow();
    }
  }
  private pow(): void {
    this.unary(true);
    while (this.isOp("**")) {
      this.i++;
      this.unary(true);
    }
  }
  private unary(withFilter: boolean): void {
    if (this.isOp("-") || this.isOp("+")) {
      this.i++;
      this.unary(false);
    } else {
      this.primary();
    }
    this.postfix();
    if (withFilter) this.filterExpr();
  }

  private primary(): { kind: string } {
    const t = this.cur;
    if (t === undefined) this.fail("unexpected end of template");
    switch (t!.type) {
      case "Identifier":
        this.i++;
        return { kind: CONSTANT_NAMES.has(t!.value) ? "const" : "name" };
      case "StringLiteral":
        while (this.is("StringLiteral")) this.i++;
        return { kind: "const" };
      case "NumericLiteral":
        this.i++;
        return { kind: "const" };
      case "OpenParen":
        this.i++;
        this.tuple({ condexpr: true, ends: [], parenthesized: true });
        this.expectOp(")");
        return { kind: "tuple" };
      case "OpenSquareBracket":
        this.i++;
        this.list("]", false);
        return { kind: "list" };
      case "OpenCurlyBracket":
        this.i++;
        this.list("}", true);
        return { kind: "dict" };
      default:
        this.fail(`unexpected '${describe(t)}'`);
    }
  }

  private list(close: string, dict: boolean): void {
    let first = true;
    while (!this.isOp(close)) {
      if (!first) this.expectOp(",");
      first = false;
      if (this.isOp(close)) break;
      this.expression(true);
      if (dict) {
        this.expectOp(":");
        this.expression(true);
      }
    }
    this.i++;
  }

  private postfix(): void {
    for (;;) {
      if (this.isOp(".") || this.isOp("[")) this.subscript();
      else if (this.isOp("(")) this.call();
      else break;
    }
  }

  private filterExpr(): void {
    for (;;) {
      if (this.isOp("|")) {
        this.i++;
        this.filterName();
      } else if (this.isName("is")) {
        this.test();
      } else if (this.isOp("(")) {
        this.call();
      } else break;
    }
  }

  private dottedName(): string {
    if (!this.isName()) this.fail(`expected token 'name', got '${describe(this.cur)}'`);
    let name = this.cur!.value;
    this.i++;
    while (this.isOp(".")) {
      this.i++;
      if (!this.isName()) this.fail(`expected token 'name', got '${describe(this.cur)}'`);
      name += "." + this.cur!.value;
      this.i++;
    }
    return name;
  }

  private filterName(): void {
    const line = this.line();
    const name = this.dottedName();
    if (!PYTHON_FILTERS.has(name) && this.soft === 0) throw new TemplateSyntaxError(`No filter named '${name}'.`, line);
    if (this.isOp("(")) this.call();
  }

  private test(): void {
    this.i++;
    if (this.isName("not")) this.i++;
    const line = this.line();
    const name = this.dottedName();
    if (!PYTHON_TESTS.has(name) && this.soft === 0) throw new TemplateSyntaxError(`No test named '${name}'.`, line);
    const t = this.cur;
    if (this.isOp("(")) this.call();
    else if (
      t !== undefined &&
      (t.type === "Identifier" || t.type === "StringLiteral" || t.type === "NumericLiteral" || t.type === "OpenParen" || t.type === "OpenSquareBracket" || t.type === "OpenCurlyBracket") &&
      !(t.type === "Identifier" && (t.value === "else" || t.value === "or" || t.value === "and"))
    ) {
      if (t.type === "Identifier" && t.value === "is") this.fail("You cannot chain multiple tests with is");
      this.primary();
      this.postfix();
    }
  }

  private subscript(): void {
    if (this.isOp(".")) {
      this.i++;
      const t = this.cur;
      if (t !== undefined && (t.type === "Identifier" || (t.type === "NumericLiteral" && !t.value.includes(".")))) {
        this.i++;
        return;
      }
      this.fail("expected name or number");
    }
    this.i++;
    let first = true;
    while (!this.isOp("]")) {
      if (!first) this.expectOp(",");
      first = false;
      this.subscribed();
    }
    this.i++;
  }

  private subscribed(): void {
    if (this.isOp(":")) {
      this.i++;
    } else {
      this.expression(true);
      if (!this.isOp(":")) return;
      this.i++;
    }
    if (!this.isOp("]") && !this.isOp(",") && !this.isOp(":")) this.expression(true);
    if (this.isOp(":")) {
      this.i++;
      if (!this.isOp("]") && !this.isOp(",")) this.expression(true);
    }
  }

  private call(): void {
    this.expectOp("(");
    let first = true;
    let sawKw = false;
    let sawDyn = false;
    while (!this.isOp(")")) {
      if (!first) this.expectOp(",");
      first = false;
      if (this.isOp(")")) break;
      if (this.isOp("*")) {
        this.i++;
        this.expression(true);
        sawDyn = true;
      } else if (this.isOp("**")) {
        this.i++;
        this.expression(true);
        sawDyn = true;
      } else if (this.isName() && this.peek()?.type === "Equals") {
        this.i += 2;
        this.expression(true);
        sawKw = true;
      } else {
        if (sawKw || sawDyn) this.fail("invalid syntax for function call expression");
        this.expression(true);
      }
    }
    this.i++;
  }
}

/** Throws TemplateSyntaxError where Python's Jinja2 (as transformers configures it) would refuse the template. */
export function checkPythonSyntax(tokens: HfToken[], lines: number[]): SyntaxNotes {
  const r = new Recognizer(tokens, lines);
  r.run();
  return r.notes;
}

/** Wraps each `~` chain in parentheses so the parser groups it as Python does (`a + b ~ c` is `a + (b ~ c)`). */
export function groupConcatenations(tokens: HfToken[], lines: number[], spans: [number, number][]): { tokens: HfToken[]; lines: number[] } {
  if (spans.length === 0) return { tokens, lines };
  const opens = new Map<number, number>();
  const closes = new Map<number, number>();
  for (const [a, b] of spans) {
    opens.set(a, (opens.get(a) ?? 0) + 1);
    closes.set(b, (closes.get(b) ?? 0) + 1);
  }
  const out: HfToken[] = [];
  const outLines: number[] = [];
  for (let i = 0; i <= tokens.length; i++) {
    const line = lines[Math.min(i, lines.length - 1)];
    for (let k = closes.get(i) ?? 0; k > 0; k--) {
      out.push({ value: ")", type: "CloseParen" } as HfToken);
      outLines.push(line);
    }
    for (let k = opens.get(i) ?? 0; k > 0; k--) {
      out.push({ value: "(", type: "OpenParen" } as HfToken);
      outLines.push(line);
    }
    if (i < tokens.length) {
      out.push(tokens[i]);
      outLines.push(lines[i]);
    }
  }
  return { tokens: out, lines: outLines };
}
