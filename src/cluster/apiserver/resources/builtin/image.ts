/** Container image references: the tag rule behind imagePullPolicy defaulting. */

/** The tag and digest of an image reference; undefined when the reference does not parse. */
export function parseImageRef(image: string): { tag: string; digest: string } | undefined {
  if (image === '' || /\s/.test(image)) return undefined;
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : '';
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = colon > slash ? named.slice(colon + 1) : '';
  const repo = colon > slash ? named.slice(0, colon) : named;
  const firstSlash = repo.indexOf('/');
  const path = firstSlash >= 0 && /[.:]|^localhost$/.test(repo.slice(0, firstSlash)) ? repo.slice(firstSlash + 1) : repo;
  if (path === '' || /[A-Z]/.test(path)) return undefined;
  if (at >= 0 && !/^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/.test(digest)) return undefined;
  return { tag, digest };
}

/** SetDefaults_Container: Always for `:latest` or an untagged, undigested image; else IfNotPresent. */
export function defaultPullPolicy(image: unknown): 'Always' | 'IfNotPresent' {
  const ref = typeof image === 'string' ? parseImageRef(image) : undefined;
  if (!ref) return 'IfNotPresent';
  const tag = ref.tag === '' && ref.digest === '' ? 'latest' : ref.tag;
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}
