/** Building blocks of the tree views: branch prefixes, the `%-17s` header block, one row per object. */
import { padRight } from './go-fmt.ts';

/** `├──`/`│  ` for a middle child, `└──`/`   ` for the last one. */
export function branch(isLast: boolean, subPrefix: string): { prefix: string; childPrefix: string } {
  return isLast ? { prefix: `${subPrefix}└──`, childPrefix: `${subPrefix}   ` } : { prefix: `${subPrefix}├──`, childPrefix: `${subPrefix}│  ` };
}

/** One line of the `Name:            value` block (`%-17s%v`). */
export function field(label: string, value: string | number): string {
  return `${padRight(label, 17)}${value}\n`;
}

/** One tab-separated tree row: `<prefix><icon> <name>  KIND  <status>  AGE  INFO`. */
export function row(prefixAndIcon: string, name: string, kind: string, status: string, age: string, info: string): string {
  return `${prefixAndIcon} ${name}\t${kind}\t${status}\t${age}\t${info}\n`;
}

export const TREE_HEADER = 'NAME\tKIND\tSTATUS\tAGE\tINFO\n';
