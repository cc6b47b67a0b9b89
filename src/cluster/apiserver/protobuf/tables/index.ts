import type { TableSource } from '../schema.ts';
import { APPS_V1 } from './apps-v1.ts';
import { AUTOSCALING } from './autoscaling.ts';
import { BATCH_V1 } from './batch-v1.ts';
import { COORDINATION_V1 } from './coordination-v1.ts';
import { CORE_V1_OBJECTS } from './core-v1-objects.ts';
import { CORE_V1_POD } from './core-v1-pod.ts';
import { CORE_V1_VOLUMES } from './core-v1-volumes.ts';
import { DISCOVERY_V1 } from './discovery-v1.ts';
import { META_V1 } from './meta-v1.ts';
import { NETWORKING_V1 } from './networking-v1.ts';
import { POLICY_V1 } from './policy-v1.ts';

export const ALL_TABLES: readonly TableSource[] = [
  META_V1,
  CORE_V1_POD,
  CORE_V1_VOLUMES,
  CORE_V1_OBJECTS,
  APPS_V1,
  BATCH_V1,
  POLICY_V1,
  NETWORKING_V1,
  COORDINATION_V1,
  AUTOSCALING,
  DISCOVERY_V1,
];
