/** `set image ROLLOUT CONTAINER=IMAGE`: GET + Update of the Rollout (or its workloadRef Deployment), 5 tries on conflict. */
import type { KubeClient } from '../../kube/client.ts';
import type { KubeObject } from '../../cluster/store/object.ts';
import { isConflict } from '../../kube/rest-errors.ts';
import { deployments, rollouts } from '../../kube/resources.ts';
import { action, type CliCommand } from '../command.ts';
import { UsageError } from '../errors.ts';
import { parseContainerImage, withImage } from '../patches/set-image.ts';
import { group, verb } from './define.ts';

const MAX_ATTEMPTS = 5;

export async function setImage(client: KubeClient, namespace: string, name: string, container: string, image: string): Promise<KubeObject> {
  const ro = await client.get(rollouts, namespace, name);
  const workloadRef = (ro['spec'] as { workloadRef?: { name?: unknown } } | undefined)?.workloadRef;
  if (workloadRef) {
    if (typeof workloadRef.name !== 'string') throw new Error(`spec.workloadRef.name is not a string: ${String(workloadRef.name)}`);
    const deploy = await client.get(deployments, namespace, workloadRef.name);
    return client.update(deployments, namespace, withImage(deploy, container, image));
  }
  return client.update(rollouts, namespace, withImage(ro, container, image));
}

export const setCommand: CliCommand = {
  register(parent, ctx) {
    const set = group(parent, { name: 'set', description: 'Update various values on resources' });
    verb(set, ctx, { name: 'image', usage: 'ROLLOUT_NAME CONTAINER=IMAGE', description: 'Update the image of a rollout', example: '  # Set rollout image\n  %s set image my-rollout www=image:v2' }).action(
      action(ctx, async (cmd, args: string[]) => {
        const parsed = args.length === 2 ? parseContainerImage(args[1]!) : undefined;
        if (!parsed) throw new UsageError();
        const { client, namespace } = await ctx.connect(cmd);
        let updated: KubeObject | undefined;
        for (let attempt = 0; ; attempt++) {
          try {
            updated = await setImage(client, namespace, args[0]!, parsed.container, parsed.image);
            break;
          } catch (err) {
            if (isConflict(err) && attempt < MAX_ATTEMPTS - 1) continue;
            throw err;
          }
        }
        ctx.out.write(`${(updated.kind ?? 'rollout').toLowerCase()} "${updated.metadata.name}" image updated\n`);
      }),
    );
    return set;
  },
};
