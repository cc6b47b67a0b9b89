/** The annotations a user can put on a pod (or pod template) to steer the simulated kubelet. */
export const ANNOTATION_CRASH = 'vane.dev/crash';
export const ANNOTATION_NEVER_READY = 'vane.dev/never-ready';
export const ANNOTATION_START_DELAY = 'vane.dev/start-delay';
export const ANNOTATION_EXIT_CODE = 'vane.dev/exit-code';
export const ANNOTATION_RUN_DURATION = 'vane.dev/run-duration';

/** Image tags that cannot be pulled: `does-not-exist`, or any tag starting with `does-not-exist-`. */
export const UNPULLABLE_TAG = 'does-not-exist';
