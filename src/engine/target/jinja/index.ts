// STAND-IN for the chat-template engine (issue 18, part "18a" writes the real one to Python's Jinja2 semantics in
// this folder; at merge its files replace this one). Same exported signatures; implemented simply over
// @huggingface/jinja's Template:
//  - a template @huggingface/jinja cannot parse is a TemplateSyntaxError when a scan of its block tags finds what
//    Python's parser would also refuse (an unknown tag, an end tag without its block, a block never closed), else a
//    template whose every render is an engine gap;
//  - a render that calls raise_exception is a template error with its message; any other error the JavaScript engine
//    throws is an engine gap (it cannot tell a Python error from its own limits). Renders where Python would raise
//    (string + list) or print otherwise (True, lstrip's argument) are not recognised: that is the real engine's job.
import { Environment, Interpreter, Template } from "@huggingface/jinja";

export class TemplateSyntaxError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null) {
    super(message);
    this.name = "TemplateSyntaxError";
    this.line = line;
  }
}

export interface CompiledTemplate {
  readonly source: string;
}

export type RenderResult =
  | { ok: true; text: string }
  | { ok: false; kind: "template-error"; message: string }
  | { ok: false; kind: "engine-gap"; message: string };

export interface TemplateFacts {
  messageKeys: string[] | null;
  hasGenerationMarkers: boolean;
}

interface StandIn extends CompiledTemplate {
  readonly template: Template | null;
  readonly gap: string | null;
}

export function compileTemplate(source: string): CompiledTemplate {
  try {
    return { source, template: new Template(source), gap: null } as StandIn;
  } catch (e) {
    const found = scanBlocks(source);
    if (found) throw new TemplateSyntaxError(found.message, found.line);
    return { source, template: null, gap: `the JavaScript engine cannot parse the template (${(e as Error).message})` } as StandIn;
  }
}

class Raised extends Error {}

export function renderTemplate(t: CompiledTemplate, context: Record<string, unknown>): RenderResult {
  const s = t as StandIn;
  if (!s.template) return { ok: false, kind: "engine-gap", message: s.gap ?? "the template could not be compiled" };
  try {
    // Template.render() with our raise_exception (the library's throws a plain Error, like its own failures)
    const env = new Environment();
    for (const [k, v] of Object.entries(GLOBALS)) env.set(k, v);
    for (const [k, v] of Object.entries(context)) if (!Object.hasOwn(GLOBALS, k)) env.set(k, v);
    const out = new Interpreter(env).run(s.template.parsed) as { value: string };
    return { ok: true, text: out.value };
  } catch (e) {
    if (e instanceof Raised) return { ok: false, kind: "template-error", message: e.message };
    return { ok: false, kind: "engine-gap", message: (e as Error)?.message ?? String(e) };
  }
}

const GLOBALS: Record<string, unknown> = {
  false: false,
  true: true,
  none: null,
  False: false,
  True: true,
  None: null,
  raise_exception: (message: unknown) => {
    throw new Raised(String(message));
  },
  range: (a: number, b?: number, step = 1) => {
    const [from, to] = b === undefined ? [0, a] : [a, b];
    const out: number[] = [];
    for (let i = from; step > 0 ? i < to : i > to; i += step) out.push(i);
    return out;
  },
  strftime_now: (format: string) => {
    const d = new Date();
    const two = (n: number) => String(n).padStart(2, "0");
    const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    return format.replace(/%([dmYyBbHMS%])/g, (_, c: string) =>
      c === "d" ? two(d.getDate()) : c === "m" ? two(d.getMonth() + 1) : c === "Y" ? String(d.getFullYear()) : c === "y" ? two(d.getFullYear() % 100) : c === "B" ? months[d.getMonth()] : c === "b" ? months[d.getMonth()].slice(0, 3) : c === "H" ? two(d.getHours()) : c === "M" ? two(d.getMinutes()) : c === "S" ? two(d.getSeconds()) : "%",
    );
  },
};

export function templateFacts(t: CompiledTemplate): TemplateFacts {
  const s = t as StandIn;
  const hasGenerationMarkers = /\{%-?\s*generation\s*-?%\}/.test(t.source);
  if (!s.template) return { messageKeys: null, hasGenerationMarkers };
  return { messageKeys: messageKeysOf(s.template.parsed), hasGenerationMarkers };
}

// ---------------------------------------------------------------- message keys (AST walk)

type Node = { type: string; [k: string]: unknown };

/** The keys read from the messages: `m.key`, `m['key']` and `m.get('key')` on a loop variable over `messages` (or
 * a slice of it) and on `messages[i]`. null when a message escapes where its reads cannot be followed (passed to a
 * macro or filter, iterated, printed whole, assigned). */
