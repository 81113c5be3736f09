// The sharegpt-to-messages fix: {"conversations": [{"from", "value"}], "system"?} → {"messages": [{"role",
// "content"}]}, with a strict role map that refuses a record with any other role instead of guessing:
//
//   human, user → user        gpt, assistant → assistant        system → system
//   observation, tool → tool (a tool result; no tool_call_id: ShareGPT has no call ids, and none is invented)
//   function_call → assistant with "tool_calls": [{"type": "function", "function": {"name", "arguments"}}], from the
//                   turn's JSON text {"name", "arguments"} (or a list of them: parallel calls); no id is invented
//
// A top-level "system" string becomes the first message. Every other key of the record and of each turn is kept,
// values as written (the strings are moved, never re-encoded).
import { parseJsonSource, type JsonEntry, type JsonNode, type JsonObject } from "../engine/read/json-source.js";
import { entriesOf, entry, get, isObject, keyOf, object, str, text } from "./json-edit.js";

export type Conversion = { node: JsonObject; note: string } | { refuse: string };

const ROLES: Record<string, string> = { human: "user", user: "user", gpt: "assistant", assistant: "assistant", system: "system", observation: "tool", tool: "tool", function_call: "assistant" };
export const SHAREGPT_ROLES = Object.keys(ROLES);

export function sharegptToMessages(rec: JsonObject): Conversion {
  const convs = entriesOf(rec, "conversations");
  if (convs.length !== 1) return { refuse: `the record has ${convs.length} "conversations" keys` };
  if (get(rec, "messages") !== undefined) return { refuse: `the record has both "conversations" and "messages"` };
  const list = convs[0].value;
  if (list.kind !== "array" || list.items.length === 0) return { refuse: `"conversations" is not a list of turns` };
  const messages: JsonNode[] = [];
  const system = entriesOf(rec, "system");
  if (system.length > 1) return { refuse: `the record has ${system.length} "system" keys` };
  const systemText = system.length ? text(system[0].value) : undefined;
  if (system.length && systemText === undefined) return { refuse: `"system" is not a string` };
  if (systemText) messages.push(object(entry("role", str("system")), entry("content", system[0].value)));
  let calls = 0;
  for (let i = 0; i < list.items.length; i++) {
    const turn = list.items[i];
    const w = `conversations[${i}]`;
    if (!isObject(turn)) return { refuse: `${w} is not a turn object` };
    const fromKey = get(turn, "from") !== undefined ? "from" : "role";
    const valueKey = get(turn, "value") !== undefined ? "value" : "content";
    const from = text(get(turn, fromKey));
    const value = get(turn, valueKey);
    if (from === undefined || !Object.hasOwn(ROLES, from)) {
      return { refuse: `${w}.${fromKey} is ${from === undefined ? "missing" : `'${from}'`}: the strict role map takes ${SHAREGPT_ROLES.join(", ")}` };
    }
    if (value?.kind !== "string") return { refuse: `${w}.${valueKey} is not a string` };
    if (from === "system" && (i > 0 || systemText)) return { refuse: `${w} is a second system prompt` };
    const rest = turn.entries.filter((e) => keyOf(e) !== fromKey && keyOf(e) !== valueKey && keyOf(e) !== (fromKey === "from" ? "role" : "from"));
    if (rest.some((e) => ["role", "content", "tool_calls"].includes(keyOf(e)))) return { refuse: `${w} mixes ShareGPT and ChatML keys` };
    if (from === "function_call") {
      const toolCalls = callsOf(text(value)!);
      if (!toolCalls) return { refuse: `${w} (function_call) is not a JSON call {"name": ..., "arguments": ...} (or a list of them)` };
      calls += toolCalls.items.length;
      messages.push(object(entry("role", str("assistant")), entry("tool_calls", toolCalls), ...rest));
    } else messages.push(object(entry("role", str(ROLES[from])), entry("content", value), ...rest));
  }
  const entries: JsonEntry[] = [];
  for (const e of rec.entries) {
    const k = keyOf(e);
    if (k === "conversations") entries.push(entry("messages", { kind: "array", items: messages }));
    else if (k !== "system") entries.push(e);
  }
  const moved = systemText ? `, "system" → the first message` : "";
  return { node: { kind: "object", entries }, note: `"conversations" (${list.items.length} turns) → "messages"${moved}${calls ? `, ${calls} function_call turn(s) → tool_calls without ids` : ""}` };
}

/** tool_calls from a function_call turn's text: {"name", "arguments"} or a list of them; null when it is not that. */
function callsOf(value: string): { kind: "array"; items: JsonNode[] } | null {
  let parsed: JsonNode;
  try {
    parsed = parseJsonSource(value);
  } catch {
    return null;
  }
  const list = parsed.kind === "array" ? parsed.items : [parsed];
  const items: JsonNode[] = [];
  for (const c of list) {
    if (!isObject(c) || text(get(c, "name")) === undefined || c.entries.some((e) => !["name", "arguments"].includes(keyOf(e)))) return null;
    const fn = c.entries.filter((e) => keyOf(e) === "name" || keyOf(e) === "arguments");
    items.push(object(entry("type", str("function")), entry("function", object(...fn))));
  }
  return items.length ? { kind: "array", items } : null;
}
