// What a format parser gets besides the record: where to report, and the settings that change the rules.

import { canonicalJson } from "./tool-keys.js";

/** The fine-tuning target whose rules apply on top of the generic ones (rules/profiles.ts). */
export type Profile = "generic" | "openai" | "together" | "mistral";

export interface ParseContext {
  profile: Profile;
  /** Report a problem with this record. `onceKey`: report it only the first time in the file (e.g. unknown keys).
   * `pointer`: JSON pointer to the field it is about ("/messages/3/content"), when known. */
  emit(rule: string, message: string, onceKey?: string, pointer?: string): void;
  /** Dotted path of the category field (e.g. "metadata.category"), if configured. */
  categoryField?: string;
}

export function readPath(rec: Record<string, unknown>, dotted: string): unknown {
  let v: unknown = rec;
  for (const k of dotted.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

export function categoryOf(rec: Record<string, unknown>, ctx: ParseContext): string | undefined {
  if (!ctx.categoryField) return undefined;
  const v = readPath(rec, ctx.categoryField);
  if (v === undefined || v === null) return undefined;
  // an object or array is named by its JSON ({"topic":"math"}), not "[object Object]"; canonical: keys sorted, and
  // no recursion (JSON.stringify overflows the stack on a value nested thousands of levels deep)
  return typeof v === "object" ? canonicalJson(v) : String(v);
}

/** A record's KTO label (model.ts Conversation.label): a boolean `label` (TRL) or `kto_tag` (LLaMA-Factory). */
export function ktoLabel(rec: Record<string, unknown>): boolean | undefined {
  if (typeof rec.label === "boolean") return rec.label;
  if (typeof rec.kto_tag === "boolean") return rec.kto_tag;
  return undefined;
}
