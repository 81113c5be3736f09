/** markupsafe's escape(), which `Markup + str` applies to the str. */
import { Markup } from "./values.js";
import { pyStr } from "./repr.js";

const HTML = /[&<>"']/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };

export function escapeHtml(v: unknown): string {
  if (v instanceof Markup) return v.s;
  return pyStr(v).replace(HTML, (c) => ENTITIES[c]);
}
