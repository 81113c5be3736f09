// Finds credentials and personal data in one decoded string. Cheap when there is nothing: one pass over the string
// looks only at runs of 12 or more token characters (every provider token, assigned value and compact IBAN is
// one), probing every 12th character and widening only where it is not a space or delimiter (prose costs about
// half a read per character); e-mail addresses start from each "@", numbers from each digit, key files from
// "-----BEGIN", URL credentials from "://". Inside a run, one regular expression finds the rules' anchors (ghp_, AKIA,
// sk-, ...), and only the rules of the anchors found run.
import { SECRET_RULES, type SecretRule } from "./secret-rules.js";
import { entropy, isIdentifier, isPlaceholder, isPlaceholderPassword } from "./filters.js";
import { GENERIC_RE, genericKind, genericValueOk, isSecretName, mentionsSecret, notSecretName } from "./generic.js";
import { findEmails, findIpv6, findNumbers, PII_FIXES, PII_NAMES, RESERVED_DOMAINS, type PiiMatch } from "./pii.js";

export type PrivacyRule = "secret" | "generic-secret" | "pii";

/** One finding in a string: [start, end) is the value; `shown` its public prefix ("ghp_", or ""). */
export interface Hit {
  rule: PrivacyRule;
  kind: string;
  name: string;
  start: number;
  end: number;
  shown: string;
  fix: string;
}

export interface ScanSwitches {
  secret: boolean;
  generic: boolean;
  pii: boolean;
}

/** Shortest run of token characters looked at. */
const MIN_RUN = 12;
/** Printable ASCII except whitespace and the characters that delimit values in text, code and JSON. */
const TOKEN = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) TOKEN[c] = 1;
for (const c of "\"'`(),;<>[]{}|\\") TOKEN[c.charCodeAt(0)] = 0;
const isToken = (c: number) => c < 128 && TOKEN[c] === 1;

const BY_ANCHOR = new Map<string, SecretRule[]>();
for (const r of SECRET_RULES) for (const a of r.anchors) BY_ANCHOR.set(a, [...(BY_ANCHOR.get(a) ?? []), r]);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
/** Every anchor, longest first (so "sk-ant-" wins over "sk-"). */
const ANCHOR_RE = new RegExp([...BY_ANCHOR.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join("|"), "g");

const DB_SCHEMES = /^(?:postgres(?:ql)?|mysql|mysqlx|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|oracle|clickhouse|cockroachdb|couchdb|neo4j(?:\+s)?|bolt|cassandra|snowflake|db2|jdbc:[a-z]+|postgis|timescaledb|influxdb|elasticsearch|memcached)$/i;
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]{1,24}):\/\/([^\s:@/?#"'<>]{1,100}):([^\s@/?#"'<>]{1,200})@([^\s/?#"'<>:@]{1,200})/iy;
const PEM_HEADER = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/y;

const piiScratch: PiiMatch[] = [];

/** Scratch list of the runs of the current string (start, end pairs). */
let runs = new Int32Array(64);

/** A run without a digit, with at most one capital letter after its first character and none of !#$%*+/?@^~: a
 * word, an identifier or a dotted name (self.config.get_value) in code or prose. No token, assigned secret or
 * address is one: random tokens have digits or mixed case (AKIA…, hf_… have several capitals), an assigned value
 * needs a digit or such a symbol, an IPv6 address digits. */
function quietRun(s: string, a: number, b: number): boolean {
  let upper = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) continue;
    if (c >= 48 && c <= 57) return false;
    if (c >= 65 && c <= 90) {
      if (i > a && ++upper > 1) return false;
      continue;
    }
    if (STRONG[c] === 1) return false;
  }
  return true;
}
const STRONG = new Uint8Array(128);
for (const c of "!#$%*+/?@^~") STRONG[c.charCodeAt(0)] = 1;

