/** openAPIV3Schema of the Rollout CRD (every field of the reference, structural). */
import { anyJson, arr, bool, int32, int64, intOrString, labelSelector, obj, podTemplateMetadata, podTemplateSpec, str, strArr, stringMap, time, topLevel, type Schema } from './builders.ts';
import { analysisRunMetadata, dryRun, measurementRetention } from './shared-schemas.ts';

const rolloutArgument = (): Schema =>
  obj(
    {
      name: str(),
      value: str(),
      valueFrom: obj({ fieldRef: obj({ fieldPath: str() }, ['fieldPath']), podTemplateHashValue: str() }),
    },
    ['name'],
  );

const rolloutAnalysisProps = (): Record<string, Schema> => ({
  analysisRunMetadata: analysisRunMetadata(),
  args: arr(rolloutArgument()),
  dryRun: dryRun(),
  measurementRetention: measurementRetention(),
  templates: arr(obj({ clusterScope: bool(), templateName: str() })),
});

const rolloutAnalysis = (): Schema => obj(rolloutAnalysisProps());

const antiAffinity = (): Schema =>
  obj({
    preferredDuringSchedulingIgnoredDuringExecution: obj({ weight: int32() }, ['weight']),
    requiredDuringSchedulingIgnoredDuringExecution: { type: 'object' },
  });

const stringMatch = (): Schema => obj({ exact: str(), prefix: str(), regex: str() });

const experimentStep = (): Schema =>
  obj(
    {
      analyses: arr(
        obj({ args: arr(rolloutArgument()), clusterScope: bool(), name: str(), requiredForCompletion: bool(), templateName: str() }, ['name', 'templateName']),
      ),
      analysisRunMetadata: analysisRunMetadata(),
      dryRun: dryRun(),
      duration: str(),
      measurementRetention: measurementRetention(),
      scaleDownDelaySeconds: int32(),
      templates: arr(
        obj(
          {
            metadata: podTemplateMetadata(),
            name: str(),
            replicas: int32(),
            selector: labelSelector(),
            service: obj({ name: str() }),
            specRef: str(),
            weight: int32(),
          },
          ['name', 'specRef'],
        ),
      ),
    },
    ['templates'],
  );

const canaryStep = (): Schema =>
  obj({
    analysis: rolloutAnalysis(),
    experiment: experimentStep(),
    pause: obj({ duration: intOrString() }),
    plugin: obj({ config: anyJson(), name: str() }, ['name']),
    setCanaryScale: obj({ matchTrafficWeight: bool(), replicas: int32(), weight: int32() }),
    setHeaderRoute: obj({ match: arr(obj({ headerName: str(), headerValue: stringMatch() }, ['headerName', 'headerValue'])), name: str() }),
    setMirrorRoute: obj(
      {
        match: arr(obj({ headers: { type: 'object', additionalProperties: stringMatch() }, method: stringMatch(), path: stringMatch() })),
        name: str(),
        percentage: int32(),
      },
      ['name'],
    ),
    setWeight: int32(),
  });

const istioVirtualService = (): Schema =>
  obj(
    {
      name: str(),
      routes: strArr(),
      tcpRoutes: arr(obj({ port: int64() })),
      tlsRoutes: arr(obj({ port: int64(), sniHosts: strArr() })),
    },
    ['name'],
  );

const trafficRouting = (): Schema =>
  obj({
    alb: obj(
      {
        annotationPrefix: str(),
        ingress: str(),
        ingresses: strArr(),
        rootService: str(),
        servicePort: int32(),
        stickinessConfig: obj({ durationSeconds: int64(), enabled: bool() }, ['durationSeconds', 'enabled']),
      },
      ['servicePort'],
    ),
    ambassador: obj({ mappings: strArr() }, ['mappings']),
    apisix: obj({ route: obj({ name: str(), rules: strArr() }, ['name']) }),
    appMesh: obj({
      virtualNodeGroup: obj({ canaryVirtualNodeRef: obj({ name: str() }, ['name']), stableVirtualNodeRef: obj({ name: str() }, ['name']) }),
      virtualService: obj({ name: str(), routes: strArr() }, ['name']),
    }),
    istio: obj({
      destinationRule: obj(
        { additionalSubsetNames: strArr(), canarySubsetName: str(), name: str(), stableSubsetName: str() },
        ['canarySubsetName', 'name', 'stableSubsetName'],
      ),
      virtualService: istioVirtualService(),
      virtualServices: arr(istioVirtualService()),
    }),
    managedRoutes: arr(obj({ name: str() }, ['name'])),
    maxTrafficWeight: int32(),
    nginx: obj({
      additionalIngressAnnotations: stringMap(),
      annotationPrefix: str(),
      canaryIngressAnnotations: stringMap(),
      stableIngress: str(),
      stableIngresses: strArr(),
    }),
    plugins: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    smi: obj({ rootService: str(), trafficSplitName: str() }),
    traefik: obj({ weightedTraefikServiceName: str() }, ['weightedTraefikServiceName']),
  });

