import type { ObjectMeta, ListMeta, LabelSelector } from 'kubernetes-types/meta/v1.js';

export type { ObjectMeta, ListMeta, LabelSelector };

/** RFC3339 timestamp as it travels over the API (`metav1.Time`). */
export type Time = string;

/** A Go `time.ParseDuration` string such as `30s`, `5m`, `1h30m`. */
export type DurationString = string;

/** Labels/annotations injected into a pod template (ephemeral metadata, experiment templates). */
export interface PodTemplateMetadata {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Labels/annotations added to AnalysisRuns. */
export interface AnalysisRunMetadata {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** `dryRun[]` entry; metricName `*` means every metric. */
export interface DryRun {
  metricName: string;
}

export interface MeasurementRetention {
  metricName: string;
  limit: number;
}

/** Top-level shape shared by every argoproj.io object. */
export interface TypedObject<Kind extends string> {
  apiVersion?: string;
  kind?: Kind;
  metadata?: ObjectMeta;
}
