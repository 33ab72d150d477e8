// A real WordPress on loopback, created from nothing for one test run: Debian's WordPress and
// PHP, a MariaDB server of its own in a temporary folder, the blog served by PHP's built-in
// server as Debian's web server would serve it (router.php), an Administrator and an Author.
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const HERE = fileURLToPath(new URL("./", import.meta.url));
const WORDPRESS = "/usr/share/wordpress";
// Debian's wp-config.php reads /etc/wordpress/config-<host>.php. This one hands over to the
// test run's own configuration, named in its environment, and to nothing otherwise.
const DISPATCHER = "/etc/wordpress/config-127.0.0.1.php";
const MARK = "tiermix test dispatcher";
const DISPATCH = `<?php
// ${MARK}: the tiermix tests' WordPress reads its per-run configuration from here.
$tiermix_config = getenv('TIERMIX_WORDPRESS_CONFIG');
if ($tiermix_config && is_file($tiermix_config)) {
    require $tiermix_config;
}
`;

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

async function waitFor(check, what, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      if (await check()) return;
    } catch { /* not yet */ }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function installDispatcher() {
  const present = existsSync(DISPATCHER) ? await readFile(DISPATCHER, "utf8") : null;
  if (present === DISPATCH) return;
  if (present !== null && !present.includes(MARK)) throw new Error(`${DISPATCHER} exists and is not the tests' own: move it aside to run these tests`);
  if (userInfo().uid === 0) await writeFile(DISPATCHER, DISPATCH);
  else await run("sudo", ["sh", "-c", `cat > ${DISPATCHER}`], { input: DISPATCH });
}

/**
 * Starts the blog. `stop()` ends its servers and removes everything it made.
 */
export async function startSite() {
  await installDispatcher();
  const folder = await mkdtemp(join(tmpdir(), "tiermix-wordpress-"));
  const socket = join(folder, "mysql.sock");
  const content = join(folder, "wp-content");
  for (const sub of ["plugins", "themes", "uploads", "mu-plugins"]) await mkdir(join(content, sub), { recursive: true });
  await symlink(join(WORDPRESS, "wp-content/themes/twentytwentythree"), join(content, "themes/twentytwentythree"));

  const user = userInfo().username;
  await run("mariadb-install-db", ["--no-defaults", `--datadir=${folder}/db`, `--user=${user}`, "--auth-root-authentication-method=normal", "--skip-test-db"]);
  const database = spawn("mariadbd", ["--no-defaults", `--datadir=${folder}/db`, `--socket=${socket}`, "--skip-networking", `--user=${user}`,
    `--pid-file=${folder}/mysql.pid`, `--log-error=${folder}/mysql.err`], { stdio: "ignore" });
  const sql = async (query) => (await run("mariadb", ["--no-defaults", `--socket=${socket}`, "-uroot", "--batch", "--skip-column-names", "-e", query])).stdout;
  await waitFor(() => sql("SELECT 1").then(() => true), "MariaDB");
  await sql("CREATE DATABASE wordpress CHARACTER SET utf8mb4");

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const salt = () => randomBytes(32).toString("hex");
  const config = join(folder, "wp-config.php");
  await writeFile(config, `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${socket}');
define('WP_HOME', '${origin}');
define('WP_SITEURL', '${origin}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${origin}/wp-content');
// Application passwords work over plain http only on a local site.
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
// The blog may fetch its own host only (the calculator, on 127.0.0.1): the machine has no network.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('FS_METHOD', 'direct');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${folder}/debug.log');
${["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"].map((key) => `define('${key}', '${salt()}');`).join("\n")}
$table_prefix = 'wp_';
`);
  const env = { ...process.env, TIERMIX_WORDPRESS_CONFIG: config, TIERMIX_WORDPRESS_CONTENT: content };
  const installed = JSON.parse((await run("php", [join(HERE, "install.php")], { env })).stdout);

  // Several workers: WordPress's editor and REST calls overlap, and the blog fetches itself.
  // In a process group of its own: the workers outlive a signal sent to the server alone.
  const web = spawn("php", ["-S", `127.0.0.1:${port}`, "-t", WORDPRESS, join(HERE, "router.php")],
    { env: { ...env, PHP_CLI_SERVER_WORKERS: "4" }, stdio: "ignore", detached: true });
  const stopWeb = () => {
    if (web.exitCode !== null || web.pid === undefined) return;
    try {
      process.kill(-web.pid, "SIGTERM");
    } catch {
      // The group has ended already.
    }
  };
  // Also if this process ends without calling stop().
  process.once("exit", stopWeb);
  await waitFor(async () => (await fetch(`${origin}/?rest_route=/`)).ok, "WordPress");

  /** A REST call as one of the blog's users, with their application password. */
  async function rest(role, method, route, body) {
    const { login, application } = installed.users[role];
    const response = await fetch(`${origin}/?rest_route=${encodeURIComponent(route).replace(/%2F/g, "/")}`, {
      method,
      headers: { authorization: `Basic ${Buffer.from(`${login}:${application}`).toString("base64")}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(`${method} ${route} as ${role}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  }

  async function stop() {
    stopWeb();
    process.off("exit", stopWeb);
    database.kill();
    await new Promise((resolve) => (database.exitCode !== null ? resolve(undefined) : database.once("exit", resolve)));
    await rm(folder, { recursive: true, force: true });
  }

  return { origin, folder, content, theme: installed.theme, users: installed.users, rest, sql, stop, debugLog: () => readFile(join(folder, "debug.log"), "utf8").catch(() => "") };
}
