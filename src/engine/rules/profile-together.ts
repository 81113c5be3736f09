// profile: together — what Together AI's `together files check` accepts, beyond the generic checks.
//
// Source: the together Python SDK's file check (togethercomputer/together-py, src/together/lib/utils/files.py
// check_file / validate_messages / _check_message_content / validate_preference_openai, and lib/constants.py), and
// Together's data-preparation and function-calling fine-tuning docs:
//  - formats: conversational ("messages", optionally "tools"), instruction ("prompt", "completion"), generic text
//    ("text"), OpenAI-style preference ("input", "preferred_output", "non_preferred_output"); no other column
//    ("Found extra column"): ShareGPT, Alpaca and TRL preference files are refused;
//  - roles system, user, assistant, tool; the conversation starts with system or user, then user and assistant
//    alternate (the same role twice in a row is refused: `consecutive-same-role` is an error under this profile);
//  - "weight" 0 or 1, on any message, but 0 on a message with images;
//  - content: a string, or a list of {"type": "text", "text"} and, in user messages, {"type": "image_url",
//    "image_url": {"url": "data:image/jpeg|png|webp;base64,..."}} parts (no other part type, no image by URL, at most
//    10 MB an image, at most 10 images an example); the messages of a conversation are all strings or all lists;
//    an assistant message may carry "tool_calls" instead of content;
//  - preference: the prompt does not end with an assistant message; each output holds one assistant message.
import type { DatasetFormat } from "../model.js";
import type { ParseContext } from "../formats/context.js";
import { article, GENERIC_PART_TYPES, GENERIC_ROLES, isObject, messageLists, messagesOf, ONCE, shown } from "./profile-shared.js";

const NAME = "Together AI's files check";
const ROLES = ["system", "user", "assistant", "tool"];
const COLUMNS: Partial<Record<DatasetFormat, readonly string[]>> = { chatml: ["messages", "tools"], "preference-openai": ["input", "preferred_output", "non_preferred_output"] };
/** MAX_IMAGES_PER_EXAMPLE, MAX_IMAGE_BYTES (10 MiB) as base64 text with its header (MAX_BASE64_IMAGE_LENGTH). */
const MAX_IMAGES = 10;
const MAX_IMAGE_URL = "data:image/jpeg;base64,".length + Math.floor((4 * 10 * 1024 * 1024) / 3);
const DATA_IMAGE = /^data:image\/(jpeg|png|webp);base64,/;

export function checkTogether(rec: Record<string, unknown>, format: DatasetFormat, ctx: ParseContext): void {
  const columns = COLUMNS[format] ?? [];
  for (const k of Object.keys(rec)) {
    if (columns.includes(k)) continue;
    const hint = k === "system" ? `; put the system prompt in "messages" as {"role": "system", "content": ...}` : "";
    ctx.emit("unsupported-key", `the record has the column '${k}', which ${NAME} refuses ("Found extra column"): a ${format === "chatml" ? "conversational" : "preference"} record holds only ${columns.join(", ")}${hint}${ONCE}`, `together-key:${k}`);
  }
  let images = 0;
  for (const { label, items } of messageLists(rec, format)) {
    const msgs = messagesOf(label, items);
    let strings = 0;
    let lists = 0;
    for (const { m, w, role } of msgs) {
      if (!ROLES.includes(role)) {
        if (GENERIC_ROLES.includes(role)) ctx.emit("invalid-role", `${w}: '${role}' is not a role ${NAME} takes (${ROLES.join(", ")})${ONCE}`, `together-role:${role}`);
        continue;
      }
      if (typeof m.content === "string") strings++;
      else if (Array.isArray(m.content)) {
        lists++;
        const n = checkParts(m.content, w, role, ctx);
        images += n;
        if (n > 0 && m.weight !== undefined && m.weight !== 0) ctx.emit("invalid-weight", `${w} holds an image and has "weight": ${shown(m.weight)}; ${NAME} takes messages with images only with weight 0 (or none)`);
      }
    }
    if (strings > 0 && lists > 0) {
      ctx.emit("invalid-content-type", `"${label}" mixes string content (${strings} message${strings === 1 ? "" : "s"}) and lists of parts (${lists}); ${NAME} takes one or the other in a conversation: write every content as a list of parts, or every one as a string`);
    }
    if (label === "messages" || label === "input.messages") {
      const first = msgs.find((x) => x.role !== "system");
      if (first && first.role !== "user" && ROLES.includes(first.role)) {
        ctx.emit("role-order", `${first.w} is the first message after the system prompt and is ${article(first.role)} '${first.role}' message; ${NAME} takes conversations that start with a system or user message`);
      }
    }
    if (label === "input.messages" && msgs.length > 0 && msgs[msgs.length - 1].role === "assistant") {
      ctx.emit("role-order", `the prompt ("input.messages") ends with an assistant message; ${NAME} takes a prompt that ends with the user's turn (the answers go in "preferred_output" and "non_preferred_output")`);
    }
    if (label === "preferred_output" || label === "non_preferred_output") {
      if (items.length > 1) ctx.emit("invalid-content-type", `"${label}" holds ${items.length} messages; ${NAME} takes exactly one assistant message in it`); // none: empty-messages
      for (const { w, role } of msgs) if (role !== "assistant" && role !== "") ctx.emit("invalid-role", `${w} is ${article(role)} '${role}' message; ${NAME} takes one assistant message in "${label}"`);
    }
  }
  if (images > MAX_IMAGES) ctx.emit("invalid-content-part", `the example holds ${images} images; ${NAME} takes at most ${MAX_IMAGES} per example`);
}

