// Personal data in text: what the `pii` rule finds. E-mail addresses, phone numbers, payment card numbers (Luhn),
// IBANs (ISO 13616 checksum), US social security numbers and public IP addresses; never the documentation forms
// (reserved domains and ranges, fictional 555 numbers, test cards, example IBANs) nor what only looks like them
// (versions, OIDs, ISBNs, timestamps, dates, Luhn-invalid digit runs, XXX-XX-XXXX).
import { isIPv6 } from "node:net";
import { hasRepeatRun, hasSequentialRun } from "./filters.js";

export interface PiiMatch {
  kind: "email" | "phone" | "card-number" | "iban" | "ssn" | "ip-address";
  start: number;
  end: number;
}

export const PII_NAMES: Record<PiiMatch["kind"], string> = {
  email: "e-mail address",
  phone: "phone number",
  "card-number": "payment card number",
  iban: "IBAN",
  ssn: "US social security number",
  "ip-address": "public IP address",
};

export const PII_FIXES: Record<PiiMatch["kind"], string> = {
  email: "remove it or replace it with an address at example.com",
  phone: "remove it or replace it with a fictional number (e.g. 555-0100)",
  "card-number": "remove it (test cards such as 4242 4242 4242 4242 are not reported)",
  iban: "remove it or replace it with a documentation IBAN",
  ssn: "remove it",
  "ip-address": "remove it or replace it with a documentation address (192.0.2.x, 2001:db8::)",
};

// ---------------------------------------------------------------- e-mail

const LOCAL = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-") LOCAL[c.charCodeAt(0)] = 1;
const DOMAIN = /(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,24})(?![A-Za-z0-9-]|\.[A-Za-z0-9])/y;

/** Top-level "domains" that are file extensions (icon@2x.png, module@1.0.js) or not on the internet. */
const NOT_TLDS = new Set(
  "png jpg jpeg gif svg webp ico bmp tif tiff js mjs cjs ts tsx jsx css scss less html htm json jsonl py pyc md txt xml yml yaml toml lock map min tar gz tgz zip rar exe dll so dylib php rb go rs java kt kts swift cpp cc hpp c h sh bash zsh ps1 log pdf doc docx xls xlsx csv tsv ini cfg conf env pem key crt vue svelte wasm bin dat onnx pt pth safetensors ckpt gguf local localhost internal lan home test invalid example corp intranet".split(" "),
);
export const RESERVED_DOMAINS = /(?:^|\.)(?:example\.(?:com|net|org|edu)|example|test|invalid|localhost|local|internal|lan|home\.arpa|localdomain)$|^example\.[a-z.]+$/;
const PLACEHOLDER_DOMAINS = new Set([
  "domain.com", "yourdomain.com", "your-domain.com", "mydomain.com", "company.com", "yourcompany.com", "mycompany.com",
  "email.com", "youremail.com", "acme.com", "acme.org", "acme.io", "acmecorp.com", "foo.com", "bar.com", "foobar.com",
  "test.com", "sample.com", "website.com", "yoursite.com", "mysite.com", "site.com", "xyz.com", "xxx.com", "host.com",
  "server.com", "users.noreply.github.com", "noreply.github.com",
]);
/** Local parts that name a role or stand for someone (user@, your.name@), not a person. */
const NOT_PERSONAL_LOCAL = /^(?:user(?:name)?|name|your[._-]?(?:name|email|e-mail|mail|address)?|first[._-]?(?:name)?[._-]?last(?:name)?|firstname|lastname|email|e-mail|mail|someone|somebody|anyone|me|you|test(?:er|ing)?\d*|foo|bar|baz|xxx+|john[._-]?doe|jane[._-]?doe|johndoe|janedoe|j\.doe|no[._-]?reply|do[._-]?not[._-]?reply|donotreply|info|support|help|admin(?:istrator)?|root|contact|hello|hi|sales|team|office|security|abuse|postmaster|webmaster|hostmaster|privacy|legal|press|billing|notifications?|mailer-daemon|git|hg|svn|bot|example|sample|demo|dev|developer|feedback|careers|jobs|hr|marketing|newsletter|service|orders?|account|accounts)$/i;

