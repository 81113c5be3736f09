// profile: openai — what OpenAI's chat fine-tuning format accepts, beyond the generic checks.
//
// Sources: OpenAI's API reference for fine-tuning input (FineTuneChatRequestInput: `messages`, `tools`,
// `parallel_tool_calls`, `functions`; the messages are system, user, assistant — FineTuneChatCompletionRequestAssistant
// Message: content, refusal, name, audio, tool_calls, function_call, weight 0/1 —, tool and function messages; no
// developer message), the cookbook "Data preparation and analysis for chat model fine-tuning" (message keys role,
// content, name, function_call, weight; roles system, user, assistant, function), the vision fine-tuning guide
// (images as {"type": "image_url", "image_url": {"url": <https or data URL>, "detail"?}} in user messages), the DPO
// guide (input.messages, one assistant message in preferred_output and non_preferred_output), and the function
// name pattern of the API reference (a-z, A-Z, 0-9, _ and -, at most 64). What chatml.ts already checks under this
// profile (tool-call id and type, arguments as a JSON string, tool_call_id, tools as JSON text, ms-swift roles) is not
// repeated here.
//
// Findings about a systematic shape (a key, a role, a part type) are reported once per file (every such record is
// still refused); the others per record.
import type { DatasetFormat } from "../model.js";
import type { ParseContext } from "../formats/context.js";
import { article, FUNCTION_NAME, GENERIC_PART_TYPES, isObject, messageLists, messagesOf, ONCE, shown, type RawMessage } from "./profile-shared.js";

const NAME = "OpenAI's chat fine-tuning format";

/** Message keys by role (API reference; `name` also accepted on tool messages, as OpenAI's own tool examples write). */
const KEYS: Record<string, readonly string[]> = {
  system: ["role", "content", "name"],
  user: ["role", "content", "name"],
  assistant: ["role", "content", "name", "tool_calls", "function_call", "weight", "refusal", "audio"],
  tool: ["role", "content", "tool_call_id", "name"],
  function: ["role", "content", "name"],
};

const PART_TYPES: Record<string, readonly string[]> = { user: ["text", "image_url"], assistant: ["text", "refusal"], system: ["text"], tool: ["text"], function: ["text"] };

const KEY_HINTS: Record<string, string> = {
  loss_weight: `OpenAI's per-message switch is "weight": 0 or 1, on assistant messages (0: not trained on)`,
  train: `OpenAI's per-message switch is "weight": 0 or 1, on assistant messages (0: not trained on)`,
  train_detail: "OpenAI trains whole messages: drop it (or split the message)",
  reasoning_content: "OpenAI's format has no reasoning field: drop it, or fold the reasoning into the content",
  thinking: "OpenAI's format has no reasoning field: drop it, or fold the reasoning into the content",
};

export function checkOpenai(rec: Record<string, unknown>, format: DatasetFormat, ctx: ParseContext): void {
  if (format === "chatml") {
    if (rec.system !== undefined) {
      ctx.emit(
        "unsupported-key",
        `"system" beside "messages" is Amazon Bedrock's format; ${NAME} reads a system prompt only as the first message: move it into "messages" as {"role": "system", "content": ...}${ONCE}`,
        "openai-key:system",
      );
    }
    checkTools(rec.tools, "tools", ctx);
    checkTools(rec.functions, "functions", ctx);
  } else if (isObject(rec.input)) checkTools(rec.input.tools, "input.tools", ctx);
  for (const { label, items } of messageLists(rec, format)) {
    if (label === "preferred_output" || label === "non_preferred_output") checkOutput(label, items, ctx);
    for (const msg of messagesOf(label, items)) checkMessage(msg, ctx);
  }
}

function checkMessage({ m, w, role }: RawMessage, ctx: ParseContext): void {
  if (role === "developer") {
    ctx.emit("invalid-role", `${w}: 'developer' is not a role ${NAME} takes (system, user, assistant, tool, function): use 'system'${ONCE}`, "openai-role:developer");
    return;
  }
  const keys = Object.hasOwn(KEYS, role) ? KEYS[role] : undefined; // not KEYS[role]: a role named "constructor"
  if (!keys) return; // an unknown role: the generic checks report it (and ms-swift's roles, chatml.ts)
  for (const k of Object.keys(m)) {
    if (keys.includes(k) || (k === "weight" && role !== "assistant")) continue; // a weight elsewhere: invalid-weight
    const lower = k.toLowerCase();
    const hint = (Object.hasOwn(KEY_HINTS, k) ? KEY_HINTS[k] : undefined) ?? (keys.includes(lower) ? `keys are lowercase: rename it to '${lower}'` : "remove it or check its spelling");
    ctx.emit("unsupported-key", `${w} (${role}) has the key '${k}', which ${NAME} does not accept: ${hint}; ${article(role)} ${role} message takes ${keys.join(", ")}${ONCE}`, `openai-key:${role}:${k}`);
  }
  if (Array.isArray(m.content)) checkParts(m.content, w, role, ctx);
  if (Array.isArray(m.tool_calls)) {
    m.tool_calls.forEach((c, j) => {
      const fn = isObject(c) && isObject(c.function) ? c.function : undefined;
      if (fn && typeof fn.name === "string" && fn.name !== "" && !FUNCTION_NAME.test(fn.name)) {
        ctx.emit("invalid-tool-call", `${w}.tool_calls[${j}] calls ${shown(fn.name)}: ${NAME} takes function names of a-z, A-Z, 0-9, _ and - (at most 64 characters)`);
      }
    });
  }
}

