// Rules on the normalised conversation: what a trainer would silently mis-learn from (order, roles, content).
import { messagePointer, textPointer, type Conversation, type Message } from "../model.js";

/** `pointer`: JSON pointer to the field the finding is about, when known. */
export type Emit = (rule: string, message: string, pointer?: string) => void;

const SPECIAL_TOKENS = /<\|(?:im_start|im_end|endoftext|eot_id|start_header_id|end_header_id|begin_of_text|end_of_text|eom_id|user|assistant|system|end)\|>|\[\/?INST\]|<<\/?SYS>>|<\/?start_of_turn>|<end_of_turn>|<\/s>/;
const PLACEHOLDER = /\{\{\s*[A-Za-z_][\w.]*\s*\}\}/;
const CODE = /```[\s\S]*?(?:```|$)|`[^`\n]*`/g;
/** Text that shows nothing: whitespace and format characters (Unicode Cf: zero-width spaces and joiners, the BOM,
 * soft hyphens), which String.trim() keeps. */
const INVISIBLE = /^[\s\p{Cf}]*$/u;

/** False when the text holds an unpaired surrogate (String.prototype.isWellFormed, Node 20+; one-byte strings are
 * answered at once). */
const isWellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

function loneSurrogateMessage(where: string, text: string): string {
  let at = 0;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c >= 0xd800 && c <= 0xdbff && j + 1 < text.length && (text.charCodeAt(j + 1) & 0xfc00) === 0xdc00) j++;
    else if ((c & 0xf800) === 0xd800) {
      at = j;
      break;
    }
  }
  const unit = "\\u" + text.charCodeAt(at).toString(16).padStart(4, "0");
  return `${where} holds the unpaired surrogate ${unit} at character ${at + 1}: it is half of a character (often a string cut in the middle of an emoji) and cannot be encoded as UTF-8, so tokenizing fails; write the whole character or remove the half`;
}

/** The checks of one message's text, for the conversation's messages and a preference record's rejected ones alike:
 * `lone-surrogate` and `empty-content` (`where` names the message, `fix` ends the empty-content message). */
function checkText(m: Message, where: string, fix: string, emit: Emit): void {
  if (!isWellFormed(m.text)) emit("lone-surrogate", loneSurrogateMessage(where, m.text), textPointer(m));
  if (m.toolCalls === 0 && m.images === 0 && m.role !== "tool" && INVISIBLE.test(m.text)) {
    const what = m.text.trim() === "" ? "empty content" : "no visible content (only zero-width or other invisible characters)";
    emit("empty-content", `${where} has ${what}: ${fix}`, textPointer(m));
  }
}

/** `profile`: under "openai", consecutive user messages are fine (OpenAI's own vision examples put the text and the
 * image in two user messages in a row). */
export function checkConversation(conv: Conversation, emit: Emit, profile?: string): void {
  const userRuns = profile !== "openai";
  const ms = conv.messages;
  let assistants = 0;
  let trainable = 0;
  let users = 0;
  let started = false; // a message other than system came before this one
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    if (i > 0 && ms[i - 1].role !== "system") started = true;
    if (m.role === "assistant") {
      assistants++;
      if (m.weight !== 0) trainable++;
    } else if (m.role === "user") users++;
    if (m.role === "system" && started) {
      emit("system-not-first", `message ${i} is a system message after the conversation started: move it to the start (most chat templates only place a leading system prompt)`, messagePointer(m));
    }
    if (i > 0 && m.role === ms[i - 1].role && m.role !== "tool" && m.role !== "system" && !(m.role === "assistant" && ms[i - 1].toolCalls > 0) && (userRuns || m.role !== "user")) {
      emit("consecutive-same-role", `messages ${i - 1} and ${i} are both '${m.role}': merge them into one message, or add the missing turn between them`, messagePointer(m));
    }
    checkText(m, `message ${i} (${m.role})`, "fill it in or drop the message", emit);
    // Every control token starts with '<' or '[': most texts have neither, and indexOf is much cheaper than the regex.
    if (m.text.length > 0 && (m.text.indexOf("<") !== -1 || m.text.indexOf("[") !== -1)) {
      const tok = SPECIAL_TOKENS.exec(m.text);
      if (tok && !(tok[0] === "</s>" && /<s>/.test(m.text))) {
        emit("special-token", `message ${i} (${m.role}) contains the chat-template token '${tok[0]}': the trainer's template adds these; remove it from the text`, textPointer(m));
      }
    }
    if (m.text.includes("{{")) {
      const prose = m.text.includes("`") ? m.text.replace(CODE, "") : m.text;
      const ph = PLACEHOLDER.exec(prose);
      if (ph) emit("template-placeholder", `message ${i} (${m.role}) contains the unfilled placeholder '${ph[0]}': fill in the template before training`, textPointer(m));
    }
  }
  if (conv.rejected) {
    for (let i = 0; i < conv.rejected.length; i++) {
      const m = conv.rejected[i];
      checkText(m, `rejected message ${i} (${m.role})`, "a pair against an empty answer teaches little; fill it in or drop the pair", emit);
    }
  }
  if (assistants === 0) {
    emit("missing-assistant", `the conversation has no assistant message, so there is nothing to learn: add the assistant's answer`);
  } else if (trainable === 0) {
    emit("no-trainable-assistant", `every assistant message has weight 0 (or "train": false), so nothing is trained: set "weight": 1 (or "train": true) on at least one`);
  }
  if (users === 0 && ms.length > 0 && !conv.implicitPrompt) {
    emit("missing-user", `the conversation has no user message: most chat templates expect a user turn before the answer`);
  }
  const last = ms[ms.length - 1];
  if (assistants > 0 && last && last.role !== "assistant") {
    emit("last-not-assistant", `the conversation ends with a '${last.role}' message, which is not trained on: end with the assistant's answer or drop the trailing message`, messagePointer(last));
  }
}
