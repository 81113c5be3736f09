// Canonical keys of tool calls and tool definitions (model.ts Message.calls, Conversation.tools), so that the
// duplicate analyses tell apart records that call another function, pass other arguments or declare other tools.
//
//   callKey(call)      one tool call ({function: {name, arguments}}, a legacy function_call {name, arguments}, ...)
//                      -> "name(canonical arguments)"; arguments given as a JSON string and as an object are equal
//   resultKey(name)    a tool result's function name -> "->name"
//   toolsKey(v)        a record's tool definitions (array, or a JSON string of one as in ShareGPT) -> canonical
//                      JSON of the list, its entries sorted; undefined when there are none
//
// Canonical JSON: object keys sorted (recursively), no spacing. Call ids (`id`, `tool_call_id`) are left out: they
// are arbitrary labels, and two records that differ only in them are the same example. Cost: linear in the size
// of the values.

/** JSON of `v` with object keys sorted at every level. */
export function canonicalJson(v: unknown, depth = 0): string {
  if (v === null || typeof v !== "object") return v === undefined ? "null" : JSON.stringify(v);
  // Far beyond any real tool call: keep the rest as written rather than recurse further.
  if (depth > 64) return JSON.stringify(v);
  if (Array.isArray(v)) {
    let s = "[";
    for (let i = 0; i < v.length; i++) s += (i ? "," : "") + canonicalJson(v[i], depth + 1);
    return s + "]";
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let s = "{";
  let first = true;
  for (const k of keys) {
    if (o[k] === undefined) continue;
    s += (first ? "" : ",") + JSON.stringify(k) + ":" + canonicalJson(o[k], depth + 1);
    first = false;
  }
  return s + "}";
}

/** A value that may be JSON serialised to a string (tool-call arguments, ShareGPT tools): the canonical JSON of
 * what it holds; a string that is not JSON stays as it is (trimmed). */
function canonicalValue(v: unknown): string {
  if (typeof v !== "string") return canonicalJson(v);
  const t = v.trim();
  const c = t.charCodeAt(0);
  if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
    try {
      return canonicalJson(JSON.parse(t));
    } catch {
      // not JSON: compared as written
    }
  }
  return t;
}

/** Key of one tool call: "name(arguments)" with the arguments in canonical JSON. */
export function callKey(call: unknown): string {
  if (!call || typeof call !== "object" || Array.isArray(call)) return canonicalJson(call);
  const c = call as Record<string, unknown>;
  const inner = c.function ?? c.custom;
  const fn = inner && typeof inner === "object" && !Array.isArray(inner) ? (inner as Record<string, unknown>) : c;
  if (typeof fn.name !== "string") {
    const { id: _id, ...rest } = c;
    return canonicalJson(rest);
  }
  const args = fn.arguments ?? fn.input ?? fn.parameters;
  return `${fn.name}(${args === undefined ? "" : canonicalValue(args)})`;
}

/** Key of a tool result by the function that produced it. */
export function resultKey(name: string): string {
  return `->${name}`;
}

/** Canonical key of a record's tool definitions; undefined when there are none (absent, empty list, empty string). */
export function toolsKey(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  let list = v;
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return undefined;
    try {
      list = JSON.parse(t);
    } catch {
      return t;
    }
  }
  if (Array.isArray(list)) {
    if (list.length === 0) return undefined;
    // The order of the definitions does not make another example.
    return "[" + list.map((d) => canonicalJson(d)).sort().join(",") + "]";
  }
  return canonicalJson(list);
}
