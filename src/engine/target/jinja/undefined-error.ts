// Jinja2's UndefinedError (SecurityError for the sandbox's stand-in of an unsafe attribute), raised when a template
// uses an Undefined value; its message names what was undefined as Python's repr() prints it.
import { PyError } from "./errors.js";
import { reprValue } from "./repr.js";
import { MISSING, objectTypeRepr, type Undefined } from "./values.js";

/** What Jinja2 says about an Undefined (its hint, or the name and the object it was looked up on). */
export function undefinedMessage(u: Undefined): string {
  if (u.hint !== null) return u.hint;
  if (u.obj === MISSING) return `${reprValue(u.name)} is undefined`;
  if (typeof u.name !== "string") return `${objectTypeRepr(u.obj)} has no element ${reprValue(u.name)}`;
  return `${reprValue(objectTypeRepr(u.obj))} has no attribute ${reprValue(u.name)}`;
}

export function failUndefined(u: Undefined): never {
  throw new PyError(u.unsafe ? "SecurityError" : "UndefinedError", undefinedMessage(u));
}
