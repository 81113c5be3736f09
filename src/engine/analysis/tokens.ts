// Token analysis with gpt-tokenizer: per-example counts, `too-long` findings, totals and training cost.
//
//   const t = new TokenAnalysis({ encoding?: "o200k_base" | "cl100k_base", maxTokens?, model?, epochs?,
//                                 pricePerMillion?, sampleBytes?, exact? });
//   for (const [conv, loc] of records) findings.push(...t.add(conv, loc));   // `too-long` findings (errors)
//   const result: TokenResult = t.finish();
//
// Counting (OpenAI cookbook "How to count tokens with tiktoken", gpt-3.5/4 chat format): every message costs
// 3 tokens + tokens(role) + tokens(text), and every example 3 more tokens for reply priming. Besides the content, the
// texts of an example are each message's name (+1 token), its tool calls' names and arguments, and the record's tool
// definitions with the cookbook's fixed costs; images are counted by OpenAI's formula when their size is known
// (example-text.ts, image-tokens.ts: what is read, what is fixed, what is left out). Preference `rejected` messages
// are counted like extra messages. "Content bytes" below are the UTF-8 bytes of all those texts; the fixed tokens
// are part of an example's overhead.
// Special-token strings in text (e.g. "<|endoftext|>") are counted as plain text. A run of more than MAX_RUN (512)
// characters without whitespace (a base64 blob, a minified line) is counted in slices of MAX_RUN: BPE is quadratic in
// a run's length (countLinear in token-count.ts, which does all counting).
//
// Sampling, the strata and the estimate of what is not tokenized, with its error bound: token-estimate.ts
// (token-strata.ts, token-error-bound.ts, token-largest.ts for the largest unsampled examples, token-over-limit.ts for
// examples far over the limit); quantiles and histogram: token-values.ts; the result: token-result.ts.
// Chunked / parallel runs: every chunk gets a fresh instance (option `seed` = the chunk index), toPartial() after
// the chunk; one fresh "total" instance merge()s the partials in chunk order, then finish() (token-partial.ts,
// token-sums.ts). The sampling probability is computed per chunk (`seenBytes` restarts in each fresh instance), so
// pass the run's `expectedBytes` to every chunk: without it each chunk tokenizes its first `sampleBytes` in full.
//  - fresh.merge(chunk.toPartial()).finish() deep-equals chunk.finish(); with `exact: true` and at most
//    quantileCap examples the merged result equals a one-chunk run over the same examples. Deferred chunks
//    (`defer`) keep the same largest examples as tokenizing ones (chosen before any tokenizing), so their merged
//    result is the same too.
// Per-file figures: `last` gives each example's stratum; after finish(), estimateOf(overhead, bytes per stratum)
// applies each stratum's tokens per estimated byte to a file's share.
import type { Conversation, Finding, Message, RecordLoc } from "../model.js";
import { loadCounter, type CountFn, type EncodingName } from "./token-count.js";
import { fixedTokens, forEachText, KNOWN_ROLE_TOKENS, TOKENS_PER_EXAMPLE, TOKENS_PER_MESSAGE } from "./example-text.js";
import { mulberry32 } from "./stats.js";
import { addVariance } from "./token-error-bound.js";
import { keepLarge, LARGEST_KEPT, piecesOf, type LargeExample } from "./token-largest.js";
import { modelTokenLimit } from "./token-limits.js";
import { DEFAULT_SAMPLE_BYTES, renderedConv, type RenderedExample, type TokenOptions } from "./token-options.js";
import { countUntilOver, formatBytes, PROBE_FACTOR } from "./token-over-limit.js";
import { PENDING, type PendingExample, type Resolved, type TokenPartial } from "./token-partial.js";
import { finishTokens, type TokenResult } from "./token-result.js";
import { STRATA, stratumOf } from "./token-strata.js";
import { addSums, copySums, newSums, type TokenSums } from "./token-sums.js";
import { ExampleValues } from "./token-values.js";

interface Accounted {
  findings: Finding[];
  /** Exact tokens, or -1 when estimated. */
  exact: number;
  overhead: number;
}

