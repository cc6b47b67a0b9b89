/**
 * `reconcileEphemeralMetadata`: while fully rolled out the new (= stable) RS carries the
 * stable/active metadata; mid-update the new RS carries canary/preview metadata and the stable RS
 * the stable/active metadata; any other RS loses what was injected.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { PodTemplateMetadata } from '../../api/types/meta.ts';
import { podTemplateHash, rsName } from '../replicasets.ts';
import type { DecideContext } from './context.ts';
import { existingEphemeralMetadata, podMetadataPatch, syncReplicaSetEphemeralMetadata } from './ephemeral-metadata.ts';

function syncEphemeralMetadata(ctx: DecideContext, rs: ReplicaSet | undefined, metadata: PodTemplateMetadata | undefined): void {
  if (!rs) return;
  const current = ctx.current(rs);
  const updated = syncReplicaSetEphemeralMetadata(current, metadata);
  if (!updated) return;
  const previous = existingEphemeralMetadata(current);
  current.metadata = updated.metadata;
  current.spec = updated.spec;
  if (ctx.created && rsName(ctx.created) === rsName(rs)) return;
  const patch = podMetadataPatch(previous, existingEphemeralMetadata(updated));
  if (patch) ctx.podMetadataUpdates.push({ replicaSetName: rsName(rs), podTemplateHash: podTemplateHash(rs), patch });
}

export function reconcileEphemeralMetadata(ctx: DecideContext): void {
  const { canary, blueGreen } = ctx.ro.spec.strategy;
  if (!canary && !blueGreen) return;
  const stableMetadata = canary ? canary.stableMetadata : blueGreen?.activeMetadata;
  const newMetadata = canary ? canary.canaryMetadata : blueGreen?.previewMetadata;
  const stable = ctx.ro.status?.stableRS ?? '';
  const fullyRolledOut = stable === '' || stable === podTemplateHash(ctx.newRS);
  if (fullyRolledOut) {
    syncEphemeralMetadata(ctx, ctx.newRS, stableMetadata);
  } else {
    syncEphemeralMetadata(ctx, ctx.newRS, newMetadata);
    syncEphemeralMetadata(ctx, ctx.stableRS, stableMetadata);
  }
  for (const rs of ctx.otherRSs) syncEphemeralMetadata(ctx, rs, undefined);
}
