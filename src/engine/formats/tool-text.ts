// What the trainer reads of tools besides the messages' content: the text of tool calls, and tool definitions as
// OpenAI's token accounting reads them (model.ts Message.callText, Conversation.toolDefs; the counts are made in
// analysis/tokens.ts).
//
//   callText(call)          one tool call ({function: {name, arguments}}, a legacy function_call {name, arguments},
//                           {name, input}) -> [name, arguments as written]; an object argument as canonical JSON
//   toolDefinitions(lists)  a record's `tools` / `functions` (arrays, or a JSON string of one as in ShareGPT and
//                           LLaMA-Factory) -> ToolDefinitions, or undefined when there are none
//
// OpenAI cookbook "How to count tokens with tiktoken", section 7 (num_tokens_for_tools): per function the tokens of
// "name:description" (a trailing period dropped), per parameter of `parameters.properties` those of
// "key:type:description" and of each enum value, plus fixed costs per function, parameter list, parameter, enum and
// enum value, and once per list (analysis/tokens.ts applies them). The cookbook stops at the first level of
// parameters; nested ones (an object parameter's `properties`, an array parameter's `items.properties`) are read the
// same way here (our extension: the model is shown them too). A definition that is neither {type: "function",
// function: {...}} nor {name, ...} is counted as its JSON text, without fixed costs. Linear in the definitions' size,
// no recursion (an explicit stack: hostile nesting cannot overflow the call stack).
import type { ToolDefinitions } from "../model.js";
import { canonicalJson } from "./tool-keys.js";

/** A tool call's text: its function name, then its arguments (a string as written; an object as canonical JSON). */
export function callText(call: unknown): string[] {
  if (!call || typeof call !== "object" || Array.isArray(call)) return [];
  const c = call as Record<string, unknown>;
  const inner = c.function ?? c.custom;
  const fn = inner && typeof inner === "object" && !Array.isArray(inner) ? (inner as Record<string, unknown>) : c;
  const out: string[] = [];
  if (typeof fn.name === "string" && fn.name !== "") out.push(fn.name);
  const args = fn.arguments ?? fn.input ?? fn.parameters;
  if (typeof args === "string") {
    if (args !== "") out.push(args);
  } else if (args !== undefined && args !== null) out.push(canonicalJson(args));
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Drops one trailing period, as the cookbook does with descriptions. */
const noPeriod = (s: string): string => (s.endsWith(".") ? s.slice(0, -1) : s);

/** A schema value named in a text line: a string as it is, anything else as canonical JSON. */
const asText = (v: unknown): string => (typeof v === "string" ? v : v === undefined ? "" : canonicalJson(v));

/** The tool definitions of a record (`tools`, legacy `functions`, ...): undefined when there are none. */
export function toolDefinitions(...lists: unknown[]): ToolDefinitions | undefined {
  const out: ToolDefinitions = { texts: [], functions: 0, propertyLists: 0, properties: 0, enums: 0, enumItems: 0 };
  for (let list of lists) {
    if (list === undefined || list === null) continue;
    if (typeof list === "string") {
      const t = list.trim();
      if (t === "") continue;
      try {
        list = JSON.parse(t);
      } catch {
        out.texts.push(t); // not JSON: the trainer is shown it as it is
        continue;
      }
    }
    const defs = Array.isArray(list) ? list : [list];
    for (const d of defs) addDefinition(d, out);
  }
  return out.texts.length > 0 || out.functions > 0 ? out : undefined;
}

function addDefinition(d: unknown, out: ToolDefinitions): void {
  if (d === undefined || d === null) return;
  const fn = isObject(d) && isObject(d.function) ? d.function : isObject(d) && typeof d.name === "string" ? d : undefined;
  if (!fn) {
    out.texts.push(asText(d));
    return;
  }
  out.functions++;
  out.texts.push(`${asText(fn.name)}:${noPeriod(typeof fn.description === "string" ? fn.description : "")}`);
  const params = fn.parameters ?? fn.input_schema ?? fn.inputSchema;
  if (isObject(params)) addProperties(params.properties, out);
}

/** The parameters of one schema level and, through an explicit stack, of the levels nested in them. */
function addProperties(first: unknown, out: ToolDefinitions): void {
  const stack: unknown[] = [first];
  while (stack.length > 0) {
    const props = stack.pop();
    if (!isObject(props)) continue;
    const keys = Object.keys(props);
    if (keys.length === 0) continue;
    out.propertyLists++;
    for (const key of keys) {
      out.properties++;
      const p = props[key];
      const schema = isObject(p) ? p : {};
      const desc = typeof schema.description === "string" ? noPeriod(schema.description) : "";
      if (Array.isArray(schema.enum)) {
        out.enums++;
        for (const item of schema.enum) {
          out.enumItems++;
          out.texts.push(asText(item));
        }
      }
      out.texts.push(`${key}:${asText(schema.type)}:${desc}`);
      if (isObject(schema.properties)) stack.push(schema.properties);
      if (isObject(schema.items) && isObject(schema.items.properties)) stack.push(schema.items.properties);
    }
  }
}
