import type { Container, PodSpec } from "@/lib/inventory/pod-spec";

export type ContainerKind = "container" | "init container" | "ephemeral container";
export type TaggedContainer = { container: Container; kind: ContainerKind };

const MEMO = Symbol("allContainers");

/**
 * Every container of a pod: regular, init and ephemeral, in that order. Memoised on the spec
 * (non-enumerable), as a dozen checks ask for the same list of every pod.
 */
export function allContainers(spec: PodSpec): TaggedContainer[] {
  const memo = (spec as { [MEMO]?: TaggedContainer[] })[MEMO];
  if (memo) return memo;
  const list = listContainers(spec);
  Object.defineProperty(spec, MEMO, { value: list, enumerable: false, configurable: true, writable: true });
  return list;
}

function listContainers(spec: PodSpec): TaggedContainer[] {
  return [
    ...(spec.containers ?? []).map((container) => ({ container, kind: "container" as const })),
    ...(spec.initContainers ?? []).map((container) => ({ container, kind: "init container" as const })),
    ...(spec.ephemeralContainers ?? []).map((container) => ({ container, kind: "ephemeral container" as const })),
  ];
}

/** "container `api`", "init container `setup`": how messages name a container. */
export function describeContainer({ container, kind }: TaggedContainer): string {
  return `${kind} \`${container.name}\``;
}
