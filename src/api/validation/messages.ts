/** Validation messages, Argo's strings where Argo has one (reference §1.7). */
import { ConditionMessage } from '../constants.ts';

export const ValidationMessage = {
  missingField: ConditionMessage.missingField,
  selectAll: ConditionMessage.selectAll,
  invalidSetWeight: (max: number) => `SetWeight needs to be between 0 and ${max}`,
  experimentWeightWithoutTrafficRouting: 'Experiment template weight cannot be set unless TrafficRouting is enabled',
  experimentWeightUnsupportedRouter:
    'Experiment template weight is only available for TrafficRouting with SMI, ALB, and Istio at this time',
  setCanaryScaleTrafficPolicy: 'SetCanaryScale requires TrafficRouting to be set',
  setHeaderRouteTrafficPolicy: 'SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix',
  setMirrorRouteTrafficPolicy: 'SetMirrorRoute requires TrafficRouting, supports Istio only',
  stringMatchMultipleValues: 'StringMatch match value must have exactly one of the following: exact, regex, prefix',
  stringMatchMissedValue: 'StringMatch value missed, match value must have one of the following: exact, regex, prefix',
  setHeaderRouteAlbValue: "SetHeaderRoute match value invalid. ALB supports 'exact' value only",
  invalidDuration: 'Duration needs to be greater than 0',
  invalidMaxSurgeMaxUnavailable: 'MaxSurge and MaxUnavailable both can not be zero',
  invalidStep: 'Step must have one of the following set: experiment, setWeight, setCanaryScale or pause',
  invalidStrategy: 'Multiple Strategies can not be listed',
  duplicatedServicesBlueGreen:
    'This rollout uses the same service for the active and preview services, but two different services are required.',
  duplicatedServicesCanary:
    'This rollout uses the same service for the stable and canary services, but two different services are required.',
  invalidAntiAffinityStrategy: 'AntiAffinity must have exactly one strategy listed',
  invalidAntiAffinityWeight: 'AntiAffinity weight must be between 1-100',
  scaleDownLimitLargerThanRevisionLimit:
    "This rollout's revision history limit can not be smaller than the rollout's scale down limit",
  invalidTrafficRouting: 'Canary service and Stable service must to be set to use Traffic Routing',
  invalidAnalysisArgs: 'Analyses arguments must refer to valid object metadata supported by downwardAPI',
  canaryScaleDownDelay: 'Canary scaleDownDelaySeconds can only be used with traffic routing',
  canaryDynamicStableScale: 'Canary dynamicStableScale can only be used with traffic routing',
  canaryDynamicStableScaleWithScaleDownDelay: 'Canary dynamicStableScale cannot be used with scaleDownDelaySeconds',
  invalidPingPongProvided: 'Ping service and Pong service must to be set to use Ping-Pong feature',
  duplicatedPingPongServices:
    'This rollout uses the same service for the ping and pong services, but two different services are required.',
  missedAlbRootService: 'Root service field is required for the configuration with ALB and ping-pong feature enabled',
  pingPongWithRouterOnly: 'Ping-pong feature works with the ALB and Istio traffic routing only',
  stepRouteNotInManagedRoutes:
    'Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes',
  nonNegative: 'must be greater than or equal to 0',
  progressDeadlineVsMinReady: 'must be greater than minReadySeconds',
  emptySelector: 'empty selector is invalid for deployment',
  selectorTemplateMismatch: '`selector` does not match template `labels`',
  templateWithWorkloadRef: 'template must be empty for workload reference rollout',
  nginxIngressesBoth: 'Either StableIngress or StableIngresses must be configured. Both are configured.',
  nginxIngressesNeither: 'Either StableIngress or StableIngresses must be configured. Neither are configured.',
  albIngressesBoth: 'Either Ingress or Ingresses must be configured. Both are configured.',
  albIngressesNeither: 'Either Ingress or Ingresses must be configured. Neither are configured.',
  istioVirtualServices: 'either VirtualService or VirtualServices must be configured',
  // Vane's own wording where Argo's reference gives none:
  maxTrafficWeightRouter: 'MaxTrafficWeight is only supported with NGINX and plugin traffic routing',
  maxTrafficWeightPositive: 'MaxTrafficWeight must be greater than 0',
  workloadRefKind: 'workloadRef kind must be one of Deployment, ReplicaSet or PodTemplate',
  invalidIntOrString: (v: unknown) => `invalid value for IntOrString: invalid value ${JSON.stringify(v)}`,
  invalidPauseDuration: 'Duration needs to be greater than 0',
} as const;
