/**
 * A Jinja evaluator faithful to Python's Jinja2 as transformers configures it for chat templates
 * (ImmutableSandboxedEnvironment, trim_blocks, lstrip_blocks, loopcontrols, the generation tag, its tojson,
 * raise_exception and strftime_now). Parsing goes through @huggingface/jinja's exported parser; the lexer, the
 * Python grammar check and the evaluator are ours. No knowledge of datasets here.
 */
import { hfParse, type Node, type Program } from "./ast.js";
import { EngineGap, PyError, TemplateSyntaxError } from "./errors.js";
import { DEFAULT_LIMITS, Evaluator, type Limits } from "./evaluator.js";
import { collectFacts, type TemplateFacts } from "./facts.js";
import { PYTHON_FILTERS } from "./filters.js";
import { makeGlobals } from "./globals.js";
import { lex } from "./lexer.js";
import { checkPythonSyntax } from "./syntax.js";
import { groupConcatenations, rewriteTests } from "./token-rewrites.js";

export { TemplateSyntaxError };
/** For renders faithful to the digit: a record whose JSON needsPythonJson() is best given to the template as parsePythonJson() reads it. */
export { needsPythonJson, parsePythonJson } from "./json-parse.js";
export type { TemplateFacts };

export interface CompiledTemplate {
  readonly source: string;
  /** The tree, or null when only our engine cannot parse the template. */
  readonly program: Program | null;
  /** Why every render is an engine gap (set when program is null). */
  readonly gap: string | null;
  readonly hasGenerationMarkers: boolean;
}

export type RenderResult =
  | { ok: true; text: string }
  | { ok: false; kind: "template-error"; message: string }
  | { ok: false; kind: "engine-gap"; message: string };

export interface RenderOptions {
  /** The clock strftime_now reads (default: now). */
  now?: () => Date;
  limits?: Partial<Limits>;
}

/** Parses like Python's Jinja2; throws TemplateSyntaxError when Python's Jinja2 could not parse it either. */
export function compileTemplate(source: string): CompiledTemplate {
  let lexed;
  try {
    lexed = lex(source);
  } catch (e) {
    if (e instanceof EngineGap) return { source, program: null, gap: e.message, hasGenerationMarkers: false };
    throw e;
  }
  const notes = checkPythonSyntax(lexed.tokens, lexed.lines);
  if (notes.gaps.length > 0) return { source, program: null, gap: notes.gaps[0], hasGenerationMarkers: lexed.hasGeneration };
  try {
    const grouped = groupConcatenations(lexed.tokens, lexed.lines, notes.concatSpans);
    const program = hfParse(rewriteTests(grouped.tokens, grouped.lines).tokens.map((t) => ({ ...t }))) as unknown as Program;
    return { source, program, gap: null, hasGenerationMarkers: lexed.hasGeneration };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { source, program: null, gap: `a construct the engine cannot parse (${why})`, hasGenerationMarkers: lexed.hasGeneration };
  }
}

let defaultGlobals: Map<string, unknown> | null = null;

/** Renders with Python's semantics. Never throws. */
export function renderTemplate(t: CompiledTemplate, context: Record<string, unknown>, options: RenderOptions = {}): RenderResult {
  if (t.program === null) return { ok: false, kind: "engine-gap", message: t.gap ?? "the template could not be parsed by the engine" };
  const limits = options.limits === undefined ? DEFAULT_LIMITS : { ...DEFAULT_LIMITS, ...options.limits };
  const globals = options.now !== undefined ? makeGlobals(options.now) : (defaultGlobals ??= makeGlobals(() => new Date()));
  const evaluator = new Evaluator(globals, limits, PYTHON_FILTERS);
  try {
    return { ok: true, text: evaluator.render(t.program.body as Node[], context) };
  } catch (e) {
    if (e instanceof PyError) return { ok: false, kind: "template-error", message: e.message };
    if (e instanceof EngineGap) return { ok: false, kind: "engine-gap", message: e.message };
    if (e instanceof RangeError) {
      const why = /string length/i.test(e.message) ? "a string built by the template grows past what the engine can hold" : `the render ran out of stack (${e.message})`;
      return { ok: false, kind: "engine-gap", message: why };
    }
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, kind: "engine-gap", message: `internal error in the template engine: ${why}` };
  }
}

export function templateFacts(t: CompiledTemplate): TemplateFacts {
  return collectFacts(t.program, t.hasGenerationMarkers);
}
