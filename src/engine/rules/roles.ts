// Role vocabulary and the hints that turn a wrong role into a fix.

export const CHAT_ROLES = ["system", "developer", "user", "assistant", "tool", "function"] as const;

const SHAREGPT_HINT: Record<string, string> = {
  human: "user",
  gpt: "assistant",
  observation: "tool",
  function_call: "assistant (with tool_calls)",
};
const ALIASES: Record<string, string> = { bot: "assistant", model: "assistant", ai: "assistant", chatbot: "assistant", sys: "system", usr: "user" };

/** A message that says what is wrong with `role` and how to fix it. */
export function roleHint(role: unknown, allowed: readonly string[] = CHAT_ROLES): string {
  if (typeof role !== "string") return `role must be a string, one of ${allowed.join(", ")}; got ${describe(role)}`;
  const lower = role.trim().toLowerCase();
  if (allowed.includes(lower)) {
    return `'${role}' is not a role; roles are lowercase without spaces: did you mean '${lower}'?`;
  }
  if (Object.hasOwn(SHAREGPT_HINT, lower)) {
    return `'${role}' is a ShareGPT role: set format: sharegpt or map it to '${SHAREGPT_HINT[lower]}'`;
  }
  if (Object.hasOwn(ALIASES, lower)) return `'${role}' is not a role: did you mean '${ALIASES[lower]}'? Allowed: ${allowed.join(", ")}`;
  return `'${role}' is not a role; allowed: ${allowed.join(", ")}`;
}

export function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
  return `${typeof v} ${String(v)}`;
}
