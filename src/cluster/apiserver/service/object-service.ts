import type { KubeObject } from '../../store/object.ts';
import type { Store } from '../../store/store.ts';
import { cloneJson, isJsonObject, jsonEqual, type JsonObject } from '../../../util/json.ts';
import {
  alreadyExists,
  ApiError,
  badRequest,
  conflict,
  fieldInvalid,
  fieldRequired,
  forbidden,
  invalid,
  MODIFIED_CONFLICT,
  notFound,
  type StatusCause,
} from '../errors.ts';
import { apiVersionOf, type ResourceType } from '../resources/types.ts';
import { tableName } from '../resources/registry.ts';
import type { WriteContext } from './context.ts';
import { generateName, isDns1123Subdomain, nameProblems, newUid } from './names.ts';
import { kubeTime, type Clock } from './time.ts';
import { admit } from './admission.ts';
import { recordManagedFields } from './field-manager.ts';

type ManagedFields = KubeObject['metadata']['managedFields'];

export interface DeleteOptions {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

export interface DeleteResult {
  obj: KubeObject;
  /** True when the object is gone; false when it only got a deletionTimestamp (finalizers, grace). */
  deleted: boolean;
}

/**
 * Stateful side effects of writes that live outside the store (e.g. Service cluster IPs):
 * `reserve` runs after admission and before the commit, `release` after an object is removed.
 */
export interface WriteHooks {
  reserve(rt: ResourceType, obj: KubeObject, old: KubeObject | undefined): StatusCause[];
  release(rt: ResourceType, obj: KubeObject): void;
}

const noHooks: WriteHooks = { reserve: () => [], release: () => {} };

const SERVER_MANAGED_META = ['uid', 'creationTimestamp', 'generation', 'resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink'] as const;

/**
 * The semantics of writes, independent of HTTP: naming, metadata, generation, optimistic
 * concurrency, status subresources, admission (defaults, pruning, validation), finalizers and
 * graceful deletion. Every method either commits one change to the store or throws an ApiError.
 */
export class ObjectService {
  constructor(
    readonly store: Store,
    private readonly clock: Clock,
    /** Whether a namespace exists and accepts new objects. */
    private readonly namespaceState: (ns: string) => 'active' | 'terminating' | 'missing',
    private readonly hooks: WriteHooks = noHooks,
  ) {}

  get(rt: ResourceType, namespace: string, name: string): KubeObject {
    const obj = this.store.get(tableName(rt), rt.namespaced ? namespace : '', name);
    if (!obj) throw notFound(rt, name);
    return obj;
  }

  create(rt: ResourceType, namespace: string, body: unknown, ctx: WriteContext, appliedFields?: ManagedFields): KubeObject {
    const obj = this.decode(rt, namespace, body);
    const meta = obj.metadata;
    if (!meta.name) {
      if (meta.generateName) meta.name = generateName(meta.generateName);
      else throw invalid(rt.kind, rt.group, '', [fieldRequired('metadata.name', 'name or generateName is required')]);
    }
    if (rt.namespaced) {
      const state = this.namespaceState(namespace);
      if (state === 'missing') throw notFound({ group: '', resource: 'namespaces' }, namespace);
      if (state === 'terminating') {
        throw forbidden(`${rt.resource} "${meta.name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`);
      }
    }
    const table = tableName(rt);
    if (this.store.get(table, rt.namespaced ? namespace : '', meta.name)) throw alreadyExists(rt, meta.name);
    for (const f of SERVER_MANAGED_META) delete meta[f];
    const created = this.clock();
    meta.uid = newUid();
    meta.creationTimestamp = kubeTime(created);
    meta.generation = 1;
    if (rt.statusSubresource && !rt.prepareForCreate) delete obj.status;
    rt.prepareForCreate?.(obj);
    this.admitOrThrow(rt, obj, undefined, ctx);
    meta.managedFields = appliedFields ?? recordManagedFields(rt, undefined, obj, ctx.fieldManager, 'Update', created);
    if (ctx.dryRun) return obj;
    this.reserveOrThrow(rt, obj, undefined);
    return this.store.create(table, obj);
  }

  /** PUT of the main resource or a subresource (status). */
  update(rt: ResourceType, namespace: string, name: string, body: unknown, subresource: string, ctx: WriteContext): KubeObject {
    const old = this.get(rt, namespace, name);
    const incoming = this.decode(rt, namespace, body);
    if (incoming.metadata.name !== undefined && incoming.metadata.name !== name) {
      throw badRequest(`the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`);
    }
    const rv = incoming.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(rt, name, MODIFIED_CONFLICT);
    return this.commitUpdate(rt, old, incoming, subresource, ctx);
  }

