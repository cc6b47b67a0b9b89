/** The Kubernetes access layer: everything controllers, the CLI and the dashboard need to reach a cluster. */
export { loadClusterConnection, connectionFromKubeconfigString, type LoadConfigOptions } from './config.ts';
export { explicitConnection, closeConnection, type ClusterConnection, type TlsMaterial } from './connection.ts';
export { KubeClient, type KubeClientOptions } from './client.ts';
export type {
  KubeList,
  CallOptions,
  ListOptions,
  WriteOptions,
  PatchType,
  PatchOptions,
  DeleteOptions,
  DeleteCollectionOptions,
  WatchOptions,
  RawRequestOptions,
  Preconditions,
} from './client-types.ts';
export type { WatchEvent, WatchEventType } from './watch-stream.ts';
export * as resources from './resources.ts';
export { apiVersionOfRef, refName, type ResourceRef } from './resources.ts';
export {
  KubeApiError,
  errorFromStatus,
  isKubeApiError,
  isNotFound,
  isAlreadyExists,
  isConflict,
  isGone,
  isInvalid,
  isForbidden,
  isUnauthorized,
  isBadRequest,
  isMethodNotAllowed,
  isTooManyRequests,
  isServerError,
} from './rest-errors.ts';
export { retryOnConflict, retryOnError, DEFAULT_RETRY, DEFAULT_BACKOFF, type RetryBackoff } from './retry.ts';
export { RequestMetrics, type RequestRecord, type RequestCount } from './request-metrics.ts';
export { Indexer, keyOf, NAMESPACE_INDEX, LABEL_INDEX, OWNER_UID_INDEX, ownerUidIndexFunc, labelIndexFunc, namespaceIndexFunc, type IndexFunc } from './cache.ts';
export { SharedInformer, type InformerOptions, type ResourceEventHandler, type HandlerRegistration } from './informer.ts';
export { SharedInformerFactory, type InformerSelection } from './informer-factory.ts';
export { WorkQueue, type QueueKey, type WorkQueueOptions } from './workqueue.ts';
export { runWorkers, type WorkResult } from './workers.ts';
export {
  ItemExponentialFailureRateLimiter,
  BucketRateLimiter,
  MaxOfRateLimiter,
  defaultArgoRolloutsRateLimiter,
  defaultControllerRateLimiter,
  type RateLimiter,
} from './rate-limiters.ts';
export { LeaderElector, DEFAULT_LEASE_NAME, type LeaderElectionOptions, type LeaseObject } from './leader-election.ts';
export { EventRecorder, type EventType, type EventObject, type EventRecorderOptions } from './events.ts';
export { ExponentialBackoff, type BackoffOptions } from './backoff.ts';
export { TokenBucket } from './token-bucket.ts';
export { realClock, sleep, type Clock } from './clock.ts';
export { silentLogger, type KubeLogger } from './log.ts';
