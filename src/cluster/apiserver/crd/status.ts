/**
 * The status the apiserver writes into a CRD once its names are accepted: NamesAccepted and
 * Established conditions, acceptedNames (the defaulted names) and storedVersions (previous stored
 * versions plus the current storage version). Transition times are kept while a condition's status
 * does not change.
 */
import type {
  CustomResourceDefinition,
  CustomResourceDefinitionCondition,
  CustomResourceDefinitionNames,
  CustomResourceDefinitionStatus,
} from 'kubernetes-types/apiextensions/v1.js';
import { defaultCrd } from './defaults.ts';
import { storageVersion } from './versions.ts';

export interface CrdStatusOptions {
  /** Timestamp for conditions that change (default: now). */
  now?: Date;
  /** Set when a name is already served by another resource, e.g. `"rollouts" is already in use`. */
  nameConflict?: string;
}

function rfc3339(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

function condition(
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
  previous: CustomResourceDefinitionCondition[] | undefined,
  now: Date,
): CustomResourceDefinitionCondition {
  const prev = previous?.find((c) => c.type === type);
  const lastTransitionTime = prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(now);
  return { type, status, lastTransitionTime, reason, message };
}

export function crdStatusConditions(
  crd: CustomResourceDefinition,
  previous?: CustomResourceDefinitionCondition[],
  options: CrdStatusOptions = {},
): CustomResourceDefinitionCondition[] {
  void crd;
  const now = options.now ?? new Date();
  if (options.nameConflict) {
    return [
      condition('NamesAccepted', 'False', 'NameConflict', options.nameConflict, previous, now),
      condition('Established', 'False', 'NotAccepted', 'not all names are accepted', previous, now),
    ];
  }
  return [
    condition('NamesAccepted', 'True', 'NoConflicts', 'no conflicts found', previous, now),
    condition('Established', 'True', 'InitialNamesAccepted', 'the initial names have been accepted', previous, now),
  ];
}

function acceptedNames(crd: CustomResourceDefinition): CustomResourceDefinitionNames {
  const names = defaultCrd(crd).spec?.names;
  const out: CustomResourceDefinitionNames = { plural: names?.plural ?? '', kind: names?.kind ?? '' };
  if (names?.singular) out.singular = names.singular;
  if (names?.shortNames?.length) out.shortNames = [...names.shortNames];
  if (names?.listKind) out.listKind = names.listKind;
  if (names?.categories?.length) out.categories = [...names.categories];
  return out;
}

export function crdStatus(
  crd: CustomResourceDefinition,
  previous?: CustomResourceDefinitionStatus,
  options: CrdStatusOptions = {},
): CustomResourceDefinitionStatus {
  const stored = [...(previous?.storedVersions ?? [])];
  const storage = storageVersion(crd)?.name;
  if (storage && !stored.includes(storage)) stored.push(storage);
  return {
    conditions: crdStatusConditions(crd, previous?.conditions, options),
    acceptedNames: options.nameConflict ? (previous?.acceptedNames ?? { plural: '', kind: '' }) : acceptedNames(crd),
    storedVersions: stored,
  };
}
