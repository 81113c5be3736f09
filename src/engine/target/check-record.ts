// One record against the target model: rendered as transformers' apply_chat_template(messages, tools=...,
// add_generation_prompt=False, tokenize=False) renders it, then what the render says about the record and the
// template. Runs in the chunk's thread, per record, O(record size). A chunk keeps one TargetChecker per file part
// and hands its state (TargetChunkState) to the merge, which adds the file-level verdicts (target/file-state.ts).
import type { TargetRuntime } from "./runtime.js";
import { renderContext } from "./runtime.js";
import { needsPythonJson, parsePythonJson, renderTemplate } from "./jinja/index.js";
import { emptyTargetState, type TargetChunkState } from "./file-state.js";
import { escapePointer } from "../rules/chatml-shape.js";

/** Reports a finding at the current record. `emit` is the scan's: an error makes the record invalid; `note` is for what
 * the template does whatever the record (no {% generation %} markers, a template the engine cannot render at all). */
export type Emit = (rule: string, message: string, onceKey?: string, pointer?: string) => void;

/** Longest quote of a template's message in a finding. */
const QUOTE_CHARS = 300;
/** Messages named in one template-drops-content finding. */
const NAMED = 3;

export class TargetChecker {
  private readonly st: TargetChunkState = emptyTargetState();
  private readonly keys: Set<string> | null;

  constructor(private readonly rt: TargetRuntime) {
    this.keys = rt.facts.messageKeys ? new Set(rt.facts.messageKeys) : null;
  }

  /** Renders the record (its `messages` is an array; `raw` is its line) and reports what the render shows. Returns the
   * rendered text, or null when the template raised or the engine could not render it. */
  check(rec: Record<string, unknown>, raw: string, line: number, emit: Emit, note: Emit): string | null {
    const { spec } = this.rt;
    const st = this.st;
    st.records++;
    if (st.records === 1) {
      st.firstLine = line;
      if (spec.loss === "assistant-only" && !this.rt.facts.hasGenerationMarkers) {
        note("template-no-generation-markers", `loss is assistant-only, but the chat template has no {% generation %} markers: the assistant-token mask (TRL's assistant_only_loss, transformers' return_assistant_tokens_mask) is all zeros, so the loss is 0 and nothing is learned; use a template that wraps the assistant's text in {% generation %} ... {% endgeneration %}, or another way to train on completions only`, "tpl-generation");
      }
    }
    if (this.rt.wholeGap !== null) {
      st.gaps++;
      note("template-engine-gap", `the chat template cannot be rendered by this gate's JavaScript engine (${quote(this.rt.wholeGap)}), though Python's Jinja2 may render it: no record of this file was checked against it (reported once for the file)`, "tpl-whole-gap");
      return null;
    }
    // The template gets the record as Python's json.loads reads it (1.0 stays a float, "1" keys keep their place) when
    // JSON.parse could have lost that; the checks below read the plain record.
    const py = needsPythonJson(raw) ? pythonRecord(raw) : null;
    const tools = toolsOf(py ? py.tools : rec.tools);
    const template = this.rt.toolUse && tools !== null ? this.rt.toolUse : this.rt.template;
    const r = renderTemplate(template, renderContext(spec, py ? py.messages : rec.messages, tools));
    if (!r.ok) {
      if (r.kind === "template-error") {
        st.errors++;
        const undef = /\b(bos_token|eos_token)\b.*\bundefined\b/.exec(r.message)?.[1];
        const hint = undef && spec.sourceIn === "file" ? ` (a .jinja template gets ${undef} only from --${undef.replace("_", "-")} or target.${undef.replace("_", "-")}: set it to the model's token)` : "";
        emit("template-error", `the chat template fails on this record: "${quote(r.message)}"${hint}; transformers' apply_chat_template raises this, so the trainer stops (or skips the record): fix the record or drop it`);
      } else {
        st.gaps++;
        emit("template-engine-gap", `this record was not checked against the chat template: the gate's JavaScript engine cannot render it as Python's Jinja2 would (${quote(r.message)}); please report the template construct`);
      }
      return null;
    }
    st.rendered++;
    const text = r.text;
    if (spec.eosToken && !st.eosSeen && text.includes(spec.eosToken)) st.eosSeen = true;
    this.checkBos(text, emit);
    const messages = rec.messages as unknown[];
    this.checkDropped(messages, tools, text, emit);
    this.checkEndOfTurn(messages, text, emit);
    if (this.keys) this.checkUnread(messages, emit);
    return text;
  }

