/** Schemas shared by several CRDs: analysis arguments, metrics and providers, dry-run, retention. */
import { anyJson, arr, bool, int32, int64, intOrString, loose, obj, str, stringMap, strArr, time, type Schema } from './builders.ts';

export const dryRun = (): Schema => arr(obj({ metricName: str() }, ['metricName']));
export const measurementRetention = (): Schema => arr(obj({ limit: int32(), metricName: str() }, ['limit', 'metricName']));
export const analysisRunMetadata = (): Schema => obj({ annotations: stringMap(), labels: stringMap() });

/** Template/run `Argument`: value is a string pointer; valueFrom secretKeyRef | fieldRef. */
export const argument = (): Schema =>
  obj(
    {
      name: str(),
      value: str(),
      valueFrom: obj({
        fieldRef: obj({ fieldPath: str() }, ['fieldPath']),
        secretKeyRef: obj({ key: str(), name: str() }, ['key', 'name']),
      }),
    },
    ['name'],
  );

const headers = (): Schema => arr(obj({ key: str(), value: str() }, ['key', 'value']));
const authentication = (): Schema =>
  obj({
    basicAuth: obj({ password: str(), username: str() }),
    oauth2: obj({ clientId: str(), clientSecret: str(), scopes: strArr(), tokenUrl: str() }),
    sigv4: obj({ profile: str(), region: str(), roleArn: str() }),
  });

const scopeDetail = (): Schema =>
  obj({ end: str(), region: str(), scope: str(), start: str(), step: int64() }, ['end', 'region', 'scope', 'start', 'step']);

export const metricProvider = (): Schema =>
  obj({
    cloudWatch: obj(
      {
        interval: str(),
        metricDataQueries: arr(
          obj(
            {
              expression: str(),
              id: str(),
              label: str(),
              metricStat: obj({
                metric: obj({ dimensions: arr(obj({ name: str(), value: str() }, ['name', 'value'])), metricName: str(), namespace: str() }),
                period: intOrString(),
                stat: str(),
                unit: str(),
              }),
              period: intOrString(),
              returnData: bool(),
            },
            ['id'],
          ),
        ),
      },
      ['metricDataQueries'],
    ),
    datadog: obj({
      aggregator: str(),
      apiVersion: str(),
      formula: str(),
      interval: str(),
      queries: stringMap(),
      query: str(),
      requestTimeout: str(),
      secretRef: obj({ name: str(), namespaced: bool() }),
    }),
    graphite: obj({ address: str(), query: str() }),
    influxdb: obj({ profile: str(), query: str() }),
    job: obj({ metadata: loose(), spec: loose() }, ['spec']),
    kayenta: obj(
      {
        address: str(),
        application: str(),
        canaryConfigName: str(),
        configurationAccountName: str(),
        lookback: str(),
        metricsAccountName: str(),
        scopes: arr(obj({ controlScope: scopeDetail(), experimentScope: scopeDetail(), name: str() }, ['controlScope', 'experimentScope', 'name'])),
        storageAccountName: str(),
        threshold: obj({ marginal: int64(), pass: int64() }, ['marginal', 'pass']),
      },
      ['address', 'application', 'canaryConfigName', 'configurationAccountName', 'metricsAccountName', 'scopes', 'storageAccountName', 'threshold'],
    ),
    newRelic: obj({ profile: str(), query: str(), timeout: int64() }, ['query']),
    plugin: { type: 'object', additionalProperties: anyJson() },
    prometheus: obj({
      address: str(),
      authentication: authentication(),
      headers: headers(),
      insecure: bool(),
      query: str(),
      rangeQuery: obj({ end: str(), start: str(), step: str() }),
      timeout: int64(),
    }),
    skywalking: obj({ address: str(), interval: str(), query: str() }),
    wavefront: obj({ address: str(), query: str() }),
    web: obj(
      {
        authentication: authentication(),
        body: str(),
        headers: headers(),
        insecure: bool(),
        jsonBody: anyJson(),
        jsonPath: str(),
        method: str(),
        timeoutSeconds: int64(),
        url: str(),
      },
      ['url'],
    ),
  });

export const metric = (): Schema =>
  obj(
    {
      consecutiveErrorLimit: intOrString(),
      consecutiveSuccessLimit: intOrString(),
      count: intOrString(),
      failureCondition: str(),
      failureLimit: intOrString(),
      inconclusiveLimit: intOrString(),
      initialDelay: str(),
      interval: str(),
      name: str(),
      provider: metricProvider(),
      successCondition: str(),
    },
    ['name', 'provider'],
  );

export const analysisTemplateSpec = (): Schema =>
  obj({
    args: arr(argument()),
    dryRun: dryRun(),
    measurementRetention: measurementRetention(),
    metrics: arr(metric()),
    templates: arr(obj({ clusterScope: bool(), templateName: str() })),
  });

export const runSummary = (): Schema => obj({ count: int32(), error: int32(), failed: int32(), inconclusive: int32(), successful: int32() });

export const analysisRunSpec = (): Schema =>
  obj(
    {
      args: arr(argument()),
      dryRun: dryRun(),
      measurementRetention: measurementRetention(),
      metrics: arr(metric()),
      terminate: bool(),
      ttlStrategy: obj({ secondsAfterCompletion: int32(), secondsAfterFailure: int32(), secondsAfterSuccess: int32() }),
    },
    ['metrics'],
  );

export const analysisRunStatus = (): Schema =>
  obj(
    {
      completedAt: time(),
      dryRunSummary: runSummary(),
      message: str(),
      metricResults: arr(
        obj(
          {
            consecutiveError: int32(),
            consecutiveSuccess: int32(),
            count: int32(),
            dryRun: bool(),
            error: int32(),
            failed: int32(),
            inconclusive: int32(),
            measurements: arr(
              obj(
                { finishedAt: time(), message: str(), metadata: stringMap(), phase: str(), resumeAt: time(), startedAt: time(), value: str() },
                ['phase'],
              ),
            ),
            message: str(),
            metadata: stringMap(),
            name: str(),
            phase: str(),
            successful: int32(),
          },
          ['name', 'phase'],
        ),
      ),
      phase: str(),
      runSummary: runSummary(),
      startedAt: time(),
    },
    ['phase'],
  );
