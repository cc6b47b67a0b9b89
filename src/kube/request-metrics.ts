/**
 * Counts API requests by kind, verb and HTTP status — what the controller exports as Argo's
 * `controller_clientset_k8s_request_total{kind,verb,status_code}`. A listener hook lets the
 * metrics module mirror each request into prom-client without this module depending on it.
 */
export interface RequestRecord {
  /** Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection. */
  verb: string;
  /** Plural resource name (`replicasets`), or the path for raw requests. */
  resource: string;
  /** Kind when known (`ReplicaSet`), otherwise the resource. */
  kind: string;
  namespace: string;
  name: string;
  /** HTTP status; 0 when no response arrived (network error, timeout, abort). */
  statusCode: number;
  durationMs: number;
}

export interface RequestCount {
  kind: string;
  verb: string;
  statusCode: number;
  count: number;
}

export type RequestListener = (record: RequestRecord) => void;

export class RequestMetrics {
  private readonly counts = new Map<string, RequestCount>();
  private readonly listeners = new Set<RequestListener>();

  record(r: RequestRecord): void {
    const key = `${r.kind}\u0000${r.verb}\u0000${r.statusCode}`;
    const entry = this.counts.get(key);
    if (entry) entry.count++;
    else this.counts.set(key, { kind: r.kind, verb: r.verb, statusCode: r.statusCode, count: 1 });
    for (const listener of this.listeners) {
      try {
        listener(r);
      } catch {
        // A metrics listener must never break a request.
      }
    }
  }

  /** Subscribes to every request; returns the unsubscribe function. */
  onRequest(listener: RequestListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): RequestCount[] {
    return [...this.counts.values()].map((c) => ({ ...c }));
  }

  /** Sum of counts matching every given field. */
  total(filter: Partial<Omit<RequestCount, 'count'>> = {}): number {
    let sum = 0;
    for (const c of this.counts.values()) {
      if (filter.kind !== undefined && c.kind !== filter.kind) continue;
      if (filter.verb !== undefined && c.verb !== filter.verb) continue;
      if (filter.statusCode !== undefined && c.statusCode !== filter.statusCode) continue;
      sum += c.count;
    }
    return sum;
  }
}
