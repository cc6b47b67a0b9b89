/** `metric.provider.<key>` (reference §5). Exactly one key per provider. */
import type { JobSpec } from 'kubernetes-types/batch/v1.js';
import type { ObjectMeta } from './meta.ts';

export interface WebMetricHeader {
  key: string;
  value: string;
}

export interface OAuth2Config {
  tokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  scopes?: string[];
}

export interface Sigv4Config {
  region?: string;
  profile?: string;
  roleArn?: string;
}

export interface BasicAuth {
  username?: string;
  password?: string;
}

export interface Authentication {
  sigv4?: Sigv4Config;
  oauth2?: OAuth2Config;
  basicAuth?: BasicAuth;
}

export interface PrometheusRangeQueryArgs {
  start?: string;
  end?: string;
  step?: string;
}

export interface PrometheusMetric {
  address?: string;
  query?: string;
  authentication?: Authentication;
  timeout?: number;
  insecure?: boolean;
  headers?: WebMetricHeader[];
  rangeQuery?: PrometheusRangeQueryArgs;
}

export interface WebMetric {
  method?: 'GET' | 'POST' | 'PUT';
  url: string;
  headers?: WebMetricHeader[];
  body?: string;
  jsonBody?: unknown;
  timeoutSeconds?: number;
  jsonPath?: string;
  insecure?: boolean;
  authentication?: Authentication;
}

export interface JobMetric {
  metadata?: ObjectMeta;
  spec: JobSpec;
}

export interface SecretRef {
  name?: string;
  namespaced?: boolean;
}

export interface DatadogMetric {
  interval?: string;
  query?: string;
  queries?: Record<string, string>;
  formula?: string;
  apiVersion?: 'v1' | 'v2';
  aggregator?: string;
  secretRef?: SecretRef;
  requestTimeout?: string;
}

export interface NewRelicMetric {
  profile?: string;
  query: string;
  timeout?: number;
}

export interface WavefrontMetric {
  address?: string;
  query?: string;
}

export interface KayentaThreshold {
  pass: number;
  marginal: number;
}

export interface ScopeDetail {
  scope: string;
  region: string;
  step: number;
  start: string;
  end: string;
}

export interface KayentaScope {
  name: string;
  controlScope: ScopeDetail;
  experimentScope: ScopeDetail;
}

export interface KayentaMetric {
  address: string;
  application: string;
  canaryConfigName: string;
  metricsAccountName: string;
  configurationAccountName: string;
  storageAccountName: string;
  threshold: KayentaThreshold;
  scopes: KayentaScope[];
  lookback?: string;
}

export interface CloudWatchMetricDimension {
  name: string;
  value: string;
}

export interface CloudWatchMetricStatMetric {
  dimensions?: CloudWatchMetricDimension[];
  metricName?: string;
  namespace?: string;
}

export interface CloudWatchMetricStat {
  metric?: CloudWatchMetricStatMetric;
  period?: number | string;
  stat?: string;
  unit?: string;
}

export interface CloudWatchMetricDataQuery {
  id: string;
  expression?: string;
  label?: string;
  metricStat?: CloudWatchMetricStat;
  period?: number | string;
  returnData?: boolean;
}

export interface CloudWatchMetric {
  interval?: string;
  metricDataQueries: CloudWatchMetricDataQuery[];
}

export interface GraphiteMetric {
  address?: string;
  query?: string;
}

export interface InfluxdbMetric {
  profile?: string;
  query?: string;
}

export interface SkyWalkingMetric {
  address?: string;
  query?: string;
  interval?: string;
}

export interface MetricProvider {
  prometheus?: PrometheusMetric;
  kayenta?: KayentaMetric;
  web?: WebMetric;
  datadog?: DatadogMetric;
  wavefront?: WavefrontMetric;
  newRelic?: NewRelicMetric;
  job?: JobMetric;
  cloudWatch?: CloudWatchMetric;
  graphite?: GraphiteMetric;
  influxdb?: InfluxdbMetric;
  skywalking?: SkyWalkingMetric;
  /** pluginName → config JSON. */
  plugin?: Record<string, unknown>;
}

export const METRIC_PROVIDER_KEYS = [
  'prometheus',
  'kayenta',
  'web',
  'datadog',
  'wavefront',
  'newRelic',
  'job',
  'cloudWatch',
  'graphite',
  'influxdb',
  'skywalking',
  'plugin',
] as const;
