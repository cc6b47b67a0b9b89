/** `undo ROLLOUT [--to-revision N]`: JSON-patch an earlier ReplicaSet's template back onto the rollout. */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import { formatLabelSelector } from '../../api/label-selector.ts';
import type { Rollout } from '../../api/types/rollout.ts';
import type { KubeClient } from '../../kube/client.ts';
import { deployments, replicasets, rollouts, type ResourceRef } from '../../kube/resources.ts';
import { exactlyOne } from '../args.ts';
import { action, type CliCommand } from '../command.ts';
import { errorMessage } from '../errors.ts';
import { isControlledBy, rolloutRevision, templateMatches, undoPatch } from '../patches/undo.ts';
import { verb } from './define.ts';

const podtemplates: ResourceRef = { group: '', version: 'v1', resource: 'podtemplates', namespaced: true, kind: 'PodTemplate' };
const WORKLOAD_REFS: Record<string, ResourceRef> = { Deployment: deployments, ReplicaSet: replicasets, PodTemplate: podtemplates };

/** Returns the line to print. */
export async function undoRollout(client: KubeClient, namespace: string, name: string, toRevision: number): Promise<string> {
  const ro = (await client.get(rollouts, namespace, name)) as unknown as Rollout;
  let owned: ReplicaSet[];
  try {
    const selector = formatLabelSelector(ro.spec?.selector);
    const list = await client.list(replicasets, namespace, selector === '<none>' ? {} : { labelSelector: selector });
    owned = (list.items as unknown as ReplicaSet[]).filter((rs) => isControlledBy(rs, ro.metadata?.uid ?? ''));
  } catch (err) {
    throw new Error(`failed to retrieve replica sets from rollout ${name}: ${errorMessage(err)}`);
  }
  const rs = rolloutRevision(name, owned, toRevision);
  if (templateMatches(ro.spec?.template, rs)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const patch = undoPatch(rs);
  try {
    const ref = ro.spec.workloadRef;
    if (ref) {
      const target = WORKLOAD_REFS[ref.kind ?? ''];
      if (!target) throw new Error(`workload of type ${ref.kind ?? ''} is not supported`);
      await client.patch(target, namespace, ref.name ?? '', patch, 'json');
    } else {
      await client.patch(rollouts, namespace, name, patch, 'json');
    }
  } catch (err) {
    throw new Error(`failed restoring revision ${toRevision}: ${errorMessage(err)}`);
  }
  return `rollout '${ro.metadata?.name ?? name}' undo\n`;
}

export const undoCommand: CliCommand = {
  register(parent, ctx) {
    return verb(parent, ctx, {
      name: 'undo',
      usage: 'ROLLOUT_NAME',
      description: 'Undo a rollout',
      example: '  # Undo a rollout\n  %s undo guestbook\n\n  # Undo a rollout revision 3\n  %s undo guestbook --to-revision=3',
    })
      .option('--to-revision <revision>', 'The revision to rollback to. Default to 0 (last revision).', '0')
      .action(
        action(ctx, async (cmd, args: string[], flags: { toRevision: string }) => {
          const name = exactlyOne(args);
          if (!/^[+-]?\d+$/.test(flags.toRevision)) throw new Error(`invalid argument "${flags.toRevision}" for "--to-revision" flag: strconv.ParseInt: parsing "${flags.toRevision}": invalid syntax`);
          const { client, namespace } = await ctx.connect(cmd);
          ctx.out.write(await undoRollout(client, namespace, name, Number.parseInt(flags.toRevision, 10)));
        }),
      );
  },
};