/** The PRNG seed for stream `base` and the user seed (seed 0 gives `base`, the historical constant). */
function mixSeed(base: number, seed: number): number {
  return (base ^ Math.imul(seed >>> 0, 0x9e3779b9)) >>> 0;
}

export class TokenAnalysis {
  private readonly encoding: EncodingName;
  private readonly limit: number | undefined;
  private readonly limitSource: "maxTokens" | "model" | null;
  private readonly sampleBytes: number;
  private readonly expectedBytes: number | undefined;
  private readonly all: boolean;
  private readonly opts: TokenOptions;
  private count: CountFn | null = null;
  private roleCache = new Map<string, number>();
  private rnd: () => number;
  private resRnd: () => number;
  /** Per stratum, the LARGEST_KEPT largest examples neither selected nor over the limit's byte bound, largest first
   * (ties: the earlier first), of this instance's examples and the merged partials'. */
  private largest: LargeExample[][] = Array.from({ length: STRATA }, () => []);
  /** The counts and sums: the exact part, the estimated part (per stratum), the ratio estimator per stratum (sampled
   * examples, weight 1/p) and its variance terms (token-sums.ts). */
  private s: TokenSums = newSums();
  /** The ratios finish() applied per stratum (estimateOf). */
  private rates = new Float64Array(STRATA);
  /** Per-example values for quantiles: exact count or -1, overhead, content bytes, stratum (token-values.ts). */
  private q: ExampleValues;
  private readonly defer: boolean;
  private pending: PendingExample[] = [];

  constructor(opts: TokenOptions = {}) {
    this.opts = opts;
    this.encoding = opts.encoding ?? "o200k_base";
    if (opts.maxTokens !== undefined) {
      this.limit = opts.maxTokens;
      this.limitSource = "maxTokens";
    } else {
      this.limit = modelTokenLimit(opts.model);
      this.limitSource = this.limit !== undefined ? "model" : null;
    }
    this.sampleBytes = opts.sampleBytes ?? DEFAULT_SAMPLE_BYTES;
    this.expectedBytes = opts.expectedBytes;
    this.all = opts.exact ?? false;
    const seed = opts.seed ?? 0;
    this.rnd = mulberry32(mixSeed(0x51ed270b, seed));
    this.resRnd = mulberry32(mixSeed(0x2545f491, seed));
    this.q = new ExampleValues(opts.quantileCap ?? 100_000);
    if (opts.countTokens) this.count = opts.countTokens;
    this.defer = opts.defer ?? false;
  }

  /** A TokenAnalysis with its vocabulary loaded (unless `countTokens` is given). */
  static async create(opts: TokenOptions = {}): Promise<TokenAnalysis> {
    const countTokens = opts.countTokens ?? (await loadCounter(opts.encoding ?? "o200k_base"));
    return new TokenAnalysis({ ...opts, countTokens });
  }

  private counter(): CountFn {
    if (!this.count) throw new Error("TokenAnalysis: vocabulary not loaded; use TokenAnalysis.create()");
    return this.count;
  }

  private roleTokens(role: string): number {
    let n = this.roleCache.get(role);
    if (n === undefined) {
      n = this.counter()(role);
      this.roleCache.set(role, n);
    }
    return n;
  }