function emailAt(s: string, at: number): PiiMatch | null {
  let a = at;
  while (a > 0 && at - a < 64) {
    const c = s.charCodeAt(a - 1);
    if (c < 128 && LOCAL[c]) a--;
    else break;
  }
  if (a === at) return null;
  const before = a > 0 ? s.charCodeAt(a - 1) : 0;
  // user:password@host (URL userinfo), a path or an @-mention glued to a word
  if (before === 0x3a /* : */ || before === 0x2f /* / */ || (before < 128 && LOCAL[before])) return null;
  while (a < at && (s[a] === "." || s[a] === "-")) a++;
  const local = s.slice(a, at);
  if (!local || local.endsWith(".") || local.includes("..")) return null;
  DOMAIN.lastIndex = at + 1;
  const m = DOMAIN.exec(s);
  if (!m) return null;
  const domain = m[0].toLowerCase();
  if (NOT_TLDS.has(m[1].toLowerCase()) || RESERVED_DOMAINS.test(domain) || PLACEHOLDER_DOMAINS.has(domain) || domain.includes("example")) return null;
  if (NOT_PERSONAL_LOCAL.test(local) || /^x+$/i.test(local)) return null;
  // a@b.com, xy@z.io: a placeholder, not an address
  if (local.length <= 2 && domain.length - m[1].length - 1 <= 2) return null;
  return { kind: "email", start: a, end: DOMAIN.lastIndex };
}

/** Every e-mail address in `s` (at most `max`). */
export function findEmails(s: string, out: PiiMatch[], max = 1000): void {
  let at = s.indexOf("@");
  while (at >= 0 && out.length < max) {
    const m = emailAt(s, at);
    if (m) {
      out.push(m);
      at = s.indexOf("@", m.end);
    } else at = s.indexOf("@", at + 1);
  }
}

// ---------------------------------------------------------------- numbers

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const SEPARATOR = new Set([0x20, 0x2e, 0x2d, 0x2f, 0x28, 0x29]); // space . - / ( )

/** The number-like span that starts at digit `i`: digits joined by single separators (at most two in a row,
 * e.g. ") "), with a leading + or (. */
function numberSpan(s: string, i: number): [number, number] {
  let a = i;
  if (a > 0 && (s[a - 1] === "+" || s[a - 1] === "(")) a--;
  if (a > 0 && s[a - 1] === "+" && s[a] === "(") a--;
  let j = i;
  const n = s.length;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (isDigit(c)) {
      j++;
      continue;
    }
    if (!SEPARATOR.has(c)) break;
    let k = j + 1;
    if (k < n && SEPARATOR.has(s.charCodeAt(k)) && s.charCodeAt(k) !== c) k++;
    if (k < n && isDigit(s.charCodeAt(k))) j = k;
    else break;
  }
  if (j < n && s[j] === ")" && s.lastIndexOf("(", j) >= a) j++;
  return [a, j];
}

