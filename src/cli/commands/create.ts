/** `create -f FILE… [-w]` and `create analysisrun --from NAME | --from-file FILE`. */
import type { Command } from 'commander';
import type { KubeObject } from '../../cluster/store/object.ts';
import { analysisruns, analysistemplates, clusteranalysistemplates, experiments, rollouts, type ResourceRef } from '../../kube/resources.ts';
import { action, type CliCommand } from '../command.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import { analysisRunFromTemplate, parseArgFlags } from '../patches/analysisrun.ts';
import { verb } from './define.ts';
import { watchTree } from './get.ts';
import { readFileGo } from './lint.ts';

interface Creatable {
  ref: ResourceRef;
  /** What Argo prints before `.argoproj.io/<name> created` (its ClusterAnalysisTemplate line says analysistemplate). */
  printed: string;
}

const CREATABLE: Record<string, Creatable> = {
  Experiment: { ref: experiments, printed: 'experiment' },
  Rollout: { ref: rollouts, printed: 'rollout' },
  AnalysisTemplate: { ref: analysistemplates, printed: 'analysistemplate' },
  ClusterAnalysisTemplate: { ref: clusteranalysistemplates, printed: 'analysistemplate' },
  AnalysisRun: { ref: analysisruns, printed: 'analysisrun' },
};

/** The first document of a YAML/JSON file, strictly decoded for its argoproj.io kind. */
async function decodeFile(file: string): Promise<Record<string, unknown>> {
  const { decodeDocuments } = await import('../lint/lint.ts');
  const doc = decodeDocuments(readFileGo(file))[0];
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error(`error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(doc) ? 'array' : typeof doc} into Go value of type map[string]interface {}`);
  return doc as Record<string, unknown>;
}

/** Argo decodes into the typed struct with unknown fields disallowed (Rollouts as strictly as lint does). */
async function strictCheck(obj: Record<string, unknown>, kind: string): Promise<void> {
  const [{ crdDefinitionForKind }, { strictDecodeError }, { objectMeta }, { strictRolloutSchema }] = await Promise.all([
    import('../../api/crds.ts'),
    import('../lint/strict.ts'),
    import('../lint/known-fields.ts'),
    import('../lint/lint.ts'),
  ]);
  const def = crdDefinitionForKind(kind);
  if (!def) return;
  const schema = kind === 'Rollout' ? strictRolloutSchema() : { ...def.schema, properties: { ...def.schema.properties, metadata: objectMeta } };
  const err = strictDecodeError(obj, schema, kind);
  if (err) throw new Error(err);
}

function groupKind(obj: Record<string, unknown>): { group: string; kind: string } {
  const apiVersion = typeof obj['apiVersion'] === 'string' ? obj['apiVersion'] : '';
  const i = apiVersion.lastIndexOf('/');
  return { group: i < 0 ? '' : apiVersion.slice(0, i), kind: typeof obj['kind'] === 'string' ? obj['kind'] : '' };
}

async function createFromFile(ctx: CliContext, cmd: Command, file: string): Promise<KubeObject> {
  const obj = await decodeFile(file);
  const { group, kind } = groupKind(obj);
  const target = group === 'argoproj.io' ? CREATABLE[kind] : undefined;
  if (!target) throw new Error(`creates of ${group}/${kind} unsupported`);
  await strictCheck(obj, kind);
  const { client, namespace } = await ctx.connect(cmd);
  const ns = ((obj['metadata'] as { namespace?: unknown } | undefined)?.namespace as string | undefined) || namespace;
  const created = await client.create(target.ref, target.ref.namespaced ? ns : undefined, obj as KubeObject);
  ctx.out.write(`${target.printed}.argoproj.io/${created.metadata.name} created\n`);
  return created;
}

interface CreateFlags {
  filename?: string[];
  watch?: boolean;
  color?: boolean;
}

interface AnalysisRunFlags {
  name?: string;
  generateName?: string;
  instanceId?: string;
  argument?: string[];
  from?: string;
  fromFile?: string;
  global?: boolean;
}

const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

