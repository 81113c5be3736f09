// Which dataset format a record is in, from its keys.
import type { DatasetFormat } from "../model.js";

export const FORMATS: readonly DatasetFormat[] = ["chatml", "sharegpt", "alpaca", "preference-trl", "preference-openai"];

export function detectFormat(rec: Record<string, unknown>): DatasetFormat | null {
  if ("preferred_output" in rec || "non_preferred_output" in rec) return "preference-openai";
  if ("chosen" in rec && "rejected" in rec) return "preference-trl";
  if ("messages" in rec) return "chatml";
  if ("conversations" in rec) return "sharegpt";
  if ("instruction" in rec && ("output" in rec || "response" in rec)) return "alpaca";
  return null;
}

export const FORMAT_LABEL: Record<DatasetFormat, string> = {
  chatml: "ChatML / OpenAI chat (messages)",
  sharegpt: "ShareGPT (conversations with from/value)",
  alpaca: "Alpaca (instruction/input/output)",
  "preference-trl": "TRL preference (prompt/chosen/rejected)",
  "preference-openai": "OpenAI DPO (input/preferred_output/non_preferred_output)",
};
