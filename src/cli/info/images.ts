/** The Images block of the tree view: running images with their role tags, sorted by image. */
import type { ExperimentInfo, ImageInfo, ReplicaSetInfo, RolloutInfo } from './types.ts';

function merge(images: ImageInfo[], next: ImageInfo): ImageInfo[] {
  const existing = images.find((i) => i.image === next.image);
  if (existing) existing.tags = [...new Set([...next.tags, ...existing.tags])].sort();
  else images.push({ image: next.image, tags: [...next.tags] });
  return images.sort((a, b) => (a.image < b.image ? -1 : a.image > b.image ? 1 : 0));
}

function roleTags(rs: ReplicaSetInfo): string[] {
  const tags: string[] = [];
  if (rs.canary) tags.push('canary');
  if (rs.stable) tags.push('stable');
  if (rs.active) tags.push('active');
  if (rs.preview) tags.push('preview');
  if (rs.ping) tags.push('ping');
  if (rs.pong) tags.push('pong');
  return tags;
}

/** Images of an experiment's running ReplicaSets, tagged `Σ:<template>`. */
export function experimentImages(exp: ExperimentInfo): ImageInfo[] {
  let images: ImageInfo[] = [];
  for (const rs of exp.replicaSets) {
    if (rs.replicas <= 0) continue;
    for (const image of rs.images) images = merge(images, { image, tags: rs.template ? [`Σ:${rs.template}`] : [] });
  }
  return images;
}

export function rolloutImages(ro: RolloutInfo): ImageInfo[] {
  let images: ImageInfo[] = [];
  for (const rs of ro.replicaSets) {
    if (rs.replicas <= 0) continue;
    for (const image of rs.images) images = merge(images, { image, tags: roleTags(rs) });
  }
  for (const exp of ro.experiments) for (const img of experimentImages(exp)) images = merge(images, img);
  return images;
}
