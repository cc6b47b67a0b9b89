/** Which printer prints which resource: built-in kinds by group/resource, custom resources by their columns. */
import type { ResourceType } from '../resources/types.ts';
import { customResourcePrinter } from './custom-columns.ts';
import { defaultPrinter } from './generic.ts';
import type { TablePrinter } from './printer.ts';
import { configMapPrinter, namespacePrinter, nodePrinter, secretPrinter, serviceAccountPrinter } from './printers/core.ts';
import { eventPrinter, eventsV1Printer } from './printers/events.ts';
import { jobPrinter } from './printers/jobs.ts';
import { endpointSlicePrinter, ingressPrinter } from './printers/networking.ts';
import { podPrinter } from './printers/pods.ts';
import { horizontalPodAutoscalerPrinter, leasePrinter, podDisruptionBudgetPrinter } from './printers/policy.ts';
import { endpointsPrinter, servicePrinter } from './printers/services.ts';
import { daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './printers/workloads.ts';

const BUILTIN: Record<string, TablePrinter> = {
  '/pods': podPrinter,
  '/services': servicePrinter,
  '/endpoints': endpointsPrinter,
  '/namespaces': namespacePrinter,
  '/nodes': nodePrinter,
  '/configmaps': configMapPrinter,
  '/secrets': secretPrinter,
  '/serviceaccounts': serviceAccountPrinter,
  '/events': eventPrinter,
  'events.k8s.io/events': eventsV1Printer,
  'apps/deployments': deploymentPrinter,
  'apps/replicasets': replicaSetPrinter,
  'apps/daemonsets': daemonSetPrinter,
  'apps/statefulsets': statefulSetPrinter,
  'batch/jobs': jobPrinter,
  'networking.k8s.io/ingresses': ingressPrinter,
  'discovery.k8s.io/endpointslices': endpointSlicePrinter,
  'coordination.k8s.io/leases': leasePrinter,
  'policy/poddisruptionbudgets': podDisruptionBudgetPrinter,
  'autoscaling/horizontalpodautoscalers': horizontalPodAutoscalerPrinter,
};

const customPrinters = new WeakMap<ResourceType, TablePrinter>();

/**
 * The printer for a resource: printer columns for custom resources (those with a crdName or
 * printerColumns), a built-in printer when there is one, else NAME / CREATED AT.
 */
export function printerFor(rt: ResourceType): TablePrinter {
  if (rt.crdName !== undefined || rt.printerColumns !== undefined) {
    let printer = customPrinters.get(rt);
    if (!printer) {
      printer = customResourcePrinter(rt.printerColumns);
      customPrinters.set(rt, printer);
    }
    return printer;
  }
  return BUILTIN[`${rt.group}/${rt.resource}`] ?? defaultPrinter;
}
