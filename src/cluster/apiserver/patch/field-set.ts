/**
 * A set of field paths, and its FieldsV1 encoding: a trie whose keys are path elements, where
 * `{}` marks a member leaf and a `"."` key marks a member that also has members below it.
 *
 * Immutable, and cheap to change a little: the set operations walk both tries together and share
 * every subtree they leave alone (returning an operand itself when the result equals it), so
 * taking a small change away from a large set costs about the size of the change. Every node is
 * a member or has a member below it. A node read from FieldsV1 that is already in the form
 * toFieldsV1 writes keeps that JSON object and encodes to it, so unchanged managedFields pass
 * through without being rebuilt; toFieldsV1 results are shared and must not be mutated.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../util/json.ts';
import type { FieldPath } from './field-path.ts';
import { setOwn } from './safe-keys.ts';

class Node {
  /** This subtree as FieldsV1, once known (read in canonical form or written once). */
  json: JsonObject | undefined = undefined;

  /** Both fields change only while a FieldSetBuilder (or fromPaths) is filling a new trie. */
  constructor(
    public member: boolean,
    public children: Map<string, Node>,
  ) {}
}

/** Shared by every leaf; never written to (a builder replaces it before adding a child). */
const NO_CHILDREN: Map<string, Node> = new Map();

/** FieldsV1 order: `f:` before `k:` before `v:` before `i:` before anything else, then by code unit. */
function rank(element: string): number {
  if (element.charCodeAt(1) !== 58 /* ':' */) return 4;
  switch (element.charCodeAt(0)) {
    case 102 /* f */:
      return 0;
    case 107 /* k */:
      return 1;
    case 118 /* v */:
      return 2;
    case 105 /* i */:
      return 3;
    default:
      return 4;
  }
}

function compareElements(a: string, b: string): number {
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function sortedKeys(node: Node): string[] {
  const keys = [...node.children.keys()];
  for (let i = 1; i < keys.length; i++) {
    if (compareElements(keys[i - 1]!, keys[i]!) > 0) return keys.sort(compareElements);
  }
  return keys;
}

function addPath(root: Node, path: FieldPath): void {
  let node = root;
  for (const element of path) {
    let child = node.children.get(element);
    if (!child) {
      child = new Node(false, NO_CHILDREN);
      if (node.children === NO_CHILDREN) node.children = new Map();
      node.children.set(element, child);
    }
    node = child;
  }
  node.member = true;
}

const isEmptyObject = (value: JsonValue | undefined): boolean => isJsonObject(value) && Object.keys(value).length === 0;
/** Keys that look like array indices are ordered first by JavaScript objects, whatever the insertion order. */
const startsWithDigit = (key: string): boolean => {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57;
};

/**
 * Reads one FieldsV1 level; undefined when something below is not an object. Keeps `json` on
 * the node when encoding the node would give back exactly `json`, key order included.
 */
function decodeNode(json: JsonObject, isRoot: boolean): Node | undefined {
  const keys = Object.keys(json);
  let member = keys.length === 0 && !isRoot;
  let children: Map<string, Node> | undefined;
  let canonical = true;
  let previous: string | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = json[key]!;
    if (key === '.') {
      if (!isRoot) member = true;
      if (i !== 0 || isRoot || keys.length === 1 || !isEmptyObject(value)) canonical = false;
      continue;
    }
    if (!isJsonObject(value)) return undefined;
    const child = decodeNode(value, false);
    if (!child) return undefined;
    (children ??= new Map()).set(key, child);
    if (child.json === undefined || startsWithDigit(key) || (previous !== undefined && compareElements(previous, key) >= 0)) canonical = false;
    previous = key;
  }
  const node = new Node(member, children ?? NO_CHILDREN);
  if (canonical) node.json = json;
  return node;
}

function encodeNode(node: Node): JsonObject {
  if (node.json) return node.json;
  const out: JsonObject = {};
  if (node.member && node.children.size > 0) out['.'] = {};
  for (const key of sortedKeys(node)) setOwn(out, key, encodeNode(node.children.get(key)!));
  node.json = out;
  return out;
}

