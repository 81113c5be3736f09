// The keyword + entropy rule (`generic-secret`, a warning): a value assigned to something named like a credential
// (password=..., "api_key": "...", SECRET_TOKEN: ...) that looks random. Like detect-secrets' keyword detector and
// gitleaks' generic-api-key, with their filters: UUIDs, hex digests, sequential strings, templated values and
// documentation placeholders are not reported, nor names that only contain a keyword (max_tokens, tokenizer,
// public_key, secret_name).
import { entropy, isDocumented, isIdentifier, isPlaceholder, isTemplated } from "./filters.js";

const KEYWORD = "(?:passw(?:or)?d|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|client[_-]?secret|credentials?)";

/** name [:=] value, in code, config files, env files, JSON and URLs' query strings; the value is group 2. */
export const GENERIC_RE = new RegExp(
  `(?:^|[^A-Za-z0-9_])([A-Za-z0-9_.-]{0,30}?${KEYWORD}[A-Za-z0-9_.-]{0,20})["'\\]]{0,2}[ \\t]{0,3}(?:=|:|:=|=>|->)[ \\t]{0,3}["'\`]?([!#$%*+\\-./0-9:=?@A-Z^_a-z~]{12,200})`,
  "gi",
);

/** A name made of a keyword that does not hold a credential. */
const NOT_A_SECRET_NAME =
  /(?:token(?:s|izer|ized?|izing|_?(?:ids?|type|types|count|counts|len|length|limit|usage|url|uri|endpoint|file|path|name|index|idx|pos|position|budget|per|num|size))|(?:max|min|num|total|pad|eos|bos|unk|sep|cls|mask|special|public|csrf|xsrf|next|page|cancel(?:lation)?|continuation|refresh[_-]?token[_-]?(?:url|uri))[_.-]?tokens?|(?:secret|key|password|passwd|pwd|token|credentials?)[_.-]?(?:name|id|ref|reference|file|path|length|len|size|hash|hashed|field|label|prompt|policy|manager|store|vault|type|env|var|arn|version|rotation|expir[a-z]*|ttl|header|param|regex|pattern|validator|strength|reset|confirm(?:ation)?|input)|public[_.-]?key|key[_.-]?(?:id|name|alias|size|pair|vault)|forgot|reset[_.-]?password|password[_.-]?reset|has[_.-]?(?:password|token|secret)|is[_.-]?(?:secret|token))/i;

const FILE_LIKE = /\.(?:json|ya?ml|txt|pem|key|crt|p12|pfx|env|cfg|conf|ini|toml|py|js|ts|sh|log)$/i;

/** Whether `v`, assigned to a credential-like name, is worth reporting. `minEntropy` is 3.5 bits per character in
 * text (gitleaks' floor); a value of a JSON key named like a credential may pass with 3. */
export function genericValueOk(v: string, minEntropy = 3.5): boolean {
  if (v.length < 12 && minEntropy >= 3.5) return false;
  if (v.length < 8) return false;
  if (/^[A-Za-z_.-]+$/.test(v) || /^[\d.:-]+$/.test(v)) return false; // words, identifiers, numbers, versions, times
  if (isPlaceholder(v) || isTemplated(v) || isIdentifier(v) || /passw|secret|token/i.test(v)) return false; // my-secret-password
  if (v.includes("://") || /^[./~]/.test(v) || FILE_LIKE.test(v)) return false; // URLs and paths
  if (/^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+\??$/.test(v) && !/\d.*\d.*\d/.test(v)) return false; // self.config.token, req.headers?.authorization
  if (isDocumented(v)) return false;
  // random text changes between lower case, capitals, digits and symbols at every other character; an identifier
  // (OpeningParenToken$1, hasExclamationToken2) or a chosen phrase (Summer2024!Sun) rarely does
  if (v.length >= 12 && (classChanges(v) < 0.3 * v.length || wordy(v))) return false;
  if (/^[A-Z][A-Z0-9_]+$/.test(v) && v.includes("_")) return false; // another variable's NAME
  return entropy(v) >= minEntropy;
}

export const GENERIC_KINDS = ["password", "api-key", "token", "secret"] as const;

/** Most letters are in words of four or more (Opening, Paren, Token): a name, not a random string, whose letters
 * rarely run four lower-case in a row. */
function wordy(v: string): boolean {
  let letters = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i) | 0x20;
    if (c >= 97 && c <= 122) letters++;
  }
  let inWords = 0;
  for (const m of v.matchAll(/[A-Z]?[a-z]{3,}/g)) inWords += m[0].length;
  return letters >= v.length / 2 && inWords >= 0.7 * letters;
}

function classChanges(v: string): number {
  const cls = (c: number) => (c >= 97 && c <= 122 ? 0 : c >= 65 && c <= 90 ? 1 : c >= 48 && c <= 57 ? 2 : 3);
  let n = 0;
  for (let i = 1; i < v.length; i++) if (cls(v.charCodeAt(i)) !== cls(v.charCodeAt(i - 1))) n++;
  return n;
}

/** The kind of a credential name: password, api-key, token or secret. */
export function genericKind(name: string): string {
  const n = name.toLowerCase();
  if (/passw|passphrase|pwd/.test(n)) return "password";
  if (/api[_-]?key|apikey|access[_-]?key|auth[_-]?key/.test(n)) return "api-key";
  if (/token/.test(n)) return "token";
  return "secret";
}

const KEYWORD_RE = new RegExp(KEYWORD, "i");

/** Whether `text` names a credential at all: a cheap test before GENERIC_RE, whose name prefix is tried at every
 * position. */
export function mentionsSecret(text: string): boolean {
  return KEYWORD_RE.test(text);
}

/** A JSON key or variable name that holds a credential (api_key, password), not one that only contains a keyword. */
export function isSecretName(name: string): boolean {
  return KEYWORD_RE.test(name) && !NOT_A_SECRET_NAME.test(name);
}

export function notSecretName(name: string): boolean {
  return NOT_A_SECRET_NAME.test(name);
}
