// What the token count reads of one example: the chat overhead (TOKENS_PER_MESSAGE + the role per message,
// TOKENS_PER_EXAMPLE per example; tokens.ts adds it), every text the trainer is shown, and the fixed tokens that need
// no vocabulary.
//
// Texts (counted with the tokenizer): each message's content, its `name`, the name and arguments of each tool call it
// makes (model.ts Message.callText), then the record's tool definitions (Conversation.toolDefs). Preference `rejected`
// messages are read like the others.
// Fixed tokens (OpenAI cookbook "How to count tokens with tiktoken"): 1 per message `name` (tokens_per_name); tool
// definitions (section 7, num_tokens_for_tools): per function 7 (o200k_base, the gpt-4o family; 10 with cl100k_base,
// gpt-3.5-turbo / gpt-4), 3 per non-empty parameter list, 3 per parameter, -3 per enum and 3 per enum value, 12 once
// for the list; images by OpenAI's formula (image-tokens.ts), those of unknown size not counted but tallied.
// Not documented by OpenAI, so not counted: the formatting tokens around each tool call (a few per call).
import type { Conversation, Message } from "../model.js";
import type { EncodingName } from "./token-count.js";
import { imageTokens } from "./image-tokens.js";

/** The chat overhead (OpenAI cookbook): 3 tokens per message besides its role's, 3 per example for reply priming. */
export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_EXAMPLE = 3;
export const TOKENS_PER_NAME = 1;

/** Tokens of the chat roles in both encodings (each is a single token; tests/analysis/merge-tokens.test.ts checks this
 * against the vocabularies): the chat overhead of an example is known without loading a vocabulary. */
export const KNOWN_ROLE_TOKENS: Readonly<Record<string, number>> = { system: 1, developer: 1, user: 1, assistant: 1, tool: 1, function: 1 };

/** num_tokens_for_tools' constants per encoding (func_init, prop_init, prop_key, enum_init, enum_item, func_end). */
const TOOL_COSTS: Record<EncodingName, { funcInit: number; propInit: number; propKey: number; enumInit: number; enumItem: number; funcEnd: number }> = {
  o200k_base: { funcInit: 7, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 },
  cl100k_base: { funcInit: 10, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 },
};

/** An example's fixed tokens (names, images of known size, tool-definition costs) and its image parts. */
export interface Fixed {
  tokens: number;
  images: number;
  /** Image parts whose tokens are known (detail "low", or a size read from a data URI). */
  imagesCounted: number;
  imageTokens: number;
}

export function fixedTokens(conv: Conversation, encoding: EncodingName): Fixed {
  const out: Fixed = { tokens: 0, images: 0, imagesCounted: 0, imageTokens: 0 };
  const visit = (m: Message) => {
    if (m.name !== undefined) out.tokens += TOKENS_PER_NAME;
    if (m.imageParts) {
      for (const p of m.imageParts) {
        out.images++;
        const t = imageTokens(p);
        if (t === undefined) continue;
        out.imagesCounted++;
        out.imageTokens += t;
      }
    }
  };
  conv.messages.forEach(visit);
  conv.rejected?.forEach(visit);
  out.tokens += out.imageTokens;
  const d = conv.toolDefs;
  if (d && d.functions > 0) {
    const c = TOOL_COSTS[encoding];
    out.tokens += c.funcInit * d.functions + c.propInit * d.propertyLists + c.propKey * d.properties + c.enumInit * d.enums + c.enumItem * d.enumItems + c.funcEnd;
  }
  return out;
}

/** Calls `each` for every non-empty text of the example the trainer reads, with whether it is an assistant's. */
export function forEachText(conv: Conversation, each: (text: string, assistant: boolean) => void): void {
  const visit = (m: Message) => {
    const a = m.role === "assistant";
    if (m.text.length > 0) each(m.text, a);
    if (m.name !== undefined && m.name.length > 0) each(m.name, a);
    if (m.callText) for (const t of m.callText) if (t.length > 0) each(t, a);
  };
  conv.messages.forEach(visit);
  conv.rejected?.forEach(visit);
  if (conv.toolDefs) for (const t of conv.toolDefs.texts) if (t.length > 0) each(t, false);
}
