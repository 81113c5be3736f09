// profile: mistral — what mistral-finetune accepts as instruct data, beyond the generic checks.
//
// Sources: mistralai/mistral-finetune finetune/data/tokenize.py (build_instruct_sample, _parse_available_tools,
// _parse_tool_calls, _parse_tool_message) and the validator it runs, mistral-common's MistralRequestValidatorV3 in
// finetuning mode (src/mistral_common/protocol/instruct/validator.py):
//  - records hold "messages" (pretraining {"text"} records are another file type); not both "tools" and
//    "available_tools"; each tool {"function": {"name", "description", "parameters": {...}}};
//  - roles system, user, assistant, tool; at most one system message; a text part is {"type": "text", "text"};
//  - an assistant message has content or tool_calls, not both and not neither; each call has an "id" of 9 letters
//    or digits and a "function" with "name" and "arguments" as a string;
//  - a tool message has a "tool_call_id" of 9 letters or digits; function names a-z, A-Z, 0-9, _ and - (at most 64);
//  - order: after system come user, assistant or system; after user: assistant, system or user; after assistant:
//    assistant, user or tool; after tool: assistant or tool; the results of an assistant's calls come before the
//    next assistant message, one per call; the last message is the assistant's (`last-not-assistant` is an error
//    under this profile).
import type { DatasetFormat } from "../model.js";
import type { ParseContext } from "../formats/context.js";
import { FUNCTION_NAME, GENERIC_ROLES, isObject, messagesOf, ONCE, shown } from "./profile-shared.js";

const NAME = "mistral-finetune";
const ROLES = ["system", "user", "assistant", "tool"];
const CALL_ID = /^[a-zA-Z0-9]{9}$/;
const NEXT: Record<string, readonly string[]> = {
  system: ["user", "assistant", "system"],
  user: ["assistant", "system", "user"],
  assistant: ["assistant", "user", "tool"],
  tool: ["assistant", "tool"],
};

export function checkMistral(rec: Record<string, unknown>, _format: DatasetFormat, ctx: ParseContext): void {
  if (rec.tools !== undefined && rec.available_tools !== undefined) {
    ctx.emit("unsupported-key", `the record has both "tools" and "available_tools"; ${NAME} takes one of them`);
  }
  checkTools(rec.tools ?? rec.available_tools, rec.tools !== undefined ? "tools" : "available_tools", ctx);
  const msgs = messagesOf("messages", Array.isArray(rec.messages) ? rec.messages : []);
  let systems = 0;
  let prev = "";
  let pendingCalls = 0; // results still expected for the last assistant's calls (negative: more results than calls)
  let anyCall = false; // a tool result before any call is the generic unmatched-tool-call, not reported again here
  let caller = "";
  msgs.forEach(({ m, w, role }, i) => {
    if (!ROLES.includes(role)) {
      if (GENERIC_ROLES.includes(role)) ctx.emit("invalid-role", `${w}: '${role}' is not a role ${NAME} takes (${ROLES.join(", ")})${ONCE}`, `mistral-role:${role}`);
      prev = "";
      return;
    }
    if (Array.isArray(m.content)) {
      m.content.forEach((part, k) => {
        // mistral-common's text chunk is {"type": "text", "text": ...}
        if (isObject(part) && part.type === "text" && typeof part.text !== "string" && typeof part.value === "string") {
          ctx.emit("invalid-content-part", `${w}.content[${k}] is LLaMA-Factory's {"type": "text", "value": ...}; ${NAME} takes {"type": "text", "text": ...}: rename "value" to "text"${ONCE}`, "mistral-part:value");
        }
      });
    }
    if (role === "system" && ++systems === 2) ctx.emit("role-order", `${w} is a second system message; ${NAME} takes one system prompt: merge them`);
    if (prev !== "" && !NEXT[prev].includes(role) && !(role === "tool" && !anyCall)) {
      ctx.emit("role-order", `${w} is ${role === "assistant" ? "an" : "a"} '${role}' message right after ${prev === "assistant" ? "an" : "a"} '${prev}' one; ${NAME} takes after a '${prev}' message only ${NEXT[prev].map((r) => `'${r}'`).join(", ")}`);
    }
    const last = i === msgs.length - 1;
    if (role === "assistant") {
      if (pendingCalls > 0) ctx.emit("unmatched-tool-call", `${caller} makes tool calls whose results do not all come before ${w}; ${NAME} takes one 'tool' message per call, right after the calls`);
      else if (pendingCalls < 0 && anyCall) ctx.emit("unmatched-tool-call", `${caller} is answered by more tool results than it makes calls before ${w}; ${NAME} takes one 'tool' message per call`);
      const calls = Array.isArray(m.tool_calls) ? m.tool_calls : [];
      const text = typeof m.content === "string" ? m.content : m.content === undefined || m.content === null ? "" : "content";
      if ((text !== "") === (calls.length > 0)) {
        ctx.emit("invalid-content-type", calls.length > 0 ? `${w} has both content and tool_calls; ${NAME} takes one of them in an assistant message: move the text to a message of its own` : `${w} has neither content nor tool_calls; ${NAME} takes one of them`);
      }
      calls.forEach((c, j) => checkCall(c, `${w}.tool_calls[${j}]`, last, ctx));
      pendingCalls = calls.length;
      if (calls.length > 0) anyCall = true;
      caller = w;
    } else if (role === "tool") {
      pendingCalls--;
      const id = m.tool_call_id;
      if (id === undefined) ctx.emit("unmatched-tool-call", `${w} has no "tool_call_id"; ${NAME} takes the id of the call it answers (9 letters or digits)`);
      // (an id of another type: the generic checks report it)
      else if (typeof id === "string" && !CALL_ID.test(id)) ctx.emit("invalid-tool-call", `${w}.tool_call_id is ${shown(id)}; ${NAME} takes call ids of exactly 9 letters or digits (e.g. "a1B2c3D4e")${ONCE}`, "mistral-call-id");
      if (typeof m.name === "string" && !FUNCTION_NAME.test(m.name)) ctx.emit("invalid-tool-call", `${w}.name is ${shown(m.name)}; ${NAME} takes function names of a-z, A-Z, 0-9, _ and - (at most 64 characters)`);
    }
    prev = role;
  });
  if (pendingCalls < 0 && anyCall) ctx.emit("unmatched-tool-call", `${caller} is answered by more tool results than it makes calls; ${NAME} takes one 'tool' message per call`);
}

