// Fails fast when npm scripts run under a Node older than the project's (the `node` devDependency provides 24).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `PMR needs Node.js 24 or newer; this is ${process.version}. Run through npm (npm ci installs Node 24).`,
  );
  process.exit(1);
}
console.log(`node ${process.version}`);
