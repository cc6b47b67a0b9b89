/** Field paths as the apiserver prints them: `spec.template.containers[0].name`. */

export function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** apimachinery field.Path.Key: `spec.labels[app]`. */
export function keyPath(parent: string, key: string): string {
  return `${parent}[${key}]`;
}