function messageKeysOf(program: unknown): string[] | null {
  const keys = new Set<string>();
  const vars = new Set<string>();
  let unknown = false;
  const isMessages = (n: Node | undefined): boolean => {
    if (!n) return false;
    if (n.type === "Identifier") return n.value === "messages";
    if (n.type === "MemberExpression") return isMessages(n.object as Node) && (n.property as Node).type === "SliceExpression";
    if (n.type === "FilterExpression") return isMessages(n.operand as Node);
    return false;
  };
  const isMessage = (n: Node | undefined): boolean => {
    if (!n) return false;
    if (n.type === "Identifier") return vars.has(n.value as string);
    if (n.type === "MemberExpression") return isMessages(n.object as Node) && (n.property as Node).type !== "SliceExpression" && n.computed === true;
    return false;
  };
  const keyOf = (n: Node): string | null => {
    if (n.type === "MemberExpression" && isMessage(n.object as Node)) {
      const p = n.property as Node;
      if (!n.computed && p.type === "Identifier") return p.value as string;
      if (n.computed && p.type === "StringLiteral") return p.value as string;
    }
    return null;
  };
  // first pass: loop variables over messages
  walk(program as Node, (n) => {
    if (n.type === "For" && isMessages(n.iterable as Node)) {
      const v = n.loopvar as Node;
      if (v.type === "Identifier") vars.add(v.value as string);
    }
  });
  walk(program as Node, (n, parent) => {
    if (unknown) return false;
    if (parent?.type === "For" && parent.loopvar === n) return false;
    const k = keyOf(n);
    if (k !== null) {
      if (k === "get" && parent?.type === "CallExpression" && parent.callee === n) {
        const arg = (parent.args as Node[])[0];
        if (arg?.type === "StringLiteral") keys.add(arg.value as string);
        else unknown = true;
        return false;
      }
      keys.add(k);
      return false;
    }
    if (isMessage(n)) {
      // a whole message used otherwise: in a test (`is defined`), fine; anywhere else its reads are not followed
      if (parent?.type === "TestExpression") return false;
      if (parent?.type === "MemberExpression" && parent.object === n) return false;
      unknown = true;
      return false;
    }
    return true;
  });
  return unknown ? null : [...keys].sort();
}

function walk(n: Node, visit: (n: Node, parent: Node | undefined) => boolean | void, parent?: Node): void {
  if (visit(n, parent) === false) return;
  for (const [k, v] of Object.entries(n)) {
    if (k === "type") continue;
    if (Array.isArray(v)) for (const c of v) if (c && typeof c === "object" && typeof (c as Node).type === "string") walk(c as Node, visit, n);
    if (v instanceof Map) for (const [a, b] of v) for (const c of [a, b]) if (c && typeof c === "object") walk(c as Node, visit, n);
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Map) && typeof (v as Node).type === "string") walk(v as Node, visit, n);
  }
}

// ---------------------------------------------------------------- syntax errors Python also reports

const OPENERS: Record<string, string> = { for: "endfor", if: "endif", macro: "endmacro", call: "endcall", filter: "endfilter", generation: "endgeneration", block: "endblock", with: "endwith", raw: "endraw" };
const KNOWN = new Set([...Object.keys(OPENERS), ...Object.values(OPENERS), "elif", "else", "set", "endset", "break", "continue", "include", "import", "from", "extends", "do"]);

/** The block structure of the template's statements: an unknown tag, an end or middle tag outside its block, or a
 * block left open (Python reports that at the template's last line). null when the structure is sound. */
function scanBlocks(source: string): { message: string; line: number } | null {
  const text = source.endsWith("\n") ? source.slice(0, -1) : source;
  const stack: string[] = [];
  const re = /\{%-?\s*([A-Za-z_]\w*)([^%]*?)-?%\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const tag = m[1];
    const line = text.slice(0, m.index).split("\n").length;
    if (!KNOWN.has(tag)) return { message: `Encountered unknown tag '${tag}'.`, line };
    if (tag === "set" && !m[2].includes("=")) stack.push("set");
    else if (OPENERS[tag]) stack.push(tag);
    else if (tag.startsWith("end")) {
      const open = stack.pop();
      if (!open || (OPENERS[open] ?? "endset") !== tag) return { message: `Encountered unknown tag '${tag}'.`, line };
    } else if ((tag === "elif" || tag === "else") && !["if", "for"].includes(stack[stack.length - 1] ?? "")) {
      return { message: `Encountered unknown tag '${tag}'.`, line };
    }
  }
  if (stack.length) {
    const open = stack[stack.length - 1];
    return { message: `Unexpected end of template. Jinja was looking for the following tags: '${OPENERS[open] ?? "endset"}'. The innermost block that needs to be closed is '${open}'.`, line: text.split("\n").length };
  }
  return null;
}
