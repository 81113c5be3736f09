// Defensive reads of the Report's analysis fields (filled by other stages; any of them may be absent or partial).
import type { Report } from "../engine/report.js";

export interface Member {
  path: string;
  line: number;
}
export interface Group {
  similarity?: number;
  members: Member[];
}
export interface DuplicateView {
  duplicateRecords?: number;
  rate?: number;
  threshold?: number;
  groups: Group[];
}
export interface LeakView {
  train: string;
  eval: string;
  exact?: number;
  near?: number;
  rate?: number;
}
export interface Bucket {
  label: string;
  count: number;
}
export interface ReportView {
  exact?: DuplicateView;
  near?: DuplicateView;
  leakage: LeakView[];
  diversity: [string, string][];
  openings: { text: string; count: number }[];
  composition: [string, string][];
  tokens: [string, string][];
  /** One line on the target model check: template, tokenizer, records rendered, errors, engine gaps. */
  target?: string;
  histogram: Bucket[];
  datasetInfo?: string;
  deltas: { metric: string; base: unknown; head: unknown }[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A diversity ratio or share, or undefined when nothing was there to measure it on (no assistant text, no answers,
 * no records): the analysis writes 0 then, which would read as a measurement ("compression 0×"). */
const DENOMINATOR: Record<string, string> = {
  "distinct1.ratio": "distinct1.total",
  "distinct2.ratio": "distinct2.total",
  "distinct3.ratio": "distinct3.total",
  "compression.ratio": "compression.totalBytes",
  "openings.topShare": "openings.answers",
  "boilerplate.share": "textMessages",
  "lengthUniqueness.share": "lengthUniqueness.assistantMessages",
  "turnBalance.singleTurnShare": "turnBalance.records",
  "turnBalance.multiTurnShare": "turnBalance.records",
  "userPrompts.uniqueShare": "userPrompts.recordsWithUser",
};

export function measured(diversity: unknown, path: string): number | undefined {
  const at = (p: string) => p.split(".").reduce<unknown>((o, k) => obj(o)?.[k], diversity);
  const v = num(at(path));
  const den = DENOMINATOR[path];
  return v !== undefined && den !== undefined && at(den) === 0 ? undefined : v;
}

/** The token figures' image line ("images: 12 counted (9,180 tokens), 3 not counted: size unknown (a URL or a path)"),
 * or undefined when the examples hold no image (report.tokens.images). */
export function imagesLine(images: unknown): string | undefined {
  const im = obj(images);
  const parts = num(im?.parts) ?? 0;
  if (parts === 0) return undefined;
  const counted = num(im?.counted) ?? 0;
  const left = parts - counted;
  const done = counted > 0 ? `${fmt(counted)} counted (${fmt(im?.tokens)} tokens, OpenAI's image formula)` : "";
  const not = left > 0 ? `${fmt(left)} not counted: size unknown (a URL or a path; data URIs are measured)` : "";
  return `images: ${[done, not].filter(Boolean).join(", ")}`;
}

/** How many of the run's largest examples the token estimate measured apart (report.tokens.strata[].measuredRecords). */
export function measuredApart(tokens: unknown): number {
  return arr(obj(tokens)?.strata)
    .map(obj)
    .reduce((n, s) => n + (num(s?.measuredRecords) ?? 0), 0);
}

export function fmt(v: unknown): string {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return String(v);
    if (Number.isInteger(v)) return v.toLocaleString("en-US");
    return String(Number(v.toPrecision(4)));
  }
  if (v === null || v === undefined) return "–";
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

export function pct(v: number | undefined): string {
  return v === undefined ? "–" : `${Number((v * 100).toPrecision(3))}%`;
}

function members(v: unknown): Member[] {
  const out: Member[] = [];
  for (const m of arr(v)) {
    const o = obj(m);
    if (o && typeof o.path === "string") out.push({ path: o.path, line: num(o.line) ?? 0 });
  }
  return out;
}

function dupView(v: unknown): DuplicateView | undefined {
  const o = obj(v);
  if (!o) return undefined;
  const groups = arr(o.groups)
    .map((g) => ({ similarity: num(obj(g)?.similarity), members: members(obj(g)?.members) }))
    .filter((g) => g.members.length > 0);
  return { duplicateRecords: num(o.duplicateRecords), rate: num(o.rate), threshold: num(o.threshold), groups };
}

function histogram(v: unknown): Bucket[] {
  const o = obj(v);
  if (o && Array.isArray(o.counts)) {
    const edges = arr(o.edges ?? o.bounds).map(num);
    return arr(o.counts).map((c, i) => ({
      label: edges[i] !== undefined ? (edges[i + 1] !== undefined ? `${edges[i]}-${edges[i + 1]}` : `${edges[i]}+`) : String(i + 1),
      count: num(c) ?? 0,
    }));
  }
  const out: Bucket[] = [];
  for (const b of arr(o?.buckets ?? v)) {
    const bo = obj(b);
    if (!bo) continue;
    const count = num(bo.count) ?? num(bo.n) ?? num(bo.value);
    if (count === undefined) continue;
    const lo = num(bo.lo) ?? num(bo.from) ?? num(bo.min) ?? num(bo.start);
    const hi = num(bo.hi) ?? num(bo.to) ?? num(bo.max) ?? num(bo.end) ?? num(bo.upTo);
    const label =
      typeof bo.label === "string" ? bo.label : lo !== undefined && hi !== undefined ? `${lo}-${hi}` : lo !== undefined ? `${lo}+` : hi !== undefined ? `≤${hi}` : String(out.length + 1);
    out.push({ label, count });
  }
  return out;
}

function compositionView(c: Json | undefined): [string, string][] {
  if (!c) return [];
  const records = num(c.records) ?? 0;
  const share = (n: unknown) => (records && num(n) !== undefined ? ` (${pct((num(n) ?? 0) / records)})` : "");
  const r = obj(c.responses);
  const q = obj(c.userQueries);
  const out: [string, string][] = [
    ["records / messages", `${fmt(c.records)} / ${fmt(c.messages)}`],
    ["single-turn", `${fmt(c.singleTurn)}${share(c.singleTurn)}`],
    ["multi-turn", `${fmt(c.multiTurn)}${share(c.multiTurn)}`],
    ["tool-call examples", fmt(c.toolExamples)],
    ["image examples", fmt(c.imageExamples)],
  ];
  if (r) out.push(["responses with code / lists / headers", `${fmt(r.withCode)} / ${fmt(r.withLists)} / ${fmt(r.withHeaders)}`], ["responses brief / medium / detailed", `${fmt(r.brief)} / ${fmt(r.medium)} / ${fmt(r.detailed)}`]);
  if (q) out.push(["queries: questions / commands / code", `${fmt(q.questions)} / ${fmt(q.commands)} / ${fmt(q.codeRelated)}`]);
  return out;
}

export function viewOf(report: Report): ReportView {
  const dup = obj(report.duplicates);
  const leakage = arr(report.leakage)
    .map(obj)
    .filter((l): l is Json => !!l)
    .map((l) => ({ train: String(l.train ?? "?"), eval: String(l.eval ?? "?"), exact: num(l.exact), near: num(l.near), rate: num(l.rate) }));
  const div = obj(report.diversity);
  const openingsObj = obj(div?.openings);
  const diversity: [string, string][] = [];
  // A figure that is absent is left out; one with nothing to measure it on (no assistant text) shows "–".
  const add = (label: string, path: string, asPct = false) => {
    const raw = num(path.split(".").reduce<unknown>((o, k) => obj(o)?.[k], div));
    if (raw === undefined) return;
    const n = measured(div, path);
    diversity.push([label, n === undefined ? "–" : asPct ? pct(n) : fmt(n)]);
  };
  add("distinct-2", "distinct2.ratio");
  add("windowed distinct-2", "windowedDistinct2.mean");
  add("compression ratio", "compression.ratio");
  add("top opening share", "openings.topShare", true);
  add("boilerplate share", "boilerplate.share", true);
  add("length uniqueness", "lengthUniqueness.share", true);
  add("distinct system prompts", "systemPrompts.distinct");
  add("unique user prompts", "userPrompts.uniqueShare", true);
  const openings = arr(openingsObj?.top)
    .map(obj)
    .filter((t): t is Json => !!t && typeof t.opening === "string")
    .map((t) => ({ text: t.opening as string, count: num(t.count) ?? 0 }));
  const tok = obj(report.tokens);
  const tokens: [string, string][] = [];
  for (const k of ["total", "mean", "p50", "p95", "max", "epochs", "estimatedCost"]) if (num(tok?.[k]) !== undefined) tokens.push([k === "estimatedCost" ? "est. training cost" : k, fmt(tok?.[k])]);
  if (num(tok?.limit) !== undefined) tokens.push([`over ${fmt(tok?.limit)}`, fmt(tok?.tooLong)]);
  if (typeof tok?.tokenizer === "string") tokens.push(["tokenizer", tok.tokenizer]);
  if (tok && tok.exact === false) {
    const apart = measuredApart(tok);
    tokens.push(["estimate", `±${pct(num(tok.relativeError))}, ${fmt(tok.sampledRecords)} sampled${apart > 0 ? `, ${fmt(apart)} largest measured` : ""}`]);
  }
  const images = obj(tok?.images);
  if (images && (num(images.parts) ?? 0) > 0) {
    tokens.push(["images counted", fmt(images.counted)]);
    const left = (num(images.parts) ?? 0) - (num(images.counted) ?? 0);
    if (left > 0) tokens.push(["images not counted (size unknown)", fmt(left)]);
  }
  const di = report.datasetInfo;
  const datasetInfo = typeof di === "string" ? di : typeof obj(di)?.text === "string" ? (obj(di)?.text as string) : undefined;
  const deltas = arr((report as unknown as Json).deltas)
    .map(obj)
    .filter((d): d is Json => !!d && typeof d.metric === "string")
    .map((d) => ({ metric: d.metric as string, base: d.base, head: d.head }));
  return {
    exact: dupView(dup?.exact),
    near: dupView(dup?.near),
    leakage,
    diversity,
    openings,
    composition: compositionView(obj(report.composition)),
    tokens,
    target: targetLine(report.target),
    histogram: histogram(tok?.histogram),
    datasetInfo,
    deltas,
  };
}

/** "chat template T (name) + tokenizer K: R of N records rendered, E template errors, G not checked (engine gaps)". */
export function targetLine(target: unknown): string | undefined {
  const t = obj(target);
  if (!t || typeof t.chatTemplate !== "string") return undefined;
  const name = typeof t.templateName === "string" ? ` (${t.templateName})` : "";
  const tok = typeof t.tokenizer === "string" ? ` + tokenizer ${t.tokenizer}` : "";
  const gaps = num(t.engineGaps) ?? 0;
  if (t.records === 0) return `chat template ${t.chatTemplate}${name}${tok}: no record has a messages array, so none was rendered (ShareGPT, Alpaca and preference records are not)`;
  return `chat template ${t.chatTemplate}${name}${tok}: ${fmt(t.rendered)} of ${fmt(t.records)} records rendered, ${fmt(t.templateErrors)} template error${t.templateErrors === 1 ? "" : "s"}${gaps > 0 ? `, ${fmt(gaps)} not checked (engine gaps)` : ""}`;
}
