/** Python's str.format() for the fields templates use ({}, {0}, {name}, {x.attr}, {x[0]}, !r/!s); format specs other than empty are an engine gap. */
import { EngineGap, PyError } from "./errors.js";
import { getAttr, getItem } from "./access.js";
import { Undefined } from "./values.js";
import { pyStr, reprValue } from "./repr.js";

export function formatString(fmt: string, args: unknown[], kwargs: Map<string, unknown>): string {
  let out = "";
  let auto = 0;
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i];
    if (ch === "}") {
      if (fmt[i + 1] !== "}") throw new PyError("ValueError", "Single '}' encountered in format string");
      out += "}";
      i += 2;
      continue;
    }
    if (ch !== "{") {
      out += ch;
      i++;
      continue;
    }
    if (fmt[i + 1] === "{") {
      out += "{";
      i += 2;
      continue;
    }
    const end = fmt.indexOf("}", i);
    if (end < 0) throw new PyError("ValueError", "Single '{' encountered in format string");
    const field = fmt.slice(i + 1, end);
    if (field.includes("{")) throw new EngineGap("a nested format field");
    i = end + 1;
    const m = /^([^.[!:]*)((?:\.[^.[!:]+|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
    if (m === null) throw new EngineGap(`the format field {${field}}`);
    const [, head, path, conv, spec] = m;
    let value: unknown;
    if (head === "") {
      if (auto >= args.length) throw new PyError("IndexError", `Replacement index ${auto} out of range for positional args tuple`);
      value = args[auto++];
    } else if (/^\d+$/.test(head)) {
      const k = Number(head);
      if (k >= args.length) throw new PyError("IndexError", `Replacement index ${k} out of range for positional args tuple`);
      value = args[k];
    } else {
      if (!kwargs.has(head)) throw new PyError("KeyError", reprValue(head));
      value = kwargs.get(head);
    }
    for (const part of path.match(/\.[^.[]+|\[[^\]]*\]/g) ?? []) {
      if (part.startsWith(".")) value = getAttr(value, part.slice(1));
      else {
        const key = part.slice(1, -1);
        value = getItem(value, /^\d+$/.test(key) ? Number(key) : key);
      }
    }
    if (spec !== undefined && spec !== "") throw new EngineGap(`the format spec {:${spec}}`);
    if (conv === "r") out += reprValue(value);
    else if (conv === "a") throw new EngineGap("the !a conversion");
    else out += value instanceof Undefined ? "" : pyStr(value);
  }
  return out;
}