/** Where an image URL points, without its path, query or credentials (which may hold a token): "a URL on
 * https://example.com", "a data:image/gif URI". */
function where(url: string): string {
  const data = /^data:([\w/+.-]*)/.exec(url);
  if (data) return `a data:${data[1] || "…"} URI`;
  try {
    return `a URL on ${new URL(url).origin}`;
  } catch {
    return "a path or URL";
  }
}

/** Checks the parts of one message; returns its images. */
function checkParts(parts: unknown[], w: string, role: string, ctx: ParseContext): number {
  let images = 0;
  parts.forEach((p, k) => {
    if (!isObject(p) || typeof p.type !== "string") return; // the generic checks report it
    const at = `${w}.content[${k}]`;
    if (p.type === "text") {
      if (typeof p.text !== "string" && typeof p.value === "string") {
        ctx.emit("invalid-content-part", `${at} is LLaMA-Factory's {"type": "text", "value": ...}; ${NAME} takes {"type": "text", "text": ...}: rename "value" to "text"${ONCE}`, "together-part:value");
      }
      return;
    }
    if (p.type !== "image_url") {
      if (GENERIC_PART_TYPES.includes(p.type)) ctx.emit("invalid-content-part", `${at} has type '${p.type}'; ${NAME} takes only {"type": "text", "text": ...} and {"type": "image_url", "image_url": {"url": "data:image/png;base64,..."}} parts${ONCE}`, `together-part:${p.type}`);
      return;
    }
    images++;
    if (role !== "user") return; // the generic checks report images outside user messages
    const url = isObject(p.image_url) ? p.image_url.url : undefined;
    if (!isObject(p.image_url)) {
      ctx.emit("invalid-content-part", `${at} has "image_url" as ${typeof p.image_url === "string" ? "a string" : "something other than an object"}; ${NAME} takes {"image_url": {"url": "data:image/png;base64,..."}}${ONCE}`, "together-part:image-url-shape");
    } else if (typeof url === "string" && url !== "") {
      if (!DATA_IMAGE.test(url)) {
        ctx.emit("invalid-content-part", `${at} gives the image as ${where(url)}; ${NAME} takes images only inline, as base64 JPEG, PNG or WebP data URIs (data:image/png;base64,...): download the image and embed it${ONCE}`, "together-part:url");
      } else if (url.length > MAX_IMAGE_URL) {
        ctx.emit("invalid-content-part", `${at} is an image of about ${((url.length * 3) / 4 / 1048576).toFixed(1)} MB; ${NAME} takes images of at most 10 MB: scale it down`);
      }
    }
  });
  return images;
}
