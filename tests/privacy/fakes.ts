// Fake credentials and personal data for the privacy tests, built at run time from a seeded generator: nothing that
// looks like a real secret is committed (GitHub push protection would refuse it, and rightly).

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const B64 = ALNUM + "+/";
export const B64URL = ALNUM + "_-";
export const HEX = "0123456789abcdef";
export const DIGITS = "0123456789";
export const UPPER32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
export const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function pick(r: () => number, alphabet: string, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(r() * alphabet.length)];
  return out;
}

const b64url = (s: string) => Buffer.from(s).toString("base64url");

function pem(r: () => number): string {
  const lines: string[] = [];
  for (let i = 0; i < 12; i++) lines.push(pick(r, B64, 64));
  return ["-----BEGIN RSA PRIVATE KEY-----", "MIIEow" + lines[0].slice(6), ...lines.slice(1), pick(r, B64, 20) + "==", "-----END RSA PRIVATE KEY-----"].join("\n");
}

/** One fake value per secret kind: the value, and a line that puts it in a real-looking context. */
export function fakeSecrets(seed = 7): { kind: string; value: string; context: (v: string) => string }[] {
  const r = rng(seed);
  const env = (name: string) => (v: string) => `Here is my .env file, can you check it?\n\nNODE_ENV=production\n${name}=${v}\nPORT=8080`;
  return [
    { kind: "aws-access-key", value: "AKIA" + pick(r, UPPER32, 16), context: (v) => `[default]\naws_access_key_id = ${v}\nregion = eu-west-1` },
    { kind: "aws-secret-key", value: pick(r, B64, 40), context: (v) => `export AWS_SECRET_ACCESS_KEY=${v}` },
    { kind: "gcp-api-key", value: "AIza" + pick(r, B64URL, 35), context: (v) => `const maps = new Loader({ apiKey: "${v}" });` },
    { kind: "gcp-oauth-secret", value: "GOCSPX-" + pick(r, B64URL, 28), context: env("GOOGLE_CLIENT_SECRET") },
    { kind: "google-oauth-token", value: "ya29." + pick(r, B64URL, 80), context: (v) => `curl -H "Authorization: Bearer ${v}" https://www.googleapis.com/drive/v3/files` },
    { kind: "azure-storage-key", value: pick(r, B64, 86) + "==", context: (v) => `DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=${v};EndpointSuffix=core.windows.net` },
    { kind: "azure-ad-client-secret", value: pick(r, ALNUM, 3) + "8Q~" + pick(r, ALNUM + "_~.-", 34), context: env("AZURE_CLIENT_SECRET") },
    { kind: "azure-sas-token", value: pick(r, B64, 43) + "%3D", context: (v) => `https://contosodata.blob.core.windows.net/exports/q3.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=${v}` },
    { kind: "github-token", value: "ghp_" + pick(r, ALNUM, 36), context: (v) => `git remote set-url origin https://x-access-token:${v}@github.com/acme/app.git` },
    { kind: "github-token", value: "github_pat_" + pick(r, ALNUM + "_", 82), context: env("GITHUB_TOKEN") },
    { kind: "gitlab-token", value: "glpat-" + pick(r, B64URL, 20), context: env("GITLAB_TOKEN") },
    { kind: "slack-token", value: "xoxb-" + pick(r, DIGITS, 12) + "-" + pick(r, DIGITS, 13) + "-" + pick(r, ALNUM, 24), context: (v) => `client = WebClient(token="${v}")` },
    { kind: "slack-webhook", value: "https://hooks.slack.com/services/T" + pick(r, UPPER32, 8) + "/B" + pick(r, UPPER32, 10) + "/" + pick(r, ALNUM, 24), context: (v) => `Post alerts to ${v} when the job fails.` },
    { kind: "stripe-key", value: "sk_live_" + pick(r, ALNUM, 24), context: (v) => `stripe.api_key = "${v}"` },
    { kind: "twilio-api-key", value: "SK" + pick(r, HEX, 32), context: env("TWILIO_API_KEY") },
    { kind: "sendgrid-key", value: "SG." + pick(r, B64URL, 22) + "." + pick(r, B64URL, 43), context: env("SENDGRID_API_KEY") },
    { kind: "npm-token", value: "npm_" + pick(r, ALNUM, 36), context: (v) => `//registry.npmjs.org/:_authToken=${v}` },
    { kind: "pypi-token", value: "pypi-AgEIcHlwaS5vcmc" + pick(r, B64URL, 70), context: (v) => `[pypi]\n  username = __token__\n  password = ${v}` },
    { kind: "openai-key", value: "sk-proj-" + pick(r, B64URL, 74) + "T3BlbkFJ" + pick(r, B64URL, 74), context: (v) => `from openai import OpenAI\nclient = OpenAI(api_key="${v}")` },
    { kind: "anthropic-key", value: "sk-ant-api03-" + pick(r, B64URL, 93) + "AA", context: env("ANTHROPIC_API_KEY") },
    { kind: "huggingface-token", value: "hf_" + pick(r, LETTERS, 34), context: (v) => `huggingface-cli login --token ${v}` },
    { kind: "telegram-bot-token", value: pick(r, "123456789", 1) + pick(r, DIGITS, 9) + ":AA" + pick(r, B64URL, 33), context: (v) => `bot = telebot.TeleBot("${v}")` },
    { kind: "private-key", value: pem(r), context: (v) => `Here is the key from the server:\n\n${v}\n\nWhy does ssh refuse it?` },
    { kind: "db-url-password", value: pick(r, ALNUM, 18), context: (v) => `DATABASE_URL=postgres://app_user:${v}@db.prod.internal:5432/orders` },
    { kind: "db-password", value: pick(r, ALNUM, 14) + "!", context: (v) => `Server=tcp:sql01.contoso.net,1433;Database=crm;User ID=svc_crm;Password=${v};Encrypt=true;` },
    {
      kind: "jwt",
      value: b64url('{"alg":"HS256","typ":"JWT"}') + "." + b64url(`{"sub":"u_${pick(r, ALNUM, 10)}","iat":1716239022,"exp":1716242622}`) + "." + pick(r, B64URL, 43),
      context: (v) => `The API returned {"access_token": "${v}", "token_type": "bearer"}`,
    },
    { kind: "bearer-token", value: pick(r, ALNUM, 40), context: (v) => `curl https://api.internal.acme.io/v2/orders -H "Authorization: Bearer ${v}"` },
  ];
}

/** Fake personal data of each kind, in context; each value has an alphanumeric core that survives escaping. */
export function fakePii(): { kind: string; value: string; context: (v: string) => string }[] {
  return [
    { kind: "email", value: "zq7mbrandtx9@protonmail.com", context: (v) => `Please send the invoice to ${v} by Friday.` },
    { kind: "phone", value: "+49 30 90182734", context: (v) => `You can reach me at ${v} after 6pm.` },
    { kind: "phone", value: "(415) 867-5309", context: (v) => `Call the front desk at ${v}.` },
    { kind: "card-number", value: "4539 1488 0343 6467", context: (v) => `My card number is ${v}, expiry 04/27.` },
    { kind: "iban", value: "DE75 5121 0800 1245 1261 99", context: (v) => `Wire it to IBAN ${v} (Commerzbank).` },
    { kind: "ssn", value: "536-22-8761", context: (v) => `SSN: ${v}` },
    { kind: "ip-address", value: "81.169.145.23", context: (v) => `Failed password for root from ${v} port 52144 ssh2` },
    { kind: "ip-address", value: "2a03:2880:f12f:83:face:b00c:0:25de", context: (v) => `The client connected from ${v} yesterday.` },
  ];
}
