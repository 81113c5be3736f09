/**
 * Python Jinja2's expression grammar (its parser's parse_tuple ... parse_call) as a recognizer over our tokens: it
 * builds no tree, it finds where Python would stop, notes the `~` chains our parser groups differently and the
 * constructs our tree would get wrong, and checks filter and test names as Python's compiler does (an unknown one
 * fails at compile time unless it sits in an `if` or an inline if, where it fails when it runs).
 */
import type { HfToken } from "./ast.js";
import { TemplateSyntaxError } from "./errors.js";
import { PYTHON_FILTERS } from "./filters.js";
import { PYTHON_TESTS } from "./tests.js";

export const CONSTANT_NAMES = new Set(["true", "false", "none", "True", "False", "None"]);

export function describe(t: HfToken | undefined): string {
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

export class ExpressionGrammar {
  readonly notes: SyntaxNotes = { concatSpans: [], gaps: [] };
  protected i = 0;
  /** Inside an `if` or an inline if: Python checks filter and test names only when they run. */
  protected soft = 0;
  constructor(
    protected readonly tokens: HfToken[],
    protected readonly lines: number[],
  ) {}

  protected get cur(): HfToken | undefined {
    return this.tokens[this.i];
  }
  protected peek(k = 1): HfToken | undefined {
    return this.tokens[this.i + k];
  }
  protected line(): number | null {
    return this.lines[Math.min(this.i, this.lines.length - 1)] ?? null;
  }
  protected fail(message: string): never {
    throw new TemplateSyntaxError(message, this.line());
  }
  protected is(type: string, value?: string): boolean {
    const t = this.cur;
    return t !== undefined && t.type === type && (value === undefined || t.value === value);
  }
  protected isName(value?: string): boolean {
    return this.is("Identifier", value);
  }
  protected isOp(value: string): boolean {
    const t = this.cur;
    return t !== undefined && t.type !== "StringLiteral" && t.type !== "Identifier" && t.type !== "Text" && t.type !== "NumericLiteral" && t.value === value;
  }
  protected expectOp(value: string, what = value): void {
    if (!this.isOp(value)) this.fail(`expected token '${what}', got '${describe(this.cur)}'`);
    this.i++;
  }
  protected expectType(type: string, what: string): void {
    if (!this.is(type)) this.fail(`expected token '${what}', got '${describe(this.cur)}'`);
    this.i++;
  }
  protected expectBlockEnd(): void {
    this.expectType("CloseStatement", "end of statement block");
  }

  protected tupleOfPrimaries(ends: string[]): { kind: string }[] {
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

  protected tupleEnd(ends: string[]): boolean {
    const t = this.cur;
    if (t === undefined) return true;
    if (t.type === "CloseExpression" || t.type === "CloseStatement" || t.type === "CloseParen") return true;
    return t.type === "Identifier" && ends.includes(t.value);
  }

  protected tuple(opts: { condexpr: boolean; ends: string[]; parenthesized?: boolean }): void {
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

  protected expression(condexpr: boolean): void {
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

  protected or(): void {
    this.and();
    while (this.isName("or")) {
      this.i++;
      this.and();
    }
  }
  protected and(): void {
    this.not();
    while (this.isName("and")) {
      this.i++;
      this.not();
    }
  }
  protected not(): void {
    if (this.isName("not")) {
      this.i++;
      this.not();
      return;
    }
    this.compare();
  }
  protected compare(): void {
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
  protected math1(): void {
    this.concat();
    while (this.isOp("+") || this.isOp("-")) {
      this.i++;
      this.concat();
    }
  }
  protected concat(): void {
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
  protected math2(): void {
    this.pow();
    while (this.isOp("*") || this.isOp("/") || this.isOp("//") || this.isOp("%")) {
      this.i++;
      this.pow();
    }
  }
  protected pow(): void {
    this.unary(true);
    while (this.isOp("**")) {
      this.i++;
      this.unary(true);
    }
  }
  protected unary(withFilter: boolean): void {
    if (this.isOp("-") || this.isOp("+")) {
      this.i++;
      this.unary(false);
    } else {
      this.primary();
    }
    this.postfix();
    if (withFilter) this.filterExpr();
  }

  protected primary(): { kind: string } {
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

  protected list(close: string, dict: boolean): void {
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

  protected postfix(): void {
    for (;;) {
      if (this.isOp(".") || this.isOp("[")) this.subscript();
      else if (this.isOp("(")) this.call();
      else break;
    }
  }

  protected filterExpr(): void {
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

  protected dottedName(): string {
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

  protected filterName(): void {
    const line = this.line();
    const name = this.dottedName();
    if (!PYTHON_FILTERS.has(name) && this.soft === 0) throw new TemplateSyntaxError(`No filter named '${name}'.`, line);
    if (this.isOp("(")) this.call();
  }

  protected test(): void {
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

  protected subscript(): void {
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

  protected subscribed(): void {
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

  protected call(): void {
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
