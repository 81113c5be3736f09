/** Filters over sequences: select/reject(attr), map, sort keys, min/max, and the lazy generators they return. */
import { getItem } from "./access.js";
import { EngineGap, PyError } from "./errors.js";
import { MISSING, PyIter, Undefined, pyIterate, truthy } from "./values.js";
import { pyCompare } from "./compare.js";
import { pyStr, reprValue } from "./repr.js";
import { bind, type Args, type FilterHost, type Kwargs } from "./filter-args.js";

export function attrGetter(attribute: unknown, dflt: unknown = null, post?: (v: unknown) => unknown): (item: unknown) => unknown {
  const parts: unknown[] = typeof attribute === "string" ? attribute.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [attribute];
  return (item: unknown) => {
    let v = item;
    for (const part of parts) {
      v = getItem(v, part);
      if (dflt !== null && v instanceof Undefined) v = dflt;
    }
    return post ? post(v) : v;
  };
}

export const ignoreCase = (v: unknown): unknown => (typeof v === "string" ? v.toLowerCase() : v);

export function sortKeyed(items: unknown[], key: (v: unknown) => unknown, reverse: boolean): unknown[] {
  const keyed = items.map((item, i) => ({ item, k: key(item), i }));
  keyed.sort((a, b) => {
    const c = pyCompare(a.k, b.k, "<");
    return c === 0 ? a.i - b.i : reverse ? -c : c;
  });
  return keyed.map((x) => x.item);
}

/** A lazy generator: Python raises its errors only when it is consumed. */
export function generator(make: () => unknown[]): PyIter {
  try {
    return new PyIter("generator", make());
  } catch (e) {
    if (e instanceof PyError) return new PyIter("generator", [], e);
    throw e;
  }
}

export function selectOrReject(host: FilterHost, value: unknown, args: Args, kwargs: Kwargs, select: boolean, lookupAttr: boolean): PyIter {
  return generator(() => {
    if (!truthy(value)) return [];
    let trans: (v: unknown) => unknown = (x) => x;
    let off = 0;
    if (lookupAttr) {
      if (args.length === 0) throw new PyError("FilterArgumentError", "Missing parameter for attribute name");
      trans = attrGetter(args[0]);
      off = 1;
    }
    const testName = args[off];
    const testArgs = args.slice(off + 1);
    const test = testName === undefined ? truthy : (v: unknown) => host.callTest(pyStr(testName), v, testArgs);
    if (kwargs.size > 0 && testName === undefined) throw new EngineGap("select with keyword arguments");
    return pyIterate(value).filter((item) => test(trans(item)) === select);
  });
}

export function mapFilter(host: FilterHost, value: unknown, args: Args, kwargs: Kwargs): PyIter {
  return generator(() => {
    if (!truthy(value)) return [];
    let f: (v: unknown) => unknown;
    if (args.length === 0 && kwargs.has("attribute")) {
      const rest = new Map(kwargs);
      const attribute = rest.get("attribute");
      rest.delete("attribute");
      const dflt = rest.has("default") ? rest.get("default") : null;
      rest.delete("default");
      if (rest.size > 0) throw new PyError("FilterArgumentError", `Unexpected keyword argument ${reprValue([...rest.keys()][0])}`);
      f = attrGetter(attribute, dflt);
    } else {
      if (args.length === 0) throw new PyError("FilterArgumentError", "map requires a filter argument");
      const name = pyStr(args[0]);
      f = (item) => host.callFilter(name, item, args.slice(1), kwargs);
    }
    return pyIterate(value).map(f);
  });
}

export function minMax(value: unknown, args: Args, kwargs: Kwargs, max: boolean, filter: string): unknown {
  const [caseSensitive, attribute] = bind(filter, ["case_sensitive", "attribute"], args, kwargs);
  const items = pyIterate(value);
  if (items.length === 0) return new Undefined(null, MISSING, "No aggregated item, sequence was empty.");
  const key = attrGetter(attribute ?? null, null, truthy(caseSensitive ?? false) ? undefined : ignoreCase);
  const keyOf = attribute === undefined || attribute === null ? (v: unknown) => (truthy(caseSensitive ?? false) ? v : ignoreCase(v)) : key;
  let best = items[0];
  let bestKey = keyOf(best);
  for (const item of items.slice(1)) {
    const k = keyOf(item);
    const c = pyCompare(k, bestKey, max ? ">" : "<");
    if (max ? c > 0 : c < 0) {
      best = item;
      bestKey = k;
    }
  }
  return best;
}