  /** `rendered`: the example as the target model's chat template renders it (target/): its tokens are those of that
   * text (no chat overhead is added), and its assistant tokens that share of them which the assistant's text is of

  /** `rendered`: the example as the target model's chat template renders it (target/): its tokens are those of that
   * text (no chat overhead is added), and its assistant tokens that share of them which the assistant's text is of
   * its bytes. `shown`: the conversation with found secrets and personal data masked (privacy/), when it differs:
   * the texts kept of the largest examples (which travel in partial results) come from it (or from
   * `rendered.shown`). */
  add(conv: Conversation, loc: RecordLoc, rendered?: RenderedExample, shown?: Conversation): Finding[] {
    this.s.examples++;
    const original = conv;
    if (rendered) {
      conv = renderedConv(rendered.text);
      shown = rendered.shown !== undefined ? renderedConv(rendered.shown) : undefined;
    }
    const fixed = fixedTokens(original, this.encoding);
    this.s.images[0] += fixed.images;
    // the rendered text holds the tool definitions and names; image tokens depend on the model: not counted then
    if (!rendered) {
      this.s.images[1] += fixed.imagesCounted;
      this.s.images[2] += fixed.imageTokens;
    }
    let overhead = rendered ? 0 : TOKENS_PER_EXAMPLE + fixed.tokens;
    let bytes = 0;
    let aBytes = 0;
    let units = 0;
    let unknownRole = false;
    const visit = (m: Message) => {
      // Deferring, there is no vocabulary here: the chat roles' tokens are known, any other role waits for it.
      if (!this.defer) overhead += TOKENS_PER_MESSAGE + this.roleTokens(m.role);
      else if (Object.hasOwn(KNOWN_ROLE_TOKENS, m.role)) overhead += TOKENS_PER_MESSAGE + KNOWN_ROLE_TOKENS[m.role];
      else unknownRole = true;
    };
    if (!rendered) {
      conv.messages.forEach(visit);
      conv.rejected?.forEach(visit);
    }
    forEachText(conv, (text, assistant) => {
      const b = Buffer.byteLength(text, "utf8");
      bytes += b;
      units += text.length;
      if (assistant) aBytes += b;
    });
    if (rendered) aBytes = Math.min(bytes, rendered.assistantBytes);
    this.s.seenBytes += bytes;
    const h = stratumOf(bytes, units);
    this.s.contentBytes[h] += bytes;

    const p = this.all ? 1 : Math.min(1, this.sampleBytes / Math.max(1, this.expectedBytes ?? this.s.seenBytes));
    const selected = this.rnd() < p || p >= 1;
    const needExact = this.limit !== undefined && overhead + bytes > this.limit;
    if (!selected && !needExact && bytes > 0) {
      const list = this.largest[h];
      if (list.length < LARGEST_KEPT || bytes > list[list.length - 1].bytes) keepLarge(list, { stratum: h, bytes, ...piecesOf(shown ?? conv) });
    }
    if (!(selected || needExact || unknownRole)) return this.setLast(this.account(overhead, bytes, aBytes, h, p, false, loc.line, null), bytes, h);
    // Needs its tokens: counted now, or (defer) where the partial is merged.
    const x: PendingExample = { line: loc.line, roles: [], fixed: rendered ? 0 : fixed.tokens, texts: [], assistant: [], bytes, aBytes, stratum: h, p, selected, slot: this.keep(PENDING, 0, bytes, h) };
    if (rendered) x.rendered = true;
    const keepRole = (m: Message) => x.roles.push(m.role);
    conv.messages.forEach(keepRole);
    conv.rejected?.forEach(keepRole);
    forEachText(conv, (text, assistant) => {
      x.texts.push(text);
      x.assistant.push(assistant);
    });
    if (!this.defer) return this.setLast(this.accountPending(x, this.q.qExact, this.q.qOver), bytes, h);
    this.pending.push(x);
    return this.setLast({ findings: [], exact: PENDING, overhead: 0 }, 0, h);
  }

  private setLast(r: Accounted, bytes: number, stratum: number): Finding[] {
    this.last.exact = r.exact;
    this.last.overhead = r.overhead;
    this.last.bytes = bytes;
    this.last.stratum = stratum;
    return r.findings;
  }

