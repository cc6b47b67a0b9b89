import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rollout } from '../../src/api/types/rollout.ts';
import type { CanaryStrategy, BlueGreenStrategy } from '../../src/api/types/rollout-strategy.ts';
import { validateRollout } from '../../src/api/validation/validate-rollout.ts';
import { formatFieldError } from '../../src/api/validation/field-error.ts';

function base(strategy: Rollout['spec']['strategy'], extra: Partial<Rollout['spec']> = {}): Rollout {
  return {
    metadata: { name: 'ro', namespace: 'ns', labels: { env: 'prod' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'demo' } },
      template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'c', image: 'img' }] } },
      strategy,
      ...extra,
    },
  };
}
const canary = (c: CanaryStrategy, extra: Partial<Rollout['spec']> = {}) => base({ canary: c }, extra);
const blueGreen = (b: BlueGreenStrategy, extra: Partial<Rollout['spec']> = {}) => base({ blueGreen: b }, extra);
const tr = { canaryService: 'c', stableService: 's', trafficRouting: { istio: { virtualService: { name: 'vs' } } } };

interface Row {
  name: string;
  ro: Rollout;
  /** Expected [field, message] pairs (exact list). */
  errors: Array<[string, string]>;
}

const rows: Row[] = [
  { name: 'valid canary', ro: canary({ steps: [{ setWeight: 20 }, { pause: {} }, { setWeight: 100 }] }), errors: [] },
  { name: 'valid blue-green', ro: blueGreen({ activeService: 'a', previewService: 'p' }), errors: [] },
  {
    name: 'setWeight out of range',
    ro: canary({ steps: [{ setWeight: 10 }, { pause: {} }, { setWeight: 101 }] }),
    errors: [['spec.strategy.canary.steps[2].setWeight', 'SetWeight needs to be between 0 and 100']],
  },
  {
    name: 'negative setWeight',
    ro: canary({ steps: [{ setWeight: -1 }] }),
    errors: [['spec.strategy.canary.steps[0].setWeight', 'SetWeight needs to be between 0 and 100']],
  },
  {
    name: 'setWeight bounded by maxTrafficWeight (nginx)',
    ro: canary({ canaryService: 'c', stableService: 's', trafficRouting: { maxTrafficWeight: 1000, nginx: { stableIngress: 'i' } }, steps: [{ setWeight: 500 }, { setWeight: 1001 }] }),
    errors: [['spec.strategy.canary.steps[1].setWeight', 'SetWeight needs to be between 0 and 1000']],
  },
  {
    name: 'maxTrafficWeight only for nginx/plugins',
    ro: canary({ ...tr, trafficRouting: { ...tr.trafficRouting, maxTrafficWeight: 1000 } }),
    errors: [['spec.strategy.canary.trafficRouting.maxTrafficWeight', 'MaxTrafficWeight is only supported with NGINX and plugin traffic routing']],
  },
  {
    name: 'invalid pause duration unit',
    ro: canary({ steps: [{ pause: { duration: '10x' } }] }),
    errors: [['spec.strategy.canary.steps[0].pause.duration', 'Duration needs to be greater than 0']],
  },
  {
    name: 'negative pause duration',
    ro: canary({ steps: [{ pause: { duration: -5 } }] }),
    errors: [['spec.strategy.canary.steps[0].pause.duration', 'Duration needs to be greater than 0']],
  },
  {
    name: 'step with two kinds',
    ro: canary({ steps: [{ setWeight: 10, pause: {} }] }),
    errors: [['spec.strategy.canary.steps[0]', 'Step must have one of the following set: experiment, setWeight, setCanaryScale or pause']],
  },
  {
    name: 'empty step',
    ro: canary({ steps: [{}] }),
    errors: [['spec.strategy.canary.steps[0]', 'Step must have one of the following set: experiment, setWeight, setCanaryScale or pause']],
  },
  {
    name: 'setCanaryScale without trafficRouting',
    ro: canary({ steps: [{ setCanaryScale: { replicas: 1 } }] }),
    errors: [['spec.strategy.canary.trafficRouting', 'SetCanaryScale requires TrafficRouting to be set']],
  },
  {
    name: 'experiment weight without trafficRouting',
    ro: canary({ steps: [{ experiment: { templates: [{ name: 't', specRef: 'canary', weight: 10 }] } }] }),
    errors: [['spec.strategy.canary.steps[0].experiment.templates[0].weight', 'Experiment template weight cannot be set unless TrafficRouting is enabled']],
  },
  {
    name: 'setHeaderRoute needs istio/alb/apisix',
    ro: canary({ canaryService: 'c', stableService: 's', trafficRouting: { nginx: { stableIngress: 'i' }, managedRoutes: [{ name: 'h' }] }, steps: [{ setHeaderRoute: { name: 'h' } }] }),
    errors: [['spec.strategy.canary.steps[0].setHeaderRoute', 'SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix']],
  },
  {
    name: 'ALB header route supports exact only',
    ro: canary({
      canaryService: 'c',
      stableService: 's',
      trafficRouting: { alb: { ingress: 'i', servicePort: 80 }, managedRoutes: [{ name: 'h' }] },
      steps: [{ setHeaderRoute: { name: 'h', match: [{ headerName: 'x', headerValue: { prefix: 'a' } }] } }],
    }),
    errors: [['spec.strategy.canary.steps[0].setHeaderRoute.match[0]', "SetHeaderRoute match value invalid. ALB supports 'exact' value only"]],
  },
  {
    name: 'istio header route match needs exactly one value',
    ro: canary({ ...tr, trafficRouting: { ...tr.trafficRouting, managedRoutes: [{ name: 'h' }] }, steps: [{ setHeaderRoute: { name: 'h', match: [{ headerName: 'x', headerValue: { exact: 'a', regex: 'b' } }] } }] }),
    errors: [['spec.strategy.canary.steps[0].setHeaderRoute.match[0]', 'StringMatch match value must have exactly one of the following: exact, regex, prefix']],
  },
  {
    name: 'route name must be in managedRoutes',
    ro: canary({ ...tr, trafficRouting: { ...tr.trafficRouting, managedRoutes: [{ name: 'a' }] }, steps: [{ setHeaderRoute: { name: 'b' } }] }),
    errors: [['spec.strategy.canary.steps[0].setHeaderRoute', 'Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes']],
  },
  {
    name: 'managedRoutes required for header/mirror routes',
    ro: canary({ ...tr, steps: [{ setMirrorRoute: { name: 'm' } }] }),
    errors: [['spec.strategy.canary.trafficRouting.managedRoutes', "Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'"]],
  },
  {
    name: 'setMirrorRoute needs istio',
    ro: canary({ canaryService: 'c', stableService: 's', trafficRouting: { smi: {}, managedRoutes: [{ name: 'm' }] }, steps: [{ setMirrorRoute: { name: 'm' } }] }),
    errors: [['spec.strategy.canary.steps[0].setMirrorRoute', 'SetMirrorRoute requires TrafficRouting, supports Istio only']],
  },
  {
    name: 'stable and canary service must differ',
    ro: canary({ canaryService: 'same', stableService: 'same' }),
    errors: [['spec.strategy.canary.stableService', 'This rollout uses the same service for the stable and canary services, but two different services are required.']],
  },
  {
    name: 'trafficRouting requires both services',
    ro: canary({ trafficRouting: { smi: {} } }),
    errors: [
      ['spec.strategy.canary.stableService', 'Canary service and Stable service must to be set to use Traffic Routing'],
      ['spec.strategy.canary.canaryService', 'Canary service and Stable service must to be set to use Traffic Routing'],
    ],
  },
  {
    name: 'istio subset-level routing does not require services',
    ro: canary({ trafficRouting: { istio: { virtualService: { name: 'vs' }, destinationRule: { name: 'dr', canarySubsetName: 'c', stableSubsetName: 's' } } } }),
    errors: [],
  },
  {
    name: 'pingPong: both services required and distinct',
    ro: canary({ pingPong: { pingService: 'p', pongService: 'p' }, trafficRouting: { istio: { virtualService: { name: 'vs' } } } }),
    errors: [['spec.strategy.canary.pingPong.pingService', 'This rollout uses the same service for the ping and pong services, but two different services are required.']],
  },
  {
    name: 'pingPong: missing pong',
    ro: canary({ pingPong: { pingService: 'p', pongService: '' }, trafficRouting: { istio: { virtualService: { name: 'vs' } } } }),
    errors: [['spec.strategy.canary.pingPong.pongService', 'Ping service and Pong service must to be set to use Ping-Pong feature']],
  },
  {
    name: 'pingPong with ALB needs rootService',
    ro: canary({ pingPong: { pingService: 'a', pongService: 'b' }, trafficRouting: { alb: { ingress: 'i', servicePort: 80 } } }),
    errors: [['spec.strategy.canary.trafficRouting.alb.rootService', 'Root service field is required for the configuration with ALB and ping-pong feature enabled']],
  },
  {
    name: 'scaleDownDelaySeconds needs trafficRouting',
    ro: canary({ scaleDownDelaySeconds: 30 }),
    errors: [['spec.strategy.canary.scaleDownDelaySeconds', 'Canary scaleDownDelaySeconds can only be used with traffic routing']],
  },
  {
    name: 'dynamicStableScale needs trafficRouting',
    ro: canary({ dynamicStableScale: true }),
    errors: [['spec.strategy.canary.dynamicStableScale', 'Canary dynamicStableScale can only be used with traffic routing']],
  },
  {
    name: 'dynamicStableScale and scaleDownDelaySeconds are exclusive',
    ro: canary({ ...tr, dynamicStableScale: true, scaleDownDelaySeconds: 10 }),
    errors: [['spec.strategy.canary.dynamicStableScale', 'Canary dynamicStableScale cannot be used with scaleDownDelaySeconds']],
  },
  {
    name: 'maxSurge and maxUnavailable both zero',
    ro: canary({ maxSurge: 0, maxUnavailable: '0%' }),
    errors: [['spec.strategy.canary.maxSurge', 'MaxSurge and MaxUnavailable both can not be zero']],
  },
  {
    name: 'active and preview must differ',
    ro: blueGreen({ activeService: 'x', previewService: 'x' }),
    errors: [['spec.strategy.blueGreen.activeService', 'This rollout uses the same service for the active and preview services, but two different services are required.']],
  },
  {
    name: 'scaleDownDelayRevisionLimit ≤ revisionHistoryLimit',
    ro: blueGreen({ activeService: 'a', scaleDownDelayRevisionLimit: 3 }, { revisionHistoryLimit: 2 }),
    errors: [['spec.strategy.blueGreen.scaleDownDelayRevisionLimit', "This rollout's revision history limit can not be smaller than the rollout's scale down limit"]],
  },
  {
    name: 'antiAffinity needs exactly one rule',
    ro: blueGreen({ activeService: 'a', antiAffinity: {} }),
    errors: [['spec.strategy.blueGreen.antiAffinity', 'AntiAffinity must have exactly one strategy listed']],
  },
  {
    name: 'antiAffinity weight 1..100',
    ro: canary({ antiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: { weight: 0 } } }),
    errors: [['spec.strategy.canary.antiAffinity.weight', 'AntiAffinity weight must be between 1-100']],
  },
  {
    name: 'both strategies',
    ro: base({ canary: {}, blueGreen: { activeService: 'a' } }),
    errors: [['spec.strategy', 'Multiple Strategies can not be listed']],
  },
  {
    name: 'no strategy',
    ro: base({}),
    errors: [['spec.strategy', "Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'"]],
  },
  {
    name: 'missing selector',
    ro: canary({}, { selector: undefined }),
    errors: [['spec.selector', "Rollout has missing field '.spec.selector'"]],
  },
  {
    name: 'empty selector selects all pods',
    ro: canary({}, { selector: {} }),
    errors: [['spec.selector', 'This rollout is selecting all pods. A non-empty selector is required.']],
  },
  {
    name: 'selector must match template labels',
    ro: canary({}, { selector: { matchLabels: { app: 'other' } } }),
    errors: [['spec.template.metadata.labels', '`selector` does not match template `labels`']],
  },
  {
    name: 'progressDeadlineSeconds must exceed minReadySeconds',
    ro: canary({}, { minReadySeconds: 600 }),
    errors: [['spec.progressDeadlineSeconds', 'must be greater than minReadySeconds']],
  },
  {
    name: 'negative replicas',
    ro: canary({}, { replicas: -1 }),
    errors: [['spec.replicas', 'must be greater than or equal to 0']],
  },
  {
    name: 'analysis args must use downward API metadata paths',
    ro: canary({ steps: [{ analysis: { templates: [{ templateName: 't' }], args: [{ name: 'a', valueFrom: { fieldRef: { fieldPath: 'metadata.bogus' } } }] } }] }),
    errors: [['spec.strategy.canary.steps[0].analyses', 'Analyses arguments must refer to valid object metadata supported by downwardAPI']],
  },
  {
    name: "analysis args metadata.labels['env'] is fine",
    ro: canary({ steps: [{ analysis: { templates: [{ templateName: 't' }], args: [{ name: 'a', valueFrom: { fieldRef: { fieldPath: "metadata.labels['env']" } } }] } }] }),
    errors: [],
  },
  {
    name: 'nginx needs stableIngress xor stableIngresses',
    ro: canary({ canaryService: 'c', stableService: 's', trafficRouting: { nginx: { stableIngress: 'a', stableIngresses: ['b'] } } }),
    errors: [['spec.strategy.canary.trafficRouting.nginx', 'Either StableIngress or StableIngresses must be configured. Both are configured.']],
  },
];

