// Composition analysis: counts and shapes of the dataset, one streaming pass, bounded memory.
//
//   const c = new CompositionAnalysis();
//   for (const conv of conversations) c.add(conv);
//   const result: CompositionResult = c.finish();
//
// Definitions (lengths in characters = UTF-16 code units of Message.text):
//  - turns per example = number of user messages; histogram buckets "0".."9" and "10+".
//  - single-turn = exactly one user and one assistant message; multi-turn = at least one of each and more than one
//    of either; other = no user or no assistant message.
//  - message length per role (system, developer, user, assistant, tool, function, other): min/mean/max exact;
//    median/p95 exact up to 100,000 messages per role, then from a uniform reservoir sample (`exact: false`).
//  - toolExamples: Conversation.hasTools or any message with toolCalls > 0; imageExamples: any images > 0.
//  - user query patterns (first user message): question = ends with "?" or starts with a question word
//    (QUESTION_WORDS); command = otherwise starts with an imperative verb (COMMAND_VERBS); other = neither;
//    code = contains ``` or a code keyword (CODE_PATTERN); short < 50, medium 50-200, long > 200 characters.
//  - assistant response patterns (final assistant message): code blocks = ceil(number of ``` fences / 2) as
//    0 / 1 / 2+; lists = a line starting with "-", "*", "•" or "1." / "1)"; headers = a line starting with 1-6 "#"
//    and a space; brief < 200, medium 200-800, detailed > 800 characters.
//  - categories: Conversation.category counts (bounded top-k of 10,000; top 50 reported).
//
// Chunked runs (parallel workers / shards; the single-thread run does the same, so results are identical):
//   const part = new CompositionAnalysis(); ...part.add(conv)...; const p = part.toPartial();   // per chunk
//   const total = new CompositionAnalysis(); total.merge(p0); total.merge(p1); ...; total.finish();
// Partials are plain structured-clone-able data. Merge semantics (canonical; chunks merged in chunk order):
//  - every counter (records, messages, turns histogram, single/multi/other, tool/image/preference examples,
//    query and response patterns, categorized) adds.
//  - roles and categories: Misra-Gries top-k merge (stats.ts TopK.merge): exact while the merged number of
//    distinct keys stays within the cap (1,000 roles, 10,000 categories); `distinct` = keys tracked.
//  - message lengths per role: QuantileSketch.merge (stats.ts): count/min/max/mean exact; median/p95 exact
//    while the role has <= 100,000 messages, else from a deterministic proportional systematic subsample.
//  - one partial merged into a fresh instance finishes exactly like the chunk instance itself.
//  - add() after merge() is not supported (throws).
import type { Conversation } from "../model.js";
import { isSpaceCode } from "./text-scan.js";
import { ratio, QuantileSketch, type QuantilePartial, type Summary, TopK, type TopKPartial } from "./stats.js";

