/** Registers the simulated nodes (like kubelets registering themselves): create, then report status. */
import type { KubeClient } from '../../../kube/client.ts';
import { nodes } from '../../../kube/resources.ts';
import { isAlreadyExists, isNotFound } from '../../../kube/rest-errors.ts';
import { buildNode, buildNodeStatus, nodeName, nodeStatusCurrent } from './node-object.ts';
import type { NodeObject } from '../util/types.ts';

export interface SimNode {
  name: string;
  /** InternalIP, used as the pods' hostIP. */
  ip: string;
}

async function getNode(client: KubeClient, name: string): Promise<NodeObject | undefined> {
  try {
    return await client.get<NodeObject>(nodes, undefined, name);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Makes sure nodes 1..count exist and are Ready; returns them. Two writes per new node, none when current. */
export async function ensureNodes(client: KubeClient, count: number, now: () => number): Promise<SimNode[]> {
  const out: SimNode[] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const index = i + 1;
      let node = await getNode(client, nodeName(index));
      if (!node) {
        try {
          node = await client.create<NodeObject>(nodes, undefined, buildNode(index));
        } catch (err) {
          if (!isAlreadyExists(err)) throw err;
          node = (await getNode(client, nodeName(index))) as NodeObject;
        }
      }
      if (!nodeStatusCurrent(node, index)) {
        await client.patch(nodes, undefined, nodeName(index), { status: buildNodeStatus(index, now()) }, 'merge', { subresource: 'status' });
      }
    }),
  );
  for (let i = 1; i <= count; i++) {
    const status = buildNodeStatus(i, 0);
    out.push({ name: nodeName(i), ip: status.addresses?.[0]?.address ?? '' });
  }
  return out;
}
