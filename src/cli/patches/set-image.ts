/** `set image`: the object (Rollout or its workloadRef Deployment) with the container image replaced. */

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

type Json = Record<string, unknown>;

/** Splits `CONTAINER=IMAGE`; undefined unless there is exactly one `=`. */
export function parseContainerImage(arg: string): { container: string; image: string } | undefined {
  const parts = arg.split('=');
  if (parts.length !== 2) return undefined;
  return { container: parts[0]!, image: parts[1]! };
}

/**
 * A copy of `obj` whose `spec.template.spec` containers named `container` (`*` = all) use `image`;
 * throws Argo's message when none matches.
 */
export function withImage<T extends object>(obj: T, container: string, image: string): T {
  const copy = structuredClone(obj) as unknown as Json;
  const podSpec = ((copy['spec'] as Json | undefined)?.['template'] as Json | undefined)?.['spec'] as Json | undefined;
  let found = false;
  for (const field of CONTAINER_LISTS) {
    const list = podSpec?.[field];
    if (!Array.isArray(list)) continue;
    for (const ctr of list as Json[]) {
      if (ctr['name'] === container || container === '*') {
        ctr['image'] = image;
        found = true;
      }
    }
  }
  if (!found) throw new Error(`unable to find container named "${container}"`);
  return copy as unknown as T;
}
