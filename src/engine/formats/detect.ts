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

/** A dataset format the gate recognises but does not check: records with no chat conversation in them. */
export interface OtherFormat {
  id: string;
  /** What the format is, e.g. "TRL prompt-completion data (prompt/completion)". */
  label: string;
  /** How to turn one record into a chat record, or what to do with the file. */
  fix: string;
}

const TO_MESSAGES = `"messages": [{"role": "user", "content": ...}, {"role": "assistant", "content": ...}]`;

/** The supported formats, for messages about the others. */
export const SUPPORTED_FORMATS =
  `ChatML / OpenAI chat ("messages"), ShareGPT ("conversations"), Alpaca ("instruction"/"output"), TRL preference ("prompt"/"chosen"/"rejected") and OpenAI DPO ("input"/"preferred_output"/"non_preferred_output")`;

/** The known non-chat format of a record that `detectFormat` does not read, from its keys; null if it has none. */
export function detectOtherFormat(rec: Record<string, unknown>): OtherFormat | null {
  const has = (k: string) => Object.hasOwn(rec, k);
  if (has("messages") || has("conversations")) return null;
  if ((typeof rec.role === "string" && (has("content") || has("tool_calls"))) || (typeof rec.from === "string" && has("value"))) {
    return {
      id: "bare-messages",
      label: `a list of bare chat messages (one {"role", "content"} per line), not of conversations`,
      fix: `put each conversation's messages in one record per line, ${TO_MESSAGES}; if the whole file is one conversation: jq -s -c '{messages: .}' FILE`,
    };
  }
  if (has("contents") && Array.isArray(rec.contents)) {
    return {
      id: "gemini",
      label: `Gemini / Vertex AI tuning data ("contents" with "parts")`,
      fix: `convert each record to ${TO_MESSAGES}: role "model" → "assistant", the parts' "text" → "content", "systemInstruction" → a leading system message`,
    };
  }
  if (has("prompt") && has("completions") && has("labels")) {
    return { id: "stepwise", label: `TRL stepwise-supervision data ("prompt"/"completions"/"labels")`, fix: `check it with the trainer that reads it (PRM training); chat fine-tuning data is ${TO_MESSAGES}` };
  }
  if (has("prompt") && has("completion") && has("label")) {
    return { id: "unpaired-preference", label: `TRL unpaired preference (KTO) data ("prompt"/"completion"/"label")`, fix: `pair a good and a bad completion of each prompt as "prompt"/"chosen"/"rejected", or keep the good ones as ${TO_MESSAGES}` };
  }
  if (has("prompt") && has("completion")) {
    return { id: "prompt-completion", label: `prompt/completion data (OpenAI's legacy format, TRL's prompt-completion type)`, fix: `write each record as "messages": [{"role": "user", "content": <prompt>}, {"role": "assistant", "content": <completion>}]` };
  }
  if (has("query") && has("response")) {
    return { id: "query-response", label: `query/response data (ms-swift's "query"/"response"/"history")`, fix: `write each record as ${TO_MESSAGES} (history pairs first, "system" as a leading system message)` };
  }
  if (has("segments") && Array.isArray(rec.segments)) {
    return { id: "segments", label: `Axolotl input_output data ("segments" with "label")`, fix: `check it with Axolotl's template-free loader; chat fine-tuning data is ${TO_MESSAGES}` };
  }
  if (has("text") && !has("instruction") && !has("output") && !has("chosen")) {
    return { id: "text", label: `plain text (language modelling / pretraining data: "text")`, fix: `if it is chat data, write each example as ${TO_MESSAGES}` };
  }
  if (has("prompt") && !has("chosen") && !has("rejected")) {
    return { id: "prompt-only", label: `prompt-only data (TRL's prompt-only type, prompts for online RL such as GRPO: "prompt" and no answer)`, fix: `there is no answer to check; chat fine-tuning data is ${TO_MESSAGES}` };
  }
  return null;
}