export const QUESTION_WORDS: readonly string[] = [
  "what", "why", "when", "where", "which", "who", "whom", "whose", "how", "can", "could", "would", "should",
  "is", "are", "am", "was", "were", "do", "does", "did", "will", "may", "might", "shall", "has", "have",
];
export const COMMAND_VERBS: readonly string[] = [
  "write", "create", "explain", "list", "describe", "give", "summarize", "summarise", "translate", "generate",
  "make", "provide", "tell", "show", "find", "calculate", "compute", "convert", "rewrite", "fix", "implement",
  "design", "draft", "compose", "classify", "identify", "analyze", "analyse", "compare", "suggest", "help",
  "build", "add", "remove", "sort", "name", "define", "edit", "correct", "extract", "please", "outline", "plan",
  "recommend", "paraphrase", "complete", "solve", "evaluate", "determine", "choose", "select", "read", "use",
];
export const CODE_PATTERN =
  /```|\b(?:code|function|python|javascript|typescript|java|sql|regex|bash|json|html|css|compile|def|class|import|const|print\(|console\.log)\b|#include|=>/i;

const ROLES = ["system", "developer", "user", "assistant", "tool", "function"] as const;
/** A list item line: what hasListLine() finds (the definition; hasListLine is the fast path). */
export const LIST_LINE = /^[ \t]*(?:[-*•]|\d+[.)])[ \t]+\S/m;
/** A Markdown ATX heading line (only tried on texts holding a "#"). */
export const HEADER_LINE = /^#{1,6}[ \t]+\S/m;
const FIRST_WORD = /^[\s"'“‘(¿¡]*([\p{L}']+)/u;
const QUESTION_SET = new Set(QUESTION_WORDS);
const COMMAND_SET = new Set(COMMAND_VERBS);

export interface CompositionResult {
  records: number;
  messages: number;
  roles: Record<string, number>;
  /** Records by number of user messages: "0".."9", "10+". */
  turnsHistogram: Record<string, number>;
  singleTurn: number;
  multiTurn: number;
  other: number;
  singleTurnShare: number;
  multiTurnShare: number;
  messageLength: Record<string, Summary>;
  toolExamples: number;
  imageExamples: number;
  preferenceExamples: number;
  userQueries: {
    records: number;
    questions: number;
    commands: number;
    other: number;
    codeRelated: number;
    short: number;
    medium: number;
    long: number;
  };
  responses: {
    records: number;
    codeBlocks0: number;
    codeBlocks1: number;
    codeBlocks2plus: number;
    withCode: number;
    withLists: number;
    withHeaders: number;
    brief: number;
    medium: number;
    detailed: number;
  };
  categories: {
    records: number;
    distinct: number;
    top: { category: string; count: number }[];
    exact: boolean;
  } | null;
}

/** Structured-clone-able state of one chunk's CompositionAnalysis (see the file header). */
export interface CompositionPartial {
  records: number;
  messages: number;
  roles: TopKPartial;
  turns: number[];
  single: number;
  multi: number;
  other: number;
  /** Per role key ("system" ... "function", "other"). */
  lengths: Record<string, QuantilePartial>;
  tools: number;
  images: number;
  preference: number;
  q: CompositionResult["userQueries"];
  r: CompositionResult["responses"];
  categories: TopKPartial;
  categorized: number;
}


/** Whether the line starting at i is a list item as LIST_LINE defines it: [ \t]*, then -, * or •, or digits then
 * "." or ")", then [ \t]+ and a non-space. */
function listItemAt(t: string, i: number): boolean {
  const n = t.length;
  let c = t.charCodeAt(i);
  while (c === 0x20 || c === 0x09) {
    if (++i >= n) return false;
    c = t.charCodeAt(i);
  }
  if (c === 0x2d || c === 0x2a || c === 0x2022) i++;
  else if (c >= 0x30 && c <= 0x39) {
    do {
      if (++i >= n) return false;
      c = t.charCodeAt(i);
    } while (c >= 0x30 && c <= 0x39);
    if (c !== 0x2e && c !== 0x29) return false;
    i++;
  } else return false;
  if (i >= n) return false;
  c = t.charCodeAt(i);
  if (c !== 0x20 && c !== 0x09) return false;
  do {
    if (++i >= n) return false;
    c = t.charCodeAt(i);
  } while (c === 0x20 || c === 0x09);
  return !isSpaceCode(c);
}

/** LIST_LINE.test(t), about ten times faster: line starts are found with indexOf("\n"); a text with another line
 * terminator (\r, U+2028, U+2029, where /m also starts lines) goes to the regex. */
export function hasListLine(t: string): boolean {
  const n = t.length;
  if (n === 0) return false;
  if (t.indexOf("\r") >= 0 || t.indexOf("\u2028") >= 0 || t.indexOf("\u2029") >= 0) return LIST_LINE.test(t);
  let i = 0;
  for (;;) {
    if (listItemAt(t, i)) return true;
    const j = t.indexOf("\n", i);
    if (j < 0 || j + 1 >= n) return false;
    i = j + 1;
  }
}

/** HEADER_LINE.test(t), skipping the regex for texts without a "#". */
export function hasHeaderLine(t: string): boolean {
  return t.indexOf("#") >= 0 && HEADER_LINE.test(t);
}

function countFences(text: string): number {
  let n = 0;
  let i = text.indexOf("```");
  while (i !== -1) {
    n++;
    i = text.indexOf("```", i + 3);
  }
  return n;
}

export function classifyQuery(text: string): "question" | "command" | "other" {
  const t = text.trimEnd();
  if (t.endsWith("?") || t.endsWith("？")) return "question";
  const m = FIRST_WORD.exec(t);
  const w = m ? m[1].toLowerCase() : "";
  if (QUESTION_SET.has(w)) return "question";
  if (COMMAND_SET.has(w)) return "command";
  return "other";
}

export class CompositionAnalysis {
  private records = 0;
  private messages = 0;
  private roles = new TopK(1000);
  private turns = new Array<number>(11).fill(0);
  private single = 0;
  private multi = 0;
  private other = 0;
  private lengths = new Map<string, QuantileSketch>();
  private tools = 0;
  private images = 0;
  private preference = 0;
  private q = { records: 0, questions: 0, commands: 0, other: 0, codeRelated: 0, short: 0, medium: 0, long: 0 };
  private r = {
    records: 0, codeBlocks0: 0, codeBlocks1: 0, codeBlocks2plus: 0, withCode: 0, withLists: 0, withHeaders: 0,
    brief: 0, medium: 0, detailed: 0,
  };
  private categories = new TopK(10_000);
  private categorized = 0;
  private merged = false;