for (const r of rows) {
  test(`validateRollout: ${r.name}`, () => {
    const got = validateRollout(r.ro).map((e) => [e.field, e.message]);
    assert.deepEqual(got, r.errors);
  });
}

test('validateRollout: InvalidSpec message is Go field.Error text', () => {
  const [err] = validateRollout(canary({ steps: [{ setWeight: 10 }, { pause: {} }, { setWeight: 200 }] }));
  assert.ok(err);
  assert.equal(formatFieldError(err), 'spec.strategy.canary.steps[2].setWeight: Invalid value: 200: SetWeight needs to be between 0 and 100');
  const [missing] = validateRollout(canary({}, { selector: undefined }));
  assert.ok(missing);
  assert.equal(formatFieldError(missing), "spec.selector: Required value: Rollout has missing field '.spec.selector'");
});

test('validateRollout: referenced resources', () => {
  const ro = canary({ canaryService: 'canary', stableService: 'stable', trafficRouting: { nginx: { stableIngress: 'ing' } } });
  const errs = validateRollout(ro, {
    references: {
      services: [
        { role: 'StableService', name: 'stable', service: { metadata: { name: 'stable' }, spec: { selector: { app: 'demo', tier: 'web' } } } },
        { role: 'CanaryService', name: 'canary', service: { metadata: { name: 'canary', annotations: { 'argo-rollouts.argoproj.io/managed-by-rollouts': 'other' } }, spec: { selector: { app: 'demo' } } } },
      ],
      ingresses: [{ field: 'spec.strategy.canary.trafficRouting.nginx.stableIngress', name: 'ing', ingress: { spec: { rules: [{ http: { paths: [{ pathType: 'Prefix', backend: { service: { name: 'other' } } }] } }] } } }],
      analysisTemplates: [{ role: 'InlineAnalysis', stepIndex: 1, templateName: 'rate' }],
    },
  });
  assert.deepEqual(
    errs.map((e) => [e.field, e.message]),
    [
      ['spec.strategy.canary.stableService', 'Service "stable" has unmatch label "tier" in rollout'],
      ['spec.strategy.canary.canaryService', 'Service "canary" is managed by another Rollout'],
      ['spec.strategy.canary.steps[1].analysis.templates', 'analysistemplate "rate" not found'],
      ['spec.strategy.canary.trafficRouting.nginx.stableIngress', 'ingress `ing` has no rules using service stable backend'],
    ],
  );
  const missing = validateRollout(ro, { references: { services: [{ role: 'StableService', name: 'stable' }] } });
  assert.equal(missing[0]?.message, 'service "stable" not found');
});

test('validateRollout: tolerates missing spec/strategy', () => {
  assert.deepEqual(validateRollout({} as Rollout).map((e) => e.field), ['spec']);
  const noStrategy = base({});
  delete (noStrategy.spec as { strategy?: unknown }).strategy;
  assert.deepEqual(validateRollout(noStrategy).map((e) => e.message), ["Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'"]);
});
