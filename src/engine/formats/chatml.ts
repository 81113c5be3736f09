// ChatML / OpenAI chat records: {"messages": [{"role", "content", ...}], "tools"?: [...]}.
// The shape is checked by the JSON Schema (rules/chatml-shape.ts); this file normalises the messages and checks
// what a schema cannot say well: content presence, part data, tool-call arguments, weights, profile rules.
import type { Conversation, Message } from "../model.js";
import { contentInfo } from "./content.js";
import { categoryOf, ktoLabel, type ParseContext } from "./context.js";
import { reportShapeErrors, validateChatml } from "../rules/chatml-shape.js";
import { describe } from "../rules/roles.js";
import { callKey, resultKey, toolsKey } from "./tool-keys.js";
import { callText, toolDefinitions } from "./tool-text.js";
import { targetOf } from "../rules/profiles.js";

export function parseChatml(rec: Record<string, unknown>, ctx: ParseContext): Conversation | null {
  const valid = validateChatml(rec) as boolean;
  if (!valid) {
    // A target that checks message keys itself (profile: openai) reports each as unsupported-key: not twice.
    const keysChecked = targetOf(ctx.profile)?.checksMessageKeys === true;
    reportShapeErrors(rec, validateChatml.errors ?? [], (rule, message, pointer) => {
      if (rule === "unknown-key" && keysChecked) return;
      ctx.emit(rule, message, rule === "unknown-key" ? `uk:${message.replace(/^messages\[\d+\]/, "")}` : undefined, pointer);
    });
    if (!Array.isArray(rec.messages)) return null;
    // Keep going with what is usable so conversation rules still see the record; but a broken shape is no input
    // for duplicate or diversity analysis.
    normaliseMessages(rec.messages, "messages", ctx);
    return null;
  }
  const messages = normaliseMessages(rec.messages as unknown[], "messages", ctx);
  const system = topLevelSystem(rec.system);
  if (system !== undefined) messages.unshift({ role: "system", text: system, images: 0, toolCalls: 0 });
  if (typeof rec.tools === "string") checkToolsString(rec.tools, ctx);
  const hasTools = (Array.isArray(rec.tools) && rec.tools.length > 0) || (typeof rec.tools === "string" && rec.tools.trim() !== "");
  const conv: Conversation = { messages, hasTools: hasTools || messages.some((m) => m.toolCalls > 0), category: categoryOf(rec, ctx) };
  const tools = recordToolsKey(rec);
  if (tools !== undefined) conv.tools = tools;
  const label = ktoLabel(rec);
  if (label !== undefined) conv.label = label;
  const defs = toolDefinitions(rec.tools, rec.functions);
  if (defs) conv.toolDefs = defs;
  return conv;
}

/** A system prompt given beside the messages, as Amazon Bedrock's fine-tuning format writes it: "system": "..." or
 * "system": [{"text": "..."}]. The trainer reads it as the first message; undefined when absent or empty. */
function topLevelSystem(v: unknown): string | undefined {
  let text = "";
  if (typeof v === "string") text = v;
  else if (Array.isArray(v)) {
    text = v
      .map((p) => (typeof p === "string" ? p : p && typeof p === "object" && typeof (p as Record<string, unknown>).text === "string" ? ((p as Record<string, unknown>).text as string) : ""))
      .filter((t) => t !== "")
      .join("\n");
  }
  return text.trim() === "" ? undefined : text;
}

/** `tools` serialised to a JSON string, as LLaMA-Factory and ms-swift write it (they parse it): fine when it holds an
 * array; the OpenAI API wants the array itself. */
function checkToolsString(tools: string, ctx: ParseContext): void {
  if (ctx.profile === "openai") {
    ctx.emit("invalid-content-type", `"tools" is a JSON string; the openai profile requires the array itself: store the parsed list [{"type": "function", "function": {...}}], not its JSON text`, undefined, "/tools");
    return;
  }
  if (tools.trim() === "") return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(tools);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed)) {
    ctx.emit("invalid-content-type", `"tools" is a string that is not a JSON array of tool definitions: store the list [{"type": "function", "function": {...}}] itself (or its JSON text)`, undefined, "/tools");
  }
}