function checkCall(c: unknown, at: string, last: boolean, ctx: ParseContext): void {
  if (!isObject(c)) return; // the generic checks report it
  if (c.id === undefined) ctx.emit("invalid-tool-call", `${at} has no "id"; ${NAME} takes an id of 9 letters or digits on every call (also used as the result's tool_call_id)`);
  else if (typeof c.id === "string" && !(CALL_ID.test(c.id) || (c.id === "null" && last))) {
    // an id of another type: the generic checks report it
    ctx.emit("invalid-tool-call", `${at}.id is ${shown(c.id)}; ${NAME} takes call ids of exactly 9 letters or digits (e.g. "a1B2c3D4e")${ONCE}`, "mistral-call-id");
  }
  const fn = isObject(c.function) ? c.function : undefined;
  if (!fn) return; // the generic checks report it
  if (typeof fn.name === "string" && fn.name !== "" && !FUNCTION_NAME.test(fn.name)) ctx.emit("invalid-tool-call", `${at} calls ${shown(fn.name)}; ${NAME} takes function names of a-z, A-Z, 0-9, _ and - (at most 64 characters)`);
  if (fn.arguments === undefined) ctx.emit("invalid-tool-call", `${at}.function has no "arguments"; ${NAME} takes them as a JSON string ("{}" when there are none)`);
  else if (typeof fn.arguments === "object" && fn.arguments !== null) ctx.emit("invalid-tool-call", `${at}.function.arguments is ${shown(fn.arguments)}; ${NAME} takes them as a JSON string: serialise them with json.dumps${ONCE}`, "mistral-arguments");
}

function checkTools(v: unknown, label: string, ctx: ParseContext): void {
  if (typeof v === "string" && v.trim() !== "") {
    ctx.emit("invalid-tool-call", `"${label}" is a JSON string; ${NAME} takes the list itself: store the parsed list [{"type": "function", "function": {...}}], not its JSON text${ONCE}`, "mistral-tools:string");
    return;
  }
  if (!Array.isArray(v)) return;
  v.forEach((d, i) => {
    const at = `${label}[${i}]`;
    const fn = isObject(d) && isObject(d.function) ? d.function : undefined;
    if (!fn) {
      ctx.emit("invalid-tool-call", `${at} has no "function"; ${NAME} takes {"type": "function", "function": {"name": ..., "description": ..., "parameters": {...}}}${ONCE}`, `mistral-tools:function:${label}`);
      return;
    }
    const missing = ["name", "description", "parameters"].filter((k) => fn[k] === undefined);
    if (missing.length) ctx.emit("invalid-tool-call", `${at}.function has no ${missing.map((k) => `"${k}"`).join(", ")}; ${NAME} takes "name", "description" and "parameters" ({} when the function takes none)${ONCE}`, `mistral-tools:missing:${missing.join(",")}`);
    else if (!isObject(fn.parameters)) ctx.emit("invalid-tool-call", `${at}.function.parameters is ${shown(fn.parameters)}; ${NAME} takes an object (a JSON Schema; {} when the function takes none)${ONCE}`, "mistral-tools:parameters");
    if (typeof fn.name === "string" && !FUNCTION_NAME.test(fn.name)) ctx.emit("invalid-tool-call", `${at} declares the function ${shown(fn.name)}; ${NAME} takes function names of a-z, A-Z, 0-9, _ and - (at most 64 characters)${ONCE}`, `mistral-tools:pattern:${fn.name}`);
  });
}
