import type { Operation } from "./operation";
import { ADMIN_OPERATIONS } from "./operations/admin";
import { CLUSTER_OPERATIONS } from "./operations/clusters";
import { FINDING_OPERATIONS } from "./operations/findings";
import { SUPPRESSION_OPERATIONS } from "./operations/suppressions";
import { SYSTEM_OPERATIONS } from "./operations/system";

/** Every API operation, one per method of each route under app/api (a test checks both ways). */
export const OPERATIONS: Operation[] = [
  ...SYSTEM_OPERATIONS,
  ...CLUSTER_OPERATIONS,
  ...FINDING_OPERATIONS,
  ...SUPPRESSION_OPERATIONS,
  ...ADMIN_OPERATIONS,
];
