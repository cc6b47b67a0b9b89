/** openAPIV3Schema of Experiment, AnalysisTemplate, ClusterAnalysisTemplate and AnalysisRun. */
import { arr, bool, int32, labelSelector, obj, podTemplateSpec, str, time, topLevel, type Schema } from './builders.ts';
import { analysisRunMetadata, analysisRunSpec, analysisRunStatus, analysisTemplateSpec, argument, dryRun, measurementRetention } from './shared-schemas.ts';

export const experimentSpecSchema = (): Schema =>
  obj(
    {
      analyses: arr(obj({ args: arr(argument()), clusterScope: bool(), name: str(), requiredForCompletion: bool(), templateName: str() }, ['name', 'templateName'])),
      analysisRunMetadata: analysisRunMetadata(),
      dryRun: dryRun(),
      duration: str(),
      measurementRetention: measurementRetention(),
      progressDeadlineSeconds: int32(),
      scaleDownDelaySeconds: int32(),
      templates: arr(
        obj(
          {
            minReadySeconds: int32(),
            name: str(),
            replicas: int32(),
            selector: labelSelector(),
            service: obj({ name: str() }),
            template: podTemplateSpec(),
          },
          ['name', 'selector', 'template'],
        ),
      ),
      terminate: bool(),
    },
    ['templates'],
  );

export const experimentStatusSchema = (): Schema =>
  obj({
    analysisRuns: arr(obj({ analysisRun: str(), message: str(), name: str(), phase: str() }, ['analysisRun', 'name', 'phase'])),
    availableAt: time(),
    conditions: arr(
      obj(
        { lastTransitionTime: time(), lastUpdateTime: time(), message: str(), reason: str(), status: str(), type: str() },
        ['lastTransitionTime', 'lastUpdateTime', 'message', 'reason', 'status', 'type'],
      ),
    ),
    message: str(),
    phase: str(),
    templateStatuses: arr(
      obj(
        {
          availableReplicas: int32(),
          collisionCount: int32(),
          lastTransitionTime: time(),
          message: str(),
          name: str(),
          podTemplateHash: str(),
          readyReplicas: int32(),
          replicas: int32(),
          serviceName: str(),
          status: str(),
          updatedReplicas: int32(),
        },
        ['availableReplicas', 'name', 'readyReplicas', 'replicas', 'updatedReplicas'],
      ),
    ),
  });

export const experimentSchema = (): Schema => topLevel(experimentSpecSchema(), experimentStatusSchema());
export const analysisTemplateSchema = (): Schema => topLevel(analysisTemplateSpec());
export const clusterAnalysisTemplateSchema = (): Schema => topLevel(analysisTemplateSpec());
export const analysisRunSchema = (): Schema => topLevel(analysisRunSpec(), analysisRunStatus());
