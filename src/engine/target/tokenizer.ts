// The target model's tokenizer: a Hugging Face tokenizer.json loaded with @huggingface/tokenizers (pure JavaScript,
// read from the file: nothing is downloaded). Loaded once per thread (runtime.ts).
//
//   const tok = loadModelTokenizer("/abs/tokenizer.json", "models/tokenizer.json");
//   tok.count(text)     // tokens of `text` encoded with add_special_tokens=false (what transformers does after
//                       // applying a chat template)
//   tok.prepends        // the special token its post-processor puts in front of a text (add_special_tokens=true, the
//                       // default of tokenizer(text)), e.g. "<s>"; null when it adds none
//
// Speed: the library's encode() runs at about 0.5-1 MB/s of text (it builds token strings, byte-maps every piece and
// looks every merge up by a JSON key). Counting only, byte-level BPE tokenizers (Llama 3, Qwen, DeepSeek, GPT-style:
// a Split pre-tokenizer then ByteLevel without its own regex) are counted like the library encodes — the same added-
// token split, normalizer and Split pattern, the model on each piece — with the count of each piece cached: natural
// text repeats its pieces (words with their leading space). The same counts, 10x faster and more (fastCounter; it is
// checked against encode() when the tokenizer loads and not used if they differ).
import { readFileSync } from "node:fs";
import { Tokenizer } from "@huggingface/tokenizers";
import { ConfigError } from "../settings.js";
import { sniff } from "../read/sniff.js";

export interface ModelTokenizer {
  name: string;
  count(text: string): number;
  prepends: string | null;
  /** Counting with the cached-piece counter (byte-level BPE) rather than encode(): the same counts, faster. */
  fast: boolean;
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
  const encodeCount = (text: string) => (text.length === 0 ? 0 : tok.encode(text, { add_special_tokens: false }).ids.length);
  const fast = fastCounter(tok, o);
  const useFast = fast !== null && agrees(fast, encodeCount, probes(tok));
  return { name, count: useFast ? fast : encodeCount, prepends: prefixToken(tok), fast: useFast };
}

/** The parts of the library's Tokenizer that its encode() uses (@huggingface/tokenizers 0.2.0, core/Tokenizer.ts). */
interface Internals {
  splitter_unnormalized: { split(text: string): string[] };
  splitter_normalized: { split(text: string): string[] };
  added_tokens_map: Map<string, { lstrip?: boolean; rstrip?: boolean }>;
  remove_space?: boolean;
  do_lowercase_and_remove_accent?: boolean;
  normalizer: ((text: string) => string) | null;
  pre_tokenizer: { tokenizers?: { pre_tokenize_text(text: string): string[] }[] } | null;
  model: ((words: string[]) => string[]) & { fuse_unk?: boolean; tokens_to_ids?: Map<string, number> };
}

/** Pieces of at most this many characters have their counts cached; the cache is emptied at this many entries. */
const PIECE_CHARS = 64;
const PIECE_ENTRIES = 1 << 17;

/** A counter equal to encode(text, add_special_tokens=false).length, for the byte-level BPE layout only (else null):
 * encode_text's steps (added tokens, with their lstrip/rstrip; normalizer; added tokens again on the normalized text;
 * the Split pattern), and the model on each piece, cached by piece. */
