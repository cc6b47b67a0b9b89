/**
 * setHeaderRoute / setMirrorRoute steps complete at once; the routers that apply them arrive with
 * the traffic-routing issue (until then they are no-ops).
 */
import type { CanaryStepHandler } from './step-handler.ts';

export const setHeaderRouteStep: CanaryStepHandler = { kind: 'setHeaderRoute', indefinite: false, completed: () => true };
export const setMirrorRouteStep: CanaryStepHandler = { kind: 'setMirrorRoute', indefinite: false, completed: () => true };
