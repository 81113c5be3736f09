/** How filters take their arguments (Python's binding of positional and keyword arguments) and what they share. */
import { typeError } from "./errors.js";
import { pyStr } from "./repr.js";
import { Markup } from "./values.js";

export interface FilterHost {
  callFilter(name: string, value: unknown, args: unknown[], kwargs: Map<string, unknown>): unknown;
  callTest(name: string, value: unknown, args: unknown[]): boolean;
}

export type Args = unknown[];
export type Kwargs = Map<string, unknown>;

export const NO_ARGUMENTS: readonly unknown[] = [];

/** Python's argument binding for a filter whose parameters after the value are `params`. */
export function bind(filter: string, params: string[], args: Args, kwargs: Kwargs): readonly unknown[] {
  if (args.length === 0 && kwargs.size === 0) return NO_ARGUMENTS;
  if (args.length > params.length) {
    throw typeError(`do_${filter}() takes from 1 to ${params.length + 1} positional arguments but ${args.length + 1} were given`);
  }
  const out: unknown[] = [...args];
  out.length = params.length;
  for (const [k, v] of kwargs) {
    const i = params.indexOf(k);
    if (i < 0) throw typeError(`do_${filter}() got an unexpected keyword argument '${k}'`);
    if (i < args.length) throw typeError(`do_${filter}() got multiple values for argument '${k}'`);
    out[i] = v;
  }
  return out;
}

export const given = (v: unknown): boolean => v !== undefined;

/** markupsafe's soft_str: Markup stays Markup, everything else through str(). */
export function softStr(v: unknown): string | Markup {
  return v instanceof Markup ? v : pyStr(v);
}

export function sameKind(input: string | Markup, out: string): string | Markup {
  return input instanceof Markup ? new Markup(out) : out;
}

/** Jinja2's make_attrgetter: "a.b.0" → getitem per part, integers for digit parts. */
