/** `spec.strategy.canary.trafficRouting` (reference §1.6). Several routers may be set at once. */

export interface TLSRoute {
  port?: number;
  sniHosts?: string[];
}

export interface TCPRoute {
  port?: number;
}

export interface IstioVirtualService {
  name: string;
  routes?: string[];
  tlsRoutes?: TLSRoute[];
  tcpRoutes?: TCPRoute[];
}

export interface IstioDestinationRule {
  name: string;
  canarySubsetName: string;
  stableSubsetName: string;
  additionalSubsetNames?: string[];
}

export interface IstioTrafficRouting {
  virtualService?: IstioVirtualService;
  virtualServices?: IstioVirtualService[];
  destinationRule?: IstioDestinationRule;
}

export interface NginxTrafficRouting {
  annotationPrefix?: string;
  stableIngress?: string;
  stableIngresses?: string[];
  additionalIngressAnnotations?: Record<string, string>;
  canaryIngressAnnotations?: Record<string, string>;
}

export interface StickinessConfig {
  enabled: boolean;
  durationSeconds: number;
}

export interface ALBTrafficRouting {
  ingress?: string;
  ingresses?: string[];
  servicePort: number;
  rootService?: string;
  stickinessConfig?: StickinessConfig;
  annotationPrefix?: string;
}

export interface SMITrafficRouting {
  rootService?: string;
  trafficSplitName?: string;
}

export interface AmbassadorTrafficRouting {
  mappings: string[];
}

export interface AppMeshVirtualService {
  name: string;
  routes?: string[];
}

export interface AppMeshVirtualNodeReference {
  name: string;
}

export interface AppMeshVirtualNodeGroup {
  canaryVirtualNodeRef?: AppMeshVirtualNodeReference;
  stableVirtualNodeRef?: AppMeshVirtualNodeReference;
}

export interface AppMeshTrafficRouting {
  virtualService?: AppMeshVirtualService;
  virtualNodeGroup?: AppMeshVirtualNodeGroup;
}

export interface TraefikTrafficRouting {
  weightedTraefikServiceName: string;
}

export interface ApisixRoute {
  name: string;
  rules?: string[];
}

export interface ApisixTrafficRouting {
  route?: ApisixRoute;
}

export interface MangedRoutes {
  name: string;
}

export interface RolloutTrafficRouting {
  istio?: IstioTrafficRouting;
  nginx?: NginxTrafficRouting;
  alb?: ALBTrafficRouting;
  smi?: SMITrafficRouting;
  ambassador?: AmbassadorTrafficRouting;
  appMesh?: AppMeshTrafficRouting;
  traefik?: TraefikTrafficRouting;
  apisix?: ApisixTrafficRouting;
  /** pluginName → arbitrary JSON config. */
  plugins?: Record<string, unknown>;
  /** Order = precedence; placed above user routes. */
  managedRoutes?: MangedRoutes[];
  /** Default 100; only NGINX and plugins. */
  maxTrafficWeight?: number;
}