  state(): TargetChunkState {
    return { ...this.st };
  }

  /** The render starts with the BOS token and tokenizing it with special tokens adds another one in front. */
  private checkBos(text: string, emit: Emit): void {
    const { spec, tokenizer } = this.rt;
    const bos = tokenizer?.prepends ?? (spec.addBosToken ? spec.bosToken : undefined);
    if (!bos || !text.startsWith(bos)) return;
    const by = tokenizer?.prepends ? `the tokenizer's post-processor (${tokenizer.name})` : "the tokenizer (add_bos_token: true in the tokenizer config)";
    emit("template-double-bos", `the rendered text starts with the BOS token "${bos}" and ${by} adds another when the text is tokenized with special tokens (the default of tokenizer(text), which many training scripts call): examples would start with two BOS tokens; tokenize rendered text with add_special_tokens=False (as apply_chat_template does) or take bos_token out of the template`, "tpl-bos");
  }

  /** Message texts (and tool names) that are nowhere in the render: the template drops them. */
  private checkDropped(messages: unknown[], tools: unknown[] | null, text: string, emit: Emit): void {
    let bare: string | undefined; // the render without whitespace, made on the first miss
    const present = (s: string): boolean => {
      const t = s.trim();
      if (t === "" || text.includes(t)) return true;
      bare ??= stripSpace(text);
      const b = stripSpace(t);
      if (bare.includes(b)) return true;
      const j = stripSpace(JSON.stringify(t).slice(1, -1)); // content passed through tojson
      return j !== b && bare.includes(j);
    };
    const missing: string[] = [];
    let first: string | undefined; // the JSON pointer of the first piece left out
    let reasoning = 0;
    messages.forEach((raw, i) => {
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) return;
      const m = raw as Record<string, unknown>;
      const role = typeof m.role === "string" ? m.role : "?";
      for (const piece of textPieces(m.content)) {
        if (present(piece)) continue;
        if (/<think>/.test(piece) && present(piece.replace(/<think>[\s\S]*?<\/think>/g, ""))) {
          reasoning++;
          missing.push(`messages[${i}] (${role}): its <think> reasoning`);
        } else missing.push(`messages[${i}] (${role}): its text`);
        first ??= `/messages/${i}/content`;
        break;
      }
      for (const name of callNames(m)) {
        if (present(name)) continue;
        missing.push(`messages[${i}] (${role}): its call of '${name}'`);
        first ??= `/messages/${i}/tool_calls`;
      }
    });
    for (const name of toolNames(tools)) {
      if (present(name)) continue;
      missing.push(`tools: '${name}'`);
      first ??= "/tools";
    }
    if (!missing.length) return;
    const listed = missing.slice(0, NAMED).join("; ") + (missing.length > NAMED ? `; and ${missing.length - NAMED} more` : "");
    const why = reasoning === missing.length ? " (the template keeps the reasoning of the last turn only: earlier turns are trained without it)" : "";
    emit("template-drops-content", `the chat template leaves out ${listed}${why}: the model never sees it in training; if it matters, use a template that renders it or move it where the template reads it`, undefined, first);
  }

  /** The marker that ends an assistant turn (the token right after its text) must be one token of the tokenizer. */
  private checkEndOfTurn(messages: unknown[], text: string, emit: Emit): void {
    const tok = this.rt.tokenizer;
    if (!tok) return;
    let from = 0;
    for (const raw of messages) {
      const m = raw as Record<string, unknown> | null;
      if (!m || m.role !== "assistant" || typeof m.content !== "string") continue;
      const body = m.content.trim();
      if (!body) continue;
      const at = text.indexOf(body, from);
      if (at < 0) continue;
      from = at + body.length;
      const marker = /^\s*(<[^<>\s]{1,48}>|\[[^[\]\s]{1,24}\])/.exec(text.slice(from, from + 80))?.[1];
      if (!marker) continue;
      let n = this.rt.markerTokens.get(marker);
      if (n === undefined) this.rt.markerTokens.set(marker, (n = tok.count(marker)));
      if (n > 1) {
        emit("template-eot-split", `the assistant turns end with "${marker}", which ${tok.name} encodes as ${n} tokens, not one: it is not a special token of this tokenizer, so the model learns it as text and no single token ends its answer; add it to the tokenizer as a special token (and resize the embeddings) or use the tokenizer of the model this template belongs to`, `tpl-eot:${marker}`);
      }
    }
  }

  /** Message keys with a value that the template never reads (from its syntax tree). */
  private checkUnread(messages: unknown[], emit: Emit): void {
    messages.forEach((raw, i) => {
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) return;
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        if (this.keys!.has(k) || v === null || v === undefined || v === "") continue;
        const trainer = TRAINER_KEYS.has(k) ? ` (some trainers read it themselves, e.g. Axolotl's ${k === "weight" || k === "train" ? k : "weight and train"}; TRL does not)` : "";
        emit("template-unread-field", `messages[${i}].${k} is never read by the chat template: it does not reach the model${trainer}; drop it or use a template that renders it (reported once per field and file)`, `tpl-field:${k}`, `/messages/${i}/${escapePointer(k)}`);
      }
    });
  }
}