export function scanText(s: string, on: ScanSwitches, key: string | undefined, out: Hit[], max = 200): void {
  const first = out.length;
  const n = s.length;
  // a data: URI (an image or audio part) holds base64, not text
  if (n > 64 && s.startsWith("data:") && s.indexOf(";base64,", 5) > 0 && s.indexOf(";base64,", 5) < 200) return;
  if (!on.secret && !on.generic && !on.pii) return;
  // runs of token characters
  let nr = 0;
  let i = MIN_RUN - 1;
  let lastEnd = 0;
  while (i < n) {
    if (!isToken(s.charCodeAt(i))) {
      i += MIN_RUN;
      continue;
    }
    let a = i;
    while (a > lastEnd && isToken(s.charCodeAt(a - 1))) a--;
    // the run holding i starts at a: it has 12 characters only if a + 11 is a token character too (one read, and a
    // skip past it when not: no run of 12 can hold that position)
    const far = a + MIN_RUN - 1;
    if (far >= n) break;
    if (far > i && !isToken(s.charCodeAt(far))) {
      lastEnd = far + 1;
      i = far + MIN_RUN;
      continue;
    }
    let b = i + 1;
    while (b < n && isToken(s.charCodeAt(b))) b++;
    if (b - a >= MIN_RUN && !quietRun(s, a, b)) {
      if (nr * 2 + 2 > runs.length) {
        const next = new Int32Array(runs.length * 2);
        next.set(runs);
        runs = next;
      }
      runs[nr * 2] = a;
      runs[nr * 2 + 1] = b;
      nr++;
    }
    lastEnd = b;
    i = b + MIN_RUN;
  }
  if (on.secret) {
    for (let r = 0; r < nr && out.length < max; r++) providerTokens(s, runs[r * 2], runs[r * 2 + 1], out, first);
    for (let r = 0; r < nr && out.length < max; r++) headerTokens(s, runs[r * 2], runs[r * 2 + 1], out, first);
    if (s.indexOf("-----BEGIN") >= 0) privateKeys(s, out, first);
    if (s.indexOf("://") >= 0) urlPasswords(s, out, first, max);
  }
  if (on.generic) {
    for (let r = 0; r < nr && out.length < max; r++) assignedSecrets(s, runs[r * 2], runs[r * 2 + 1], out, first);
    if (key !== undefined && isSecretName(key)) keyedSecret(s, key, out, first);
  }
  if (on.pii) {
    const found = piiScratch;
    found.length = 0;
    if (s.indexOf("@") >= 0) findEmails(s, found, max);
    findNumbers(s, found, max);
    for (let r = 0; r < nr; r++) {
      const a = runs[r * 2];
      const b = runs[r * 2 + 1];
      if (mayHoldIpv6(s, a, b)) findIpv6(s, a, b, found);
    }
    for (const m of found) {
      if (out.length >= max) break;
      add(out, first, { rule: "pii", kind: m.kind, name: PII_NAMES[m.kind], start: m.start, end: m.end, shown: "", fix: PII_FIXES[m.kind] });
    }
  }
}

/** An IPv6 address has "::" or seven colons (counted within the run only: a search past it would make a string of
 * many runs quadratic). */
function mayHoldIpv6(s: string, a: number, b: number): boolean {
  let colons = 0;
  for (let i = a; i < b; i++) {
    if (s.charCodeAt(i) !== 0x3a) continue;
    if (++colons >= 7 || (i + 1 < b && s.charCodeAt(i + 1) === 0x3a)) return true;
  }
  return false;
}

/** Adds `h` unless it overlaps a hit already found in this string (the first, more specific rule wins). */
function add(out: Hit[], first: number, h: Hit): boolean {
  for (let k = first; k < out.length; k++) if (h.start < out[k].end && out[k].start < h.end) return false;
  out.push(h);
  return true;
}

/** The fixed-prefix tokens whose anchors are inside the run [a, b). */
function providerTokens(s: string, a: number, b: number, out: Hit[], first: number): void {
  // a long base64 blob (audio, a file) is data, not a token
  if (b - a > 4096 && /^[A-Za-z0-9+/=]{4096}/.test(s.slice(a, a + 4096))) return;
  const run = s.slice(a, b);
  ANCHOR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ANCHOR_RE.exec(run)) !== null) {
    const p = a + m.index;
    for (const rule of BY_ANCHOR.get(m[0])!) {
      const h = tryRule(rule, s, p);
      if (h && add(out, first, h)) {
        ANCHOR_RE.lastIndex = Math.max(ANCHOR_RE.lastIndex, h.end - a);
        break;
      }
    }
  }
}

