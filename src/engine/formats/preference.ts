// Preference records. TRL: {"prompt", "chosen", "rejected"} as strings or message lists (conversational).
// LLaMA-Factory's ranking datasets put the prompt in ShareGPT "conversations" (with "system", "tools"; the answers
// are one turn each, {"from": "gpt", "value": ...}), in "messages" (its OpenAI-style tags: answers {"role":
// "assistant", "content": ...}) or in Alpaca "instruction"/"input" (with "system", "history").
// OpenAI DPO: {"input": {"messages": [...]}, "preferred_output": [...], "non_preferred_output": [...]}.
// Normalised as the prompt followed by the chosen answer; the rejected answer goes to `rejected`.
import type { Conversation, Message } from "../model.js";
import { categoryOf, type ParseContext } from "./context.js";
import { CHAT_ROLES, describe, roleHint } from "../rules/roles.js";
import { normaliseMessages, recordToolsKey } from "./chatml.js";
import { reportShapeErrors, validatePreferenceOpenai } from "../rules/chatml-shape.js";
import { parseSharegpt, ROLE_MAP } from "./sharegpt.js";
import { alpacaPrompt } from "./alpaca.js";
import { toolDefinitions } from "./tool-text.js";

function side(v: unknown, key: string, role: string, ctx: ParseContext): Message[] | null {
  if (v === undefined) {
    ctx.emit("missing-content", `the record has no "${key}" (the file is TRL preference data: prompt, chosen, rejected)`, undefined, `/${key}`);
    return null;
  }
  if (typeof v === "string") return [{ role, text: v, images: 0, toolCalls: 0, src: `/${key}` }];
  let single = false;
  if (v && typeof v === "object" && !Array.isArray(v) && key !== "prompt") {
    const turn = v as Record<string, unknown>;
    if ("from" in turn) return sharegptAnswer(turn, key, ctx);
    if ("role" in turn) {
      v = [turn]; // one message written without its list
      single = true;
    }
  }
  const at = (i: number, field?: string) => (single ? `/${key}` : `/${key}/${i}`) + (field ? `/${field}` : "");
  if (Array.isArray(v)) {
    if (v.length === 0) {
      ctx.emit("empty-messages", `"${key}" is an empty list of messages`, undefined, `/${key}`);
      return null;
    }
    for (const [i, m] of v.entries()) {
      if (!m || typeof m !== "object" || Array.isArray(m)) {
        ctx.emit("message-not-object", `${key}[${i}] is ${describe(m)}; it must be a message {"role": ..., "content": ...}`, undefined, at(i));
        return null;
      }
      const role = (m as Record<string, unknown>).role;
      if (role === undefined) {
        ctx.emit("missing-role", `${key}[${i}] has no "role": add "role": "user" | "assistant" | "system"`, undefined, at(i));
        return null;
      }
      if (typeof role !== "string" || !(CHAT_ROLES as readonly string[]).includes(role)) {
        ctx.emit("invalid-role", `${key}[${i}]: ${roleHint(role)}`, undefined, at(i, "role"));
        return null;
      }
      const content = (m as Record<string, unknown>).content;
      if (content !== undefined && content !== null && typeof content !== "string" && !Array.isArray(content)) {
        ctx.emit("invalid-content-type", `${key}[${i}].content is ${describe(content)}; it must be a string, or an array of parts like [{"type": "text", "text": "..."}]`, undefined, at(i, "content"));
        return null;
      }
    }
    const messages = normaliseMessages(v, key, ctx);
    if (single) for (const m of messages) m.srcIndex = undefined;
    return messages;
  }
  ctx.emit("invalid-content-type", `"${key}" is ${describe(v)}; it must be a string or a list of messages`, undefined, `/${key}`);
  return null;
}

/** LLaMA-Factory's ShareGPT ranking answer: one turn {"from": "gpt", "value": "..."}. */
function sharegptAnswer(turn: Record<string, unknown>, key: string, ctx: ParseContext): Message[] | null {
  const from = turn.from;
  const value = turn.value;
  if (typeof from !== "string" || !Object.hasOwn(ROLE_MAP, from) || ROLE_MAP[from] !== "assistant") {
    ctx.emit("invalid-role", `${key}.from is ${describe(from)}: the answer is the model's turn, "gpt"`, undefined, `/${key}/from`);
    return null;
  }
  if (value === undefined) {
    ctx.emit("missing-content", `${key} has no "value": add the answer's text`, undefined, `/${key}`);
    return null;
  }
  if (typeof value !== "string") {
    ctx.emit("invalid-content-type", `${key}.value is ${describe(value)}; it must be a string`, undefined, `/${key}/value`);
    return null;
  }
  return [{ role: "assistant", text: value, images: 0, toolCalls: from === "function_call" ? 1 : 0, src: `/${key}`, textKey: "value" }];
}

