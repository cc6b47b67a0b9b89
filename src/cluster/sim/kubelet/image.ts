/** Image references: the normalised name the kubelet reports, and the unpullable-tag convention. */
import { UNPULLABLE_TAG } from './annotations.ts';

/** `nginx` → `docker.io/library/nginx:latest`, `me/app:1` → `docker.io/me/app:1`, registries kept. */
export function normalizeImage(image: string): string {
  const [name = '', digest] = image.split('@');
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let path = hasRegistry ? name : slash >= 0 ? `docker.io/${name}` : `docker.io/library/${name}`;
  const lastSlash = path.lastIndexOf('/');
  if (!digest && !path.slice(lastSlash + 1).includes(':')) path += ':latest';
  return digest ? `${path}@${digest}` : path;
}

/** The tag of an image reference ('' when it has none, e.g. a digest only). */
export function imageTag(image: string): string {
  const name = image.split('@')[0] ?? '';
  const last = name.slice(name.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon >= 0 ? last.slice(colon + 1) : '';
}

/** True for images the simulation refuses to pull: tag `does-not-exist` or `does-not-exist-…`. */
export function isUnpullable(image: string): boolean {
  const tag = imageTag(image);
  return tag === UNPULLABLE_TAG || tag.startsWith(`${UNPULLABLE_TAG}-`);
}