function createAnalysisRun(create: Command, ctx: CliContext): void {
  verb(create, ctx, {
    name: 'analysisrun',
    aliases: ['ar'],
    description: 'Create an AnalysisRun from an AnalysisTemplate or a ClusterAnalysisTemplate',
    example:
      '  # Create an AnalysisRun from a local AnalysisTemplate file\n  %s create analysisrun --from-file my-analysis-template.yaml\n\n  # Create an AnalysisRun from a AnalysisTemplate in the cluster\n  %s create analysisrun --from my-analysis-template\n\n  # Create an AnalysisRun from a ClusterAnalysisTemplate in the cluster\n  %s create analysisrun --global --from my-analysis-cluster-template',
  })
    .option('--name <name>', 'Use the specified name for the run')
    .option('--generate-name <prefix>', 'Use the specified generateName for the run')
    .option('--instance-id <id>', 'Instance-ID for the AnalysisRun')
    .option('-a, --argument <name=value>', 'Arguments to the parameter template', collect)
    .option('--from <template>', 'Create an AnalysisRun from an AnalysisTemplate or ClusterAnalysisTemplate in the cluster')
    .option('--from-file <file>', 'Create an AnalysisRun from an AnalysisTemplate or ClusterAnalysisTemplate in a local file')
    .option('--global', 'Use a ClusterAnalysisTemplate instead of a AnalysisTemplate')
    .action(
      action(ctx, async (cmd, _args: string[], flags: AnalysisRunFlags) => {
        if ((flags.from ? 1 : 0) + (flags.fromFile ? 1 : 0) !== 1) throw new Error('one of --from or --from-file must be specified');
        const args = parseArgFlags(flags.argument ?? []);
        const { client, namespace } = await ctx.connect(cmd);
        const template: Record<string, unknown> = flags.from
          ? await client.get(flags.global ? clusteranalysistemplates : analysistemplates, flags.global ? undefined : namespace, flags.from)
          : await decodeFile(flags.fromFile!);
        const templateName = ((template['metadata'] as { name?: unknown } | undefined)?.name as string | undefined) ?? '';
        const name = flags.name ?? '';
        const generateName = name ? '' : (flags.generateName ?? `${templateName}-`);
        if (name === '' && generateName === '-') throw new Error('name is invalid');
        const run = analysisRunFromTemplate(template, { args, name, generateName, namespace, ...(flags.instanceId ? { instanceId: flags.instanceId } : {}) });
        const created = await client.create(analysisruns, namespace, run as KubeObject);
        ctx.out.write(`analysisrun.argoproj.io/${created.metadata.name} created\n`);
      }),
    );
}

export const createCommand: CliCommand = {
  register(parent, ctx) {
    const create = verb(parent, ctx, {
      name: 'create',
      description: 'Create a Rollout, Experiment, AnalysisTemplate, ClusterAnalysisTemplate, or AnalysisRun resource',
      example: '  # Create an experiment and watch it\n  %s create -f my-experiment.yaml -w',
    })
      .option('-f, --filename <file>', 'Files to use to create the resource', collect)
      .option('-w, --watch', 'Watch live updates to the resource after creating')
      .option('--no-color', 'Do not colorize output');
    create.action(
      action(ctx, async (cmd, _args: string[], flags: CreateFlags) => {
        const files = flags.filename ?? [];
        if (files.length === 0) throw new UsageError();
        if (files.length > 1 && flags.watch) throw new Error('Cannot watch multiple resources');
        const objs: KubeObject[] = [];
        for (const f of files) objs.push(await createFromFile(ctx, cmd, f));
        if (!flags.watch) return;
        const first = objs[0]!;
        if (first.kind === 'Rollout') return watchTree(ctx, cmd, 'rollout', first.metadata.name ?? '', { color: flags.color });
        if (first.kind === 'Experiment') return watchTree(ctx, cmd, 'experiment', first.metadata.name ?? '', { color: flags.color });
        throw new Error('Can only watch resources of type Rollout or Experiment');
      }),
    );
    createAnalysisRun(create, ctx);
    return create;
  },
};
