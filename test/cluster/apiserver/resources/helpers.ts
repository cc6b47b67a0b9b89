import type { KubeObject } from '../../../../src/cluster/store/object.ts';
import { builtinResourceTypes } from '../../../../src/cluster/apiserver/resources/builtin/index.ts';
import type { ResourceType } from '../../../../src/cluster/apiserver/resources/types.ts';
import type { StatusCause } from '../../../../src/cluster/apiserver/errors.ts';

export function rt(group: string, resource: string): ResourceType {
  const found = builtinResourceTypes().find((r) => r.group === group && r.resource === resource);
  if (!found) throw new Error(`no built-in ${group}/${resource}`);
  return found;
}

/** What the object service does on create: prepareForCreate, then defaults, then validate. */
export function create(r: ResourceType, obj: KubeObject): { obj: KubeObject; causes: StatusCause[] } {
  const o = JSON.parse(JSON.stringify(obj)) as KubeObject;
  (o.metadata as { uid?: string }).uid ??= '11111111-2222-3333-4444-555555555555';
  r.prepareForCreate?.(o);
  r.defaults?.(o, undefined);
  return { obj: o, causes: r.validate?.(o, undefined) ?? [] };
}

/** An update: defaults then validate against the old object. */
export function update(r: ResourceType, obj: KubeObject, old: KubeObject): { obj: KubeObject; causes: StatusCause[] } {
  const o = JSON.parse(JSON.stringify(obj)) as KubeObject;
  r.defaults?.(o, old);
  return { obj: o, causes: r.validate?.(o, old) ?? [] };
}

/** `field: message` lines, the way invalid() joins causes into the Status message. */
export function messages(causes: StatusCause[]): string[] {
  return causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
}

export const container = (extra: Record<string, unknown> = {}) => ({ name: 'app', image: 'nginx:1.27', ...extra });

export function deployment(spec: Record<string, unknown> = {}, name = 'web'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container()] } },
      ...spec,
    },
  };
}
