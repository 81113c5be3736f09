// One entry point per format: record object → normalised Conversation (or null when its shape is broken).
import type { Conversation, DatasetFormat } from "../model.js";
import type { ParseContext } from "./context.js";
import { parseChatml } from "./chatml.js";
import { parseSharegpt } from "./sharegpt.js";
import { parseAlpaca } from "./alpaca.js";
import { parsePreferenceOpenai, parsePreferenceTrl } from "./preference.js";

export const PARSERS: Record<DatasetFormat, (rec: Record<string, unknown>, ctx: ParseContext) => Conversation | null> = {
  chatml: parseChatml,
  sharegpt: parseSharegpt,
  alpaca: parseAlpaca,
  "preference-trl": parsePreferenceTrl,
  "preference-openai": parsePreferenceOpenai,
};

export function parseRecord(rec: Record<string, unknown>, format: DatasetFormat, ctx: ParseContext): Conversation | null {
  return PARSERS[format](rec, ctx);
}
