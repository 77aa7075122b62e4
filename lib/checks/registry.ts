import { imageNotPinned, imagePullPolicy, imageTagLatest } from "./container/image-tags";
import { sandboxRuntimeMissing } from "./container/sandbox-runtime-missing";
import { untrustedRegistry } from "./container/untrusted-registry";
import { imageNotScanned, noImageScanning, vulnerabilities } from "./container/vulnerabilities";
import { writableRootFs } from "./container/writable-root-fs";
import { apiServerPublic, kubernetesDashboardInstalled, mtlsNotEnforced, sensitiveUiExposed } from "./network/exposure";
import { gatewayListenerNoTls, routeExposesAdminUi } from "./network/gateway";
import { ingressNginxRetired } from "./network/ingress-nginx-retired";
import {
  metadataApiReachable,
  namespaceNoPolicy,
  noDefaultDenyEgress,
  noDefaultDenyIngress,
  podEgressUnrestricted,
  podIngressUnrestricted,
} from "./network/segmentation";
import { ingressNoTls, serviceExternalIps, serviceLoadBalancer, serviceNodePort } from "./network/services";
import { apiServerAnonymousAccess } from "./node/anonymous-access";
import { CONTROL_PLANE_CHECKS } from "./node/control-plane";
import {
  kubeletAnonymousAuth,
  kubeletAuthzAlwaysAllow,
  kubeletCertRotation,
  kubeletReadonlyPort,
} from "./node/kubelet-config";
import { controlPlaneSchedulable, notReady, publicIp } from "./node/node-state";
import { containerRuntimeOutdated, k8sVersionUnsupported, kubeletVersionSkew, osImageEol } from "./node/versions";
import {
  admissionPolicyNotEnforcing,
  admissionWebhookFailOpen,
  imageSignatureNotEnforced,
} from "./pod/admission-enforcement";
import { defaultNamespace } from "./pod/default-namespace";
import { disruptionBudgetMisconfigured } from "./pod/disruption-budget-misconfigured";
import { gitRepoVolume } from "./pod/gitrepo-volume";
import { namespacePsaMissing, namespacePsaViolations } from "./pod/namespace-psa";
import { noAdmissionPolicy } from "./pod/no-admission-policy";
import { noDisruptionBudget } from "./pod/no-disruption-budget";
import { probesIdentical, probesMissing, readinessProbeMissing } from "./pod/probes-missing";
import { PSS_CHECKS } from "./pod/pss-control-checks";
import { resourceLimitsMissing, resourceRequestsMissing } from "./pod/resources";
import {
  rbacAnonymous,
  rbacClusterAdmin,
  rbacPrivilegeEscalation,
  rbacSecretRead,
  rbacUnboundDangerousRole,
  rbacWildcard,
} from "./secrets/rbac-checks";
import { legacySaToken, staleSecret } from "./secrets/secret-objects";
import {
  defaultSaAutomount,
  defaultServiceAccount,
  envVarSecret,
  hardcodedCredential,
  saTokenAutomount,
} from "./secrets/workload-secrets";
import { LAYERS, type Check } from "./types";

/** Every check Bulwark ships, in catalog order (by layer). Ids are unique (tested). */
export const ALL_CHECKS: readonly Check[] = sortByLayer([
  k8sVersionUnsupported,
  kubeletVersionSkew,
  publicIp,
  kubeletAnonymousAuth,
  kubeletAuthzAlwaysAllow,
  kubeletReadonlyPort,
  kubeletCertRotation,
  ...CONTROL_PLANE_CHECKS,
  apiServerAnonymousAccess,
  containerRuntimeOutdated,
  osImageEol,
  controlPlaneSchedulable,
  notReady,
  namespaceNoPolicy,
  noDefaultDenyIngress,
  noDefaultDenyEgress,
  podIngressUnrestricted,
  podEgressUnrestricted,
  metadataApiReachable,
  serviceLoadBalancer,
  serviceNodePort,
  serviceExternalIps,
  ingressNoTls,
  ingressNginxRetired,
  sensitiveUiExposed,
  gatewayListenerNoTls,
  routeExposesAdminUi,
  kubernetesDashboardInstalled,
  apiServerPublic,
  mtlsNotEnforced,
  envVarSecret,
  hardcodedCredential,
  saTokenAutomount,
  defaultServiceAccount,
  defaultSaAutomount,
  legacySaToken,
  staleSecret,
  rbacSecretRead,
  rbacClusterAdmin,
  rbacWildcard,
  rbacPrivilegeEscalation,
  rbacAnonymous,
  rbacUnboundDangerousRole,
  ...PSS_CHECKS,
  gitRepoVolume,
  namespacePsaMissing,
  namespacePsaViolations,
  noAdmissionPolicy,
  admissionPolicyNotEnforcing,
  admissionWebhookFailOpen,
  resourceLimitsMissing,
  resourceRequestsMissing,
  noDisruptionBudget,
  disruptionBudgetMisconfigured,
  probesMissing,
  readinessProbeMissing,
  probesIdentical,
  defaultNamespace,
  imageTagLatest,
  imageNotPinned,
  imagePullPolicy,
  untrustedRegistry,
  writableRootFs,
  vulnerabilities,
  imageNotScanned,
  noImageScanning,
  sandboxRuntimeMissing,
  imageSignatureNotEnforced,
]);

function sortByLayer(checks: Check[]): Check[] {
  return checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) => LAYERS.indexOf(a.c.layer) - LAYERS.indexOf(b.c.layer) || a.i - b.i)
    .map(({ c }) => c);
}

const BY_ID = new Map(ALL_CHECKS.map((c) => [c.id, c]));

export function getCheck(id: string): Check | undefined {
  return BY_ID.get(id);
}
