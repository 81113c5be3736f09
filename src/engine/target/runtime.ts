// The target model compiled for this thread: the spec's templates compiled, their facts, and the tokenizer loaded,
// once per thread and spec (worker threads get the spec in their jobs and load it themselves).
import { compileTemplate, renderTemplate, templateFacts, type CompiledTemplate, type TemplateFacts } from "./jinja/index.js";
import { modelTokenizer, type ModelTokenizer } from "./tokenizer.js";
import type { TargetSpec } from "./spec.js";

export interface TargetRuntime {
  spec: TargetSpec;
  template: CompiledTemplate;
  toolUse: CompiledTemplate | null;
  facts: TemplateFacts;
  /** Set when the engine cannot render the template whatever the data (it cannot parse it, or it fails the same way
   * on an empty and on a two-turn conversation): one engine-gap warning per file instead of one per record. */
  wholeGap: string | null;
  tokenizer: ModelTokenizer | null;
  /** Tokens of end-of-turn markers (cache of tokenizer.count). */
  markerTokens: Map<string, number>;
}

const runtimes = new Map<string, TargetRuntime>();

export function targetRuntime(spec: TargetSpec): TargetRuntime {
  let rt = runtimes.get(spec.key);
  if (rt) return rt;
  const template = compileTemplate(spec.source);
  const toolUse = spec.toolUseSource !== undefined ? compileTemplate(spec.toolUseSource) : null;
  rt = {
    spec,
    template,
    toolUse,
    facts: templateFacts(template),
    wholeGap: wholeGap(template, spec),
    tokenizer: spec.tokenizerPath ? modelTokenizer(spec.tokenizerPath, spec.tokenizer ?? spec.tokenizerPath) : null,
    markerTokens: new Map(),
  };
  runtimes.set(spec.key, rt);
  return rt;
}

/** The variables of one render, as transformers' apply_chat_template(messages, tools=..., add_generation_prompt=False)
 * passes them: `{**special_tokens_map, **kwargs}` plus messages, tools, documents, add_generation_prompt. */
export function renderContext(spec: TargetSpec, messages: unknown, tools: unknown[] | null): Record<string, unknown> {
  return { ...spec.variables, messages, tools, documents: null, add_generation_prompt: false };
}

function wholeGap(t: CompiledTemplate, spec: TargetSpec): string | null {
  const a = renderTemplate(t, renderContext(spec, [], null));
  if (a.ok || a.kind !== "engine-gap") return null;
  const b = renderTemplate(t, renderContext(spec, [{ role: "user", content: "Hello." }, { role: "assistant", content: "Hello!" }], null));
  return !b.ok && b.kind === "engine-gap" && b.message === a.message ? a.message : null;
}
