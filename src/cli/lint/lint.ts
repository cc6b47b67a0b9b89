/**
 * `lint -f FILE`, offline: decode every YAML/JSON document strictly (Rollouts, Services, Ingresses),
 * then run the controller's own `validateRollout` on each Rollout, with the Services and Ingresses
 * of the same file as its referenced resources.
 */
import type { Service } from 'kubernetes-types/core/v1.js';
import { parseAllDocuments } from 'yaml';
import type { Schema } from '../../api/schema/builders.ts';
import { rolloutSchema } from '../../api/schema/rollout-schema.ts';
import type { Rollout } from '../../api/types/rollout.ts';
import { formatFieldError, type FieldError } from '../../api/validation/field-error.ts';
import { validateRollout } from '../../api/validation/validate-rollout.ts';
import { ingressV1, ingressV1beta1, objectMeta, podTemplateSpec, service } from './known-fields.ts';
import { ingressFromV1beta1, referencesInFile, type FileObjects } from './references.ts';
import { strictDecodeError } from './strict.ts';

/** The Rollout CRD schema with metadata and the pod template described field by field. */
export function strictRolloutSchema(): Schema {
  const s = rolloutSchema();
  const props = { ...s.properties };
  props['metadata'] = objectMeta;
  const spec = props['spec'];
  if (spec?.properties) props['spec'] = { ...spec, properties: { ...spec.properties, template: podTemplateSpec } };
  return { ...s, properties: props };
}

/** Documents of a YAML (or JSON) stream; empty documents are skipped. Throws on syntax errors. */
export function decodeDocuments(text: string): unknown[] {
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  if (!Array.isArray(docs)) throw new Error('error converting YAML to JSON: not a YAML document stream');
  const out: unknown[] = [];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      const what = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      const line = err.linePos?.[0]?.line;
      throw new Error(`error converting YAML to JSON: yaml: ${line !== undefined ? `line ${line}: ` : ''}${what}`);
    }
    const value: unknown = doc.toJS();
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

function groupOf(apiVersion: unknown): { group: string; version: string } {
  const s = typeof apiVersion === 'string' ? apiVersion : '';
  const i = s.lastIndexOf('/');
  return i < 0 ? { group: '', version: s } : { group: s.slice(0, i), version: s.slice(i + 1) };
}

export interface LintResult {
  /** Field errors in Argo's order (each rollout's spec errors, then its reference errors). */
  errors: FieldError[];
}

/** Lints one file's content; decode failures throw (Argo returns them as the command's error). */
export function lintText(text: string): LintResult {
  const rollouts: Rollout[] = [];
  const file: FileObjects = { services: [], ingresses: [] };
  let rolloutStrict: Schema | undefined;
  for (const doc of decodeDocuments(text)) {
    if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(doc) ? 'array' : typeof doc} into Go value of type map[string]interface {}`);
    const obj = doc as Record<string, unknown>;
    const { group, version } = groupOf(obj['apiVersion']);
    const kind = obj['kind'];
    const check = (schema: Schema, goKind: string): void => {
      const err = strictDecodeError(obj, schema, goKind);
      if (err) throw new Error(err);
    };
    if (group === 'argoproj.io' && kind === 'Rollout') {
      check((rolloutStrict ??= strictRolloutSchema()), 'Rollout');
      rollouts.push(obj as unknown as Rollout);
    } else if (group === '' && kind === 'Service') {
      check(service, 'Service');
      file.services.push(obj as unknown as Service);
    } else if ((group === 'networking.k8s.io' || group === 'extensions') && kind === 'Ingress') {
      if (version === 'v1') {
        check(ingressV1, 'Ingress');
        file.ingresses.push(obj as never);
      } else if (version === 'v1beta1') {
        check(ingressV1beta1, 'Ingress');
        file.ingresses.push(ingressFromV1beta1(obj));
      }
    }
  }
  const errors: FieldError[] = [];
  for (const ro of rollouts) errors.push(...validateRollout(ro, { references: referencesInFile(ro, file) }));
  return { errors };
}

/** Go's `field.Error.ErrorBody()`: the error without the leading `<field>: `. */
export function errorBody(e: FieldError): string {
  const full = formatFieldError(e);
  return full.startsWith(`${e.field}: `) ? full.slice(e.field.length + 2) : full;
}
