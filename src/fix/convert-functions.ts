// The functions-to-tools fix: OpenAI's legacy "functions" list becomes "tools", each definition wrapped as
// {"type": "function", "function": <definition as written>}, but only in records that make no call: a legacy
// "function_call" message becomes "tool_calls" only with an "id" that its "function" result message then quotes as
// "tool_call_id", and the fix never invents ids. Such a record is refused (kept as it is, or sent to --rejects).
import type { JsonObject } from "../engine/read/json-source.js";
import { entriesOf, entry, get, isObject, keyOf, object, str, text } from "./json-edit.js";
import type { Conversion } from "./convert-sharegpt.js";

/** The converted record, a refusal, or null when the record has no "functions". */
export function functionsToTools(rec: JsonObject): Conversion | null {
  const fns = entriesOf(rec, "functions");
  if (fns.length === 0) return null;
  if (fns.length > 1) return { refuse: `the record has ${fns.length} "functions" keys` };
  if (get(rec, "tools") !== undefined) return { refuse: `the record has both "functions" and "tools"` };
  const list = fns[0].value;
  if (list.kind !== "array") return { refuse: `"functions" is not a list of function definitions` };
  const messages = get(rec, "messages");
  if (messages?.kind === "array") {
    for (let i = 0; i < messages.items.length; i++) {
      const m = messages.items[i];
      if (!isObject(m)) continue;
      if (get(m, "function_call") !== undefined || text(get(m, "role")) === "function") {
        return { refuse: `messages[${i}] is a legacy function call or result: as tool_calls it would need an id, which the fix does not invent (keep the legacy format, or add the ids yourself)` };
      }
    }
  }
  const tools = { kind: "array" as const, items: list.items.map((d) => object(entry("type", str("function")), entry("function", d))) };
  const entries = rec.entries.map((e) => (keyOf(e) === "functions" ? entry("tools", tools) : e));
  return { node: { kind: "object", entries }, note: `"functions" (${list.items.length} definition${list.items.length === 1 ? "" : "s"}) → "tools"` };
}