/** Calls `visit` for each key both maps have, iterating the smaller one. */
function forCommon(a: Map<string, Node>, b: Map<string, Node>, visit: (key: string, ac: Node, bc: Node) => void): void {
  if (a.size <= b.size) {
    for (const [key, ac] of a) {
      const bc = b.get(key);
      if (bc) visit(key, ac, bc);
    }
  } else {
    for (const [key, bc] of b) {
      const ac = a.get(key);
      if (ac) visit(key, ac, bc);
    }
  }
}

/** A node with `children`, or undefined when that leaves it without members. */
const nodeOrNothing = (member: boolean, children: Map<string, Node>): Node | undefined =>
  member || children.size > 0 ? new Node(member, children) : undefined;

function unionNodes(a: Node, b: Node): Node {
  if (a === b || (b.children.size === 0 && (a.member || !b.member))) return a;
  if (a.children.size === 0 && (b.member || !a.member)) return b;
  let children: Map<string, Node> | undefined;
  for (const [key, bc] of b.children) {
    const ac = a.children.get(key);
    const merged = ac ? unionNodes(ac, bc) : bc;
    if (merged !== ac) (children ??= new Map(a.children)).set(key, merged);
  }
  const member = a.member || b.member;
  return !children && member === a.member ? a : new Node(member, children ?? a.children);
}

function differenceNodes(a: Node, b: Node): Node | undefined {
  if (a === b) return undefined;
  const member = a.member && !b.member;
  let children: Map<string, Node> | undefined;
  forCommon(a.children, b.children, (key, ac, bc) => {
    const rest = differenceNodes(ac, bc);
    if (rest === ac) return;
    children ??= new Map(a.children);
    if (rest) children.set(key, rest);
    else children.delete(key);
  });
  return !children && member === a.member ? a : nodeOrNothing(member, children ?? a.children);
}

function intersectionNodes(a: Node, b: Node): Node | undefined {
  if (a === b) return a;
  let children: Map<string, Node> | undefined;
  forCommon(a.children, b.children, (key, ac, bc) => {
    const both = intersectionNodes(ac, bc);
    if (both) (children ??= new Map()).set(key, both);
  });
  return nodeOrNothing(a.member && b.member, children ?? NO_CHILDREN);
}

function equalNodes(a: Node, b: Node): boolean {
  if (a === b) return true;
  if (a.member !== b.member || a.children.size !== b.children.size) return false;
  for (const [key, ac] of a.children) {
    const bc = b.children.get(key);
    if (!bc || !equalNodes(ac, bc)) return false;
  }
  return true;
}

/** `node` without the children for which `descend` finds nothing (recursively); `at` is where node sits. */
function pruneNode<T>(node: Node, at: T, descend: (at: T, element: string) => T | undefined): Node | undefined {
  let children: Map<string, Node> | undefined;
  for (const [key, child] of node.children) {
    const below = descend(at, key);
    const kept = below === undefined ? undefined : pruneNode(child, below, descend);
    if (kept === child) continue;
    children ??= new Map(node.children);
    if (kept) children.set(key, kept);
    else children.delete(key);
  }
  return children ? nodeOrNothing(node.member, children) : node;
}

function filterNode(node: Node, path: string[], keep: (path: FieldPath) => boolean): Node | undefined {
  const member = node.member && keep([...path]);
  let children: Map<string, Node> | undefined;
  for (const key of sortedKeys(node)) {
    path.push(key);
    const kept = filterNode(node.children.get(key)!, path, keep);
    path.pop();
    if (kept) (children ??= new Map()).set(key, kept);
  }
  return nodeOrNothing(member, children ?? NO_CHILDREN);
}

let wrap: (root: Node) => FieldSet;

export class FieldSet {
  static {
    wrap = (root) => new FieldSet(root);
  }

  private constructor(private readonly root: Node) {}

  static empty(): FieldSet {
    return wrap(new Node(false, NO_CHILDREN));
  }

  static fromPaths(paths: Iterable<FieldPath>): FieldSet {
    const root = new Node(false, NO_CHILDREN);
    for (const path of paths) if (path.length > 0) addPath(root, path);
    return wrap(root);
  }

