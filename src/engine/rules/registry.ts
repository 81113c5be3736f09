// Every rule the gate knows: stable ID, default severity, one-line summary. docs/rules.md has one entry per ID.
import type { Severity } from "../model.js";

export interface RuleInfo {
  id: string;
  severity: Severity;
  group: "file" | "parse" | "shape" | "tools" | "conversation" | "privacy" | "template" | "analysis";
  summary: string;
}

const E: Severity = "error";
const W: Severity = "warning";

export const RULES: readonly RuleInfo[] = [
  // File level
  { id: "empty-file", severity: E, group: "file", summary: "The file holds no records." },
  { id: "lfs-pointer", severity: E, group: "file", summary: "The file is a Git LFS pointer, not the data." },
  { id: "not-jsonl", severity: E, group: "file", summary: "The file is a JSON array or pretty-printed JSON, not one record per line." },
  { id: "read-error", severity: E, group: "file", summary: "The file could not be read (permissions, corrupt gzip, I/O error)." },
  { id: "byte-order-mark", severity: W, group: "file", summary: "The file starts with a UTF-8 byte-order mark, which Python's json.loads refuses." },
  // Parse
  { id: "invalid-json", severity: E, group: "parse", summary: "The line is not valid JSON." },
  { id: "invalid-utf8", severity: E, group: "parse", summary: "The line holds bytes that are not valid UTF-8." },
  { id: "line-too-long", severity: E, group: "parse", summary: "The line is longer than the reader's limit (256 MiB)." },
  { id: "not-an-object", severity: E, group: "parse", summary: "The line is JSON but not an object." },
  { id: "empty-line", severity: W, group: "parse", summary: "A blank or whitespace-only line." },
  { id: "mixed-format", severity: E, group: "parse", summary: "The record's format differs from the file's format." },
  // Shape
  { id: "missing-messages", severity: E, group: "shape", summary: "The record has no conversation field (messages, conversations, ...)." },
  { id: "messages-not-array", severity: E, group: "shape", summary: "The conversation field is not an array." },
  { id: "empty-messages", severity: E, group: "shape", summary: "The conversation is an empty array." },
  { id: "message-not-object", severity: E, group: "shape", summary: "A message is not an object." },
  { id: "missing-role", severity: E, group: "shape", summary: "A message has no role." },
  { id: "invalid-role", severity: E, group: "shape", summary: "A message's role is not one the format allows." },
  { id: "missing-content", severity: E, group: "shape", summary: "A message has no content (and no tool calls)." },
  { id: "invalid-content-type", severity: E, group: "shape", summary: "A message's content is neither a string nor an array of parts." },
  { id: "invalid-content-part", severity: E, group: "shape", summary: "A content part has an unknown type, misses its data, or is an image outside a user message." },
  { id: "invalid-weight", severity: E, group: "shape", summary: "A message's weight is not 0 or 1, or is set on a non-assistant message." },
  { id: "unknown-key", severity: W, group: "shape", summary: "A key the format does not define (often a typo); reported once per key and file." },
  { id: "identical-preference", severity: E, group: "shape", summary: "A preference record whose chosen and rejected answers are the same." },
  { id: "unsupported-format", severity: E, group: "shape", summary: "The file's record format is not one the profile's target accepts (e.g. ShareGPT under profile: openai); reported once per file." },
  { id: "unsupported-key", severity: E, group: "shape", summary: "A key the profile's target refuses (e.g. loss_weight under profile: openai); reported once per key and file." },
  // Tools
  { id: "invalid-tool-call", severity: E, group: "tools", summary: "A tool call without a function name, or with arguments that are not an object or a JSON string (under a target profile, also a call or tool definition the target refuses)." },
  { id: "unmatched-tool-call", severity: E, group: "tools", summary: "A tool result that answers no earlier tool call." },
  // Conversation
  { id: "missing-assistant", severity: E, group: "conversation", summary: "The conversation has no assistant message to learn from." },
  { id: "no-trainable-assistant", severity: E, group: "conversation", summary: "Every assistant message has weight 0: nothing to train on." },
  { id: "empty-content", severity: W, group: "conversation", summary: "A message whose content is empty or whitespace." },
  { id: "lone-surrogate", severity: E, group: "conversation", summary: "Content holds an unpaired UTF-16 surrogate (a \\ud800-style escape): it cannot be encoded as UTF-8." },
  { id: "missing-user", severity: W, group: "conversation", summary: "The conversation has no user message." },
  { id: "system-not-first", severity: W, group: "conversation", summary: "A system message that is not the first message." },
  { id: "consecutive-same-role", severity: W, group: "conversation", summary: "Two consecutive messages with the same role." },
  { id: "last-not-assistant", severity: W, group: "conversation", summary: "The conversation does not end with an assistant message." },
  { id: "role-order", severity: E, group: "conversation", summary: "Roles in an order the profile's target refuses (e.g. a tool result right after a user message under profile: mistral)." },
  { id: "special-token", severity: W, group: "conversation", summary: "Content contains chat-template control tokens such as <|im_start|> or [INST]." },
  { id: "template-placeholder", severity: W, group: "conversation", summary: "Content contains an unfilled template placeholder such as {{name}}." },
  // Privacy: they never make a record invalid (it still trains), and their messages never repeat the value
  { id: "secret", severity: E, group: "privacy", summary: "A credential (API key, token, private key, password in a connection string) in the data." },
  { id: "generic-secret", severity: W, group: "privacy", summary: "A random-looking value assigned to a name like password, secret, token or api_key." },
  { id: "pii", severity: W, group: "privacy", summary: "Personal data: an e-mail address, phone number, card number, IBAN, US SSN or public IP address." },
  // Target model (--chat-template, --tokenizer: docs/target-model.md)
  { id: "template-error", severity: E, group: "template", summary: "The target model's chat template raises on this record (e.g. roles that do not alternate, a system role it refuses)." },
  { id: "template-engine-gap", severity: W, group: "template", summary: "The gate's template engine cannot render this record (or the template) as Python's Jinja2 would: not checked." },
  { id: "template-drops-content", severity: W, group: "template", summary: "A message's text (or a tool) is not in the rendered conversation: the template leaves it out." },
  { id: "template-unread-field", severity: W, group: "template", summary: "A message field the chat template never reads; reported once per field and file." },
  { id: "template-double-bos", severity: W, group: "template", summary: "The render starts with the BOS token and the tokenizer adds another." },
  { id: "template-no-eos", severity: W, group: "template", summary: "No rendered record holds the EOS token: the model never learns to stop." },
  { id: "template-eot-split", severity: W, group: "template", summary: "The marker that ends assistant turns is several tokens of the tokenizer, not one." },
  { id: "template-no-generation-markers", severity: E, group: "template", summary: "loss: assistant-only, but the template has no {% generation %} markers: nothing would be trained." },
  // Analysis
  { id: "exact-duplicate", severity: W, group: "analysis", summary: "The same conversation appears earlier in the run." },
  { id: "near-duplicate", severity: W, group: "analysis", summary: "A conversation almost identical to an earlier one (word 5-gram Jaccard at or above the threshold)." },
  { id: "conflicting-answers", severity: W, group: "analysis", summary: "The same prompt appears earlier with a different answer." },
  { id: "leakage", severity: E, group: "analysis", summary: "An evaluation record that also sits in the training split." },
  { id: "too-long", severity: E, group: "analysis", summary: "The example has more tokens than the context limit; the trainer would truncate it." },
  { id: "repeated-phrase", severity: W, group: "analysis", summary: "An assistant message that is mostly one short phrase repeated over and over (a looping generation)." },
];

export const RULE_BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));

export function docUrl(id: string): string {
  return `https://github.com/chatml-quality-gate/chatml-quality-gate/blob/main/docs/rules.md#${id}`;
}