function checkParts(parts: unknown[], w: string, role: string, ctx: ParseContext): void {
  const types = Object.hasOwn(PART_TYPES, role) ? PART_TYPES[role] : ["text"];
  parts.forEach((p, k) => {
    if (!isObject(p) || typeof p.type !== "string") return; // the generic checks report it
    const at = `${w}.content[${k}]`;
    if (p.type === "text") {
      if (typeof p.text !== "string" && typeof p.value === "string") {
        ctx.emit("invalid-content-part", `${at} is LLaMA-Factory's {"type": "text", "value": ...}; ${NAME} takes {"type": "text", "text": ...}: rename "value" to "text"${ONCE}`, "openai-part:value");
      }
      return;
    }
    if (p.type === "image_url") {
      if (role !== "user") return; // the generic checks report images outside user messages
      if (typeof p.image_url === "string") {
        ctx.emit("invalid-content-part", `${at} has "image_url" as a string; ${NAME} takes {"type": "image_url", "image_url": {"url": "https://..." or "data:image/png;base64,..."}}${ONCE}`, "openai-part:image-url-string");
      } else if (isObject(p.image_url) && p.image_url.detail !== undefined && !["low", "high", "auto"].includes(p.image_url.detail as string)) {
        ctx.emit("invalid-content-part", `${at} has "detail": ${shown(p.image_url.detail)}; ${NAME} takes "low", "high" or "auto"`);
      }
      return;
    }
    if (types.includes(p.type) || !GENERIC_PART_TYPES.includes(p.type)) return; // an unknown type: the generic finding
    if (p.type === "image" || p.type === "input_image") {
      if (role !== "user") return; // reported by the generic checks
      ctx.emit("invalid-content-part", `${at} has type '${p.type}'; ${NAME} takes an image as {"type": "image_url", "image_url": {"url": "https://..." or "data:image/png;base64,..."}}${ONCE}`, `openai-part:${p.type}`);
      return;
    }
    const takes = types.map((t) => `'${t}'`).join(" and ");
    ctx.emit("invalid-content-part", `${at} has type '${p.type}', which ${NAME} does not take in ${article(role)} ${role} message: it takes ${takes} parts${ONCE}`, `openai-part:${role}:${p.type}`);
  });
}

/** DPO outputs: one assistant message each. */
function checkOutput(label: string, items: unknown[], ctx: ParseContext): void {
  if (items.length > 1) ctx.emit("invalid-content-type", `"${label}" holds ${items.length} messages; ${NAME} (DPO) takes exactly one assistant message in it`);
  for (const { w, role } of messagesOf(label, items)) {
    if (role !== "assistant" && role !== "") ctx.emit("invalid-role", `${w} is ${article(role)} '${role}' message; ${NAME} (DPO) takes one assistant message in "${label}"`);
  }
}

/** Tool (or legacy function) definitions: {"type": "function", "function": {"name": ...}} ({"name": ...} in `functions`). */
function checkTools(v: unknown, label: string, ctx: ParseContext): void {
  if (!Array.isArray(v)) return; // absent, or a string / other type: chatml.ts and the schema report it
  v.forEach((d, i) => {
    const at = `${label}[${i}]`;
    const legacy = label === "functions";
    const fn = legacy ? d : isObject(d) ? d.function : undefined;
    if (!legacy && !(isObject(d) && d.type === "function")) {
      ctx.emit("invalid-tool-call", `${at} is not a function tool: ${NAME} takes {"type": "function", "function": {"name": ..., "description": ..., "parameters": {...}}}${ONCE}`, `openai-tools:type:${label}`);
      return;
    }
    if (!isObject(fn) || typeof fn.name !== "string") {
      ctx.emit("invalid-tool-call", `${at} has no function name: ${NAME} takes ${legacy ? `{"name": ..., "parameters": {...}}` : `{"type": "function", "function": {"name": ..., "parameters": {...}}}`}${ONCE}`, `openai-tools:name:${label}`);
    } else if (!FUNCTION_NAME.test(fn.name)) {
      ctx.emit("invalid-tool-call", `${at} declares the function ${shown(fn.name)}: ${NAME} takes function names of a-z, A-Z, 0-9, _ and - (at most 64 characters)${ONCE}`, `openai-tools:pattern:${fn.name}`);
    }
  });
}
