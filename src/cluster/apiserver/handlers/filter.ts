import type { KubeObject } from '../../store/object.ts';
import { badRequest } from '../errors.ts';
import type { ResourceType } from '../resources/types.ts';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector, fieldPaths } from '../../../kube/selectors/index.ts';

export type ObjectFilter = (obj: KubeObject) => boolean;

/** Builds the list/watch filter from `labelSelector` and `fieldSelector`; bad selectors are a 400. */
export function objectFilter(rt: ResourceType, query: URLSearchParams, fixedName = ''): ObjectFilter {
  const labelSel = query.get('labelSelector') ?? '';
  const fieldSel = query.get('fieldSelector') ?? '';
  let labelReqs: ReturnType<typeof parseLabelSelector>;
  let fieldReqs: ReturnType<typeof parseFieldSelector>;
  try {
    labelReqs = labelSel ? parseLabelSelector(labelSel) : [];
  } catch (err) {
    throw badRequest(`unable to parse requirement: ${(err as Error).message}`);
  }
  try {
    fieldReqs = fieldSel ? parseFieldSelector(fieldSel) : [];
  } catch (err) {
    throw badRequest(`invalid field selector: ${(err as Error).message}`);
  }
  const getters = rt.selectableFields ?? {};
  for (const path of fieldPaths(fieldReqs)) {
    if (path !== 'metadata.name' && path !== 'metadata.namespace' && !getters[path]) {
      throw badRequest(`field label not supported: ${path}`);
    }
  }
  const getField = (obj: KubeObject) => (path: string): string | undefined => {
    if (path === 'metadata.name') return obj.metadata.name ?? '';
    if (path === 'metadata.namespace') return obj.metadata.namespace ?? '';
    return getters[path]?.(obj) ?? '';
  };
  if (labelReqs.length === 0 && fieldReqs.length === 0 && !fixedName) return () => true;
  return (obj) =>
    (!fixedName || obj.metadata.name === fixedName) &&
    (labelReqs.length === 0 || matchesLabels(labelReqs, obj.metadata.labels)) &&
    (fieldReqs.length === 0 || matchesFields(fieldReqs, getField(obj)));
}
