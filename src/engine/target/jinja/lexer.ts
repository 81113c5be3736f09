/**
 * Python Jinja2's lexer, as transformers configures it (trim_blocks, lstrip_blocks, no trailing newline kept),
 * producing the tokens @huggingface/jinja's parser reads. Whitespace control, raw blocks, comments, string escapes,
 * CRLF and the `{% generation %}` tag are handled here the way Python handles them; errors Python's lexer raises
 * are TemplateSyntaxError with the template line.
 */
import type { HfToken } from "./ast.js";
import { EngineGap, TemplateSyntaxError } from "./errors.js";
import { PY_SPACE_CLASS, isPySpace } from "./pystr.js";
import { rewriteGeneration } from "./token-rewrites.js";
import { strRepr } from "./repr.js";

export interface Lexed {
  tokens: HfToken[];
  /** 1-based template line of each token. */
  lines: number[];
  /** The line of each `{% ... %}` or `{{ ... }}` tag, by the index of its opening token. */
  hasGeneration: boolean;
  /** The source after newline normalisation. */
  source: string;
}

const END_BLOCK = new RegExp(`\\+%\\}|-%\\}${PY_SPACE_CLASS}*|%\\}\\n?`, "y");
const END_VARIABLE = new RegExp(`-\\}\\}${PY_SPACE_CLASS}*|\\}\\}`, "y");
const WHITESPACE = new RegExp(`${PY_SPACE_CLASS}+`, "y");
const FLOAT = /(?<!\.)(?:\d+_)*\d+(?:(?:\.(?:\d+_)*\d+)?e[+-]?(?:\d+_)*\d+|\.(?:\d+_)*\d+)/iy;
const INTEGER = /0b(?:_?[01])+|0o(?:_?[0-7])+|0x(?:_?[\da-f])+|[1-9](?:_?\d)*|0(?:_?0)*/iy;
const NAME = /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]+/uy;
const STRING = /'([^'\\]*(?:\\.[^'\\]*)*)'|"([^"\\]*(?:\\.[^"\\]*)*)"/sy;
const S = PY_SPACE_CLASS;
const RAW_BEGIN = new RegExp(`\\{%(-|\\+|)${S}*raw${S}*(?:-%\\}${S}*|%\\})`, "y");
const RAW_END = new RegExp(`\\{%(-|\\+|)${S}*endraw${S}*(?:\\+%\\}|-%\\}${S}*|%\\}\\n?)`, "g");
const COMMENT_END = new RegExp(`\\+#\\}|-#\\}${S}*|#\\}\\n?`, "g");
const IDENTIFIER_START = /^[\p{L}\p{Nl}_]/u;

const OPERATORS: [string, string][] = [
  ["//", "MultiplicativeBinaryOperator"],
  ["**", "ExponentiationBinaryOperator"],
  ["==", "ComparisonBinaryOperator"],
  ["!=", "ComparisonBinaryOperator"],
  [">=", "ComparisonBinaryOperator"],
  ["<=", "ComparisonBinaryOperator"],
  ["+", "AdditiveBinaryOperator"],
  ["-", "AdditiveBinaryOperator"],
  ["~", "AdditiveBinaryOperator"],
  ["*", "MultiplicativeBinaryOperator"],
  ["/", "MultiplicativeBinaryOperator"],
  ["%", "MultiplicativeBinaryOperator"],
  [">", "ComparisonBinaryOperator"],
  ["<", "ComparisonBinaryOperator"],
  ["=", "Equals"],
  [".", "Dot"],
  [",", "Comma"],
  [":", "Colon"],
  ["|", "Pipe"],
  ["(", "OpenParen"],
  [")", "CloseParen"],
  ["[", "OpenSquareBracket"],
  ["]", "CloseSquareBracket"],
  ["{", "OpenCurlyBracket"],
  ["}", "CloseCurlyBracket"],
  [";", "Semicolon"],
];
const CLOSERS: Record<string, string> = { "{": "}", "(": ")", "[": "]" };

function token(value: string, type: string): HfToken {
  return { value, type } as HfToken;
}

/** Python's str.rstrip() (all Unicode whitespace). */
function rstripPy(s: string): string {
  let j = s.length;
  while (j > 0 && isPySpace(s[j - 1])) j--;
  return s.slice(0, j);
}

function allPySpace(s: string): boolean {
  if (s === "") return false;
  for (const ch of s) if (!isPySpace(ch)) return false;
  return true;
}

export function lex(input: string): Lexed {
  // Python splits on \r\n, \r and \n, drops one trailing newline, and joins with \n.
  const parts = input.split(/\r\n|\r|\n/);
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  const src = parts.join("\n");
  const n = src.length;
  const tokens: HfToken[] = [];
  const offsets: number[] = [];
  let hasGeneration = false;

  const lineStarts: number[] = [0];
  for (let i = src.indexOf("\n"); i >= 0; i = src.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (message: string, offset: number): never => {
    throw new TemplateSyntaxError(message, lineAt(offset));
  };
  const push = (t: HfToken, offset: number): void => {
    const last = tokens[tokens.length - 1];
    if (t.type === "Text" && last !== undefined && last.type === "Text") {
      last.value += t.value;
      return;
    }
    tokens.push(t);
    offsets.push(offset);
  };

  /** The text before a tag, after `-` / lstrip_blocks whitespace control. */
  const stripText = (text: string, sign: string, isBlock: boolean, lineStarting: boolean): string => {
    if (sign === "-") return rstripPy(text);
    if (sign !== "+" && isBlock) {
      const lpos = text.lastIndexOf("\n") + 1;
      if ((lpos > 0 || lineStarting) && allPySpace(text.slice(lpos))) return text.slice(0, lpos);
    }
    return text;
  };

  let pos = 0;
  let lineStarting = true;
  while (pos < n) {
    let open = -1;
    for (let i = src.indexOf("{", pos); i >= 0 && i < n - 1; i = src.indexOf("{", i + 1)) {
      const next = src[i + 1];
      if (next === "{" || next === "%" || next === "#") {
        open = i;
        break;
      }
    }
    if (open < 0) {
      push(token(src.slice(pos), "Text"), pos);
      break;
    }
    const kind = src[open + 1];
    RAW_BEGIN.lastIndex = open;
    const raw = kind === "%" ? RAW_BEGIN.exec(src) : null;
    const signChar = src[open + 2];
    const sign = raw ? raw[1] : signChar === "-" || signChar === "+" ? signChar : "";
    const text = stripText(src.slice(pos, open), sign, kind !== "{", lineStarting);
    if (text !== "") push(token(text, "Text"), pos);

    if (raw) {
      const afterBegin = open + raw[0].length;
      RAW_END.lastIndex = afterBegin;
      const end = RAW_END.exec(src);
      if (end === null) fail("Missing end of raw directive", open);
      const body = stripText(src.slice(afterBegin, end!.index), end![1], true, raw[0].endsWith("\n"));
      if (body !== "") push(token(body, "Text"), afterBegin);
      pos = end!.index + end![0].length;
      lineStarting = end![0].endsWith("\n");
      continue;
    }

    if (kind === "#") {
      COMMENT_END.lastIndex = open + 2 + (sign === "" ? 0 : 1);
      const end = COMMENT_END.exec(src);
      if (end === null) fail("Missing end of comment tag", open);
      pos = end!.index + end![0].length;
      lineStarting = end![0].endsWith("\n");
      continue;
    }

    const isBlock = kind === "%";
    const tagStart = tokens.length;
    push(token(isBlock ? "{%" : "{{", isBlock ? "OpenStatement" : "OpenExpression"), open);
    let p = open + 2 + (sign === "" ? 0 : 1);
    const balancing: string[] = [];
    let closed = false;
    while (p < n) {
      if (balancing.length === 0) {
        const endRe = isBlock ? END_BLOCK : END_VARIABLE;
        endRe.lastIndex = p;
        const end = endRe.exec(src);
        if (end !== null) {
          push(token(isBlock ? "%}" : "}}", isBlock ? "CloseStatement" : "CloseExpression"), p);
          p += end[0].length;
          lineStarting = end[0].endsWith("\n");
          closed = true;
          break;
        }
      }
      WHITESPACE.lastIndex = p;
      const ws = WHITESPACE.exec(src);
      if (ws !== null) {
        p += ws[0].length;
        continue;
      }
      FLOAT.lastIndex = p;
      const fl = FLOAT.exec(src);
      if (fl !== null) {
        let text = String(Number(fl[0].replace(/_/g, "")));
        if (!text.includes(".")) text = text.includes("e") ? text.replace("e", ".0e") : `${text}.0`;
        push(token(text, "NumericLiteral"), p);
        p += fl[0].length;
        continue;
      }
      INTEGER.lastIndex = p;
      const int = INTEGER.exec(src);
      if (int !== null) {
        const digits = int[0].replace(/_/g, "").toLowerCase();
        const value = /^0[box]/.test(digits) ? Number(digits) : Number(digits);
        push(token(String(value), "NumericLiteral"), p);
        p += int[0].length;
        continue;
      }
      NAME.lastIndex = p;
      const name = NAME.exec(src);
      if (name !== null) {
        if (!IDENTIFIER_START.test(name[0])) fail("Invalid character in identifier", p);
        push(token(name[0], "Identifier"), p);
        p += name[0].length;
        continue;
      }
      STRING.lastIndex = p;
      const str = STRING.exec(src);
      if (str !== null) {
        const body = str[1] ?? str[2];
        let value: string;
        try {
          value = unescapePython(body);
        } catch (e) {
          if (e instanceof EngineGap) throw e;
          return fail((e as Error).message, p);
        }
        push(token(value, "StringLiteral"), p);
        p += str[0].length;
        continue;
      }
      const op = OPERATORS.find(([o]) => src.startsWith(o, p));
      if (op === undefined) fail(`unexpected char ${strRepr(src[p])} at ${p}`, p);
      const [o, type] = op!;
      if (o in CLOSERS) balancing.push(CLOSERS[o]);
      else if (o === "}" || o === ")" || o === "]") {
        const expected = balancing.pop();
        if (expected === undefined) fail(`unexpected '${o}'`, p);
        if (expected !== o) fail(`unexpected '${o}', expected '${expected}'`, p);
      }
      push(token(o, type), p);
      p += o.length;
    }
    if (!closed) {
      fail(`unexpected end of template, expected 'end of ${isBlock ? "statement block" : "print statement"}'.`, n);
    }
    pos = p;
    if (isBlock) hasGeneration = rewriteGeneration(tokens, tagStart, offsets) || hasGeneration;
  }

  return { tokens, lines: offsets.map(lineAt), hasGeneration, source: src };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\n": "",
};

/** Python's "unicode-escape" decoding of a string literal's body, as Jinja2 applies it. */
export function unescapePython(body: string): string {
  if (!body.includes("\\")) return body;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) throw new Error("\\ at end of string");
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i++;
    } else if (next >= "0" && next <= "7") {
      let digits = next;
      while (digits.length < 3 && /[0-7]/.test(body[i + 1 + digits.length] ?? "")) digits += body[i + 1 + digits.length];
      out += String.fromCodePoint(parseInt(digits, 8));
      i += digits.length;
    } else if (next === "x" || next === "u" || next === "U") {
      const len = next === "x" ? 2 : next === "u" ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + len);
      if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw new Error(`truncated \\${next === "x" ? "xXX" : next === "u" ? "uXXXX" : "UXXXXXXXX"} escape`);
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) throw new Error("illegal Unicode character");
      out += String.fromCodePoint(cp);
      i += 1 + len;
    } else if (next === "N") {
      throw new EngineGap("a \\N{...} escape in a string literal");
    } else {
      out += ch;
    }
  }
  return out;
}
