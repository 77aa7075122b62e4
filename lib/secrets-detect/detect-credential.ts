/**
 * Says whether a literal configuration value looks like a credential, and what kind. It only
 * classifies: callers keep the kind and drop the value, so no credential is ever stored,
 * logged or shown.
 */
const VALUE_PATTERNS: { kind: string; pattern: RegExp }[] = [
  { kind: "private key", pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/ },
  { kind: "AWS access key", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: "GitHub token", pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/ },
  { kind: "GitLab token", pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { kind: "Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { kind: "Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: "Stripe secret key", pattern: /\b[sr]k_live_[0-9A-Za-z]{20,}\b/ },
  { kind: "JSON web token", pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  { kind: "password in URL", pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]{3,}@/i },
];

const KEY_NAME = /(pass(word|wd)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth[_-]?key)/i;
/** Values that are clearly not secrets even under a secret-sounding name. */
const PLACEHOLDER = /^(|true|false|yes|no|null|none|changeme|<.*>|\$\{.*\}|\$\(.*\)|\*+|x+|redacted|example)$/i;
const FILE_PATH = /^\/[\w./-]+$/;

export function detectCredential(key: string, value: string): string | undefined {
  for (const { kind, pattern } of VALUE_PATTERNS) if (pattern.test(value)) return kind;
  if (
    KEY_NAME.test(key) &&
    !PLACEHOLDER.test(value.trim()) &&
    !FILE_PATH.test(value.trim()) &&
    value.trim().length >= 6
  ) {
    return `literal value for ${key.toLowerCase().includes("pass") ? "a password" : "a secret"}-named key`;
  }
  return undefined;
}
