// Reference oracle: the straightforward path-list implementation this directory's property tests compare the
// optimised src/cluster/apiserver/patch against (frozen copy of the code before the FieldSet trie rewrite).
/**
 * A set of field paths, and its FieldsV1 encoding: a trie whose keys are path elements, where
 * `{}` marks a member leaf and a `"."` key marks a member that also has members below it.
 * Immutable; the set operations work on member paths.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../../src/util/json.ts';
import type { FieldPath } from './field-path.ts';
import { setOwn } from '../../../../../src/cluster/apiserver/patch/safe-keys.ts';

interface Node {
  member: boolean;
  children: Map<string, Node>;
}

const newNode = (): Node => ({ member: false, children: new Map() });
const ELEMENT_ORDER = ['f:', 'k:', 'v:', 'i:'];

function compareElements(a: string, b: string): number {
  const rank = (e: string): number => {
    const i = ELEMENT_ORDER.indexOf(e.slice(0, 2));
    return i < 0 ? ELEMENT_ORDER.length : i;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export class FieldSet {
  private constructor(private readonly root: Node) {}

  static empty(): FieldSet {
    return new FieldSet(newNode());
  }

  static fromPaths(paths: Iterable<FieldPath>): FieldSet {
    const root = newNode();
    for (const path of paths) {
      if (path.length === 0) continue;
      let node = root;
      for (const element of path) {
        let child = node.children.get(element);
        if (!child) node.children.set(element, (child = newNode()));
        node = child;
      }
      node.member = true;
    }
    return new FieldSet(root);
  }

  /** Reads FieldsV1; anything that is not an object of objects yields undefined. */
  static fromFieldsV1(json: JsonValue | undefined): FieldSet | undefined {
    const read = (value: JsonValue, path: string[], out: FieldPath[]): boolean => {
      if (!isJsonObject(value)) return false;
      const keys = Object.keys(value);
      if (keys.length === 0 && path.length > 0) out.push(path);
      for (const key of keys) {
        if (key === '.') {
          if (path.length > 0) out.push(path);
        } else if (!read(value[key]!, [...path, key], out)) {
          return false;
        }
      }
      return true;
    };
    const paths: FieldPath[] = [];
    return json !== undefined && read(json, [], paths) ? FieldSet.fromPaths(paths) : undefined;
  }

  toFieldsV1(): JsonObject {
    const write = (node: Node): JsonObject => {
      const out: JsonObject = {};
      if (node.member && node.children.size > 0) out['.'] = {};
      for (const key of [...node.children.keys()].sort(compareElements)) setOwn(out, key, write(node.children.get(key)!));
      return out;
    };
    return write(this.root);
  }

  /** Member paths, depth first, parents before children, elements in FieldsV1 order. */
  paths(): FieldPath[] {
    const out: FieldPath[] = [];
    const walk = (node: Node, path: string[]): void => {
      if (node.member) out.push(path);
      for (const key of [...node.children.keys()].sort(compareElements)) walk(node.children.get(key)!, [...path, key]);
    };
    walk(this.root, []);
    return out;
  }

  private find(path: FieldPath): Node | undefined {
    let node: Node | undefined = this.root;
    for (const element of path) node = node?.children.get(element);
    return node;
  }

  has(path: FieldPath): boolean {
    return path.length > 0 && (this.find(path)?.member ?? false);
  }

  /** Whether the path or anything below it is a member. */
  hasAtOrUnder(path: FieldPath): boolean {
    const node = this.find(path);
    if (!node) return false;
    const any = (n: Node): boolean => n.member || [...n.children.values()].some(any);
    return any(node);
  }

  isEmpty(): boolean {
    return this.paths().length === 0;
  }

  union(other: FieldSet): FieldSet {
    return FieldSet.fromPaths([...this.paths(), ...other.paths()]);
  }

  difference(other: FieldSet): FieldSet {
    return FieldSet.fromPaths(this.paths().filter((p) => !other.has(p)));
  }

  intersection(other: FieldSet): FieldSet {
    return FieldSet.fromPaths(this.paths().filter((p) => other.has(p)));
  }

  filter(keep: (path: FieldPath) => boolean): FieldSet {
    return FieldSet.fromPaths(this.paths().filter(keep));
  }

  equals(other: FieldSet): boolean {
    const a = this.paths();
    return a.length === other.paths().length && a.every((p) => other.has(p));
  }
}
