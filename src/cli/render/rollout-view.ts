/** `get rollout`: the summary block and the revision tree of one rollout. */
import { rolloutImages } from '../info/images.ts';
import { revisions, rolloutInfo, type RolloutObjects } from '../info/rollout-info.ts';
import type { ImageInfo, RolloutInfo } from '../info/types.ts';
import type { Colorizer } from './ansi.ts';
import { age } from './human-duration.ts';
import { KIND_ICON } from './icons.ts';
import type { RenderOptions } from './options.ts';
import { tabwrite } from './tabwriter.ts';
import { analysisRunRows, experimentRows, replicaSetRows, treeContext, type TreeContext } from './tree-children.ts';
import { branch, field, row, TREE_HEADER } from './tree.ts';

export function formatImage(c: Colorizer, image: ImageInfo): string {
  return image.tags.length > 0 ? `${image.image} (${image.tags.map((t) => c.word(t)).join(', ')})` : image.image;
}

export function imageLines(c: Colorizer, images: readonly ImageInfo[]): string {
  return images.map((img, i) => field(i === 0 ? 'Images:' : '', formatImage(c, img))).join('');
}

function summary(t: TreeContext, info: RolloutInfo): string {
  let out = field('Name:', info.name) + field('Namespace:', info.namespace) + field('Status:', `${t.c.word(info.icon)} ${info.status}`);
  if (info.message) out += field('Message:', info.message);
  out += field('Strategy:', info.strategy);
  if (info.strategy === 'Canary') out += field('  Step:', info.step) + field('  SetWeight:', info.setWeight) + field('  ActualWeight:', info.actualWeight);
  out += imageLines(t.c, rolloutImages(info));
  out += 'Replicas:\n';
  out += field('  Desired:', info.desired) + field('  Current:', info.current) + field('  Updated:', info.updated);
  out += field('  Ready:', info.ready) + field('  Available:', info.available);
  return out;
}

function revisionRows(t: TreeContext, info: RolloutInfo, revision: number, prefix: string, childPrefix: string): string {
  let out = `${prefix}${KIND_ICON.revision} revision:${revision}\t\t \t\t\n`;
  const rss = info.replicaSets.filter((x) => x.revision === revision);
  const exps = info.experiments.filter((x) => x.revision === revision);
  const ars = info.analysisRuns.filter((x) => x.revision === revision);
  const total = rss.length + exps.length + ars.length;
  let curr = 0;
  const next = (): { prefix: string; childPrefix: string } => branch(curr++ === total - 1, childPrefix);
  for (const rs of rss) {
    const b = next();
    out += replicaSetRows(t, rs, b.prefix, b.childPrefix);
  }
  for (const exp of exps) {
    const b = next();
    out += experimentRows(t, exp, b.prefix, b.childPrefix);
  }
  for (const ar of ars) {
    const b = next();
    out += analysisRunRows(t, ar, b.prefix, b.childPrefix);
  }
  return out;
}

export function renderRolloutInfo(info: RolloutInfo, opts: RenderOptions): string {
  const t = treeContext(opts);
  let tree = TREE_HEADER + row(KIND_ICON.rollout, info.name, 'Rollout', `${t.c.word(info.icon)} ${info.status}`, age(info.creationTimestamp, t.now), '');
  const revs = revisions(info);
  revs.forEach((rev, i) => {
    const b = branch(i === revs.length - 1, '');
    tree += revisionRows(t, info, rev, b.prefix, b.childPrefix);
  });
  return `${summary(t, info)}\n${tabwrite(tree)}`;
}

/** The whole `get rollout` output for these objects. */
export function renderRollout(objects: RolloutObjects, opts: RenderOptions): string {
  return renderRolloutInfo(rolloutInfo(objects), opts);
}
