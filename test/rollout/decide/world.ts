/**
 * A tiny in-memory world for driving `decideRollout` in a loop: ReplicaSets whose pods become
 * available a few ticks after they are asked for, Services, a clock, the user actions of reference
 * §3.7 as patches, and `apply(plan)` doing what the controller's act half does against the API.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Service } from 'kubernetes-types/core/v1.js';
import type { Rollout } from '../../../src/api/types/rollout.ts';
import type { CanaryStrategy, BlueGreenStrategy } from '../../../src/api/types/rollout-strategy.ts';
import { decideRollout } from '../../../src/rollout/decide/decide.ts';
import { applyMergePatch, normalizeJson, type JsonObject } from '../../../src/rollout/decide/merge-patch.ts';
import type { PlannedEvent, RolloutPlan } from '../../../src/rollout/decide/types.ts';

export const T0 = Date.parse('2025-01-01T00:00:00Z');

/** kubernetes-types marks server-set fields readonly; the simulated server sets them. */
function mut<T>(o: T): { -readonly [K in keyof T]: T[K] } {
  return o as { -readonly [K in keyof T]: T[K] };
}

export interface WorldOptions {
  replicas?: number;
  canary?: CanaryStrategy;
  blueGreen?: BlueGreenStrategy;
  /** Ticks from a pod being asked for to it being available (default 1). */
  readyAfterTicks?: number;
  tickMs?: number;
  image?: string;
  services?: string[];
}

interface PendingPods {
  /** tick at which each not-yet-available pod becomes available */
  readyAt: number[];
}

export class World {
  now = T0;
  tick = 0;
  rollout: Rollout;
  readonly replicaSets = new Map<string, ReplicaSet>();
  readonly services = new Map<string, Service>();
  readonly events: PlannedEvent[] = [];
  readonly plans: RolloutPlan[] = [];
  private readonly pending = new Map<string, PendingPods>();
  private uidSeq = 0;
  private rv = 1;
  readonly readyAfterTicks: number;
  readonly tickMs: number;

