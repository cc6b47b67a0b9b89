/**
 * SetDefaults for PodSpec and everything inside it (containers, ports, probes, volumes), as
 * applied by kube-apiserver to Pods and to pod templates of workloads.
 */
import { child, isObj, obj, objs, setDefault, type Obj } from './access.ts';
import { defaultPullPolicy } from './image.ts';

export interface PodSpecDefaultOptions {
  /** True for a Pod itself (not a template): also applies the SetDefaults_Pod extras. */
  pod: boolean;
}

function defaultHandler(handler: Obj | undefined): void {
  const httpGet = obj(handler?.['httpGet']);
  if (!httpGet) return;
  setDefault(httpGet, 'path', '/');
  setDefault(httpGet, 'scheme', 'HTTP');
}

function defaultProbe(probe: Obj | undefined): void {
  if (!probe) return;
  setDefault(probe, 'timeoutSeconds', 1);
  setDefault(probe, 'periodSeconds', 10);
  setDefault(probe, 'successThreshold', 1);
  setDefault(probe, 'failureThreshold', 3);
  defaultHandler(probe);
}

function defaultContainer(c: Obj, opts: PodSpecDefaultOptions & { hostNetwork: boolean }): void {
  setDefault(c, 'imagePullPolicy', defaultPullPolicy(c['image']));
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  for (const port of objs(c['ports'])) {
    setDefault(port, 'protocol', 'TCP');
    if (opts.pod && opts.hostNetwork && !port['hostPort']) port['hostPort'] = port['containerPort'];
  }
  for (const env of objs(c['env'])) {
    const fieldRef = obj(obj(env['valueFrom'])?.['fieldRef']);
    if (fieldRef) setDefault(fieldRef, 'apiVersion', 'v1');
  }
  defaultProbe(obj(c['livenessProbe']));
  defaultProbe(obj(c['readinessProbe']));
  defaultProbe(obj(c['startupProbe']));
  const lifecycle = obj(c['lifecycle']);
  defaultHandler(obj(lifecycle?.['postStart']));
  defaultHandler(obj(lifecycle?.['preStop']));
  if (opts.pod) {
    // SetDefaults_Pod: requests default to limits (only on Pods, never on templates).
    const resources = obj(c['resources']);
    const limits = obj(resources?.['limits']);
    if (resources && limits && Object.keys(limits).length > 0) {
      const requests = child(resources, 'requests');
      for (const [k, v] of Object.entries(limits)) if (requests[k] === undefined) requests[k] = v;
    }
  }
}

const MODE_SOURCES = ['secret', 'configMap', 'projected', 'downwardAPI'];

function defaultVolume(v: Obj): void {
  if (Object.keys(v).every((k) => k === 'name')) {
    v['emptyDir'] = {};
    return;
  }
  for (const source of MODE_SOURCES) {
    const s = obj(v[source]);
    if (s) setDefault(s, 'defaultMode', 420);
  }
}

/** Defaults a PodSpec in place. */
export function defaultPodSpec(spec: Obj, opts: PodSpecDefaultOptions): void {
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  if (!isObj(spec['securityContext'])) spec['securityContext'] = {};
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  if (opts.pod && (spec['enableServiceLinks'] === undefined || spec['enableServiceLinks'] === null)) {
    spec['enableServiceLinks'] = true;
  }
  const containerOpts = { ...opts, hostNetwork: spec['hostNetwork'] === true };
  for (const c of objs(spec['initContainers'])) defaultContainer(c, containerOpts);
  for (const c of objs(spec['containers'])) defaultContainer(c, containerOpts);
  for (const v of objs(spec['volumes'])) defaultVolume(v);
}

/** Defaults the pod template of a workload (spec.template.spec). */
export function defaultPodTemplate(workloadSpec: Obj): void {
  const template = obj(workloadSpec['template']);
  const spec = obj(template?.['spec']);
  if (spec) defaultPodSpec(spec, { pod: false });
}
