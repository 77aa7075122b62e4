import type { Container, PodSpec } from "@/lib/inventory/pod-spec";

export type ContainerKind = "container" | "init container" | "ephemeral container";
/** A container with its kind and how messages name it ("init container `setup`"). */
export type TaggedContainer = { container: Container; kind: ContainerKind; label: string };

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
  const tag = (kind: ContainerKind) => (container: Container) => ({
    container,
    kind,
    label: `${kind} \`${container.name}\``,
  });
  return [
    ...(spec.containers ?? []).map(tag("container")),
    ...(spec.initContainers ?? []).map(tag("init container")),
    ...(spec.ephemeralContainers ?? []).map(tag("ephemeral container")),
  ];
}

/** "container `api`", "init container `setup`": how messages name a container. */
export function describeContainer(tagged: TaggedContainer): string {
  return tagged.label;
}