const canaryStrategy = (): Schema =>
  obj({
    abortScaleDownDelaySeconds: int32(),
    analysis: obj({ ...rolloutAnalysisProps(), startingStep: int32() }),
    antiAffinity: antiAffinity(),
    canaryMetadata: podTemplateMetadata(),
    canaryService: str(),
    dynamicStableScale: bool(),
    maxSurge: intOrString(),
    maxUnavailable: intOrString(),
    minPodsPerReplicaSet: int32(),
    pingPong: obj({ pingService: str(), pongService: str() }, ['pingService', 'pongService']),
    replicaProgressThreshold: obj({ type: str({ enum: ['Percent', 'Pods'] }), value: int32() }, ['type', 'value']),
    scaleDownDelayRevisionLimit: int32(),
    scaleDownDelaySeconds: int32(),
    stableMetadata: podTemplateMetadata(),
    stableService: str(),
    steps: arr(canaryStep()),
    trafficRouting: trafficRouting(),
  });

const blueGreenStrategy = (): Schema =>
  obj(
    {
      abortScaleDownDelaySeconds: int32(),
      activeMetadata: podTemplateMetadata(),
      activeService: str(),
      antiAffinity: antiAffinity(),
      autoPromotionEnabled: bool(),
      autoPromotionSeconds: int32(),
      maxUnavailable: intOrString(),
      postPromotionAnalysis: rolloutAnalysis(),
      prePromotionAnalysis: rolloutAnalysis(),
      previewMetadata: podTemplateMetadata(),
      previewReplicaCount: int32(),
      previewService: str(),
      scaleDownDelayRevisionLimit: int32(),
      scaleDownDelaySeconds: int32(),
    },
    ['activeService'],
  );

export const rolloutSpecSchema = (): Schema =>
  obj({
    analysis: obj({ successfulRunHistoryLimit: int32(), unsuccessfulRunHistoryLimit: int32() }),
    minReadySeconds: int32(),
    paused: bool(),
    progressDeadlineAbort: bool(),
    progressDeadlineSeconds: int32(),
    replicas: int32(),
    restartAt: time(),
    revisionHistoryLimit: int32(),
    rollbackWindow: obj({ revisions: int32() }),
    selector: { ...labelSelector(), 'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: '.spec.selector is immutable' }] },
    strategy: obj({ blueGreen: blueGreenStrategy(), canary: canaryStrategy() }),
    template: podTemplateSpec(),
    workloadRef: obj({ apiVersion: str(), kind: str(), name: str(), scaleDown: str() }),
  });

const analysisRunStatusRef = (): Schema => obj({ message: str(), name: str(), status: str() }, ['name', 'status']);
const weightDestination = (): Schema => obj({ podTemplateHash: str(), serviceName: str(), weight: int32() }, ['weight']);
const awsResourceRef = (): Schema => obj({ arn: str(), fullName: str(), name: str() }, ['arn', 'name']);
const albStatus = (): Schema =>
  obj({ canaryTargetGroup: awsResourceRef(), ingress: str(), loadBalancer: awsResourceRef(), stableTargetGroup: awsResourceRef() });

export const rolloutStatusSchema = (): Schema =>
  obj({
    HPAReplicas: int32(),
    abort: bool(),
    abortedAt: time(),
    alb: albStatus(),
    albs: arr(albStatus()),
    availableReplicas: int32(),
    blueGreen: obj({
      activeSelector: str(),
      postPromotionAnalysisRunStatus: analysisRunStatusRef(),
      prePromotionAnalysisRunStatus: analysisRunStatusRef(),
      previewSelector: str(),
      scaleUpPreviewCheckPoint: bool(),
    }),
    canary: obj({
      currentBackgroundAnalysisRunStatus: analysisRunStatusRef(),
      currentExperiment: str(),
      currentStepAnalysisRunStatus: analysisRunStatusRef(),
      stablePingPong: str(),
      stepPluginStatuses: arr(
        obj(
          {
            backoff: str(),
            disabled: bool(),
            executions: int32(),
            finishedAt: time(),
            index: int32(),
            message: str(),
            name: str(),
            operation: str(),
            phase: str(),
            startedAt: time(),
            status: anyJson(),
            updatedAt: time(),
          },
          ['index', 'name', 'operation'],
        ),
      ),
      weights: obj(
        { additional: arr(weightDestination()), canary: weightDestination(), stable: weightDestination(), verified: bool() },
        ['canary', 'stable'],
      ),
    }),
    collisionCount: int32(),
    conditions: arr(
      obj(
        { lastTransitionTime: time(), lastUpdateTime: time(), message: str(), reason: str(), status: str(), type: str() },
        ['lastTransitionTime', 'lastUpdateTime', 'message', 'reason', 'status', 'type'],
      ),
    ),
    controllerPause: bool(),
    currentPodHash: str(),
    currentStepHash: str(),
    currentStepIndex: int32(),
    duration: obj({
      completionStatus: str(),
      finishedAt: time(),
      manualPauseStartedAt: time(),
      rolloutStartedAt: time(),
      totalManualPauseDurationSeconds: int64(),
    }),
    message: str(),
    observedGeneration: str(),
    pauseConditions: arr(obj({ reason: str(), startTime: time() }, ['reason', 'startTime'])),
    phase: str(),
    promoteFull: bool(),
    readyReplicas: int32(),
    replicas: int32(),
    restartedAt: time(),
    selector: str(),
    stableRS: str(),
    updatedReplicas: int32(),
    workloadObservedGeneration: str(),
  });

export const rolloutSchema = (): Schema => topLevel(rolloutSpecSchema(), rolloutStatusSchema());
