/** The tree view's kind and status icons (reference §8). */
export const ICON = {
  waiting: '◷',
  progressing: '◌',
  warning: '⚠',
  unknown: '?',
  ok: '✔',
  bad: '✖',
  paused: '॥',
  neutral: '•',
} as const;

export const KIND_ICON = {
  rollout: '⟳',
  revision: '#',
  replicaSet: '⧉',
  pod: '□',
  job: '⊞',
  service: '⑃',
  experiment: 'Σ',
  analysisRun: 'α',
} as const;

/** Icon of a rollout status (Progressing, Healthy, Degraded, Paused, …). */
export function rolloutIcon(status: string): string {
  switch (status) {
    case 'Progressing':
      return ICON.progressing;
    case 'Error':
    case 'InvalidSpec':
      return ICON.warning;
    case 'Paused':
      return ICON.paused;
    case 'Healthy':
      return ICON.ok;
    case 'Degraded':
      return ICON.bad;
    case 'Unknown':
      return ICON.unknown;
    case 'ScaledDown':
      return ICON.neutral;
  }
  return ' ';
}

/** Icon of a ReplicaSet health (Progressing, Healthy, ReplicaFailure, ScaledDown). */
export function replicaSetIcon(status: string): string {
  switch (status) {
    case 'Progressing':
      return ICON.progressing;
    case 'Healthy':
      return ICON.ok;
    case 'ReplicaFailure':
      return ICON.bad;
    case 'ScaledDown':
      return ICON.neutral;
  }
  return ' ';
}

/** Icon of an analysis/experiment/measurement phase. */
export function analysisIcon(phase: string | undefined): string {
  switch (phase) {
    case 'Successful':
      return ICON.ok;
    case 'Inconclusive':
      return ICON.unknown;
    case 'Failed':
      return ICON.bad;
    case 'Error':
      return ICON.warning;
    case 'Running':
      return ICON.progressing;
    case 'Pending':
      return ICON.waiting;
  }
  return ' ';
}

/** Icon of a pod status as kubectl shows it (Running, CrashLoopBackOff, Init:0/1, …). */
export function podIcon(status: string): string {
  if (status.startsWith('Init:')) return ICON.progressing;
  if (status.startsWith('Signal:') || status.startsWith('ExitCode:')) return ICON.bad;
  if (status.endsWith('Error') || status.startsWith('Err')) return ICON.warning;
  switch (status) {
    case 'Pending':
    case 'Terminating':
    case 'ContainerCreating':
      return ICON.progressing;
    case 'Running':
    case 'Completed':
      return ICON.ok;
    case 'Failed':
    case 'InvalidImageName':
    case 'CrashLoopBackOff':
      return ICON.bad;
    case 'ImagePullBackOff':
    case 'RegistryUnavailable':
      return ICON.warning;
    case 'Unknown':
      return ICON.unknown;
  }
  return ' ';
}
