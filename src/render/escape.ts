// Escaping for text that comes from datasets, paths or config and lands in GitHub-flavoured Markdown.
// Goal: data can never break a table, open HTML (or fake our hidden marker), start a code span, link,
// mention a user (@name) or reference an issue (#123).

const NEWLINES = /\r\n|[\n\r\u2028\u2029\u0085]/g;
// C0/C1 controls (except tab), bidi overrides/isolates, zero-width joiners used for spoofing.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const ZWSP = "\u200b";

/** Cut to at most `max` code points, appending "…" when cut. Never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  const cps = Array.from(text);
  if (cps.length <= max) return text;
  return cps.slice(0, Math.max(0, max - 1)).join("") + "…";
}

/**
 * Inline text (table cells, list items, headings). One line; Markdown and HTML punctuation neutralised;
 * mentions and issue references defused with a zero-width space.
 */
export function escapeInline(value: unknown, max = 200): string {
  let s = truncate(String(value ?? "").replace(NEWLINES, " ").replace(INVISIBLE, "").replace(/\t/g, " "), max);
  // Bare URLs: keep them readable but not auto-linked (a ZWSP after the scheme breaks the autolink literal).
  s = s.replace(/(https?|ftp|mailto):/gi, (m) => m + ZWSP).replace(/\bwww\./gi, "www" + ZWSP + ".");
  s = s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_{}[\]()#+!|~$-]/g, (c) => "\\" + c);
  // "@user" / "@org/team" -> "@\u200buser"; "#123", "GH-123" -> "#\u200b123" (backslash does not stop GitHub's linker).
  s = s.replace(/@(?=[A-Za-z0-9])/g, "@" + ZWSP);
  s = s.replace(/#(?=[0-9])/g, "#" + ZWSP);
  s = s.replace(/\b(GH)\\?-(?=[0-9])/gi, (_m, gh: string) => gh + ZWSP + "\\-");
  return s;
}

/** Text for a fenced code block: returns the fence to use (longer than any backtick run inside). */
export function codeFence(content: string): string {
  let longest = 0;
  for (const m of content.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return "`".repeat(Math.max(3, longest + 1));
}

/** Body of a fenced code block: controls stripped, newlines normalised, "<!--" broken so no copy of a marker exists. */
export function escapeCodeBlock(content: string): string {
  return content
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029\u0085]/g, "\n")
    .replace(INVISIBLE, "")
    .replace(/<!--/g, "<!" + ZWSP + "--");
}

/** A fenced block ("```text" ... "```") that content cannot close early. */
export function fenced(content: string, info = "text"): string {
  const body = escapeCodeBlock(content);
  const fence = codeFence(body);
  return `${fence}${info}\n${body}${body.endsWith("\n") ? "" : "\n"}${fence}`;
}

/** Percent-encode a repo-relative path for a URL (every segment; also ()'!* so it cannot end a Markdown link). */
export function encodePath(path: string): string {
  return path
    .split("/")
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase()))
    .join("/");
}

/** A Markdown link whose text is escaped and whose URL is already safe (built by us). */
export function link(text: string, url: string, max = 120): string {
  return `[${escapeInline(text, max)}](${url})`;
}

/** Marker/key values must be plain: letters, digits, dot, dash, underscore. */
export function isSafeKey(key: string): boolean {
  return /^[A-Za-z0-9._-]{1,64}$/.test(key);
}