  constructor(opts: WorldOptions) {
    this.readyAfterTicks = opts.readyAfterTicks ?? 1;
    this.tickMs = opts.tickMs ?? 1000;
    this.rollout = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'demo', namespace: 'default', uid: 'ro-uid', generation: 1, resourceVersion: String(this.rv++), creationTimestamp: this.stamp() },
      spec: {
        replicas: opts.replicas ?? 5,
        selector: { matchLabels: { app: 'demo' } },
        template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'app', image: opts.image ?? 'app:1' }] } },
        strategy: opts.blueGreen ? { blueGreen: opts.blueGreen } : { canary: opts.canary ?? {} },
      },
    };
    for (const name of opts.services ?? []) {
      this.services.set(name, { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: 'demo' } } });
    }
  }

  stamp(ms = this.now): string {
    return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }

  // ---- user actions (reference §3.7) --------------------------------------------------------

  private bumpGeneration(): void {
    mut(this.rollout.metadata!).generation = (this.rollout.metadata!.generation ?? 0) + 1;
    mut(this.rollout.metadata!).resourceVersion = String(this.rv++);
  }

  setImage(image: string): void {
    this.rollout.spec.template!.spec!.containers[0]!.image = image;
    this.bumpGeneration();
  }

  scale(replicas: number): void {
    this.rollout.spec.replicas = replicas;
    this.bumpGeneration();
  }

  patchStatus(patch: JsonObject): void {
    this.rollout = { ...this.rollout, status: applyMergePatch(this.rollout.status ?? {}, patch) };
    mut(this.rollout.metadata!).resourceVersion = String(this.rv++);
  }

  patchSpec(patch: JsonObject): void {
    this.rollout = { ...this.rollout, spec: applyMergePatch(this.rollout.spec, patch) };
    this.bumpGeneration();
  }

  /** `kubectl argo rollouts promote`. */
  promote(): void {
    const ro = this.rollout;
    if (ro.spec.paused) this.patchSpec({ paused: false });
    const st = ro.status ?? {};
    if ((st.pauseConditions ?? []).length > 0) return this.patchStatus({ pauseConditions: null });
    const steps = ro.spec.strategy.canary?.steps ?? [];
    if (ro.spec.strategy.canary) {
      const next = Math.min((st.currentStepIndex ?? 0) + 1, steps.length);
      this.patchStatus({ pauseConditions: null, currentStepIndex: next });
    }
  }

  promoteFull(): void {
    if (this.rollout.spec.paused) this.patchSpec({ paused: false });
    const st = this.rollout.status ?? {};
    if (st.currentPodHash !== st.stableRS) this.patchStatus({ promoteFull: true });
  }

  abort(): void {
    this.patchStatus({ abort: true });
  }

  retry(): void {
    this.patchStatus({ abort: false });
  }

  // ---- the cluster --------------------------------------------------------------------------

  allReplicaSets(): ReplicaSet[] {
    return [...this.replicaSets.values()];
  }

  /** RS controller + kubelet: pods appear at once and turn available after readyAfterTicks. */
  private simulateReplicaSets(): void {
    for (const rs of this.replicaSets.values()) {
      const name = rs.metadata!.name!;
      const spec = rs.spec?.replicas ?? 1;
      const status = rs.status ?? { replicas: 0 };
      const pending = this.pending.get(name) ?? { readyAt: [] };
      let available = status.availableReplicas ?? 0;
      // pods that became available
      const stillPending = pending.readyAt.filter((t) => t > this.tick);
      available += pending.readyAt.length - stillPending.length;
      pending.readyAt = stillPending;
      let actual = available + pending.readyAt.length;
      if (actual < spec) {
        for (let i = actual; i < spec; i++) pending.readyAt.push(this.tick + this.readyAfterTicks);
        actual = spec;
      } else if (actual > spec) {
        // not-ready pods go first (ActivePods ranking)
        let excess = actual - spec;
        while (excess > 0 && pending.readyAt.length > 0) {
          pending.readyAt.pop();
          excess--;
        }
        available -= excess;
        actual = spec;
      }
      this.pending.set(name, pending);
      mut(rs).status = { replicas: actual, availableReplicas: available, readyReplicas: available, fullyLabeledReplicas: actual, observedGeneration: rs.metadata!.generation ?? 1 };
    }
  }

  /** One controller pass: decide, then apply the plan (or only its first `maxWrites` writes). */
  reconcile(maxWrites = Infinity): RolloutPlan {
    const plan = decideRollout({
      rollout: normalizeJson(this.rollout),
      replicaSets: this.allReplicaSets()
        .filter((rs) => (rs.metadata?.ownerReferences ?? []).some((o) => o.controller && o.uid === this.rollout.metadata?.uid))
        .map((rs) => normalizeJson(rs)),
      replicaSetNamed: (n) => this.replicaSets.get(n),
      services: new Map([...this.services].map(([k, v]) => [k, normalizeJson(v)])),
      now: this.now,
    });
    this.apply(plan, maxWrites);
    this.plans.push(plan);
    return plan;
  }

  /**
   * Applies the plan's writes in the controller's order. With `maxWrites`, stops after that many
   * writes — a controller killed in the middle of acting.
   */
  apply(plan: RolloutPlan, maxWrites = Infinity): void {
    let budget = maxWrites;
    const write = (): boolean => budget-- > 0;
    if (plan.rolloutPatch) {
      if (!write()) return;
      this.rollout = applyMergePatch(this.rollout, plan.rolloutPatch);
      if ((plan.rolloutPatch as { spec?: unknown }).spec) this.bumpGeneration();
      if (plan.stopAfterRolloutPatch) return;
    }
    if (plan.createReplicaSet) {
      if (!write()) return;
      const rs = normalizeJson(plan.createReplicaSet.replicaSet);
      mut(rs.metadata!).uid = `rs-${++this.uidSeq}`;
      mut(rs.metadata!).creationTimestamp = this.stamp(this.now + this.uidSeq);
      mut(rs.metadata!).generation = 1;
      mut(rs.metadata!).resourceVersion = String(this.rv++);
      mut(rs).status = { replicas: 0, availableReplicas: 0, readyReplicas: 0 };
      if (this.replicaSets.has(rs.metadata!.name!)) throw new Error(`AlreadyExists ${rs.metadata!.name}`);
      this.replicaSets.set(rs.metadata!.name!, rs);
      this.events.push(...plan.createReplicaSet.events);
    }
    for (const p of plan.replicaSetPatches) {
      if (!write()) return;
      const rs = this.replicaSets.get(p.name);
      if (!rs) throw new Error(`patch of missing RS ${p.name}`);
      const patch = normalizeJson(p.patch);
      const meta = patch['metadata'] as JsonObject | undefined;
      if (meta?.['resourceVersion'] && meta['resourceVersion'] !== rs.metadata!.resourceVersion) throw new Error(`conflict on ${p.name}`);
      if (meta) delete meta['resourceVersion'];
      const next = applyMergePatch(rs, patch);
      if (patch['spec']) mut(next.metadata!).generation = (rs.metadata!.generation ?? 1) + 1;
      mut(next.metadata!).resourceVersion = String(this.rv++);
      mut(next).status = rs.status;
      this.replicaSets.set(p.name, next);
      this.events.push(...p.events);
    }
    for (const p of plan.servicePatches) {
      if (!write()) return;
      this.services.set(p.name, applyMergePatch(this.services.get(p.name)!, p.patch));
      this.events.push(...p.events);
    }
    for (const name of plan.deleteReplicaSets) {
      if (!write()) return;
      this.replicaSets.delete(name);
    }
    if (plan.statusPatch) {
      if (!write()) return;
      this.rollout = { ...this.rollout, status: applyMergePatch(this.rollout.status ?? {}, plan.statusPatch) };
      mut(this.rollout.metadata!).resourceVersion = String(this.rv++);
    }
    this.events.push(...plan.events);
  }

  /** Advance time one tick: the cluster moves, then the controller reconciles (a few passes). */
  step(passes = 3): void {
    this.tick++;
    this.now += this.tickMs;
    this.simulateReplicaSets();
    for (let i = 0; i < passes; i++) this.reconcile();
  }

  run(ticks: number, passes = 3): void {
    for (let i = 0; i < ticks; i++) this.step(passes);
  }

  /** Steps until `predicate` holds (or throws after maxTicks). */
  until(predicate: (w: World) => boolean, maxTicks = 200, passes = 3): void {
    for (let i = 0; i < maxTicks; i++) {
      if (predicate(this)) return;
      this.step(passes);
    }
    if (predicate(this)) return;
    throw new Error(`condition not reached in ${maxTicks} ticks; status=${JSON.stringify(this.rollout.status)}; rs=${this.describe()}`);
  }

  rsByHash(hash: string | undefined): ReplicaSet | undefined {
    return this.allReplicaSets().find((rs) => rs.metadata?.labels?.['rollouts-pod-template-hash'] === hash);
  }

  /** `name=spec/available` for each RS. */
  describe(): string {
    return this.allReplicaSets()
      .map((rs) => `${rs.metadata!.name}=${rs.spec?.replicas}/${rs.status?.availableReplicas ?? 0}`)
      .join(',');
  }

  podsByHash(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const rs of this.replicaSets.values()) {
      const n = rs.status?.replicas ?? 0;
      if (n > 0) out[rs.metadata!.labels!['rollouts-pod-template-hash']!] = n;
    }
    return out;
  }

  phase(): string {
    return this.rollout.status?.phase ?? '';
  }

  /** Healthy and settled on the current revision. */
  healthy(): boolean {
    const st = this.rollout.status ?? {};
    return st.phase === 'Healthy' && st.observedGeneration === String(this.rollout.metadata?.generation) && st.stableRS === st.currentPodHash;
  }
}
