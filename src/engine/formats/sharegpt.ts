// ShareGPT records: {"conversations": [{"from": "human"|"gpt"|"system"|..., "value": "..."}], "system"?, "tools"?}.
// Roles are mapped to the chat roles; function_call/observation are LLaMA-Factory's tool-call turns.
import type { Conversation, Message } from "../model.js";
import { categoryOf, ktoLabel, type ParseContext } from "./context.js";
import { describe } from "../rules/roles.js";
import { escapePointer } from "../rules/chatml-shape.js";
import { resultKey, toolsKey } from "./tool-keys.js";
import { toolDefinitions } from "./tool-text.js";

export const ROLE_MAP: Record<string, string> = {
  human: "user",
  user: "user",
  gpt: "assistant",
  assistant: "assistant",
  chatgpt: "assistant",
  bing: "assistant",
  bard: "assistant",
  model: "assistant",
  system: "system",
  tool: "tool",
  observation: "tool",
  function_call: "assistant",
  function: "tool",
};
const TURN_KEYS = new Set(["from", "value", "weight", "loss_weight", "role", "content", "name", "train", "train_detail"]);

export function parseSharegpt(rec: Record<string, unknown>, ctx: ParseContext): Conversation | null {
  const conv = rec.conversations;
  if (conv === undefined) {
    ctx.emit("missing-messages", `the record has no "conversations" array (the file is ShareGPT): add "conversations": [{"from": "human", "value": ...}, {"from": "gpt", "value": ...}]`, undefined, "/conversations");
    return null;
  }
  if (!Array.isArray(conv)) {
    ctx.emit("messages-not-array", `"conversations" is ${describe(conv)}; it must be an array of turns`, undefined, "/conversations");
    return null;
  }
  if (conv.length === 0) {
    ctx.emit("empty-messages", `"conversations" is empty: a record needs at least a human and a gpt turn`, undefined, "/conversations");
    return null;
  }
  let ok = true;
  const messages: Message[] = [];
  if (typeof rec.system === "string" && rec.system.trim() !== "") messages.push({ role: "system", text: rec.system, images: 0, toolCalls: 0, src: "/system" });
  let at = 0;
  const emit = (rule: string, message: string, field?: string, onceKey?: string) => ctx.emit(rule, message, onceKey, field === undefined ? `/conversations/${at}` : `/conversations/${at}/${field}`);
  conv.forEach((t, i) => {
    const w = `conversations[${i}]`;
    at = i;
    if (!t || typeof t !== "object" || Array.isArray(t)) {
      emit("message-not-object", `${w} is ${describe(t)}, not a turn like {"from": "human", "value": "..."}`);
      ok = false;
      return;
    }
    const turn = t as Record<string, unknown>;
    const from = turn.from ?? turn.role;
    const value = "value" in turn ? turn.value : turn.content;
    if (from === undefined) {
      emit("missing-role", `${w} has no "from": add "from": "human" | "gpt" | "system"`);
      ok = false;
      return;
    }
    const role = typeof from === "string" && Object.hasOwn(ROLE_MAP, from) ? ROLE_MAP[from] : undefined;
    if (!role) {
      const lower = typeof from === "string" ? from.toLowerCase() : "";
      const hint = Object.hasOwn(ROLE_MAP, lower) ? `roles are lowercase: did you mean '${lower}'?` : `allowed: human, gpt, system, function_call, observation (or user/assistant/tool)`;
      emit("invalid-role", `${w}.from is ${describe(from)}: ${hint}`, "from" in turn ? "from" : "role");
      ok = false;
      return;
    }
    if (value === undefined) {
      emit("missing-content", `${w} (${String(from)}) has no "value": add the turn's text`);
      ok = false;
      return;
    }
    if (typeof value !== "string") {
      emit("invalid-content-type", `${w}.value is ${describe(value)}; it must be a string`, "value" in turn ? "value" : "content");
      ok = false;
      return;
    }
    for (const k of Object.keys(turn)) {
      if (!TURN_KEYS.has(k)) emit("unknown-key", `${w} has the key '${k}', which ShareGPT turns do not define: remove it or check its spelling`, escapePointer(k), `uk:${k}`);
    }
    let weight: number | undefined;
    if (turn.weight !== undefined) {
      if (turn.weight !== 0 && turn.weight !== 1) emit("invalid-weight", `${w}.weight is ${describe(turn.weight)}; it must be 0 or 1`, "weight");
      else weight = turn.weight;
    }
    // A function_call turn's value is the call itself (JSON text), so its text already identifies it; a tool result
    // may name its function.
    const msg: Message = { role, text: value, images: 0, toolCalls: from === "function_call" ? 1 : 0, weight, src: "/conversations", srcIndex: i, textKey: "value" in turn ? "value" : "content" };
    if (role === "tool" && typeof turn.name === "string") msg.calls = [resultKey(turn.name)];
    if (typeof turn.name === "string" && turn.name !== "") msg.name = turn.name;
    messages.push(msg);
  });
  if (!ok) return null;
  const hasTools = (typeof rec.tools === "string" && rec.tools.trim() !== "") || (Array.isArray(rec.tools) && rec.tools.length > 0);
  const out: Conversation = { messages, hasTools: hasTools || messages.some((m) => m.toolCalls > 0), category: categoryOf(rec, ctx) };
  const tools = toolsKey(rec.tools);
  if (tools !== undefined) out.tools = tools;
  const label = ktoLabel(rec);
  if (label !== undefined) out.label = label;
  const defs = toolDefinitions(rec.tools);
  if (defs) out.toolDefs = defs;
  return out;
}
