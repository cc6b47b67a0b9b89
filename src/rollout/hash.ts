/**
 * Pod-template hash (reference §3.1) and canary step hash.
 *
 * `hash = SafeEncode(decimal(FNV-1a-32(bytes [+ 8-byte little-endian collisionCount])))`.
 * Argo hashes Go's `json.Marshal` of the template; reproducing Go's struct field order byte for
 * byte is not possible from plain JSON, so Vane hashes a canonical JSON instead (keys sorted, null
 * and empty-array fields dropped, empty label/annotation maps dropped). Hashes are therefore
 * stable and deterministic within Vane but do not match hashes of ReplicaSets created by Argo;
 * the controller's semantic-equality fallback (§3.1) is what adopts those.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import type { CanaryStep } from '../api/types/canary-steps.ts';
import type { Rollout } from '../api/types/rollout.ts';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32-bit, over raw bytes. */
export function fnv1a32(bytes: Uint8Array, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h >>> 0;
}

const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** Kubernetes `rand.SafeEncodeString`: each byte → one of 27 consonants/digits (no vowels, no 0/1/3). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHANUMS[s.charCodeAt(i) % SAFE_ALPHANUMS.length];
  return out;
}

/** Deterministic JSON: object keys sorted, undefined/null members and empty arrays dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value)) ?? 'null';
}

function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : canonicalize(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || v === null) continue;
      if (Array.isArray(v) && v.length === 0) continue;
      out[key] = canonicalize(v);
    }
    return out;
  }
  return value;
}

/** The template as hashed: metadata/spec always present, empty labels/annotations dropped. */
function normalizeTemplate(template: PodTemplateSpec | undefined): unknown {
  const metadata: Record<string, unknown> = { ...(template?.metadata ?? {}) };
  for (const k of ['labels', 'annotations'] as const) {
    const m = metadata[k] as Record<string, string> | undefined;
    if (m && Object.keys(m).length === 0) delete metadata[k];
  }
  delete metadata['creationTimestamp'];
  return { ...(template ?? {}), metadata, spec: template?.spec ?? {} };
}

const encoder = new TextEncoder();

/** Hash of bytes plus optional collision count, safe-encoded. */
export function hashBytes(bytes: Uint8Array, collisionCount?: number): string {
  let h = fnv1a32(bytes);
  if (collisionCount !== undefined && collisionCount !== null) {
    const buf = new Uint8Array(8);
    new DataView(buf.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv1a32(buf, h);
  }
  return safeEncodeString(String(h));
}

/** `rollouts-pod-template-hash` of a pod template. */
export function computePodTemplateHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  return hashBytes(encoder.encode(canonicalJson(normalizeTemplate(template))), collisionCount);
}

/** `status.currentStepHash`: hash of `canary.steps` ('' for blue-green). */
export function computeStepHash(ro: Rollout): string {
  const canary = ro.spec.strategy.canary;
  if (ro.spec.strategy.blueGreen || !canary) return '';
  const steps: CanaryStep[] = canary.steps ?? [];
  return hashBytes(encoder.encode(canonicalJson(steps)));
}

/** The hash the rollout's current template gets (`status.collisionCount` mixed in). */
export function currentPodHash(ro: Rollout): string {
  return computePodTemplateHash(ro.spec.template, ro.status?.collisionCount);
}