  /**
   * Merges a proposed object into the stored one according to the subresource being written,
   * then admits and stores it. Used by update and every patch type.
   */
  commitUpdate(rt: ResourceType, old: KubeObject, proposed: KubeObject, subresource: string, ctx: WriteContext, appliedFields?: ManagedFields): KubeObject {
    let next: KubeObject;
    if (subresource === 'status') {
      // Only the status stanza changes through /status.
      next = { ...cloneJson(old), status: proposed.status };
      if (proposed.status === undefined) delete next.status;
    } else {
      next = proposed;
      next.apiVersion = apiVersionOf(rt, rt.version);
      next.kind = rt.kind;
      if (rt.statusSubresource) {
        if (old.status === undefined) delete next.status;
        else next.status = cloneJson(old.status);
      }
      const meta = next.metadata;
      for (const f of SERVER_MANAGED_META) {
        const prev = old.metadata[f];
        if (prev === undefined) delete meta[f];
        else (meta as Record<string, unknown>)[f] = prev;
      }
      meta.name = old.metadata.name;
      if (rt.namespaced) meta.namespace = old.metadata.namespace;
      else delete meta.namespace;
      if (old.metadata.deletionTimestamp) {
        const added = (meta.finalizers ?? []).filter((f) => !(old.metadata.finalizers ?? []).includes(f));
        if (added.length > 0) {
          throw invalid(rt.kind, rt.group, old.metadata.name ?? '', [
            { reason: 'FieldValueForbidden', field: 'metadata.finalizers', message: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify(added)}` },
          ]);
        }
      }
      if (specChanged(old, next)) next.metadata.generation = (old.metadata.generation ?? 1) + 1;
    }
    this.admitOrThrow(rt, next, old, ctx, subresource);
    if (sameObject(old, next)) return old;
    next.metadata.managedFields = appliedFields ?? recordManagedFields(rt, old, next, ctx.fieldManager, 'Update', this.clock(), subresource);
    if (ctx.dryRun) return next;
    if (subresource === '') this.reserveOrThrow(rt, next, old);
    if (next.metadata.deletionTimestamp && (next.metadata.finalizers ?? []).length === 0 && !awaitsGracefulDeletion(rt, next) && !awaitsNamespaceFinalization(rt, next)) {
      return this.remove(rt, this.store.update(tableName(rt), next, old));
    }
    return this.store.update(tableName(rt), next, old);
  }

  delete(rt: ResourceType, namespace: string, name: string, opts: DeleteOptions): DeleteResult {
    const old = this.get(rt, namespace, name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== old.metadata.uid) {
      throw conflict(rt, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(rt, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`);
    }
    if (opts.dryRun) return { obj: old, deleted: true };
    const finalizers = [...(old.metadata.finalizers ?? [])];
    const policy = opts.propagationPolicy ?? defaultPropagation(rt);
    const addFinalizer = (f: string): void => {
      if (!finalizers.includes(f)) finalizers.push(f);
    };
    if (!old.metadata.deletionTimestamp) {
      if (policy === 'Orphan') addFinalizer('orphan');
      if (policy === 'Foreground') addFinalizer('foregroundDeletion');
    }
    const grace = this.gracePeriod(rt, old, opts);
    const table = tableName(rt);
    if (finalizers.length === 0 && grace === 0 && !awaitsNamespaceFinalization(rt, old)) {
      return { obj: this.remove(rt, old), deleted: true };
    }
    const now = this.clock();
    const next = cloneJson(old);
    next.metadata.finalizers = finalizers.length ? finalizers : undefined;
    if (!next.metadata.finalizers) delete next.metadata.finalizers;
    if (!next.metadata.deletionTimestamp || (grace < (old.metadata.deletionGracePeriodSeconds ?? Infinity))) {
      next.metadata.deletionTimestamp = kubeTime(new Date(now.getTime() + grace * 1000));
      next.metadata.deletionGracePeriodSeconds = grace;
    }
    if (rt.group === '' && rt.resource === 'namespaces') {
      next.status = { ...(isJsonObject(next.status) ? next.status : {}), phase: 'Terminating' };
    }
    if (sameObject(old, next)) return { obj: old, deleted: false };
    return { obj: this.store.update(table, next, old), deleted: false };
  }

  /** Removes a namespace's `spec.finalizers` entry (POST/PUT .../namespaces/{name}/finalize). */
  finalizeNamespace(rt: ResourceType, name: string, body: unknown): KubeObject {
    const old = this.get(rt, '', name);
    const finalizers = isJsonObject(body) && isJsonObject(body.spec) && Array.isArray(body.spec.finalizers) ? body.spec.finalizers : [];
    const next = cloneJson(old);
    next.spec = { ...(isJsonObject(next.spec) ? next.spec : {}), finalizers };
    if (next.metadata.deletionTimestamp && finalizers.length === 0 && (next.metadata.finalizers ?? []).length === 0) {
      return this.remove(rt, this.store.update(tableName(rt), next, old));
    }
    return this.store.update(tableName(rt), next, old);
  }

  private remove(rt: ResourceType, obj: KubeObject): KubeObject {
    const deleted = this.store.delete(tableName(rt), obj);
    this.hooks.release(rt, deleted);
    return deleted;
  }

  private reserveOrThrow(rt: ResourceType, obj: KubeObject, old: KubeObject | undefined): void {
    const causes = this.hooks.reserve(rt, obj, old);
    if (causes.length > 0) throw invalid(rt.kind, rt.group, obj.metadata.name ?? '', causes);
  }

  /** Grace period for a deletion: pods that a kubelet runs terminate gracefully, everything else at once. */
  private gracePeriod(rt: ResourceType, obj: KubeObject, opts: DeleteOptions): number {
    if (rt.group === '' && rt.resource === 'namespaces') return 0;
    if (!awaitsGracefulDeletion(rt, obj)) return 0;
    const spec = isJsonObject(obj.spec) ? obj.spec : {};
    const status = isJsonObject(obj.status) ? obj.status : {};
    if (!spec.nodeName || status.phase === 'Succeeded' || status.phase === 'Failed') return 0;
    const requested = opts.gracePeriodSeconds ?? (typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30);
    return Math.max(0, requested);
  }

  private decode(rt: ResourceType, namespace: string, body: unknown): KubeObject {
    if (!isJsonObject(body)) throw badRequest('the request body must be a JSON object');
    // The body is the caller's to give away (freshly decoded from the request): no copy needed.
    const obj = body as unknown as KubeObject;
    if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
    if (!isJsonObject(obj.metadata as unknown)) throw badRequest('metadata must be an object');
    if (obj.kind !== undefined && obj.kind !== rt.kind) {
      throw badRequest(`the kind in the data (${String(obj.kind)}) does not match the expected kind (${rt.kind})`);
    }
    if (obj.apiVersion !== undefined) {
      const expected = rt.versions.map((v) => apiVersionOf(rt, v));
      if (!expected.includes(String(obj.apiVersion))) {
        throw badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${apiVersionOf(rt, rt.version)})`);
      }
    }
    obj.apiVersion = apiVersionOf(rt, rt.version);
    obj.kind = rt.kind;
    const meta = obj.metadata;
    if (rt.namespaced) {
      if (meta.namespace && meta.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      meta.namespace = namespace;
    } else {
      delete meta.namespace;
    }
    return obj;
  }

  private admitOrThrow(rt: ResourceType, obj: KubeObject, old: KubeObject | undefined, ctx: WriteContext, subresource = ''): void {
    const causes: StatusCause[] = subresource === 'status' ? [] : metadataCauses(rt, obj);
    causes.push(...admit(rt, obj, old, ctx, subresource));
    if (causes.length > 0) throw invalid(rt.kind, rt.group, obj.metadata.name ?? '', causes);
  }
}

function metadataCauses(rt: ResourceType, obj: KubeObject): StatusCause[] {
  const name = obj.metadata.name ?? '';
  const causes: StatusCause[] = [];
  const problem = nameProblems(name);
  if (problem) causes.push(fieldInvalid('metadata.name', name, problem));
  else if (!rt.crdName && rt.resource !== 'events' && !isDns1123Subdomain(name)) {
    causes.push(
      fieldInvalid(
        'metadata.name',
        name,
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ),
    );
  }
  for (const field of ['labels', 'annotations'] as const) {
    const value = obj.metadata[field] as unknown;
    if (value === undefined) continue;
    if (!isJsonObject(value) || Object.values(value).some((v) => typeof v !== 'string')) {
      causes.push(fieldInvalid(`metadata.${field}`, value, 'must be a map of strings'));
    }
  }
  return causes;
}

function awaitsGracefulDeletion(rt: ResourceType, obj: KubeObject): boolean {
  if (!(rt.group === '' && rt.resource === 'pods')) return false;
  const spec = isJsonObject(obj.spec) ? obj.spec : {};
  return Boolean(spec.nodeName) && (obj.metadata.deletionGracePeriodSeconds ?? 1) > 0;
}

/** A namespace stays (Terminating) while `spec.finalizers` lists anything; the finalize subresource clears it. */
function awaitsNamespaceFinalization(rt: ResourceType, obj: KubeObject): boolean {
  if (!(rt.group === '' && rt.resource === 'namespaces')) return false;
  const spec = isJsonObject(obj.spec) ? obj.spec : {};
  return Array.isArray(spec.finalizers) && spec.finalizers.length > 0;
}

function defaultPropagation(rt: ResourceType): DeleteOptions['propagationPolicy'] {
  // batch/v1 Jobs orphan their pods unless told otherwise, as in Kubernetes.
  return rt.group === 'batch' && rt.resource === 'jobs' ? 'Orphan' : 'Background';
}

/** A change outside metadata and status: what bumps metadata.generation. */
function specChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject): JsonObject => {
    const rest: Record<string, unknown> = { ...o };
    delete rest.metadata;
    delete rest.status;
    delete rest.apiVersion;
    delete rest.kind;
    return rest as JsonObject;
  };
  return !jsonEqual(strip(a), strip(b));
}

/** Equal apart from resourceVersion and managedFields: such a write is a no-op. */
function sameObject(a: KubeObject, b: KubeObject): boolean {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (k !== 'metadata' && !jsonEqual(a[k], b[k])) return false;
  }
  const am = a.metadata as Record<string, unknown>;
  const bm = b.metadata as Record<string, unknown>;
  for (const k of new Set([...Object.keys(am), ...Object.keys(bm)])) {
    if (k !== 'resourceVersion' && k !== 'managedFields' && !jsonEqual(am[k], bm[k])) return false;
  }
  return true;
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}