function tryRule(rule: SecretRule, s: string, p: number): Hit | null {
  let m: RegExpExecArray | null;
  let offset = 0;
  if (rule.back === undefined) {
    rule.re.lastIndex = p;
    m = rule.re.exec(s);
  } else {
    offset = Math.max(0, p - rule.back);
    const win = s.slice(offset, Math.min(s.length, p + 640));
    const at = p - offset;
    rule.re.lastIndex = 0;
    while ((m = rule.re.exec(win)) !== null) {
      if (m.index <= at && m.index + m[0].length > at) break;
      if (m.index > at) {
        m = null;
        break;
      }
      if (m[0].length === 0) rule.re.lastIndex++;
    }
  }
  if (!m) return null;
  const value = m[1] ?? m[0];
  const start = offset + m.index + (m[1] === undefined ? 0 : m[0].lastIndexOf(m[1]));
  const end = start + value.length;
  const prefix = Math.max(0, Math.min(value.length, typeof rule.prefix === "number" ? rule.prefix : rule.prefix(value)));
  const body = value.slice(prefix);
  if (isPlaceholder(body)) return null;
  if (rule.minEntropy !== undefined && entropy(body) < rule.minEntropy) return null;
  if (rule.valid && !rule.valid(value, s, start)) return null;
  return { rule: "secret", kind: rule.kind, name: rule.name, start, end, shown: prefix > 0 ? value.slice(0, prefix) : "", fix: rule.fix };
}

const BEARER_BEFORE = /(?:^|[^A-Za-z])(?:Bearer|bearer|BEARER)[ \t]+$/;
const BASIC_BEFORE = /(?:^|[^A-Za-z])Basic[ \t]+$/;

/** Authorization header values: `Bearer <token>`, `Basic <base64 of user:password>`. */
function headerTokens(s: string, a: number, b: number, out: Hit[], first: number): void {
  // "Bearer " or "Basic " right before the run
  let k = a - 1;
  while (k >= 0 && (s.charCodeAt(k) === 0x20 || s.charCodeAt(k) === 0x09)) k--;
  if (k === a - 1 || k < 4 || (s[k] !== "r" && s[k] !== "R" && s[k] !== "c")) return;
  const before = s.slice(Math.max(0, a - 24), a);
  if (BEARER_BEFORE.test(before)) {
    const v = /^[A-Za-z0-9._~+/-]+=*/.exec(s.slice(a, b))?.[0].replace(/\.+$/, "") ?? "";
    if (v.length < 16 || isPlaceholder(v) || isIdentifier(v) || entropy(v) < 3.5 || !(/\d/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v)))) return;
    if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(v) || (/^[A-Za-z_]+$/.test(v) && v.length < 32)) return; // a variable or a word: Bearer self.api_token
    add(out, first, { rule: "secret", kind: "bearer-token", name: "bearer token", start: a, end: a + v.length, shown: "", fix: "revoke the token with the service it belongs to" });
  } else if (BASIC_BEFORE.test(before)) {
    const v = /^[A-Za-z0-9+/]{12,}={0,2}/.exec(s.slice(a, b))?.[0] ?? "";
    if (!v) return;
    const decoded = Buffer.from(v, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon <= 0 || /[^\x20-\x7e]/.test(decoded) || isPlaceholderPassword(decoded.slice(colon + 1), decoded.slice(0, colon))) return;
    add(out, first, { rule: "secret", kind: "basic-auth", name: "HTTP Basic credentials", start: a, end: a + v.length, shown: "", fix: "change the password it encodes" });
  }
}

/** PEM private keys (also with the newlines escaped as \n): a header and at least 64 base64 characters. */
function privateKeys(s: string, out: Hit[], first: number): void {
  let i = s.indexOf("-----BEGIN");
  // the footers, found once (a search from each header would make a string of many headers quadratic)
  const ends: number[] = [];
  for (let e = s.indexOf("-----END"); e >= 0; e = s.indexOf("-----END", e + 8)) ends.push(e);
  let next = 0;
  while (i >= 0) {
    PEM_HEADER.lastIndex = i;
    const h = PEM_HEADER.exec(s);
    if (!h) {
      i = s.indexOf("-----BEGIN", i + 10);
      continue;
    }
    const headerEnd = i + h[0].length;
    while (next < ends.length && ends[next] < headerEnd) next++;
    const endAt = next < ends.length ? ends[next] : -1;
    let bodyEnd: number;
    let end: number;
    if (endAt >= 0 && endAt - headerEnd < 20000) {
      bodyEnd = endAt;
      const close = s.indexOf("-----", endAt + 8);
      end = close >= 0 && close - endAt < 100 ? close + 5 : endAt + 8;
    } else {
      // no footer (a truncated key): the key's characters after the header
      const m = /[A-Za-z0-9+/=\s\\:,.-]*/y;
      m.lastIndex = headerEnd;
      m.exec(s);
      bodyEnd = end = m.lastIndex;
    }
    const body = s.slice(headerEnd, bodyEnd).replace(/\\[nr]/g, "").replace(/^[A-Za-z-]+:.*$/gm, "");
    const b64 = body.replace(/[^A-Za-z0-9+/=]/g, "");
    if (b64.length >= 64 && !isPlaceholder(b64.slice(0, 64)) && !/\.\.\.|…|<|>/.test(body) && entropy(b64) >= 4.5) {
      const type = /BEGIN ?([A-Z0-9 ]*?) ?PRIVATE/.exec(h[0])?.[1].trim();
      add(out, first, { rule: "secret", kind: "private-key", name: `private key${type ? ` (${type})` : ""}`, start: i, end, shown: "", fix: "replace the key pair: the key is compromised" });
    }
    i = s.indexOf("-----BEGIN", Math.max(i + 10, end));
  }
}