function fastCounter(tok: Tokenizer, json: Record<string, unknown>): ((text: string) => number) | null {
  const t = tok as unknown as Internals;
  const pre = json.pre_tokenizer as { type?: string; pretokenizers?: Record<string, unknown>[] } | null;
  const [split, bytes] = pre?.type === "Sequence" && pre.pretokenizers?.length === 2 ? pre.pretokenizers : [];
  const model = json.model as { type?: string; merges?: unknown[]; dropout?: unknown; byte_fallback?: boolean; continuing_subword_prefix?: unknown; end_of_word_suffix?: unknown; ignore_merges?: boolean };
  const layout =
    split?.type === "Split" && split.behavior === "Isolated" && split.invert === false && bytes?.type === "ByteLevel" && bytes.use_regex === false && bytes.add_prefix_space === false && model.type === "BPE" && Array.isArray(model.merges) && !model.dropout && !model.byte_fallback && !model.continuing_subword_prefix && !model.end_of_word_suffix;
  const post = (json.post_processor as { type?: string } | null)?.type;
  if (!layout || !(post === undefined || post === "TemplateProcessing" || post === "ByteLevel")) return null;
  const parts = t.pre_tokenizer?.tokenizers;
  if (!t.splitter_unnormalized?.split || !t.splitter_normalized?.split || !(t.added_tokens_map instanceof Map) || typeof t.model !== "function" || t.model.fuse_unk || parts?.length !== 2) return null;
  const vocab = t.model.tokens_to_ids;
  if (!(vocab instanceof Map)) return null;
  const ranks = mergeRanks(model.merges!);
  if (!ranks) return null;
  const ignoreMerges = model.ignore_merges === true;
  if (t.remove_space === true || t.do_lowercase_and_remove_accent) return null;
  const [splitter, byteLevel] = parts;
  const added = t.added_tokens_map;
  const cache = new Map<string, number>();
  const pieceCount = (piece: string): number => {
    if (piece.length > PIECE_CHARS) return t.model(byteLevel.pre_tokenize_text(piece)).length;
    let n = cache.get(piece);
    if (n === undefined) {
      const word = byteLevel.pre_tokenize_text(piece)[0];
      n = ignoreMerges && vocab.has(word) ? 1 : mergedLength(word, ranks);
      if (cache.size >= PIECE_ENTRIES) cache.clear();
      cache.set(piece, n);
    }
    return n;
  };
  /** An added token strips the whitespace next to it when it says so (encode_text's forEach). */
  const strip = (sections: string[]) => {
    for (let i = 0; i < sections.length; i++) {
      const a = added.get(sections[i]);
      if (!a) continue;
      if (a.lstrip && i > 0) sections[i - 1] = sections[i - 1].trimEnd();
      if (a.rstrip && i < sections.length - 1) sections[i + 1] = sections[i + 1].trimStart();
    }
  };
  return (text: string): number => {
    if (text.length === 0) return 0;
    let n = 0;
    const sections = t.splitter_unnormalized.split(text);
    strip(sections);
    for (let section of sections) {
      if (section.length === 0) continue;
      if (added.has(section)) {
        n++;
        continue;
      }
      if (t.normalizer !== null) section = t.normalizer(section);
      if (section.length === 0) continue;
      const subs = t.splitter_normalized.split(section);
      strip(subs);
      for (const sub of subs) {
        if (sub.length === 0) continue;
        if (added.has(sub)) {
          n++;
          continue;
        }
        for (const piece of splitter.pre_tokenize_text(sub)) n += pieceCount(piece);
      }
    }
    return n;
  };
}

/** Rank of each merge by its pair ("a\0b"); null when an entry is neither "a b" nor [a, b]. */
function mergeRanks(merges: unknown[]): Map<string, number> | null {
  const ranks = new Map<string, number>();
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    const pair = typeof m === "string" ? m.split(" ") : m;
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string" || typeof pair[1] !== "string") return null;
    const key = pair[0] + "\0" + pair[1];
    ranks.set(key, i); // a repeated pair keeps its last rank, as the library's and the Rust crate's maps do
  }
  return ranks;
}

/** Symbols left when BPE merges `word` (a byte-mapped piece of at most PIECE_CHARS characters): the lowest-ranked
 * adjacent pair first, the leftmost of equal ones, until no pair has a merge — as the library's queue does. */
function mergedLength(word: string, ranks: Map<string, number>): number {
  const sym = Array.from(word);
  for (;;) {
    let best = Infinity;
    let at = -1;
    for (let i = 0; i + 1 < sym.length; i++) {
      const r = ranks.get(sym[i] + "\0" + sym[i + 1]);
      if (r !== undefined && r < best) {
        best = r;
        at = i;
      }
    }
    if (at < 0) return sym.length;
    sym.splice(at, 2, sym[at] + sym[at + 1]);
  }
}

/** Texts the two counters must agree on before the fast one is used: the added tokens in text, whitespace runs,
 * digits, punctuation, several scripts and emoji. */
function probes(tok: Tokenizer): string[] {
  const added = [...tok.get_added_tokens_decoder().values()].slice(0, 64).map((a) => a.content);
  const text = "Hello, world! It's 2024-06-01; don't   stop.\n\n\tTabs\r\nand CRLF. Café naïve 中文字符 русский текст العربية 🎉👍🏽 x²+y³=z 1234567 ...";
  return [text, ...added.map((a) => ` ${a}\n${text}${a}${a} ${a}x`), added.join(" "), "  ", "\n", text.repeat(3)];
}

function agrees(a: (text: string) => number, b: (text: string) => number, texts: string[]): boolean {
  try {
    return texts.every((x) => a(x) === b(x));
  } catch {
    return false;
  }
}

/** The special token the post-processor adds in front of a single text, if any. */
function prefixToken(tok: Tokenizer): string | null {
  const plain = tok.encode("a", { add_special_tokens: false }).ids;
  const full = tok.encode("a", { add_special_tokens: true }).ids;
  if (full.length <= plain.length || full[0] === plain[0]) return null;
  return tok.id_to_token(full[0]) ?? null;
}