/** Key of a record's `tools` and legacy `functions` definitions (also OpenAI preference `input`); undefined when none. */
export function recordToolsKey(rec: Record<string, unknown>): string | undefined {
  const tools = toolsKey(rec.tools);
  const functions = toolsKey(rec.functions);
  if (functions === undefined) return tools;
  return (tools ?? "") + "functions:" + functions;
}

/** Normalises an array of chat messages (also used by OpenAI preference records) and checks content and tools. */
export function normaliseMessages(list: unknown[], label: string, ctx: ParseContext): Message[] {
  const out: Message[] = [];
  const base = listPointer(label);
  let at = 0; // the message being read (no closure per message)
  const emit = (rule: string, message: string, field?: string) => ctx.emit(rule, message, undefined, field === undefined ? `${base}/${at}` : `${base}/${at}/${field}`);
  const callIds = new Set<string>();
  let calls = 0;
  for (let i = 0; i < list.length; i++) {
    const raw = list[i];
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) continue;
    const m = raw as Record<string, unknown>;
    const w = `${label}[${i}]`;
    at = i;
    let role = typeof m.role === "string" ? m.role : "";
    // ms-swift's agent roles: "tool_call", an assistant turn whose content is the call's JSON text (as ShareGPT's
    // function_call: the text identifies the call), and "tool_response", the tool's answer. Not in the openai profile.
    let swiftCall = false;
    if (role === "tool_call" || role === "tool_response") {
      if (ctx.profile === "openai") {
        emit("invalid-role", `${w}: '${role}' is ms-swift's agent role; the openai profile takes ${role === "tool_call" ? "an assistant message with tool_calls" : "a 'tool' message with tool_call_id"}`, "role");
        continue;
      }
      swiftCall = role === "tool_call";
      role = swiftCall ? "assistant" : "tool";
    }
    const toolCalls = Array.isArray(m.tool_calls) ? m.tool_calls : NO_CALLS;
    const hasCall = toolCalls.length > 0 || (m.function_call !== null && typeof m.function_call === "object");
    if (!("content" in m) && !hasCall && role) {
      emit("missing-content", `${w} (${role}) has no "content": add "content": "..."${role === "assistant" ? ' (or "tool_calls" for a tool call)' : ""}`);
    } else if (m.content === null && !hasCall && role && role !== "assistant") {
      emit("missing-content", `${w} (${role}) has "content": null: only an assistant message with tool_calls may have null content`, "content");
    } else if (m.content === null && !hasCall && role === "assistant") {
      emit("missing-content", `${w} (assistant) has "content": null and no tool_calls: give it the answer text`, "content");
    }
    const info = contentInfo(m.content);
    if (Array.isArray(m.content)) checkParts(m.content, w, `${base}/${i}/content`, role, ctx);
    toolCalls.forEach((c, j) => checkToolCall(c, `${w}.tool_calls[${j}]`, `${base}/${i}/tool_calls/${j}`, ctx, callIds));
    calls += toolCalls.length + (swiftCall ? 1 : 0);
    if (role === "tool") {
      const id = m.tool_call_id;
      if (calls === 0) emit("unmatched-tool-call", `${w} is a tool result, but no earlier assistant message makes a tool call: add the assistant's tool_calls before it`);
      else if (typeof id === "string" && callIds.size > 0 && !callIds.has(id)) {
        emit("unmatched-tool-call", `${w}.tool_call_id '${id}' answers no earlier call (ids: ${[...callIds].slice(0, 5).join(", ")}): fix the id`, "tool_call_id");
      } else if (id === undefined && ctx.profile === "openai") {
        emit("unmatched-tool-call", `${w} has no "tool_call_id" (required by the openai profile): set it to the id of the call it answers`);
      }
    }
    let weight: number | undefined;
    if (m.weight !== undefined) {
      weight = m.weight as number;
      if (role !== "assistant" && targetOf(ctx.profile)?.weightsOnAnyRole !== true) emit("invalid-weight", `${w}.weight is set on a ${role} message; weight applies to assistant messages only: remove it`, "weight");
    } else if (typeof m.loss_weight === "number" && role === "assistant") weight = m.loss_weight > 0 ? 1 : 0;
    else if (typeof m.train === "boolean" && role === "assistant") weight = m.train ? 1 : 0; // Axolotl's per-message switch
    const msg: Message = { role, text: info.text, images: info.images, toolCalls: toolCalls.length + (hasCall && toolCalls.length === 0 ? 1 : 0) + (swiftCall ? 1 : 0), weight, src: base, srcIndex: i, textKey: "content" };
    if (info.media) msg.media = info.media;
    if (info.imageParts) msg.imageParts = info.imageParts;
    if (typeof m.name === "string" && m.name !== "") msg.name = m.name;
    if (hasCall) {
      const keys = toolCalls.map(callKey);
      if (toolCalls.length === 0) keys.push(callKey(m.function_call));
      msg.calls = keys;
      const text = toolCalls.length > 0 ? toolCalls.flatMap(callText) : callText(m.function_call);
      if (text.length > 0) msg.callText = text;
    } else if ((role === "tool" || role === "function") && typeof m.name === "string") msg.calls = [resultKey(m.name)];
    out.push(msg);
  }
  return out;
}