/** scheme://user:password@host: a database URL (postgres://, mongodb+srv://, redis://, ...) or any other URL. */
function urlPasswords(s: string, out: Hit[], first: number, max: number): void {
  let i = s.indexOf("://");
  while (i >= 0 && out.length < max) {
    let a = i;
    while (a > 0 && a > i - 24 && /[A-Za-z0-9+.:-]/.test(s[a - 1])) a--;
    while (a < i && !/[A-Za-z]/.test(s[a])) a++;
    URL_CREDENTIALS.lastIndex = a;
    const m = URL_CREDENTIALS.exec(s);
    if (m && m.index + m[1].length === i) {
      const [, scheme, user, password, host] = m;
      const start = i + 3 + user.length + 1;
      // documentation hosts (example.com, *.test, *.invalid) are not real services
      const docHost = RESERVED_DOMAINS.test(host.toLowerCase()) && !/^(?:localhost|.*\.local|.*\.internal|.*\.lan)$/i.test(host);
      if (!docHost && !host.toLowerCase().includes("example") && !isPlaceholderPassword(decodeURIComponentSafe(password), user)) {
        const db = DB_SCHEMES.test(scheme.replace(/^jdbc:/i, "")) || /^jdbc:/i.test(scheme);
        add(out, first, {
          rule: "secret",
          kind: db ? "db-url-password" : "url-password",
          name: `password in a ${scheme.toLowerCase()}:// URL`,
          start,
          end: start + password.length,
          shown: "",
          fix: db ? "change the database password (read it from the environment)" : "change the password",
        });
      }
    }
    i = s.indexOf("://", i + 3);
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** name = value, where the name is credential-like and the value looks random (generic-secret). */
function assignedSecrets(s: string, a: number, b: number, out: Hit[], first: number): void {
  const from = Math.max(0, a - 48, b - 320);
  const win = s.slice(from, b);
  if (!mentionsSecret(win)) return;
  GENERIC_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GENERIC_RE.exec(win)) !== null) {
    const name = m[1];
    let v = m[2];
    const vEnd = m.index + m[0].length;
    let vStart = vEnd - v.length;
    GENERIC_RE.lastIndex = vEnd;
    if (from + vStart < a || notSecretName(name)) continue;
    // a closing quote, bracket or sentence end is not part of the value
    v = v.replace(/[.:,]+$/, "");
    if (v.startsWith("=")) {
      vStart += 1;
      v = v.slice(1);
    }
    if (!genericValueOk(v)) continue;
    add(out, first, { rule: "generic-secret", kind: genericKind(name), name: `possible ${genericKind(name).replace("-", " ")} assigned to ${name.length > 40 ? name.slice(0, 39) + "…" : name}`, start: from + vStart, end: from + vStart + v.length, shown: "", fix: "replace it with a placeholder (e.g. ${" + name.toUpperCase().replace(/[^A-Z0-9_]/g, "_").slice(0, 40) + "})" });
  }
}

/** The whole string is the value of a JSON key named like a credential ({"password": "..."}). */
function keyedSecret(s: string, key: string, out: Hit[], first: number): void {
  const v = s.trim();
  if (v.length > 200 || /\s/.test(v) || !genericValueOk(v, 3)) return;
  const start = s.indexOf(v);
  add(out, first, { rule: "generic-secret", kind: genericKind(key), name: `possible ${genericKind(key).replace("-", " ")} in the field ${key.length > 40 ? key.slice(0, 39) + "…" : key}`, start, end: start + v.length, shown: "", fix: "replace it with a placeholder" });
}