function luhn(d: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let x = d.charCodeAt(i) - 48;
    if (dbl) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

/** Card numbers published for testing (Stripe, Adyen, PayPal, Braintree docs). */
const TEST_CARDS = new Set([
  "4242424242424242", "4000056655665556", "5555555555554444", "2223003122003222", "5200828282828210", "5105105105105100",
  "378282246310005", "371449635398431", "6011111111111117", "6011000990139424", "3056930009020004", "36227206271667",
  "3566002020360505", "6200000000000005", "4111111111111111", "4012888888881881", "4222222222222", "5431111111111111",
  "378734493671000", "30569309025904", "38520000023237", "6011601160116611", "3530111333300000", "4000000000000002",
  "4000000000009995", "4000000000000077", "4000002500003155", "4000002760003184", "4000000000003220", "4917610000000000",
]);

function cardNetwork(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p4 = Number(d.slice(0, 4));
  if (d[0] === "4") return n === 13 || n === 16 || n === 19;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16;
  if (p2 === 34 || p2 === 37) return n === 15;
  if (p4 === 6011 || p2 === 65 || (Number(d.slice(0, 3)) >= 644 && Number(d.slice(0, 3)) <= 649)) return n >= 16 && n <= 19;
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19;
  if ((Number(d.slice(0, 3)) >= 300 && Number(d.slice(0, 3)) <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19;
  if (p2 === 62) return n >= 16 && n <= 19;
  return false;
}

function isCard(t: string, d: string): boolean {
  if (d.length < 13 || d.length > 19) return false;
  const grouped =
    /^\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?$/.test(t) || /^\d{4}([ -])\d{6}\1\d{4,5}$/.test(t) || (/^\d+$/.test(t) && (d.length === 15 || d.length === 16));
  if (!grouped || !cardNetwork(d) || TEST_CARDS.has(d) || hasRepeatRun(d, 8) || hasSequentialRun(d, 8)) return false;
  return luhn(d);
}

/** Example social security numbers from ads, wallets and SSA documents, and 123-45-6789. */
const EXAMPLE_SSNS = new Set(["123-45-6789", "078-05-1120", "219-09-9999", "457-55-5462", "987-65-4321"]);

function isSsn(t: string): boolean {
  const m = /^(\d{3})-(\d{2})-(\d{4})$/.exec(t);
  // 111-22-3333: each group one digit repeated, a made-up example
  if (!m || EXAMPLE_SSNS.has(t) || /^(\d)\1\1-(\d)\2-(\d)\3\3\3$/.test(t)) return false;
  const area = Number(m[1]);
  return area !== 0 && area !== 666 && area < 900 && m[2] !== "00" && m[3] !== "0000";
}

/** NANP area codes that are not personal lines: toll-free, premium, fictional (555) and N11 service codes. */
const NOT_PERSONAL_AREA = /^(?:555|800|833|844|855|866|877|888|900|[2-9]11)$/;

function isPhone(t: string, d: string): boolean {
  if (hasRepeatRun(d, 6) || hasSequentialRun(d, 6)) return false;
  if (t.startsWith("+")) {
    if (t[1] === " " || d.length < 8 || d.length > 15 || t.includes("/")) return false;
    // +35236450.6: a signed decimal number
    if ((t.match(/\./g) ?? []).length === 1) return false;
    if (d.startsWith("1")) return nanp(d.slice(1));
    if (d.startsWith("44") && /^447700900|^44207946|^44117496|^44161496/.test(d)) return false; // Ofcom drama numbers
    return true;
  }
  // without a country code, only the North American form with its separators: (415) 555-2671, 415-555-2671,
  // 415.555.2671 (not 123 456 7890: a list of numbers as often as a phone)
  const m = /^(?:1[ .-]?)?(?:\(([2-9]\d\d)\) ?|([2-9]\d\d)([.-]))([2-9]\d\d)[ .-](\d{4})$/.exec(t);
  if (!m) return false;
  return nanp((m[1] ?? m[2]) + m[4] + m[5]);
}

function nanp(d: string): boolean {
  if (d.length !== 10) return false;
  const area = d.slice(0, 3);
  const exchange = d.slice(3, 6);
  return /^[2-9]/.test(area) && /^[2-9]/.test(exchange) && !NOT_PERSONAL_AREA.test(area) && exchange !== "555" && !/^[2-9]11$/.test(exchange);
}

/** Public IPv4 (not private, loopback, link-local, shared, documentation, benchmark, multicast or reserved), and
 * not a well-known public service (8.8.8.8) or the 1.2.3.4 placeholder. */
function isPublicIpv4(t: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(t);
  if (!m) return false;
  const o = m.slice(1, 5).map(Number);
  // placeholders (123.123.123.123, 12.34.56.78) and what versions and examples look like (2.7.2.2, 1.2.3.42)
  if (o.every((x) => x === o[0]) || hasSequentialRun(t.replace(/\./g, ""), 6) || (o[0] <= 9 && o[1] <= 9 && o[2] <= 9)) return false;
  if (o.some((x) => x > 255) || m.slice(1, 5).some((x) => x.length > 1 && x[0] === "0")) return false;
  const [a, b, c] = o;
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return false;
  if (a === 198 && (b === 18 || b === 19)) return false;
  if (a === 198 && b === 51 && c === 100) return false;
  if (a === 203 && b === 0 && c === 113) return false;
  return !WELL_KNOWN_IPS.has(t);
}

const WELL_KNOWN_IPS = new Set(["93.184.216.34", "93.184.215.14", "1.2.3.4", "8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9", "149.112.112.112", "208.67.222.222", "208.67.220.220", "4.2.2.2", "4.2.2.1", "64.6.64.6", "64.6.65.6", "76.76.2.0", "94.140.14.14"]);

// ---------------------------------------------------------------- IBAN

const IBAN_LENGTH: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22,
  VG: 24, XK: 20,
};
/** IBANs printed in standards, bank documentation and Wikipedia. */
const EXAMPLE_IBANS = new Set(["GB82WEST12345698765432", "DE89370400440532013000", "GB29NWBK60161331926819", "FR1420041010050500013M02606", "NL91ABNA0417164300", "CH9300762011623852957", "ES9121000418450200051332", "IT60X0542811101000000123456", "BE68539007547034", "AT611904300234573201", "GB33BUKB20201555555555", "FR7630006000011234567890189"]);

function ibanValid(compact: string): boolean {
  if (IBAN_LENGTH[compact.slice(0, 2)] !== compact.length || EXAMPLE_IBANS.has(compact)) return false;
  const r = compact.slice(4) + compact.slice(0, 4);
  let mod = 0;
  for (let i = 0; i < r.length; i++) {
    const c = r.charCodeAt(i);
    const v = c >= 65 ? c - 55 : c - 48;
    mod = v >= 10 ? (mod * 100 + v) % 97 : (mod * 10 + v) % 97;
  }
  return mod === 1 && !hasRepeatRun(compact.slice(4), 8);
}

const IBAN_RE = /[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/y;

/** An IBAN starting at `a` (two capital letters, printed compact or in groups of four). */
function ibanAt(s: string, a: number): PiiMatch | null {
  if (a > 0 && isAlnum(s.charCodeAt(a - 1))) return null;
  IBAN_RE.lastIndex = a;
  const m = IBAN_RE.exec(s);
  if (!m) return null;
  let text = m[0];
  // the groups of four may run on into the next word: drop trailing groups until the length is right
  while (text.length > 0) {
    const compact = text.replace(/ /g, "");
    const want = IBAN_LENGTH[compact.slice(0, 2)];
    if (!want || compact.length < want) return null;
    if (compact.length === want) return ibanValid(compact) ? { kind: "iban", start: a, end: a + text.length } : null;
    const cut = text.lastIndexOf(" ");
    if (cut < 0) return null;
    text = text.slice(0, cut);
  }
  return null;
}

// ---------------------------------------------------------------- the scan

/** Phone numbers, card numbers, SSNs, public IPv4 addresses and IBANs in `s`. */
const DIGIT = /\d/g;

export function findNumbers(s: string, out: PiiMatch[], max = 1000): void {
  const n = s.length;
  let i = 0;
  while (i < n && out.length < max) {
    DIGIT.lastIndex = i;
    if (!DIGIT.test(s)) break;
    i = DIGIT.lastIndex - 1;
    // an IBAN: two capital letters right before the digits
    if (i >= 2 && s.charCodeAt(i - 1) >= 65 && s.charCodeAt(i - 1) <= 90 && s.charCodeAt(i - 2) >= 65 && s.charCodeAt(i - 2) <= 90) {
      const m = ibanAt(s, i - 2);
      if (m) {
        out.push(m);
        i = m.end;
        continue;
      }
    }
    const [a, b] = numberSpan(s, i);
    i = b;
    if (b - a < 7) continue;
    const glued = a > 0 && (isAlnum(s.charCodeAt(a - 1)) || s[a - 1] === "." || s[a - 1] === "-" || s[a - 1] === "_");
    const after = b < n ? s.charCodeAt(b) : 0;
    if (glued || isAlnum(after) || after === 0x5f /* _ */ || (after === 0x2e && b + 1 < n && isAlnum(s.charCodeAt(b + 1)))) continue;
    const t = s.slice(a, b).replace(/[ .\-/]+$/, "");
    const d = t.replace(/\D/g, "");
    let kind: PiiMatch["kind"] | null = null;
    // a version (v8 11.3.244.8-node.9, "v8": "11.3.244.8"), an OID (ObjectIdentifier("2.5.29.14")), a section number
    // (RFC 1122 section 4.2.2.13) is not an address
    const versionLike = (after === 0x2d && b + 1 < n && isAlnum(s.charCodeAt(b + 1))) || /(?:\b(?:oid|objectidentifier|sections?|sec|versions?|ver|v\d*|rfc|spec|chapter|release|python|node)|§|\[)[^A-Za-z0-9]{0,3}$/i.test(s.slice(Math.max(0, a - 20), a));
    // "x)+3864292196" is arithmetic, not a number to dial
    const sum = t.startsWith("+") && /[)\]}=*/%<>&|^!~?+-]\s*$/.test(s.slice(Math.max(0, a - 3), a));
    if (t.includes(".") && !versionLike && isPublicIpv4(t)) kind = "ip-address";
    else if (isSsn(t)) kind = "ssn";
    else if (isCard(t, d)) kind = "card-number";
    else if (!sum && isPhone(t, d)) kind = "phone";
    if (kind) out.push({ kind, start: a, end: a + t.length });
  }
}

const IPV6_RE = /(?<![0-9A-Fa-f:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Fa-f:])/g;

/** Global unicast IPv6 addresses (2000::/3) outside the documentation ranges (2001:db8::/32, 3fff::/20). */
export function findIpv6(s: string, from: number, to: number, out: PiiMatch[]): void {
  const run = s.slice(from, to);
  IPV6_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IPV6_RE.exec(run)) !== null) {
    const t = m[0];
    if (t.length === 0) {
      IPV6_RE.lastIndex++;
      continue;
    }
    if (t.length < 6 || !isIPv6(t)) continue;
    const first = parseInt(t.split(":")[0] || "0", 16);
    if (first < 0x2000 || first > 0x3fff) continue;
    const lower = t.toLowerCase();
    // documentation (2001:db8::/32, 3fff::/20), Teredo (2001:0::/32), ORCHID (2001:10::/28, 2001:20::/28), a
    // network prefix (2001:4860::), public resolvers, example.com
    if (lower.endsWith("::") || /^2001:0{0,2}[12]\d?:/.test(lower) || /^2001:0?db8:/.test(lower) || /^3fff:0?[0-9a-f]{0,2}:/.test(lower) || /^2001:0{0,4}:/.test(lower) || lower.startsWith("2001:4860:4860::") || lower.startsWith("2606:4700:4700::") || lower.startsWith("2606:2800:220:1:")) continue;
    out.push({ kind: "ip-address", start: from + m.index, end: from + m.index + t.length });
  }
}
