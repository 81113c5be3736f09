// The detectors on decoded strings: every kind found, at its exact extent, in a real-looking context; every
// documentation placeholder and look-alike the issue lists is not a finding.
import { describe, expect, it } from "vitest";
import { scanText, type Hit } from "../../src/engine/privacy/scan-text.js";
import { maskLines } from "../../src/engine/privacy/mask.js";
import { parseIgnoreFile } from "../../src/engine/privacy/ignore.js";
import { fakePii, fakeSecrets, pick, rng, ALNUM, B64URL } from "./fakes.js";

const ALL = { secret: true, generic: true, pii: true };

function scan(s: string, key?: string): (Hit & { value: string })[] {
  const out: Hit[] = [];
  scanText(s, ALL, key, out);
  return out.map((h) => ({ ...h, value: s.slice(h.start, h.end) }));
}

describe("every secret kind, in context", () => {
  const others = fakeSecrets(99);
  for (const [i, f] of fakeSecrets().entries()) {
    it(`${f.kind}: found with its exact extent, and only it`, () => {
      const text = f.context(f.value);
      const hits = scan(text);
      expect(hits.map((h) => [h.rule, h.kind, h.value])).toEqual([["secret", f.kind, f.value]]);
      // the prefix shown is the value's start, and the fixed part every token of the kind shares: the same for
      // another fake of the same kind
      expect(f.value.startsWith(hits[0].shown)).toBe(true);
      const other = others[i];
      const otherHit = scan(other.context(other.value));
      expect(otherHit[0].shown).toBe(hits[0].shown);
    });
  }
  it("three other seeds give the same kinds (no fixture luck)", () => {
    for (const seed of [11, 12, 13]) {
      for (const f of fakeSecrets(seed)) expect(scan(f.context(f.value)).map((h) => h.kind), `${f.kind} seed ${seed}`).toEqual([f.kind]);
    }
  });
  it("a token at the very start and end of a string, and two in one string", () => {
    const [gh, aws] = [fakeSecrets()[8].value, fakeSecrets()[0].value];
    expect(scan(gh).map((h) => h.kind)).toEqual(["github-token"]);
    expect(scan(`${gh} and ${aws}`).map((h) => h.value)).toEqual([gh, aws]);
  });
  it("a match never runs past the token into the next field or word", () => {
    const gh = fakeSecrets()[8].value;
    expect(scan(`{"token":"${gh}","next":"x"}`).map((h) => h.value)).toEqual([gh]);
    expect(scan(`token '${gh}'.`).map((h) => h.value)).toEqual([gh]);
  });
  it("a PEM key whose newlines are \\n escapes (inside tool-call arguments) is found", () => {
    const pem = fakeSecrets().find((f) => f.kind === "private-key")!.value;
    const args = JSON.stringify({ path: "/etc/ssl/key.pem", content: pem });
    expect(scan(args).map((h) => h.kind)).toEqual(["private-key"]);
  });
  it("a PEM key cut off before its footer is still a key", () => {
    const pem = fakeSecrets().find((f) => f.kind === "private-key")!.value;
    expect(scan(pem.slice(0, 500)).map((h) => h.kind)).toEqual(["private-key"]);
  });
});

describe("every personal-data kind, in context", () => {
  for (const f of fakePii()) {
    it(`${f.kind} (${f.value.length} characters)`, () => {
      expect(scan(f.context(f.value)).map((h) => [h.rule, h.kind, h.value])).toEqual([["pii", f.kind, f.value]]);
      expect(scan(f.context(f.value))[0].shown).toBe("");
    });
  }
});

describe("the generic keyword + entropy rule", () => {
  const r = rng(3);
  const v = pick(r, ALNUM, 20);
  it.each([
    [`SESSION_SECRET=${v}`, "secret"],
    [`db_password: "${v}"`, "password"],
    [`{"api_key": "${v}"}`, "api-key"],
    [`https://api.internal.io/v1/items?access_token=${v}&page=2`, "token"],
    [`$config['auth_key'] = '${v}';`, "api-key"],
  ])("%s → %s", (text, kind) => {
    expect(scan(text).map((h) => [h.rule, h.kind, h.value])).toEqual([["generic-secret", kind, v]]);
  });
  it("the value of a JSON key named like a credential", () => {
    expect(scan("Xk29!vLq7Tz#", "password").map((h) => [h.rule, h.kind])).toEqual([["generic-secret", "password"]]);
    expect(scan("Xk29!vLq7Tz#", "notes")).toEqual([]);
  });
});

