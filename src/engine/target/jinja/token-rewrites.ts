/**
 * Rewrites of the token stream between our Python-faithful lexer and @huggingface/jinja's parser, so that the tree
 * it builds evaluates as Python's would: `is` tests become filter calls (Python's precedence, test arguments), `~`
 * chains are parenthesised (`~` binds tighter than `+`), and {% generation %} becomes a call block.
 */
import { GENERATION_CALLEE, type HfToken } from "./ast.js";

function token(value: string, type: string): HfToken {
  return { value, type } as HfToken;
}

const TEST_PREFIX = "\u0000test:";
const NEGATED_TEST_PREFIX = "\u0000test-not:";

/** The filter name a rewritten `is` test gets: [test name, negated] or null for an ordinary filter. */
export function testOfFilter(name: string): [string, boolean] | null {
  if (name.startsWith(TEST_PREFIX)) return [name.slice(TEST_PREFIX.length), false];
  if (name.startsWith(NEGATED_TEST_PREFIX)) return [name.slice(NEGATED_TEST_PREFIX.length), true];
  return null;
}

const OPENERS: Record<string, string> = { OpenParen: "CloseParen", OpenSquareBracket: "CloseSquareBracket", OpenCurlyBracket: "CloseCurlyBracket" };

/** The index after the bracket group opening at `i` (or i + 1 when unbalanced: the parser will refuse it). */
function groupEnd(tokens: HfToken[], i: number): number {
  let depth = 0;
  for (let k = i; k < tokens.length; k++) {
    const t = tokens[k].type;
    if (t in OPENERS) depth++;
    else if (t === "CloseParen" || t === "CloseSquareBracket" || t === "CloseCurlyBracket") {
      depth--;
      if (depth === 0) return k + 1;
    } else if (t === "CloseExpression" || t === "CloseStatement") return i + 1;
  }
  return i + 1;
}

/** The index after a primary expression and its postfixes (`.a`, `[k]`, `(args)`) starting at `i`, or -1. */
function primaryEnd(tokens: HfToken[], i: number): number {
  const t = tokens[i];
  if (t === undefined) return -1;
  let k: number;
  if (t.type === "Identifier") {
    if (t.value === "else" || t.value === "or" || t.value === "and") return -1;
    k = i + 1;
  } else if (t.type === "NumericLiteral") k = i + 1;
  else if (t.type === "StringLiteral") {
    k = i + 1;
    while (tokens[k]?.type === "StringLiteral") k++;
  } else if (t.type in OPENERS) k = groupEnd(tokens, i);
  else return -1;
  for (;;) {
    const next = tokens[k];
    if (next?.type === "Dot" && (tokens[k + 1]?.type === "Identifier" || tokens[k + 1]?.type === "NumericLiteral")) k += 2;
    else if (next?.type === "OpenSquareBracket" || next?.type === "OpenParen") k = groupEnd(tokens, k);
    else return k;
  }
}

/**
 * Python's `x is [not] test`, `x is test(args)` and `x is test arg` become a filter call our evaluator reads as the
 * test: Python parses tests where it parses filters (same precedence), and @huggingface/jinja's parser takes no
 * test arguments.
 */
export function rewriteTests(tokens: HfToken[], lines: number[]): { tokens: HfToken[]; lines: number[] } {
  const out: HfToken[] = [];
  const outLines: number[] = [];
  const emit = (t: HfToken, line: number): void => {
    out.push(t);
    outLines.push(line);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const name = tokens[i + 1]?.type === "Identifier" && tokens[i + 1].value === "not" ? tokens[i + 2] : tokens[i + 1];
    if (t.type !== "Identifier" || t.value !== "is" || name === undefined || name.type !== "Identifier") {
      emit(t, lines[i]);
      continue;
    }
    const negated = name !== tokens[i + 1];
    const line = lines[i];
    let k = i + (negated ? 3 : 2);
    emit(token("|", "Pipe"), line);
    emit(token((negated ? NEGATED_TEST_PREFIX : TEST_PREFIX) + name.value, "Identifier"), line);
    if (tokens[k]?.type === "OpenParen") {
      // arguments in parentheses: copied as they are, like a filter call
    } else {
      const end = primaryEnd(tokens, k);
      if (end > k) {
        emit(token("(", "OpenParen"), line);
        for (; k < end; k++) emit(tokens[k], lines[k]);
        emit(token(")", "CloseParen"), line);
      }
    }
    i = k - 1;
  }
  return { tokens: out, lines: outLines };
}

/** `{% generation %}` / `{% endgeneration %}` become a call block with a callee no template can name. */
export function rewriteGeneration(tokens: HfToken[], start: number, offsets: number[]): boolean {
  if (tokens.length - start !== 3 || tokens[start + 1].type !== "Identifier") return false;
  const name = tokens[start + 1].value;
  const at = offsets[start];
  if (name === "generation") {
    const replacement = [
      token("{%", "OpenStatement"),
      token("call", "Identifier"),
      token(GENERATION_CALLEE, "Identifier"),
      token("(", "OpenParen"),
      token(")", "CloseParen"),
      token("%}", "CloseStatement"),
    ];
    tokens.splice(start, 3, ...replacement);
    offsets.splice(start, 3, ...replacement.map(() => at));
    return true;
  }
  if (name === "endgeneration") {
    tokens[start + 1] = token("endcall", "Identifier");
    return true;
  }
  return false;
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
