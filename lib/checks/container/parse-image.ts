/** An image reference split into its parts, following the distribution reference grammar. */
export type ImageRef = {
  /** Registry host, "docker.io" when implicit. */
  registry: string;
  /** True when the reference names no registry, so the runtime pulls from Docker Hub. */
  isImplicitRegistry: boolean;
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
};

const PARSED = new Map<string, ImageRef>();
const MAX_MEMO = 50_000;

/** Parses an image reference; results are shared (treat them as read-only). */
export function parseImage(image: string): ImageRef {
  let ref = PARSED.get(image);
  if (!ref) {
    ref = Object.freeze(parse(image));
    if (PARSED.size >= MAX_MEMO) PARSED.clear();
    PARSED.set(image, ref);
  }
  return ref;
}

function parse(image: string): ImageRef {
  const at = image.indexOf("@");
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const named = at >= 0 ? image.slice(0, at) : image;
  const slash = named.indexOf("/");
  const first = slash >= 0 ? named.slice(0, slash) : "";
  const hasRegistry = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  const path = hasRegistry ? named.slice(slash + 1) : named;
  const colon = path.lastIndexOf(":");
  const tag = colon > path.lastIndexOf("/") && colon >= 0 ? path.slice(colon + 1) : undefined;
  const repository = tag === undefined ? path : path.slice(0, colon);
  return { registry: hasRegistry ? first : "docker.io", isImplicitRegistry: !hasRegistry, repository, tag, digest };
}
