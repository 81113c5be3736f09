// Alpaca records: {"instruction", "input"?, "output", "system"?, "history"?: [[user, assistant], ...]}.
import type { Conversation, Message } from "../model.js";
import { categoryOf, type ParseContext } from "./context.js";
import { describe } from "../rules/roles.js";

const msg = (role: string, text: string): Message => ({ role, text, images: 0, toolCalls: 0 });

export function parseAlpaca(rec: Record<string, unknown>, ctx: ParseContext): Conversation | null {
  let ok = true;
  const need = (key: string): string => {
    const v = rec[key];
    if (v === undefined) {
      ctx.emit(key === "instruction" ? "missing-messages" : "missing-content", `the record has no "${key}" (the file is Alpaca: instruction, input, output)`);
      ok = false;
      return "";
    }
    if (typeof v !== "string") {
      ctx.emit("invalid-content-type", `"${key}" is ${describe(v)}; it must be a string`);
      ok = false;
      return "";
    }
    return v;
  };
  const instruction = need("instruction");
  const output = "output" in rec || !("response" in rec) ? need("output") : need("response");
  const input = rec.input;
  if (input !== undefined && input !== null && typeof input !== "string") {
    ctx.emit("invalid-content-type", `"input" is ${describe(input)}; it must be a string (or empty)`);
    ok = false;
  }
  if (!ok) return null;
  const messages: Message[] = [];
  if (typeof rec.system === "string" && rec.system.trim() !== "") messages.push(msg("system", rec.system));
  if (Array.isArray(rec.history)) {
    rec.history.forEach((pair, i) => {
      if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === "string" && typeof pair[1] === "string") {
        messages.push(msg("user", pair[0]), msg("assistant", pair[1]));
      } else {
        ctx.emit("invalid-content-type", `history[${i}] is ${describe(pair)}; it must be a pair ["user text", "assistant text"]`);
        ok = false;
      }
    });
  }
  const user = typeof input === "string" && input.trim() !== "" ? `${instruction}\n\n${input}` : instruction;
  messages.push(msg("user", user), msg("assistant", output));
  return ok ? { messages, hasTools: false, category: categoryOf(rec, ctx) } : null;
}
