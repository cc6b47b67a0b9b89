/** Merge-patches a rollout's status subresource, falling back to the main resource when it is not served. */
import type { KubeClient } from '../../kube/client.ts';
import type { KubeObject } from '../../cluster/store/object.ts';
import { isNotFound } from '../../kube/rest-errors.ts';
import { rollouts } from '../../kube/resources.ts';

export async function patchRolloutStatus(client: KubeClient, namespace: string, name: string, patch: unknown): Promise<KubeObject> {
  try {
    return await client.patch(rollouts, namespace, name, patch, 'merge', { subresource: 'status' });
  } catch (err) {
    if (!isNotFound(err)) throw err;
    return client.patch(rollouts, namespace, name, patch, 'merge');
  }
}