describe("not findings: placeholders and documentation examples (the issue's list)", () => {
  it.each([
    ["AKIAIOSFODNN7EXAMPLE", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
    ["example.com", "Write to jane@example.com, ops@mail.example.org or dev@staging.example"],
    ["sk-...", "export OPENAI_API_KEY=sk-..."],
    ["sk-xxxx", "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
    ["YOUR_API_KEY", 'client = OpenAI(api_key="YOUR_API_KEY")'],
    ["your-api-key-here", "api_key: your-api-key-here"],
    ["<token>", 'curl -H "Authorization: Bearer <token>" https://api.example.com/v1/me'],
    ["xxxx", "password: xxxx\ntoken = xxxxxxxxxxxxxxxxxxxx"],
    ["********", "password: ********\nDB_PASSWORD=****************"],
    ["${VAR}", "token=${VAR}\nDATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app"],
    ["${{ secrets.X }}", "env:\n  GITHUB_TOKEN: ${{ secrets.X }}\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}"],
    ["os.environ[...]", 'api_key = os.environ["OPENAI_API_KEY"]\nsecret = os.getenv("SECRET_KEY")\ntoken = process.env.GITHUB_TOKEN'],
    ["UUIDs", "request_id: 550e8400-e29b-41d4-a716-446655440000\napi_key = 550e8400-e29b-41d4-a716-446655440000"],
    ["git SHAs", "commit 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39\ntoken: 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39"],
    ["md5/sha256 digests", "md5 d41d8cd98f00b204e9800998ecf8427e\nsecret_hash = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\napi_key: d41d8cd98f00b204e9800998ecf8427e"],
    ["npm sha512- integrity hashes", '"integrity": "sha512-6Lgt6Rk2ytnF9/U3Zn/aplqHf6zMYVwQAW3KuuEn8y0W0vJm6KvNYOr4ebSJFnvS9uJjRlp1G0TcLqjdPKvN7Q==", "token": "sha512-6Lgt6Rk2ytnF9/U3Zn/aplqHf6zMYVwQAW3KuuEn8y0W0vJm6KvNYOr4ebSJFnvS9uJjRlp1"'],
    ["SSH public keys", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7d4cLLS0pRlp7K3x3Q0Ui7mH1rWkeVLl9LZbrw4d7hG3yqM2q+w9kq4C2cVAnZk5M0m6mD7LdQ0u1yP0rvWvM0w0FZ alice@laptop.local\npublic_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ci@build"],
    ["base64 image data", "data:image/png;base64," + Buffer.from(pick(rng(5), ALNUM + "AKIAghp_", 6000)).toString("base64")],
  ])("%s", (_name, text) => {
    expect(scan(text).map((h) => `${h.rule}/${h.kind}: ${h.value}`)).toEqual([]);
  });
  it.each([
    ["a sequential or repeated body", "ghp_1234567890abcdefghijklmnopqrstuvwxyz and ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"],
    ["a body shorter than the format", "ghp_abc123 and AKIA1234"],
    ["the jwt.io example token", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"],
    ["Stripe's documented test key", "stripe.api_key = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'"],
    ["documentation passwords in URLs", "postgres://postgres:postgres@localhost:5432/app mysql://user:password@db/app amqp://guest:guest@rabbit:5672 mongodb+srv://admin:<password>@cluster0.mongodb.net redis://:${REDIS_PASSWORD}@cache:6379"],
    ["an elided PEM key", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC...\n-----END PRIVATE KEY-----"],
    ["a bearer variable", 'headers = {"Authorization": f"Bearer {token}"}\nAuthorization: Bearer $GITHUB_TOKEN\nAuthorization: Bearer self.access_token'],
    ["Basic credentials that are placeholders", "Authorization: Basic dXNlcm5hbWU6cGFzc3dvcmQ="],
  ])("%s", (_name, text) => {
    expect(scan(text).map((h) => `${h.rule}/${h.kind}: ${h.value}`)).toEqual([]);
  });
});

describe("not personal data (the issue's list)", () => {
  it.each([
    ["private, loopback and link-local IPv4", "10.0.0.1 172.16.5.4 192.168.1.10 127.0.0.1 169.254.169.254 100.64.0.1"],
    ["documentation ranges", "192.0.2.10 198.51.100.7 203.0.113.42 2001:db8::1 2001:0db8:85a3:0000:0000:8a2e:0370:7334"],
    ["IPv6 loopback and link-local", "::1 fe80::1ff:fe23:4567:890a"],
    ["ISBNs", "ISBN 978-3-16-148410-0 and ISBN 0-306-40615-2"],
    ["version strings and OIDs", "version 1.2.3, node 20.19.4, OID 1.3.6.1.4.1.311.21.8, python 3.11.4"],
    ["versions and OIDs in code and JSON", '{"version":"20.3.0","v8":"11.3.244.8"} KEY_USAGE = ObjectIdentifier("2.5.29.15")'],
    ["unix timestamps", "created 1716239022 (ms 1716239022123, ns 1716239022123456789)"],
    ["Luhn-invalid digit runs", "card 4539 1488 0343 6468 and 4539148803436468"],
    ["XXX-XX-XXXX", "SSN: XXX-XX-XXXX, ***-**-1234"],
    ["an SSN of repeated digits (a made-up example)", "ssn : 111-22-3333"],
    ["the SSA's example numbers", "SSN 123-45-6789 or 078-05-1120"],
    ["test card numbers", "4242 4242 4242 4242, 4111-1111-1111-1111, 5555555555554444, 378282246310005"],
    ["fictional and toll-free phone numbers", "555-0100, (555) 555-0199, 1-800-555-1212, +1 415 555 0123, 800-273-8255"],
    ["example IBANs", "GB82 WEST 1234 5698 7654 32 and DE89370400440532013000"],
    ["dates, times, money, maths", "2024-01-15 10:30:45, 12/25/2023, $1,234,567.89, 3x + 12345678 = 98765432, pi = 3.14159265358979"],
    ["role and placeholder e-mail addresses", "support@acme.io, noreply@github.com, firstname.lastname@company.com, your.email@gmail.com, a@b.com"],
    ["file names and package specs with @", "icon@2x.png lodash@4.17.21 @types/node@20.1.0 git@github.com:org/repo.git"],
    ["a URL's user:password@host is a credential, not an e-mail", "see https://bob:hunter2@host.example.com/x"],
    ["well-known public resolvers", "nameserver 8.8.8.8\nnameserver 1.1.1.1"],
  ])("%s", (_name, text) => {
    expect(scan(text).filter((h) => h.rule === "pii").map((h) => `${h.kind}: ${h.value}`)).toEqual([]);
  });
});

describe("code-heavy text", () => {
  it("Python, JS, shell and config idioms that name credentials are not findings", () => {
    const code = [
      "from transformers import AutoTokenizer",
      "tokenizer = AutoTokenizer.from_pretrained('gpt2')",
      "max_tokens = 4096; pad_token_id = 50256; eos_token = '</s>'",
      'password = input("Password: ")',
      "api_key = get_api_key()",
      "self.token = token",
      'SECRET_KEY = os.environ.get("SECRET_KEY")',
      "password_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt())",
      "const token = req.headers.authorization?.split(' ')[1];",
      "if (!apiKey) throw new Error('missing OPENAI_API_KEY');",
      "export GITHUB_TOKEN=$(gh auth token)",
      "secret_name = prod-db-credentials",
      "private_key_path=~/.ssh/id_rsa",
      "refresh_token_url=https://oauth2.googleapis.com/token",
      "key_id: 4f2a, public_key: ./keys/pub.pem",
      "The access token expires after 3600 seconds.",
      "Bearer authentication uses the Authorization header: Bearer Authentication_Scheme",
    ].join("\n");
    expect(scan(code).map((h) => `${h.rule}/${h.kind}: ${h.value}`)).toEqual([]);
  });
});

describe("the placeholder filter on random tokens", () => {
  it("rejects fewer than 0.5% of 20,000 random bodies of each length (words like 'here' occur by chance)", async () => {
    const { isPlaceholder } = await import("../../src/engine/privacy/filters.js");
    const r = rng(2024);
    for (const [alphabet, n] of [[ALNUM, 16], [ALNUM, 36], [B64URL, 43], [ALNUM, 64], [B64URL, 156]] as const) {
      let rejected = 0;
      for (let i = 0; i < 20000; i++) if (isPlaceholder(pick(r, alphabet, n))) rejected++;
      expect(rejected / 20000, `${n} characters`).toBeLessThan(0.005);
    }
  });
});

describe("helpers", () => {
  it("maskLines: one mask per line of a multi-line value, without the PEM header lines or tiny lines", () => {
    const pem = fakeSecrets().find((f) => f.kind === "private-key")!.value;
    const lines = maskLines([pem, "ab", fakeSecrets()[0].value]);
    expect(lines.some((l) => l.startsWith("-----"))).toBe(false);
    expect(lines).toContain(fakeSecrets()[0].value);
    expect(lines.length).toBe(pem.split("\n").length - 2 + 1);
  });
  it("the ignore file: comments, blank lines, CRLF", () => {
    expect(parseIgnoreFile("# note\r\n3f9a1c2b7d4e5f60  # fake\r\n\r\n  0a1b2c3d4e5f6071\n")).toEqual(["3f9a1c2b7d4e5f60", "0a1b2c3d4e5f6071"]);
  });
  it("generated tokens do not repeat their alphabet's order (a sanity check of the fixtures)", () => {
    expect(pick(rng(1), B64URL, 40)).not.toEqual(pick(rng(2), B64URL, 40));
  });
});
