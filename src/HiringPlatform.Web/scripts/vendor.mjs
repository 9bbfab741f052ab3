// Copies the files the app serves from node_modules (installed from package-lock.json by `npm ci`) into wwwroot/lib.
// The copies are committed, so building and running the app needs no Node.js; CI runs this and fails when the
// committed files differ from what the lock file installs (./build.sh vendor).
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");
const lib = join(web, "wwwroot", "lib");
const files = {
  "bootstrap/dist/css/bootstrap.min.css": "bootstrap/css/bootstrap.min.css",
  "bootstrap/dist/js/bootstrap.bundle.min.js": "bootstrap/js/bootstrap.bundle.min.js",
  "bootstrap/LICENSE": "bootstrap/LICENSE",
  "bootstrap-icons/font/bootstrap-icons.min.css": "bootstrap-icons/bootstrap-icons.min.css",
  "bootstrap-icons/font/fonts/bootstrap-icons.woff2": "bootstrap-icons/fonts/bootstrap-icons.woff2",
  "bootstrap-icons/font/fonts/bootstrap-icons.woff": "bootstrap-icons/fonts/bootstrap-icons.woff",
  "bootstrap-icons/LICENSE": "bootstrap-icons/LICENSE",
  "chart.js/dist/chart.umd.min.js": "chartjs/chart.umd.min.js",
  "chart.js/LICENSE.md": "chartjs/LICENSE.md",
};
rmSync(lib, { recursive: true, force: true });
for (const [from, to] of Object.entries(files)) {
  mkdirSync(dirname(join(lib, to)), { recursive: true });
  cpSync(join(web, "node_modules", from), join(lib, to));
  console.log(`wwwroot/lib/${to}`);
}