  add(conv: Conversation): void {
    if (this.merged) throw new Error("CompositionAnalysis: add() after merge() is not supported");
    this.records++;
    const msgs = conv.messages;
    this.messages += msgs.length;
    let users = 0;
    let assistants = 0;
    let firstUser = -1;
    let lastAssistant = -1;
    let tool = conv.hasTools;
    let image = false;
    for (let i = 0; i < msgs.length; i++) {
      const m = msgs[i];
      this.roles.add(m.role);
      if (m.role === "user") {
        if (firstUser < 0) firstUser = i;
        users++;
      } else if (m.role === "assistant") {
        assistants++;
        lastAssistant = i;
      }
      if (m.toolCalls > 0) tool = true;
      if (m.images > 0) image = true;
      const key = (ROLES as readonly string[]).includes(m.role) ? m.role : "other";
      let s = this.lengths.get(key);
      if (!s) this.lengths.set(key, (s = new QuantileSketch(100_000)));
      s.add(m.text.length);
    }
    if (conv.rejected) {
      this.preference++;
      for (const m of conv.rejected) if (m.images > 0) image = true;
    }
    if (tool) this.tools++;
    if (image) this.images++;
    this.turns[Math.min(10, users)]++;
    if (users === 1 && assistants === 1) this.single++;
    else if (users >= 1 && assistants >= 1) this.multi++;
    else this.other++;

    if (firstUser >= 0) {
      const t = msgs[firstUser].text;
      const q = this.q;
      q.records++;
      const kind = classifyQuery(t);
      if (kind === "question") q.questions++;
      else if (kind === "command") q.commands++;
      else q.other++;
      if (CODE_PATTERN.test(t)) q.codeRelated++;
      if (t.length < 50) q.short++;
      else if (t.length > 200) q.long++;
      else q.medium++;
    }
    if (lastAssistant >= 0) {
      const t = msgs[lastAssistant].text;
      const r = this.r;
      r.records++;
      const blocks = Math.ceil(countFences(t) / 2);
      if (blocks === 0) r.codeBlocks0++;
      else if (blocks === 1) r.codeBlocks1++;
      else r.codeBlocks2plus++;
      if (blocks > 0) r.withCode++;
      if (hasListLine(t)) r.withLists++;
      if (hasHeaderLine(t)) r.withHeaders++;
      if (t.length < 200) r.brief++;
      else if (t.length > 800) r.detailed++;
      else r.medium++;
    }
    if (conv.category !== undefined && conv.category !== "") {
      this.categorized++;
      this.categories.add(conv.category);
    }
  }

  toPartial(): CompositionPartial {
    const lengths: Record<string, QuantilePartial> = {};
    for (const [k, v] of this.lengths) lengths[k] = v.toPartial();
    return {
      records: this.records,
      messages: this.messages,
      roles: this.roles.toPartial(),
      turns: [...this.turns],
      single: this.single,
      multi: this.multi,
      other: this.other,
      lengths,
      tools: this.tools,
      images: this.images,
      preference: this.preference,
      q: { ...this.q },
      r: { ...this.r },
      categories: this.categories.toPartial(),
      categorized: this.categorized,
    };
  }

  /** Folds the next chunk's partial into this instance (chunks in order; see the file header). */
  merge(p: CompositionPartial): void {
    this.merged = true;
    this.records += p.records;
    this.messages += p.messages;
    this.roles.merge(p.roles);
    for (let i = 0; i < this.turns.length; i++) this.turns[i] += p.turns[i] ?? 0;
    this.single += p.single;
    this.multi += p.multi;
    this.other += p.other;
    for (const key of [...ROLES, "other"]) {
      const lp = p.lengths[key];
      if (!lp) continue;
      let s = this.lengths.get(key);
      if (!s) this.lengths.set(key, (s = new QuantileSketch(100_000)));
      s.merge(lp);
    }
    this.tools += p.tools;
    this.images += p.images;
    this.preference += p.preference;
    for (const k of Object.keys(this.q) as (keyof CompositionResult["userQueries"])[]) this.q[k] += p.q[k];
    for (const k of Object.keys(this.r) as (keyof CompositionResult["responses"])[]) this.r[k] += p.r[k];
    this.categories.merge(p.categories);
    this.categorized += p.categorized;
  }

  finish(): CompositionResult {
    const roles: Record<string, number> = Object.create(null);
    for (const e of this.roles.top(1000)) roles[e.key] = e.count;
    const turnsHistogram: Record<string, number> = {};
    this.turns.forEach((n, i) => (turnsHistogram[i === 10 ? "10+" : String(i)] = n));
    const messageLength: Record<string, Summary> = {};
    for (const key of [...ROLES, "other"]) {
      const s = this.lengths.get(key);
      if (s) messageLength[key] = s.summary(2);
    }
    return {
      records: this.records,
      messages: this.messages,
      roles,
      turnsHistogram,
      singleTurn: this.single,
      multiTurn: this.multi,
      other: this.other,
      singleTurnShare: ratio(this.single, this.records),
      multiTurnShare: ratio(this.multi, this.records),
      messageLength,
      toolExamples: this.tools,
      imageExamples: this.images,
      preferenceExamples: this.preference,
      userQueries: { ...this.q },
      responses: { ...this.r },
      categories: this.categorized
        ? {
            records: this.categorized,
            distinct: this.categories.distinctTracked,
            top: this.categories.top(50).map((e) => ({ category: e.key, count: e.count })),
            exact: this.categories.exact,
          }
        : null,
    };
  }
}
