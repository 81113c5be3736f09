/**
 * Python Jinja2's statements (tags and blocks) as a recognizer over our tokens, on top of its expression grammar
 * (grammar.ts): it decides whether Python's Jinja2 (with transformers' extensions: loopcontrols, generation) could
 * parse a template, and where it would stop. It builds no tree
 * (@huggingface/jinja's parser does); a template it accepts but that parser refuses is an engine gap, not an error.
 * Also the checks Python makes when it compiles: `break` outside a loop, unknown filters and tests outside an `if`.
 */
import type { HfToken } from "./ast.js";
import { TemplateSyntaxError } from "./errors.js";
import { CONSTANT_NAMES, ExpressionGrammar, describe, type SyntaxNotes } from "./grammar.js";

export type { SyntaxNotes };

/** Tags Python parses that we accept loosely (our engine has no tree for them: an engine gap at parse time). */
const LOOSE_BLOCKS: Record<string, string> = { block: "endblock", with: "endwith", autoescape: "endautoescape" };
const LOOSE_TAGS = new Set(["extends", "include", "import", "from", "print"]);

class Recognizer extends ExpressionGrammar {
  private loopDepth = 0;
  private readonly blockStack: string[] = [];

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
}

/** Throws TemplateSyntaxError where Python's Jinja2 (as transformers configures it) would refuse the template. */
export function checkPythonSyntax(tokens: HfToken[], lines: number[]): SyntaxNotes {
  const r = new Recognizer(tokens, lines);
  r.run();
  return r.notes;
}
