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

/** JSON of `v` with object keys sorted at every level. Iterative (an explicit stack, not recursion): a value nested
 * 100,000 levels deep, which JSON.parse accepts, would overflow the call stack of a recursive walk or of
 * JSON.stringify. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return scalarJson(v);
  interface Frame {
    items: unknown[];
    keys: string[] | null; // object: its defined keys, sorted; array: null
    i: number;
  }
  const stack: Frame[] = [];
  let s = "";
  const open = (x: object): void => {
    if (Array.isArray(x)) {
      s += "[";
      stack.push({ items: x, keys: null, i: 0 });
      return;
    }
    const o = x as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    s += "{";
    stack.push({ items: keys.map((k) => o[k]), keys, i: 0 });
  };
  open(v);
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    if (f.i === f.items.length) {
      s += f.keys ? "}" : "]";
      stack.pop();
      continue;
    }
    if (f.i > 0) s += ",";
    if (f.keys) s += JSON.stringify(f.keys[f.i]) + ":";
    const x = f.items[f.i++];
    if (x !== null && typeof x === "object") open(x);
    else s += scalarJson(x);
  }
  return s;
}

function scalarJson(v: unknown): string {
  return v === undefined ? "null" : JSON.stringify(v);
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
