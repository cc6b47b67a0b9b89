import type { Command } from 'commander';
import type { SimulationOptions } from '../../cluster/sim/index.ts';
import { parseGoDuration } from '../../api/duration.ts';

/** Flags shared by `vane cluster start` and `vane start` for the simulated nodes. */
export interface SimulationFlags {
  podStartDelay: string;
  timeScale: string;
  nodes: string;
  simulation: boolean;
}

export function addSimulationFlags(cmd: Command, defaultDelay = '1s'): Command {
  return cmd
    .option('--pod-start-delay <duration>', 'how long a scheduled pod takes to start and become ready (e.g. 1s, 0s)', defaultDelay)
    .option('--time-scale <factor>', 'multiplies simulated durations: probes, grace periods, crash back-off, Job sleeps', '1')
    .option('--nodes <n>', 'number of simulated nodes', '3')
    .option('--no-simulation', 'run the API server alone, with no simulated nodes or controllers');
}

export function simulationOptions(flags: SimulationFlags): SimulationOptions | false {
  if (!flags.simulation) return false;
  const delayMs = parseGoDuration(flags.podStartDelay);
  if (delayMs === undefined || delayMs < 0) throw new Error(`invalid --pod-start-delay: ${flags.podStartDelay}`);
  const timeScale = Number(flags.timeScale);
  if (!(timeScale > 0)) throw new Error(`invalid --time-scale: ${flags.timeScale} (must be > 0)`);
  const nodes = Number(flags.nodes);
  if (!Number.isInteger(nodes) || nodes < 1) throw new Error(`invalid --nodes: ${flags.nodes}`);
  return { podStartDelayMs: delayMs, timeScale, nodes };
}
