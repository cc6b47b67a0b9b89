/** `get experiment`: the summary block and the tree of one experiment. */
import { experimentInfo, type ExperimentObjects } from '../info/experiment-info.ts';
import { experimentImages } from '../info/images.ts';
import type { ExperimentInfo } from '../info/types.ts';
import type { RenderOptions } from './options.ts';
import { imageLines } from './rollout-view.ts';
import { tabwrite } from './tabwriter.ts';
import { experimentRows, treeContext } from './tree-children.ts';
import { field, TREE_HEADER } from './tree.ts';

export function renderExperimentInfo(info: ExperimentInfo, opts: RenderOptions): string {
  const t = treeContext(opts);
  let out = field('Name:', info.name) + field('Namespace:', info.namespace) + field('Status:', `${t.c.word(info.icon)} ${info.status}`);
  if (info.message) out += field('Message:', info.message);
  out += imageLines(t.c, experimentImages(info));
  return `${out}\n${tabwrite(TREE_HEADER + experimentRows(t, info, '', ''))}`;
}

export function renderExperiment(objects: ExperimentObjects, opts: RenderOptions): string {
  return renderExperimentInfo(experimentInfo(objects), opts);
}