  /** The accounting of one example (from add(), or a pending one): tokenized (`x` gives its texts) when sampled or
   * over the byte bound of the limit, estimated otherwise (`x` null). `x.slot`: its place in the per-example arrays
   * `q` (-1: none), which add() took; without `x` the values are kept here. */
  private account(overhead: number, bytes: number, aBytes: number, h: number, p: number, selected: boolean, line: number, x: PendingExample | null, q?: { e: Int32Array; o: Uint32Array }): Accounted {
    const needExact = this.limit !== undefined && overhead + bytes > this.limit;
    let exact = -1;
    let findings: Finding[] = [];
    // An unsampled example far over the limit in bytes is counted only until it passes the limit (overLimit): a
    // 12 MB base64 line took a minute to tokenize in full. It is then estimated like an unsampled example.
    const over = x !== null && !selected && needExact && bytes > PROBE_FACTOR * this.limit! ? countUntilOver(x.texts, this.limit! - overhead, this.counter()) : null;
    if (over) {
      this.s.tooLong++;
      this.s.overCount++;
      this.s.overOverhead += overhead;
      this.s.overBytes[h] += bytes;
      // its tokens: those counted, extrapolated to all its bytes at their rate
      const est = (over.tokens * bytes) / Math.max(1, over.bytes);
      this.s.overTokens[h] += est;
      this.s.overExtra[h] += est - over.tokens;
      findings = [
        {
          rule: "too-long",
          severity: "error",
          line,
          message: `example has more than ${this.limit} tokens (${this.encoding}), over the limit of ${this.limit}; its ${formatBytes(bytes)} of text were counted only until they passed it`,
        },
      ];
    }
    if (x && (selected || needExact) && !over) {
      const count = this.counter();
      let t = 0;
      let at = 0;
      for (let i = 0; i < x.texts.length; i++) {
        const n = count(x.texts[i]);
        t += n;
        if (x.assistant[i]) at += n;
      }
      if (x.rendered) at = x.bytes > 0 ? Math.round((t * x.aBytes) / x.bytes) : 0;
      exact = overhead + t;
      this.s.tokenized++;
      this.s.exactTotal += exact;
      this.s.exactAssistant += at;
      this.s.exactBilled += this.limit !== undefined ? Math.min(exact, this.limit) : exact;
      if (exact > this.s.exactMax) this.s.exactMax = exact;
      if (selected) {
        const w = 1 / p;
        this.s.sN[h]++;
        if (p < 1) this.s.dN[h]++;
        this.s.sT[h] += w * t;
        this.s.sB[h] += w * bytes;
        this.s.sAT[h] += w * at;
        this.s.sAB[h] += w * aBytes;
        addVariance(this.s.v, h, p, t, bytes);
      }
      if (this.limit !== undefined && exact > this.limit) {
        this.s.tooLong++;
        findings = [
          {
            rule: "too-long",
            severity: "error",
            line,
            message: `example has ${exact} tokens (${this.encoding}), over the limit of ${this.limit}`,
          },
        ];
      }
    } else {
      this.s.estOverhead += overhead;
      this.s.estBytes[h] += bytes;
      this.s.estAssistantBytes[h] += aBytes;
      if (bytes > this.s.estMaxBytes[h]) {
        this.s.estMaxBytes[h] = bytes;
        this.s.estMaxOverhead[h] = overhead;
      }
    }
    if (!x) this.keep(exact, overhead, bytes, h);
    else if (q && x.slot >= 0 && q.e[x.slot] === PENDING) {
      q.e[x.slot] = exact;
      q.o[x.slot] = overhead;
    }
    return { findings, exact, overhead };
  }

  /** account() for a pending example: its overhead from its roles (the vocabulary is here now); its values go into
   * the per-example arrays `qExact`/`qOver` at its slot. */
  private accountPending(x: PendingExample, qExact: Int32Array, qOver: Uint32Array): Accounted {
    let overhead = x.rendered ? 0 : TOKENS_PER_EXAMPLE + x.fixed;
    if (!x.rendered) for (const r of x.roles) overhead += TOKENS_PER_MESSAGE + this.roleTokens(r);
    return this.account(overhead, x.bytes, x.aBytes, x.stratum, x.p, x.selected, x.line, x, { e: qExact, o: qOver });
  }

  /** Counts the tokens of a partial's pending examples into this instance's own sums (used by merge(), before the
   * partial's figures are folded in). Returns their `too-long` findings (lines as in the chunk) and, per the
   * file-level token figures, their exact tokens and the overhead + bytes of those left estimated. */
  private resolvePending(p: TokenPartial): Resolved {
    // The partial's per-example arrays get the values; this instance's own arrays are untouched.
    return this.resolve(p.pending, p.qExact, p.qOver);
  }

  /** Content bytes of the examples still pending (chunk mode). */
  get pendingBytes(): number {
    let n = 0;
    for (const x of this.pending) n += x.bytes;
    return n;
  }

  /** Chunk mode: tokenizes this instance's own pending examples now, with `countTokens` (a chunk with many of them —
   * long examples under a token limit — counts them itself rather than leave them all to the merge). The figures
   * are the ones the merge would give. Returns the examples' `too-long` findings (chunk lines) and per-file figures. */
  resolveOwnPending(countTokens: CountFn): Resolved {
    this.count = countTokens;
    const pending = this.pending;
    this.pending = [];
    return this.resolve(pending, this.q.qExact, this.q.qOver);
  }