/** The record's messages and tools as Python's json.loads reads the line (null: not JSON after all). */
function pythonRecord(raw: string): { messages: unknown; tools: unknown } | null {
  try {
    const v = parsePythonJson(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
    const get = (k: string) => (v instanceof Map ? v.get(k) : v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined);
    return { messages: get("messages"), tools: get("tools") };
  } catch {
    return null;
  }
}

/** The record's tools as transformers gets them: an array, or a JSON string holding one (LLaMA-Factory, ms-swift: read
 * with json.loads); anything else is None. */
export function toolsOf(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (typeof v === "string" && v.trim() !== "") {
    try {
      const parsed = (needsPythonJson(v) ? parsePythonJson(v.trim()) : JSON.parse(v)) as unknown;
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not JSON: the record's own finding says so
    }
  }
  return null;
}

/** The texts of a message's content: a string, or the text parts of a list. */
function textPieces(content: unknown): string[] {
  if (typeof content === "string") return [content];
  if (!Array.isArray(content)) return [];
  const out: string[] = [];
  for (const p of content) {
    if (typeof p === "string") out.push(p);
    else if (p && typeof p === "object") {
      const o = p as Record<string, unknown>;
      const t = typeof o.text === "string" ? o.text : o.value; // LLaMA-Factory's parts hold `value`
      if (typeof t === "string") out.push(t);
    }
  }
  return out;
}

function callNames(m: Record<string, unknown>): string[] {
  const calls = Array.isArray(m.tool_calls) ? m.tool_calls : [];
  const out: string[] = [];
  for (const c of calls) {
    const fn = (c as { function?: { name?: unknown }; name?: unknown } | null)?.function ?? c;
    const name = (fn as { name?: unknown } | null)?.name;
    if (typeof name === "string" && name) out.push(name);
  }
  return out;
}

function toolNames(tools: unknown[] | null): string[] {
  const out: string[] = [];
  for (const t of tools ?? []) {
    const fn = (t as { function?: unknown } | null)?.function ?? t;
    const name = (fn as { name?: unknown } | null)?.name;
    if (typeof name === "string" && name) out.push(name);
  }
  return out;
}

/** Message keys that trainers may read outside the template (per-message loss switches). */
const TRAINER_KEYS = new Set(["weight", "train", "train_detail", "loss_weight", "loss"]);

const stripSpace = (s: string) => s.replace(/\s+/g, "");

function quote(s: string): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > QUOTE_CHARS ? one.slice(0, QUOTE_CHARS) + "…" : one;
}
