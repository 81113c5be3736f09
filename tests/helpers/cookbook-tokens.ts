// A port of the OpenAI cookbook "How to count tokens with tiktoken" (sections 6 and 7), written apart from the engine:
// the reference the token tests compare the engine's counts with (tests/analysis/tool-tokens.test.ts, and the
// real-data suite). Counts with gpt-tokenizer's own countTokens.
import { countTokens as o200k } from "gpt-tokenizer/encoding/o200k_base";
import { countTokens as cl100k } from "gpt-tokenizer/encoding/cl100k_base";

export type Count = (s: string) => number;
export const COSTS = { o200k: { funcInit: 7, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 }, cl100k: { funcInit: 10, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 } };

/** num_tokens_from_messages: 3 per message, the tokens of its role, content and name (+1 for a name), 3 to prime
 * the reply. Tool calls (not covered by the cookbook) as documented in docs/metrics.md: the name and the arguments
 * as written; call ids are labels and not counted. */
export function refMessages(messages: Record<string, unknown>[], count: Count): number {
  let n = 3;
  for (const m of messages) {
    n += 3 + count(String(m.role));
    if (typeof m.content === "string") n += count(m.content);
    else if (Array.isArray(m.content)) n += count(m.content.filter((p) => p.type === "text").map((p) => p.text).join("\n")); // text parts, as one text
    if (typeof m.name === "string") n += count(m.name) + 1;
    const calls = (m.tool_calls as Record<string, Record<string, unknown>>[] | undefined) ?? (m.function_call ? [{ function: m.function_call as Record<string, unknown> }] : []);
    for (const c of calls) {
      n += count(String(c.function.name));
      const args = c.function.arguments;
      n += count(typeof args === "string" ? args : JSON.stringify(sortKeys(args)));
    }
  }
  return n;
}

/** num_tokens_for_tools' function part, reading nested parameters as the first level (docs/metrics.md). */
export function refTools(fns: Record<string, unknown>[], count: Count, c: typeof COSTS.o200k): number {
  if (fns.length === 0) return 0;
  let n = 0;
  const props = (p: Record<string, Record<string, unknown>> | undefined) => {
    if (!p || Object.keys(p).length === 0) return;
    n += c.propInit;
    for (const [key, s] of Object.entries(p)) {
      n += c.propKey;
      if (Array.isArray(s.enum)) {
        n += c.enumInit;
        for (const item of s.enum) n += c.enumItem + count(String(item));
      }
      const desc = typeof s.description === "string" ? s.description.replace(/\.$/, "") : "";
      n += count(`${key}:${String(s.type)}:${desc}`);
      props(s.properties as Record<string, Record<string, unknown>> | undefined);
      props((s.items as Record<string, unknown> | undefined)?.properties as Record<string, Record<string, unknown>> | undefined);
    }
  };
  for (const f of fns) {
    const fn = (f.function ?? f) as Record<string, unknown>;
    n += c.funcInit + count(`${String(fn.name)}:${String(fn.description ?? "").replace(/\.$/, "")}`);
    props((fn.parameters as Record<string, unknown> | undefined)?.properties as Record<string, Record<string, unknown>> | undefined);
  }
  return n + c.funcEnd;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

export function refRecord(rec: Record<string, unknown>, enc: "o200k" | "cl100k" = "o200k"): number {
  const count = enc === "o200k" ? o200k : cl100k;
  const messages = [...(typeof rec.system === "string" ? [{ role: "system", content: rec.system }] : []), ...(rec.messages as Record<string, unknown>[])];
  const fns = [...((rec.tools as Record<string, unknown>[] | undefined) ?? []), ...((rec.functions as Record<string, unknown>[] | undefined) ?? [])];
  return refMessages(messages, count) + refTools(fns, count, COSTS[enc]);
}

