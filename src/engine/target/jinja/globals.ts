/**
 * The names a template can call without passing them: Jinja2's defaults (range, namespace, dict, joiner, cycler,
 * lipsum) and transformers' raise_exception and strftime_now.
 */
import { EngineGap, PyError, typeError } from "./errors.js";
import {
  Namespace,
  PyFunction,
  Undefined,
  dictEntries,
  isDict,
  isInt,
  typeName,
} from "./values.js";
import { pyStr } from "./repr.js";
import { failUndefined } from "./undefined-error.js";

/** Jinja2's sandbox refuses ranges longer than this (OverflowError). */
const MAX_RANGE = 100_000;

export class PyRange {
  readonly pyTypeName = "range";
  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step: number,
  ) {}
  pyRangeItems(): number[] {
    const out: number[] = [];
    if (this.step > 0) for (let i = this.start; i < this.stop; i += this.step) out.push(i);
    else for (let i = this.start; i > this.stop; i += this.step) out.push(i);
    return out;
  }
  pyRepr(): string {
    return this.step === 1 ? `range(${this.start}, ${this.stop})` : `range(${this.start}, ${this.stop}, ${this.step})`;
  }
}

function rangeInt(v: unknown): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isInt(v)) return v;
  if (v instanceof Undefined) failUndefined(v);
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

function range(args: unknown[], kwargs: Map<string, unknown>): PyRange {
  if (kwargs.size > 0) throw typeError("range() takes no keyword arguments");
  if (args.length === 0) throw typeError("range expected at least 1 argument, got 0");
  if (args.length > 3) throw typeError(`range expected at most 3 arguments, got ${args.length}`);
  const [start, stop, step] = args.length === 1 ? [0, rangeInt(args[0]), 1] : [rangeInt(args[0]), rangeInt(args[1]), args.length > 2 ? rangeInt(args[2]) : 1];
  if (step === 0) throw new PyError("ValueError", "range() arg 3 must not be zero");
  const r = new PyRange(start, stop, step);
  const len = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
  if (len > MAX_RANGE) throw new PyError("OverflowError", `Range too big. The sandbox blocks ranges larger than MAX_RANGE (${MAX_RANGE}).`);
  return r;
}

function namespace(args: unknown[], kwargs: Map<string, unknown>): Namespace {
  const ns = new Namespace();
  if (args.length > 1) throw typeError(`dict expected at most 1 argument, got ${args.length}`);
  if (args.length === 1) {
    const init = args[0];
    if (!isDict(init)) throw new EngineGap(`namespace() from a ${typeName(init)}`);
    for (const [k, v] of dictEntries(init)) ns.attrs.set(pyStr(k), v);
  }
  for (const [k, v] of kwargs) ns.attrs.set(k, v);
  return ns;
}

function dict(args: unknown[], kwargs: Map<string, unknown>): Map<unknown, unknown> {
  const out = new Map<unknown, unknown>();
  if (args.length > 1) throw typeError(`dict expected at most 1 argument, got ${args.length}`);
  if (args.length === 1) {
    if (!isDict(args[0])) throw new EngineGap(`dict() from a ${typeName(args[0])}`);
    for (const [k, v] of dictEntries(args[0])) out.set(k, v);
  }
  for (const [k, v] of kwargs) out.set(k, v);
  return out;
}

function joiner(args: unknown[], kwargs: Map<string, unknown>): PyFunction {
  const sep = args.length > 0 ? args[0] : kwargs.has("sep") ? kwargs.get("sep") : ", ";
  let used = false;
  return new PyFunction("joiner", () => {
    if (!used) {
      used = true;
      return "";
    }
    return sep;
  });
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Python's datetime.strftime for the directives chat templates use (C locale). */
export function strftime(format: string, d: Date): string {
  const pad = (n: number, w = 2): string => String(n).padStart(w, "0");
  const startOfYear = new Date(d.getFullYear(), 0, 1);
  return format.replace(/%(-?)(.)/g, (m, dash: string, c: string) => {
    const p = (n: number, w = 2): string => (dash ? String(n) : pad(n, w));
    switch (c) {
      case "Y":
        return String(d.getFullYear());
      case "y":
        return p(d.getFullYear() % 100);
      case "m":
        return p(d.getMonth() + 1);
      case "d":
        return p(d.getDate());
      case "e":
        return String(d.getDate()).padStart(2, " ");
      case "H":
        return p(d.getHours());
      case "I":
        return p(d.getHours() % 12 === 0 ? 12 : d.getHours() % 12);
      case "M":
        return p(d.getMinutes());
      case "S":
        return p(d.getSeconds());
      case "p":
        return d.getHours() < 12 ? "AM" : "PM";
      case "B":
        return MONTHS[d.getMonth()];
      case "b":
      case "h":
        return MONTHS[d.getMonth()].slice(0, 3);
      case "A":
        return DAYS[d.getDay()];
      case "a":
        return DAYS[d.getDay()].slice(0, 3);
      case "j":
        return p(Math.floor((d.getTime() - startOfYear.getTime()) / 86_400_000) + 1, 3);
      case "w":
        return String(d.getDay());
      case "%":
        return "%";
      default:
        throw new EngineGap(`the strftime directive ${m}`);
    }
  });
}

export function makeGlobals(now: () => Date): Map<string, unknown> {
  const g = new Map<string, unknown>();
  g.set("range", new PyFunction("range", range));
  g.set("namespace", new PyFunction("namespace", namespace));
  g.set("dict", new PyFunction("dict", dict));
  g.set("joiner", new PyFunction("joiner", joiner));
  g.set(
    "cycler",
    new PyFunction("cycler", () => {
      throw new EngineGap("cycler()");
    }),
  );
  g.set(
    "lipsum",
    new PyFunction("lipsum", () => {
      throw new EngineGap("lipsum() (random text)");
    }),
  );
  g.set(
    "raise_exception",
    new PyFunction("raise_exception", (args, kwargs) => {
      const message = args.length > 0 ? args[0] : kwargs.get("message");
      if (args.length === 0 && !kwargs.has("message")) throw typeError("raise_exception() missing 1 required positional argument: 'message'");
      throw new PyError("TemplateError", message instanceof Undefined ? "" : pyStr(message));
    }),
  );
  g.set(
    "strftime_now",
    new PyFunction("strftime_now", (args) => {
      const fmt = args[0];
      if (typeof fmt !== "string") throw typeError(`strftime() argument 1 must be str, not ${typeName(fmt)}`);
      return strftime(fmt, now());
    }),
  );
  return g;
}
