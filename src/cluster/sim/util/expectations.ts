/**
 * client-go's ControllerExpectations (with UID tracking for deletions): a controller that has just
 * created or deleted objects records how many add/delete events it still expects, and skips
 * managing replicas until the informer has caught up, so that a burst of creates is not repeated
 * by a sync that runs before the watch delivers them. Expectations older than the TTL count as
 * satisfied (a lost event must not wedge the controller).
 */
import { realClock, type Clock } from '../../../kube/clock.ts';

export const EXPECTATIONS_TTL_MS = 5 * 60_000;

interface Expectation {
  add: number;
  del: number;
  /** Keys of objects whose deletion is expected. */
  deleting: Set<string>;
  at: number;
}

export class ControllerExpectations {
  private readonly byKey = new Map<string, Expectation>();

  constructor(
    private readonly clock: Clock = realClock,
    private readonly ttlMs = EXPECTATIONS_TTL_MS,
  ) {}

  /** True when the controller may act on `key`: nothing pending, expectations expired, or never set. */
  satisfied(key: string): boolean {
    const e = this.byKey.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.clock.now() - e.at > this.ttlMs;
  }

  expectCreations(key: string, n: number): void {
    this.byKey.set(key, { add: n, del: 0, deleting: new Set(), at: this.clock.now() });
  }

  expectDeletions(key: string, objectKeys: string[]): void {
    this.byKey.set(key, { add: 0, del: objectKeys.length, deleting: new Set(objectKeys), at: this.clock.now() });
  }

  creationObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e) e.add--;
  }

  /** A deletion of `objectKey` was observed (counted once per expected object). */
  deletionObserved(key: string, objectKey: string): void {
    const e = this.byKey.get(key);
    if (e && e.deleting.delete(objectKey)) e.del--;
  }

  delete(key: string): void {
    this.byKey.delete(key);
  }

  /** For tests and diagnostics. */
  pending(key: string): { add: number; del: number } | undefined {
    const e = this.byKey.get(key);
    return e ? { add: e.add, del: e.del } : undefined;
  }
}
