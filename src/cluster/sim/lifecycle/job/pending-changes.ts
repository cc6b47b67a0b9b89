/**
 * Expectations checked against the cache: after creating or deleting a job's pods, the job is not
 * managed again until the pod cache shows every created pod and every deleted pod as gone or
 * terminating (or until the TTL passes, so a lost event cannot wedge the job).
 */
import type { Clock } from '../../../../kube/clock.ts';
import type { Indexer } from '../../../../kube/cache.ts';
import type { PodObject } from '../common/types.ts';

export const PENDING_TTL_MS = 5 * 60_000;

interface Pending {
  namespace: string;
  created: Set<string>;
  /** name → uid of pods whose deletion was asked. */
  deleted: Map<string, string>;
  at: number;
}

export class PendingChanges {
  private readonly byJob = new Map<string, Pending>();

  constructor(private readonly clock: Clock) {}

  record(jobKey: string, namespace: string, createdNames: readonly string[], deleted: readonly PodObject[]): void {
    if (createdNames.length === 0 && deleted.length === 0) return;
    const byName = new Map(deleted.map((p) => [p.metadata.name ?? '', p.metadata.uid ?? '']));
    this.byJob.set(jobKey, { namespace, created: new Set(createdNames), deleted: byName, at: this.clock.now() });
  }

  /** True when the cache reflects every recorded change (forgetting them), or they expired. */
  satisfied(jobKey: string, pods: Indexer<PodObject>): boolean {
    const p = this.byJob.get(jobKey);
    if (!p) return true;
    for (const name of p.created) if (pods.get(p.namespace, name)) p.created.delete(name);
    for (const [name, uid] of p.deleted) {
      const live = pods.get(p.namespace, name);
      if (!live || live.metadata.uid !== uid || live.metadata.deletionTimestamp) p.deleted.delete(name);
    }
    if ((p.created.size === 0 && p.deleted.size === 0) || this.clock.now() - p.at > PENDING_TTL_MS) {
      this.byJob.delete(jobKey);
      return true;
    }
    return false;
  }

  forget(jobKey: string): void {
    this.byJob.delete(jobKey);
  }
}
