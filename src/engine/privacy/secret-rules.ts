// Credential formats of API providers and key files: what the `secret` rule finds.
//
// Most patterns are ported from gitleaks' default rules (https://github.com/gitleaks/gitleaks, config/gitleaks.toml,
// MIT License, Copyright (c) 2019 Zachary Rice) and secretlint's recommended preset
// (https://github.com/secretlint/secretlint, MIT License, Copyright (c) 2019 azu). Go's RE2 syntax does not all
// compile in JavaScript: inline flags in mid-pattern ((?i) after a literal prefix, (?-i:...)) became explicit
// [A-Za-z] classes, (?P<name>) groups plain groups, \z became $; gitleaks' trailing delimiter group
// (?:[\x60'"\s;]|\\[nr]|$) became a negative lookahead on the token's own alphabet, so a token followed by a letter
// of another word is not cut short, and a match never runs past the closing quote into the next field (the gate
// scans decoded strings, not raw JSON lines). Each rule keeps gitleaks' entropy floor where it had one.
//
// A rule fires where one of its `anchors` (literal text every such token contains) is found inside a run of
// token characters (scan-text.ts); `re` then decides, sticky at the anchor unless `back` lets the token start
// earlier. Only the fixed public prefix of a token (`prefix`) is ever shown.

export interface SecretRule {
  kind: string;
  /** What it is, for messages ("GitHub token"). */
  name: string;
  anchors: readonly string[];
  /** Matched at the anchor (flag y), or within [anchor − back, anchor + 512) when `back` is set (flag g). */
  re: RegExp;
  back?: number;
  /** Capture group holding the secret (default: the whole match). */
  group?: number;
  /** Length of the fixed public prefix shown in findings (e.g. 4 for "ghp_"). */
  prefix: number | ((value: string) => number);
  /** Minimum Shannon entropy (bits per character) of the value after its prefix. */
  minEntropy?: number;
  /** More checks on the value (and its surroundings). */
  valid?: (value: string, text: string, at: number) => boolean;
  /** How to fix it (after "remove it"). */
  fix: string;
}

import { isDocumented, isPlaceholderPassword } from "./filters.js";

const REVOKE = "revoke it with the provider";

function jwtValid(v: string): boolean {
  const [h, p] = v.split(".");
  try {
    const header = JSON.parse(Buffer.from(h, "base64url").toString("utf8")) as Record<string, unknown>;
    if (typeof header.alg !== "string" || header.alg.toLowerCase() === "none") return false;
    const payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as Record<string, unknown>;
    // the jwt.io debugger's example token, in countless tutorials
    if (payload.sub === "1234567890" && payload.name === "John Doe") return false;
    return true;
  } catch {
    return false;
  }
}

const upTo = (c: string) => (v: string) => v.indexOf(c) + 1;