function sameAnswer(a: Message[], b: Message[]): boolean {
  return a.length === b.length && a.every((m, i) => m.role === b[i].role && m.text.trim() === b[i].text.trim());
}

/** The chosen side starts with the prompt's messages (same roles and text) and goes on to an answer. */
function repeatsPrompt(prompt: Message[], chosen: Message[]): boolean {
  return prompt.length > 0 && chosen.length > prompt.length && prompt.every((m, i) => m.role === chosen[i].role && m.text.trim() === chosen[i].text.trim());
}

export function parsePreferenceTrl(rec: Record<string, unknown>, ctx: ParseContext): Conversation | null {
  let prompt: Message[] | null = [];
  let shared: Conversation | null = null; // the prompt of a ShareGPT ranking record, with its tools
  if ("prompt" in rec) prompt = side(rec.prompt, "prompt", "user", ctx);
  else if ("messages" in rec) prompt = side(rec.messages, "messages", "user", ctx); // LLaMA-Factory, OpenAI-style tags
  else if ("conversations" in rec) prompt = (shared = parseSharegpt(rec, ctx))?.messages ?? null;
  else if ("instruction" in rec) {
    if (typeof rec.instruction === "string") prompt = alpacaPrompt(rec, rec.instruction, ctx);
    else {
      ctx.emit("invalid-content-type", `"instruction" is ${describe(rec.instruction)}; it must be a string`, undefined, "/instruction");
      prompt = null;
    }
  }
  const chosen = side(rec.chosen, "chosen", "assistant", ctx);
  const rejected = side(rec.rejected, "rejected", "assistant", ctx);
  if (!prompt || !chosen || !rejected) return null;
  if (sameAnswer(chosen, rejected)) {
    ctx.emit("identical-preference", `"chosen" and "rejected" are the same answer: the pair teaches nothing; fix or drop it`, undefined, "/rejected");
  }
  // HuggingFaceH4/ultrafeedback_binarized and its kin: "chosen" and "rejected" hold the whole conversation, prompt
  // included, and "prompt" repeats its first turn(s); the prompt is not put in front of it a second time.
  const messages = repeatsPrompt(prompt, chosen) ? chosen : [...prompt, ...chosen];
  const conv: Conversation = { messages, rejected, hasTools: shared?.hasTools ?? false, category: categoryOf(rec, ctx) };
  if (shared?.tools !== undefined) conv.tools = shared.tools;
  if (shared?.toolDefs !== undefined) conv.toolDefs = shared.toolDefs;
  // TRL's preference type with an implicit prompt, as text ({"chosen": "...", "rejected": "..."}, e.g. Anthropic's
  // hh-rlhf "\n\nHuman: ... \n\nAssistant: ..."): the prompt is inside the text, there are no user turns to find.
  if (prompt.length === 0 && typeof rec.chosen === "string") conv.implicitPrompt = true;
  return conv;
}

export function parsePreferenceOpenai(rec: Record<string, unknown>, ctx: ParseContext): Conversation | null {
  const valid = validatePreferenceOpenai(rec) as boolean;
  if (!valid) {
    reportShapeErrors(rec, validatePreferenceOpenai.errors ?? [], (rule, message, pointer) => ctx.emit(rule, message, undefined, pointer));
    return null;
  }
  const input = rec.input as Record<string, unknown>;
  const prompt = normaliseMessages(input.messages as unknown[], "input.messages", ctx);
  const chosen = normaliseMessages(rec.preferred_output as unknown[], "preferred_output", ctx);
  const rejected = normaliseMessages(rec.non_preferred_output as unknown[], "non_preferred_output", ctx);
  if (sameAnswer(chosen, rejected)) {
    ctx.emit("identical-preference", `"preferred_output" and "non_preferred_output" are the same answer: the pair teaches nothing; fix or drop it`, undefined, "/non_preferred_output");
  }
  const hasTools = Array.isArray(input.tools) && input.tools.length > 0;
  const conv: Conversation = { messages: [...prompt, ...chosen], rejected, hasTools, category: categoryOf(rec, ctx) };
  const tools = recordToolsKey(input);
  if (tools !== undefined) conv.tools = tools;
  const defs = toolDefinitions(input.tools, input.functions);
  if (defs) conv.toolDefs = defs;
  return conv;
}
