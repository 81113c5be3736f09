// Alpaca records: {"instruction", "input"?, "output", "system"?, "history"?: [[user, assistant], ...]}.
import type { Conversation, Message } from "../model.js";
import { categoryOf, ktoLabel, type ParseContext } from "./context.js";
import { describe } from "../rules/roles.js";

/** A message whose text is the value at `src` (a JSON pointer). */
const msg = (role: string, text: string, src?: string, srcIndex?: number, textKey?: string): Message => ({ role, text, images: 0, toolCalls: 0, src, srcIndex, textKey });

export function parseAlpaca(rec: Record<string, unknown>, ctx: ParseContext): Conversation | null {
  let ok = true;
  const need = (key: string): string => {
    const v = rec[key];
    if (v === undefined) {
      ctx.emit(key === "instruction" ? "missing-messages" : "missing-content", `the record has no "${key}" (the file is Alpaca: instruction, input, output)`, undefined, `/${key}`);
      ok = false;
      return "";
    }
    if (typeof v !== "string") {
      ctx.emit("invalid-content-type", `"${key}" is ${describe(v)}; it must be a string`, undefined, `/${key}`);
      ok = false;
      return "";
    }
    return v;
  };
  const instruction = need("instruction");
  const outputKey = "output" in rec || !("response" in rec) ? "output" : "response";
  const output = need(outputKey);
  const prompt = alpacaPrompt(rec, instruction, ctx);
  if (!ok || !prompt) return null;
  const conv: Conversation = { messages: [...prompt, msg("assistant", output, `/${outputKey}`)], hasTools: false, category: categoryOf(rec, ctx) };
  const label = ktoLabel(rec);
  if (label !== undefined) conv.label = label;
  return conv;
}

/** The prompt of an Alpaca record: `system`, the `history` pairs, then the instruction (and `input`) as the user
 * turn; null when `input` or `history` is broken (reported). Also the prompt of LLaMA-Factory's Alpaca preference
 * records ({"instruction", "input", "chosen", "rejected"}). */
export function alpacaPrompt(rec: Record<string, unknown>, instruction: string, ctx: ParseContext): Message[] | null {
  const input = rec.input;
  if (input !== undefined && input !== null && typeof input !== "string") {
    ctx.emit("invalid-content-type", `"input" is ${describe(input)}; it must be a string (or empty)`, undefined, "/input");
    return null;
  }
  let ok = true;
  const messages: Message[] = [];
  if (typeof rec.system === "string" && rec.system.trim() !== "") messages.push(msg("system", rec.system, "/system"));
  if (Array.isArray(rec.history)) {
    rec.history.forEach((pair, i) => {
      if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === "string" && typeof pair[1] === "string") {
        messages.push(msg("user", pair[0], "/history", i, "0"), msg("assistant", pair[1], "/history", i, "1"));
      } else {
        ctx.emit("invalid-content-type", `history[${i}] is ${describe(pair)}; it must be a pair ["user text", "assistant text"]`, undefined, `/history/${i}`);
        ok = false;
      }
    });
  }
  const user = typeof input === "string" && input.trim() !== "" ? `${instruction}\n\n${input}` : instruction;
  messages.push(msg("user", user, "/instruction"));
  return ok ? messages : null;
}
