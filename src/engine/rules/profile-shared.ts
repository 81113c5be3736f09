// What the target profiles (profile-openai.ts, profile-together.ts, profile-mistral.ts) share: walking a raw record's
// messages, and the few rules several targets state the same way.
import type { DatasetFormat } from "../model.js";
import { describe } from "./roles.js";

export interface RawMessage {
  m: Record<string, unknown>;
  /** Where, for messages: "messages[2]". */
  w: string;
  role: string;
  /** Its index in its list, and the list's label ("messages", "input.messages", "preferred_output", ...). */
  index: number;
  list: string;
}

/** The message lists of a record in `format` (chat: `messages`; OpenAI DPO: the prompt and both outputs). */
export function messageLists(rec: Record<string, unknown>, format: DatasetFormat): { label: string; items: unknown[] }[] {
  if (format === "preference-openai") {
    const input = rec.input && typeof rec.input === "object" ? (rec.input as Record<string, unknown>) : {};
    return [
      { label: "input.messages", items: Array.isArray(input.messages) ? input.messages : [] },
      { label: "preferred_output", items: Array.isArray(rec.preferred_output) ? rec.preferred_output : [] },
      { label: "non_preferred_output", items: Array.isArray(rec.non_preferred_output) ? rec.non_preferred_output : [] },
    ];
  }
  return [{ label: "messages", items: Array.isArray(rec.messages) ? rec.messages : [] }];
}

/** The message objects of one list (other items are the generic checks' business). */
export function messagesOf(label: string, items: unknown[]): RawMessage[] {
  const out: RawMessage[] = [];
  items.forEach((x, index) => {
    if (!x || typeof x !== "object" || Array.isArray(x)) return;
    const m = x as Record<string, unknown>;
    out.push({ m, w: `${label}[${index}]`, role: typeof m.role === "string" ? m.role : "", index, list: label });
  });
  return out;
}

/** The end of a finding reported once per file (its once key): every later record with the same problem is refused
 * too, silently. */
export const ONCE = " (reported once for the file: every record with it is refused)";

/** Roles and content-part types the generic checks accept (schemas/record.schema.json): a target reports only those
 * of them it refuses; any other is already the generic checks' finding (one defect, one finding). */
export const GENERIC_ROLES: readonly string[] = ["system", "developer", "user", "assistant", "tool", "function", "tool_call", "tool_response"];
export const GENERIC_PART_TYPES: readonly string[] = ["text", "image_url", "image", "input_image", "input_audio", "audio", "video", "file"];

/** Function names as OpenAI's API and mistral-common take them. */
export const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** "an assistant", "a user". */
export const article = (word: string): string => (/^[aeio]/i.test(word) ? "an" : "a");

/** A value in a message, short: a string quoted (cut at 40 characters), a number or boolean as it is, anything else
 * by its type. */
export function shown(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
  return typeof v === "number" || typeof v === "boolean" ? String(v) : describe(v);
}