  /** Counts pending examples into this instance's sums and into the per-example arrays `qExact`/`qOver`. */
  private resolve(pending: PendingExample[], qExact: Int32Array, qOver: Uint32Array): Resolved {
    const out: Resolved = { findings: [], exact: 0, overhead: 0, bytes: new Array<number>(STRATA).fill(0) };
    for (const x of pending) {
      const r = this.accountPending(x, qExact, qOver);
      out.findings.push(...r.findings);
      if (r.exact >= 0) out.exact += r.exact;
      else {
        out.overhead += r.overhead;
        out.bytes[x.stratum] += x.bytes;
      }
    }
    return out;
  }

  /** The example last passed to add(): its exact token count (-1 when it was not tokenized, PENDING when its count
   * waits for the merge), its chat overhead, its content bytes and its stratum — for per-file totals (untokenized
   * bytes per stratum, estimated with estimateOf() after finish()). */
  readonly last = { exact: -1, overhead: 0, bytes: 0, stratum: 0 };

  /** After finish(): the tokens of examples left estimated, from their overhead and their content bytes per stratum
   * (per-file figures: the run's per-stratum ratios applied to one file's share). */
  estimateOf(overhead: number, bytes: ArrayLike<number>): number {
    let t = overhead;
    for (let h = 0; h < STRATA; h++) t += (bytes[h] ?? 0) * this.rates[h];
    return t;
  }

  /** Keeps the example's values for the quantiles; returns its slot, or -1 when the reservoir passed it over. A slot
   * that held a pending example (PENDING) and is taken over by a later one: that pending example keeps slot -1. */
  private keep(exact: number, overhead: number, bytes: number, stratum: number): number {
    const j = this.q.slot(this.resRnd, this.s.examples);
    if (j < 0) return -1;
    if (this.q.qExact[j] === PENDING) for (const x of this.pending) if (x.slot === j) x.slot = -1;
    this.q.set(j, exact, overhead, bytes, stratum);
    return j;
  }

  /** This instance's state as plain structured-clone-able data (copies; see the file header). */
  toPartial(): TokenPartial {
    return {
      encoding: this.encoding,
      limit: this.limit ?? null,
      quantileCap: this.q.cap,
      ...copySums(this.s),
      ...this.q.arrays(),
      pending: this.pending.map((x) => ({ ...x })),
      largest: this.largest.flatMap((list) => list.map((x) => ({ ...x, texts: [...x.texts] }))),
    };
  }

  /** Folds a later chunk's partial into this instance (see the file header), tokenizing its pending examples first
   * (this instance needs a vocabulary then). Throws when the partial was made with a different encoding, limit or
   * quantileCap. Returns what resolvePending() does; `last` is left as it was. */
  merge(p: TokenPartial): Resolved {
    if (p.encoding !== this.encoding || p.limit !== (this.limit ?? null) || p.quantileCap !== this.q.cap) {
      throw new Error(
        `TokenAnalysis.merge: partial made with encoding ${p.encoding}, limit ${p.limit}, quantileCap ${p.quantileCap}; ` +
          `this instance has ${this.encoding}, ${this.limit ?? null}, ${this.q.cap}`,
      );
    }
    const resolved = this.resolvePending(p);
    this.q.merge(p, this.s.examples, p.examples);
    addSums(this.s, p);
    // the partial's examples come after this instance's: on equal bytes this instance's stay first
    for (const x of p.largest) {
      const list = this.largest[x.stratum];
      if (list.length < LARGEST_KEPT || x.bytes > list[list.length - 1].bytes) keepLarge(list, x);
    }
    return resolved;
  }

  finish(): TokenResult {
    if (this.pending.length) throw new Error("TokenAnalysis.finish: this instance deferred examples (defer: true); merge its partial into one with a vocabulary");
    const input = { s: this.s, largest: this.largest, values: this.q, encoding: this.encoding, limit: this.limit, limitSource: this.limitSource, opts: this.opts, counter: () => this.counter() };
    return finishTokens(input, this.rates);
  }
}
