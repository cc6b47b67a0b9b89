/**
 * When a Rollout is deleted, the Services it managed are handed back (Argo's service controller):
 * if no other rollout references a Service whose managed-by annotation names the deleted rollout,
 * the `rollouts-pod-template-hash` selector and the annotation are removed.
 */
import type { Rollout } from '../../api/types/rollout.ts';
import { ANNOTATION_MANAGED_BY_ROLLOUTS, LABEL_POD_TEMPLATE_HASH } from '../../api/constants.ts';
import type { KubeClient } from '../../kube/client.ts';
import { errText, type KubeLogger } from '../../kube/log.ts';
import { isNotFound } from '../../kube/rest-errors.ts';
import * as resources from '../../kube/resources.ts';
import { referencedServiceNames, SERVICE_INDEX, type RolloutInformers } from './informers.ts';

export async function releaseServices(client: KubeClient, informers: RolloutInformers, ro: Rollout, logger: KubeLogger): Promise<void> {
  const ns = ro.metadata?.namespace ?? '';
  for (const name of referencedServiceNames(ro)) {
    const svc = informers.services.cache.get(ns, name);
    const annotations = (svc?.metadata.annotations ?? {}) as Record<string, string>;
    if (!svc || annotations[ANNOTATION_MANAGED_BY_ROLLOUTS] !== ro.metadata?.name) continue;
    const others = informers.rollouts.cache.byIndex(SERVICE_INDEX, `${ns}/${name}`).filter((o) => o.metadata.uid !== ro.metadata?.uid);
    if (others.length > 0) continue;
    try {
      await client.patch(resources.services, ns, name, { metadata: { annotations: { [ANNOTATION_MANAGED_BY_ROLLOUTS]: null } }, spec: { selector: { [LABEL_POD_TEMPLATE_HASH]: null } } }, 'merge');
    } catch (err) {
      if (!isNotFound(err)) logger.warn({ service: name, err: errText(err) }, 'could not release service of deleted rollout');
    }
  }
}