  /** Reads FieldsV1; anything that is not an object of objects yields undefined. */
  static fromFieldsV1(json: JsonValue | undefined): FieldSet | undefined {
    if (!isJsonObject(json)) return undefined;
    const root = decodeNode(json, true);
    return root && wrap(root);
  }

  /** FieldsV1 for this set. Shared with the set (and with the FieldsV1 it was read from): do not mutate. */
  toFieldsV1(): JsonObject {
    return encodeNode(this.root);
  }

  /** Member paths, depth first, parents before children, elements in FieldsV1 order. */
  paths(): FieldPath[] {
    const out: FieldPath[] = [];
    const walk = (node: Node, path: string[]): void => {
      if (node.member) out.push(path);
      for (const key of sortedKeys(node)) walk(node.children.get(key)!, [...path, key]);
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
    return node !== undefined && (node.member || node.children.size > 0);
  }

  isEmpty(): boolean {
    return this.root.children.size === 0;
  }

  union(other: FieldSet): FieldSet {
    const root = unionNodes(this.root, other.root);
    return root === this.root ? this : root === other.root ? other : wrap(root);
  }

  difference(other: FieldSet): FieldSet {
    const root = differenceNodes(this.root, other.root);
    return root === this.root ? this : root ? wrap(root) : FieldSet.empty();
  }

  intersection(other: FieldSet): FieldSet {
    const root = intersectionNodes(this.root, other.root);
    return root === this.root ? this : root ? wrap(root) : FieldSet.empty();
  }

  filter(keep: (path: FieldPath) => boolean): FieldSet {
    return wrap(filterNode(this.root, [], keep) ?? new Node(false, NO_CHILDREN));
  }

  /**
   * The members reachable by stepping from `start` one path element at a time: `descend` gives
   * the position below `at` for an element, or undefined when there is none, which drops that
   * element and everything under it. Returns this set itself when nothing is dropped.
   */
  prune<T>(start: T, descend: (at: T, element: string) => T | undefined): FieldSet {
    const root = pruneNode(this.root, start, descend);
    return root === this.root ? this : root ? wrap(root) : FieldSet.empty();
  }

  /**
   * Visits the members in paths() order, each with the position `descend` reaches by stepping
   * from `start` along its path. `path` is reused between calls: copy it to keep it.
   */
  forEachMember<T>(start: T, descend: (at: T, element: string) => T, visit: (path: FieldPath, at: T) => void): void {
    const path: string[] = [];
    const walk = (node: Node, at: T): void => {
      if (node.member) visit(path, at);
      for (const key of sortedKeys(node)) {
        path.push(key);
        walk(node.children.get(key)!, descend(at, key));
        path.pop();
      }
    };
    walk(this.root, start);
  }

  equals(other: FieldSet): boolean {
    return equalNodes(this.root, other.root);
  }
}

/**
 * Builds a FieldSet while walking an object: enter/leave track the current path, add makes it a
 * member. Nodes are only created for paths that get added, so walking unchanged parts is free.
 */
export class FieldSetBuilder {
  private readonly elements: string[] = [];
  /** nodes[i] is the node for elements[0..i), for as far as it exists yet. */
  private readonly nodes: Node[] = [new Node(false, NO_CHILDREN)];

  enter(element: string): void {
    this.elements.push(element);
  }

  leave(): void {
    this.elements.pop();
    if (this.nodes.length > this.elements.length + 1) this.nodes.pop();
  }

  /** Adds the current path (nothing at the root: the empty path is never a member). */
  add(): void {
    const depth = this.elements.length;
    if (depth === 0) return;
    let node = this.nodes[this.nodes.length - 1]!;
    for (let i = this.nodes.length - 1; i < depth; i++) {
      const element = this.elements[i]!;
      let child = node.children.get(element);
      if (!child) {
        child = new Node(false, NO_CHILDREN);
        if (node.children === NO_CHILDREN) node.children = new Map();
        node.children.set(element, child);
      }
      this.nodes.push(child);
      node = child;
    }
    node.member = true;
  }

  build(): FieldSet {
    return wrap(this.nodes[0]!);
  }
}