const NO_CALLS: readonly unknown[] = [];

/** JSON pointer of a list named by its dotted label ("input.messages" -> "/input/messages"); made once per label. */
export function listPointer(label: string): string {
  let p = LIST_POINTERS.get(label);
  if (p === undefined) {
    p = "/" + label.replace(/\./g, "/");
    if (LIST_POINTERS.size < 64) LIST_POINTERS.set(label, p);
  }
  return p;
}
const LIST_POINTERS = new Map<string, string>();

function checkParts(parts: unknown[], w: string, ptr: string, role: string, ctx: ParseContext): void {
  parts.forEach((p, k) => {
    if (!p || typeof p !== "object") return; // schema already reported it
    const part = p as Record<string, unknown>;
    const at = `${w}.content[${k}]`;
    const emit = (rule: string, message: string) => ctx.emit(rule, message, undefined, `${ptr}/${k}`);
    if (part.type === "text") {
      if (typeof part.text !== "string" && typeof part.value !== "string") {
        emit("invalid-content-part", `${at} is a text part without a string "text": use {"type": "text", "text": "..."}`);
      }
    } else if (part.type === "image_url") {
      const iu = part.image_url as Record<string, unknown> | undefined;
      const url = iu && typeof iu === "object" ? iu.url : iu;
      if (typeof url !== "string" || url === "") {
        emit("invalid-content-part", `${at} is an image_url part without a URL: use {"type": "image_url", "image_url": {"url": "https://..." or "data:image/png;base64,..."}}`);
      }
    }
    if ((part.type === "image_url" || part.type === "image" || part.type === "input_image") && role !== "user") {
      emit("invalid-content-part", `${at} is an image in ${/^[aeiou]/i.test(role) ? "an" : "a"} ${role} message; images belong in user messages`);
    }
  });
}

function checkToolCall(c: unknown, at: string, ptr: string, ctx: ParseContext, ids: Set<string>): void {
  if (!c || typeof c !== "object") return;
  const call = c as Record<string, unknown>;
  const fn = call.function as Record<string, unknown> | undefined;
  if (typeof call.id === "string") ids.add(call.id);
  if (fn && typeof fn === "object" && typeof fn.arguments === "string") {
    try {
      JSON.parse(fn.arguments);
    } catch {
      ctx.emit("invalid-tool-call", `${at}.function.arguments is a string that is not valid JSON (${describe(fn.arguments)}): write the arguments as a JSON object serialised to a string`, undefined, `${ptr}/function/arguments`);
    }
  }
  if (ctx.profile === "openai") {
    // (an id that is not a string is the schema's finding)
    if (call.id === undefined) ctx.emit("invalid-tool-call", `${at} has no "id" (required by the openai profile): add "id": "call_1" and use it as tool_call_id in the tool result`, undefined, ptr);
    if (call.type !== "function") ctx.emit("invalid-tool-call", `${at} has no "type": "function" (required by the openai profile)`, undefined, ptr);
    if (fn && typeof fn === "object" && typeof fn.arguments !== "string") {
      ctx.emit("invalid-tool-call", `${at}.function.arguments is ${describe(fn.arguments)}; the openai profile requires a JSON string: serialise it with JSON.stringify`, undefined, `${ptr}/function/arguments`);
    }
  }
}
