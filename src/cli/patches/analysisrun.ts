/** `create analysisrun`: an AnalysisRun built from an (Cluster)AnalysisTemplate object (Argo's NewAnalysisRunFromUnstructured). */
import { LABEL_CONTROLLER_INSTANCE_ID } from '../../api/constants.ts';
import type { Argument } from '../../api/types/analysis.ts';

type Json = Record<string, unknown>;

/** `-a name=value` flags as arguments. */
export function parseArgFlags(flags: readonly string[]): Argument[] {
  return flags.map((f) => {
    const i = f.indexOf('=');
    if (i < 0) throw new Error('arguments must be in the form NAME=VALUE');
    return { name: f.slice(0, i), value: f.slice(i + 1) };
  });
}

/** Template args with the given values filled in; every arg must end up with a value or valueFrom. */
export function mergeArgs(incoming: readonly Argument[], template: readonly Argument[]): Argument[] {
  const merged = template.map((a) => ({ ...a }));
  for (const arg of incoming) {
    const target = merged.find((a) => a.name === arg.name);
    if (!target) continue;
    if (arg.value !== undefined) target.value = arg.value;
    else if (arg.valueFrom !== undefined) target.valueFrom = arg.valueFrom;
  }
  for (const a of merged) if (a.value === undefined && a.valueFrom === undefined) throw new Error(`args.${a.name} was not resolved`);
  return merged;
}

const SERVER_FIELDS = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp'];

export interface AnalysisRunOptions {
  args: Argument[];
  name: string;
  generateName: string;
  namespace: string;
  instanceId?: string;
}

export function analysisRunFromTemplate(template: Json, o: AnalysisRunOptions): Json {
  const run = structuredClone(template);
  const spec = (run['spec'] ?? {}) as Json;
  run['spec'] = spec;
  const templateArgs = spec['args'];
  const args = Array.isArray(templateArgs) ? mergeArgs(o.args, templateArgs as Argument[]) : o.args;
  if (args.length > 0) spec['args'] = args;
  run['apiVersion'] = 'argoproj.io/v1alpha1';
  run['kind'] = 'AnalysisRun';
  const meta = { ...((run['metadata'] as Json | undefined) ?? {}) };
  for (const f of SERVER_FIELDS) delete meta[f];
  meta['name'] = o.name;
  meta['generateName'] = o.generateName;
  meta['namespace'] = o.namespace;
  if (o.instanceId) meta['labels'] = { [LABEL_CONTROLLER_INSTANCE_ID]: o.instanceId };
  run['metadata'] = meta;
  delete run['status'];
  return run;
}
