import { randomBytes, randomUUID } from 'node:crypto';

// The alphabet apimachinery uses for generated name suffixes (no vowels, no confusable characters).
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_NAME = 63;

export function generateName(prefix: string): string {
  const base = prefix.length > MAX_NAME - 5 ? prefix.slice(0, MAX_NAME - 5) : prefix;
  const bytes = randomBytes(5);
  let suffix = '';
  for (const b of bytes) suffix += ALPHABET[b % ALPHABET.length];
  return base + suffix;
}

export function newUid(): string {
  return randomUUID();
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The generic name rule every object must pass (path-safe; most kinds are stricter). */
export function nameProblems(name: string): string | undefined {
  if (name === '.' || name === '..') return `may not be '${name}'`;
  if (name.includes('/')) return "may not contain '/'";
  if (name.includes('%')) return "may not contain '%'";
  return undefined;
}

export function isDns1123Subdomain(name: string): boolean {
  return name.length <= 253 && DNS1123_SUBDOMAIN.test(name);
}
