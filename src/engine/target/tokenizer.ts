// The target model's tokenizer: a Hugging Face tokenizer.json loaded with @huggingface/tokenizers (pure JavaScript,
// read from the file: nothing is downloaded). Loaded once per thread (runtime.ts).
//
//   const tok = loadModelTokenizer("/abs/tokenizer.json", "models/tokenizer.json");
//   tok.count(text)     // tokens of `text` encoded with add_special_tokens=false (what transformers does after
//                       // applying a chat template)
//   tok.prepends        // the special token its post-processor puts in front of a text (add_special_tokens=true, the
//                       // default of tokenizer(text)), e.g. "<s>"; null when it adds none
import { readFileSync } from "node:fs";
import { Tokenizer } from "@huggingface/tokenizers";
import { ConfigError } from "../../config/config.js";
import { sniff } from "../read/sniff.js";

export interface ModelTokenizer {
  name: string;
  count(text: string): number;
  prepends: string | null;
}

const loaded = new Map<string, ModelTokenizer>();

/** The tokenizer at `path`, loaded once per thread. */
export function modelTokenizer(path: string, name: string): ModelTokenizer {
  let tok = loaded.get(path);
  if (!tok) loaded.set(path, (tok = loadModelTokenizer(path, name)));
  return tok;
}

export function loadModelTokenizer(path: string, name: string): ModelTokenizer {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ConfigError(`cannot read tokenizer ${name}: ${err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "it is a directory" : err.message}`);
  }
  if (sniff(buf.subarray(0, 1024)).kind === "lfs-pointer") {
    throw new ConfigError(`tokenizer ${name} is a Git LFS pointer, not the file: check out with \`lfs: true\` (actions/checkout) or run \`git lfs pull\``);
  }
  let json: unknown;
  try {
    json = JSON.parse(buf.toString("utf8"));
  } catch (e) {
    throw new ConfigError(`tokenizer ${name} is not valid JSON (${(e as Error).message}): give the model's tokenizer.json`);
  }
  const o = json as Record<string, unknown> | null;
  if (!o || typeof o !== "object" || Array.isArray(o) || !o.model || typeof o.model !== "object") {
    const hint = o && typeof o === "object" && "chat_template" in o ? " (this is a tokenizer_config.json: give it as the chat template and the tokenizer.json beside it as the tokenizer)" : "";
    throw new ConfigError(`tokenizer ${name} is not a Hugging Face tokenizer.json (no "model")${hint}`);
  }
  let tok: Tokenizer;
  try {
    tok = new Tokenizer(o, {});
    tok.encode("a", { add_special_tokens: true });
  } catch (e) {
    throw new ConfigError(`tokenizer ${name} cannot be loaded: ${(e as Error).message}`);
  }
  return { name, count: (text) => (text.length === 0 ? 0 : tok.encode(text, { add_special_tokens: false }).ids.length), prepends: prefixToken(tok) };
}

/** The special token the post-processor adds in front of a single text, if any. */
function prefixToken(tok: Tokenizer): string | null {
  const plain = tok.encode("a", { add_special_tokens: false }).ids;
  const full = tok.encode("a", { add_special_tokens: true }).ids;
  if (full.length <= plain.length || full[0] === plain[0]) return null;
  return tok.id_to_token(full[0]) ?? null;
}