export const SECRET_RULES: readonly SecretRule[] = [
  // --- cloud
  {
    kind: "aws-access-key",
    name: "AWS access key ID",
    anchors: ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"],
    re: /(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/y,
    prefix: 4,
    minEntropy: 3,
    valid: (v) => !v.endsWith("EXAMPLE"),
    fix: "deactivate it in AWS IAM",
  },
  {
    kind: "aws-secret-key",
    name: "AWS secret access key",
    anchors: ["ecret_access_key", "ECRET_ACCESS_KEY", "ecretAccessKey", "ecret-access-key"],
    re: /(?<![A-Za-z0-9])(?:aws_?)?secret_?access_?key["']?\s*(?::|=>|=)\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    back: 10,
    group: 1,
    prefix: 0,
    minEntropy: 4,
    fix: "deactivate the key pair in AWS IAM",
  },
  {
    kind: "gcp-api-key",
    name: "Google API key",
    anchors: ["AIza"],
    re: /(?<![\w-])AIza[\w-]{35}(?![\w-])/y,
    prefix: 4,
    minEntropy: 3.5,
    fix: "delete it in the Google Cloud console",
  },
  {
    kind: "gcp-oauth-secret",
    name: "Google OAuth client secret",
    anchors: ["GOCSPX-"],
    re: /(?<![\w-])GOCSPX-[\w-]{28}(?![\w-])/y,
    prefix: 7,
    minEntropy: 3.5,
    fix: "reset the client secret in the Google Cloud console",
  },
  {
    kind: "google-oauth-token",
    name: "Google OAuth access token",
    anchors: ["ya29."],
    re: /(?<![\w-])ya29\.[\w-]{30,}(?![\w-])/y,
    prefix: 5,
    minEntropy: 3.5,
    fix: "revoke it (https://myaccount.google.com/permissions)",
  },
  {
    kind: "azure-storage-key",
    name: "Azure storage account key",
    anchors: ["AccountKey=", "SharedAccessKey="],
    re: /(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/]{42,86}={1,2})(?![A-Za-z0-9+/=])/y,
    group: 1,
    prefix: 0,
    minEntropy: 4,
    fix: "rotate the key in the Azure portal",
  },
  {
    kind: "azure-ad-client-secret",
    name: "Azure AD client secret",
    anchors: ["Q~"],
    re: /(?<![\w~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![\w~.-])/g,
    back: 4,
    prefix: 0,
    minEntropy: 3.5,
    fix: "delete the client secret in Azure AD (Entra ID) app registrations",
  },
  {
    kind: "azure-sas-token",
    name: "Azure SAS token signature",
    anchors: ["sig="],
    re: /(?<=[?&])sig=([A-Za-z0-9%+/]{40,120}(?:%3[Dd]|=){0,2})(?![A-Za-z0-9%+/=])/y,
    group: 1,
    prefix: 0,
    minEntropy: 3.5,
    valid: (_v, text, at) => /[?&]sv=\d{4}-\d\d-\d\d/.test(text.slice(Math.max(0, at - 400), at + 400)),
    fix: "revoke it (rotate the storage key it was signed with)",
  },
  // --- code hosting, CI
  {
    kind: "github-token",
    name: "GitHub token",
    anchors: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
    re: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])/y,
    prefix: (v) => (v.startsWith("github_pat_") ? 11 : 4),
    minEntropy: 3,
    fix: "revoke it in GitHub (Settings → Developer settings → Tokens)",
  },
  {
    kind: "gitlab-token",
    name: "GitLab token",
    anchors: ["glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "glft-", "glimt-", "glagent-", "gloas-", "glsoat-", "glffct-", "GR1348941"],
    re: /(?<![\w-])(?:glpat-[\w-]{20,300}(?:\.[0-9a-z]{9})?|gl(?:dt|rt|ft|soat|ffct)-[\w-]{20,300}|glimt-[\w-]{25}|glagent-[\w-]{50}|gloas-[\w-]{64}|glptt-[0-9a-f]{40}|glcbt-[0-9a-zA-Z]{1,5}_[\w-]{20}|GR1348941[\w-]{20})(?![\w-])/y,
    prefix: (v) => (v.startsWith("GR1348941") ? 9 : upTo("-")(v)),
    minEntropy: 3,
    fix: "revoke it in GitLab",
  },
  // --- chat, e-mail, payments
  {
    kind: "slack-token",
    name: "Slack token",
    anchors: ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxo-", "xoxe-", "xoxe.", "xapp-"],
    re: /(?<![\w-])(?:xox[baprseo]-[0-9A-Za-z-]{10,250}|xoxe\.xox[bp]-\d-[A-Za-z0-9]{150,170}|xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)(?![\w-])/y,
    prefix: 5,
    minEntropy: 3,
    fix: "revoke it in the Slack app settings",
  },
  {
    kind: "slack-webhook",
    name: "Slack webhook URL",
    anchors: ["hooks.slack.com/"],
    re: /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,120}/g,
    back: 8,
    prefix: (v) => v.indexOf(".com/") + 5,
    minEntropy: 3,
    fix: "delete the webhook in Slack and create a new one",
  },
  {
    kind: "stripe-key",
    name: "Stripe key",
    anchors: ["sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_", "whsec_"],
    re: /(?<![\w])(?:(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,99}|whsec_[A-Za-z0-9]{32,})(?![A-Za-z0-9])/y,
    prefix: (v) => (v.startsWith("whsec_") ? 6 : 8),
    minEntropy: 3,
    valid: (v) => !isDocumented(v),
    fix: "roll it in the Stripe dashboard",
  },
  {
    kind: "twilio-api-key",
    name: "Twilio API key",
    anchors: ["SK"],
    re: /(?<![A-Za-z0-9])SK[0-9a-fA-F]{32}(?![A-Za-z0-9])/y,
    prefix: 2,
    minEntropy: 3,
    fix: "delete it in the Twilio console",
  },
  {
    kind: "sendgrid-key",
    name: "SendGrid API key",
    anchors: ["SG."],
    re: /(?<![\w.])SG\.[\w-]{22}\.[\w-]{43}(?![\w-])/y,
    prefix: 3,
    minEntropy: 3.5,
    fix: "delete it in SendGrid (Settings → API Keys)",
  },
  {
    kind: "mailchimp-key",
    name: "Mailchimp API key",
    anchors: ["-us"],
    re: /(?<![\w-])[0-9a-f]{32}-us\d{1,2}(?![\w-])/g,
    back: 32,
    prefix: 0,
    minEntropy: 3,
    fix: "disable it in Mailchimp",
  },
  {
    kind: "telegram-bot-token",
    name: "Telegram bot token",
    anchors: [":AA"],
    re: /(?<![\w-])\d{8,10}:AA[A-Za-z0-9_-]{33}(?![\w-])/g,
    back: 10,
    prefix: 0,
    minEntropy: 3.5,
    fix: "revoke it with @BotFather (/revoke)",
  },
  // --- package registries
  {
    kind: "npm-token",
    name: "npm token",
    anchors: ["npm_", "_authToken="],
    re: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])|_authToken=([^\s"'$][^\s"']{8,})/y,
    prefix: (v) => (v.startsWith("npm_") ? 4 : 0),
    minEntropy: 3,
    fix: "revoke it (npm token revoke)",
  },
  {
    kind: "pypi-token",
    name: "PyPI token",
    anchors: ["pypi-AgE"],
    re: /(?<![\w-])pypi-AgE[A-Za-z0-9_-]{50,1000}(?![\w-])/y,
    prefix: 5,
    minEntropy: 3.5,
    fix: "delete it in PyPI (Account settings → API tokens)",
  },
  {
    kind: "rubygems-token",
    name: "RubyGems API key",
    anchors: ["rubygems_"],
    re: /(?<![\w-])rubygems_[a-f0-9]{48}(?![\w-])/y,
    prefix: 9,
    minEntropy: 3,
    fix: "revoke it on rubygems.org",
  },
  // --- AI providers
  {
    kind: "anthropic-key",
    name: "Anthropic API key",
    anchors: ["sk-ant-"],
    re: /(?<![\w-])sk-ant-[a-z]{3,6}\d\d-[\w-]{80,120}(?![\w-])/y,
    prefix: (v) => v.indexOf("-", 7) + 1,
    minEntropy: 3.5,
    fix: "delete it in the Anthropic console",
  },
  {
    kind: "openai-key",
    name: "OpenAI API key",
    anchors: ["sk-"],
    re: /(?<![\w-])sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{40,250}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48})(?![\w-])/y,
    prefix: (v) => (/^sk-(?:proj|svcacct|admin|None)-/.test(v) ? v.indexOf("-", 3) + 1 : 3),
    minEntropy: 3.5,
    fix: "revoke it in the OpenAI dashboard (API keys)",
  },
  {
    kind: "sk-api-key",
    name: "API key (sk-…, an OpenAI-compatible provider)",
    anchors: ["sk-"],
    re: /(?<![\w-])sk-(?!ant-|proj-|svcacct-|admin-)[A-Za-z0-9]{32,47}(?![\w-])/y,
    prefix: 3,
    minEntropy: 3.5,
    fix: "revoke it with its provider",
  },
  {
    kind: "huggingface-token",
    name: "Hugging Face token",
    anchors: ["hf_", "api_org_"],
    re: /(?<![A-Za-z0-9_])(?:hf|api_org)_[A-Za-z]{34}(?![A-Za-z0-9_])/y,
    prefix: (v) => (v.startsWith("hf_") ? 3 : 8),
    minEntropy: 3.5,
    fix: "invalidate it in Hugging Face (Settings → Access Tokens)",
  },
  {
    kind: "groq-key",
    name: "Groq API key",
    anchors: ["gsk_"],
    re: /(?<![\w-])gsk_[A-Za-z0-9]{52}(?![A-Za-z0-9])/y,
    prefix: 4,
    minEntropy: 3.5,
    fix: REVOKE,
  },
  {
    kind: "perplexity-key",
    name: "Perplexity API key",
    anchors: ["pplx-"],
    re: /(?<![\w-])pplx-[A-Za-z0-9]{48}(?![A-Za-z0-9])/y,
    prefix: 5,
    minEntropy: 3.5,
    fix: REVOKE,
  },
  {
    kind: "replicate-token",
    name: "Replicate API token",
    anchors: ["r8_"],
    re: /(?<![\w-])r8_[A-Za-z0-9]{37}(?![A-Za-z0-9])/y,
    prefix: 3,
    minEntropy: 3.5,
    fix: REVOKE,
  },
  {
    kind: "xai-key",
    name: "xAI API key",
    anchors: ["xai-"],
    re: /(?<![\w-])xai-[A-Za-z0-9]{80}(?![A-Za-z0-9])/y,
    prefix: 4,
    minEntropy: 3.5,
    fix: REVOKE,
  },
  // --- other services (secretlint's recommended preset and gitleaks)
  {
    kind: "service-token",
    name: "service token",
    anchors: ["shpat_", "shpca_", "shppa_", "shpss_", "glc_", "glsa_", "ops_eyJ", "lin_api_", "ntn_", "hvs.", "hvb.", "vcp_", "vci_", "vca_", "vcr_", "vck_", "dapi", "dckr_pat_", "figd_", "dop_v1_", "doo_v1_", "dor_v1_", "dp.pt.", "pul-", "PMAK-", "pscale_tkn_", "pscale_pw_", "pscale_oauth_", "sntryu_", "sntrys_", "AGE-SECRET-KEY-1", "xkeysib-", "LTAI", "HRKU-AA", "dt0c01."],
    re: /(?<![\w.-])(?:shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}|glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|ops_eyJ[A-Za-z0-9+/]{100,1280}={0,3}|lin_api_[A-Za-z0-9]{40}|ntn_\d{11}[A-Za-z0-9]{35}|hvs\.[\w-]{90,120}|hvb\.[\w-]{138,300}|vc[piark]_[A-Za-z0-9]{20,60}|dapi[a-f0-9]{32}(?:-\d)?|dckr_pat_[\w-]{27}|figd_[\w-]{40,200}|do[por]_v1_[a-f0-9]{64}|dp\.pt\.[A-Za-z0-9]{43}|pul-[a-f0-9]{40}|PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}|pscale_(?:tkn|pw|oauth)_[\w=.-]{32,64}|sntryu_[a-f0-9]{64}|sntrys_eyJ[A-Za-z0-9+/=_]{60,400}|AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}|xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}|LTAI[A-Za-z0-9]{20}|HRKU-AA[\w-]{58}|dt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64})(?![\w-])/y,
    prefix: (v) => {
      const m = /^(?:[A-Za-z0-9]+[_.-]){1,2}|^dapi|^LTAI|^AGE-SECRET-KEY-1/.exec(v);
      return m ? Math.min(m[0].length, 14) : 0;
    },
    minEntropy: 3,
    fix: REVOKE,
  },
  {
    kind: "db-password",
    name: "password in a connection string",
    anchors: ["Password=", "password=", "PASSWORD=", "Pwd=", "PWD=", "pwd="],
    re: /(?<![A-Za-z0-9_])(?:Password|password|PASSWORD|Pwd|PWD|pwd)=([^;"'\s]{1,128})/y,
    prefix: 0,
    valid: (v, text, at) => !isPlaceholderPassword(v) && /(?:server|data source|host|address|addr|uid|user id|user|username)\s*=/i.test(text.slice(Math.max(0, at - 300), at)),
    fix: "change the database password (read it from the environment)",
  },
  // --- tokens and headers
  {
    kind: "jwt",
    name: "JSON Web Token",
    anchors: ["eyJ"],
    re: /(?<![\w-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}(?![\w-])/y,
    prefix: 3,
    minEntropy: 3.5,
    valid: jwtValid,
    fix: "invalidate the session or signing key it belongs to if it has not expired",
  },
];

export const RULE_BY_KIND: ReadonlyMap<string, SecretRule> = new Map(SECRET_RULES.map((r) => [r.kind, r]));
