// What is not a secret: documentation placeholders, templated values, low-entropy and sequential strings, digests
// and ids. Shared by the provider rules (secret-rules.ts), the keyword rule (generic.ts) and the URL passwords.

/** Shannon entropy of `s` in bits per character. */
export function entropy(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const k of counts.values()) {
    const p = k / n;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Words that documentation writes where a real value goes (matched case-insensitively inside the value). */
const PLACEHOLDER_WORDS = /example|placeholder|your|dummy|fake|sample|changeme|change_me|redacted|replace|insert|xxxx|\*\*\*|\.\.\.|…|<|>|\{\{|\}\}|\$\{|%s|todo|here|abc123|123abc/i;

/** A run of `n` characters that step by +1 or −1 (abcdef, 123456, 654321, ZYXWVU). */
export function hasSequentialRun(s: string, n = 6): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (up >= n || down >= n) return true;
  }
  return false;
}

/** One character repeated for at least `n` positions (aaaaaa, 000000). */
export function hasRepeatRun(s: string, n = 6): boolean {
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    run = s.charCodeAt(i) === s.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= n) return true;
  }
  return false;
}

/** A value that stands for another one: ${VAR}, $VAR, {{ secrets.X }}, %VAR%, <token>, os.environ[...],
 * process.env.X, getenv("X"), a shell substitution. */
export function isTemplated(v: string): boolean {
  return /^\$[A-Za-z_{(]|^%[A-Za-z_]+%$|\$\{|\{\{|<[^>]*>|os\.environ|os\.getenv|getenv\(|process\.env|ENV\[|System\.getenv|secrets\./.test(v);
}

/** Placeholder marks that never occur in a random token, whatever its length. */
const PLACEHOLDER_MARKS = /xxxx|XXXX|\*\*\*|\.\.\.|…|<|>|\{\{|\$\{/;

/** The variable part of a token (after its fixed prefix) that documentation writes instead of a real one. In a long
 * body (a 160-character key) an English word can occur by chance, so only the marks count there. */
export function isPlaceholder(body: string): boolean {
  if (body.length > 64) return PLACEHOLDER_MARKS.test(body) || hasSequentialRun(body, 8) || hasRepeatRun(body, 8) || isTemplated(body);
  return PLACEHOLDER_WORDS.test(body) || hasSequentialRun(body) || hasRepeatRun(body) || isTemplated(body);
}

const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128}|[0-9A-F]{32}|[0-9A-F]{40}|[0-9A-F]{64})$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Values that look random but are public identifiers: UUIDs, git SHAs and md5/sha digests, integrity hashes
 * (sha512-...), SSH public keys. */
export function isIdentifier(v: string): boolean {
  return HEX_DIGEST.test(v) || UUID.test(v) || /^(?:sha(?:1|256|384|512)|md5)[-:]/i.test(v) || /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-)/.test(v) || /^AAAA[B-E]3NzaC1/.test(v);
}

/** Keys published in providers' own documentation (besides the placeholder forms). */
const DOCUMENTED = new Set([
  "sk_test_4eC39HqLyjWDarjtT1zdp7dc", // Stripe's API reference
  "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
  "sk_test_26PHem9AhJZvU623DfE1x4sd",
  "AKIAIOSFODNN7EXAMPLE", // AWS
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
]);

export function isDocumented(v: string): boolean {
  return DOCUMENTED.has(v);
}

/** Passwords that documentation writes in URLs and connection strings. */
const PLACEHOLDER_PASSWORDS = new Set([
  "password", "passwd", "pass", "pwd", "secret", "changeme", "change_me", "example", "test", "testing", "dummy",
  "admin", "root", "guest", "user", "username", "postgres", "mysql", "redis", "mongo", "mongodb", "rabbitmq",
  "mysecretpassword", "mypassword", "yourpassword", "your_password", "your-password", "p@ssw0rd", "pa55word",
  "foo", "bar", "foobar", "xxx", "none", "null", "default", "sa", "letmein", "qwerty", "123456", "12345678",
]);

/** A password in a URL or connection string that is a placeholder: a documentation word, the user name repeated
 * (postgres:postgres, guest:guest), masked (****), templated (${DB_PASSWORD}, %s, :password) or too short. */
export function isPlaceholderPassword(password: string, user = ""): boolean {
  const p = password.toLowerCase();
  if (p.length < 4 || PLACEHOLDER_PASSWORDS.has(p) || p === user.toLowerCase()) return true;
  if (/^[*x.•]+$/i.test(p) || /^:[a-z_]+$/.test(p) || /^%[a-z]?$/.test(p)) return true;
  return isTemplated(password) || PLACEHOLDER_WORDS.test(password) || /^(?:pass(?:word)?|secret|pwd)[-_ ]?\d{0,3}$/i.test(p);
}
