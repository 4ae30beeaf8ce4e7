// lib.mjs -- the harness every tests/browser/*.test.mjs imports.
//
// startSite() brings up a private site exactly as tests/integration/lib.sh
// does: a fresh demo database in a temp dir, `pressrum serve` on a unix
// socket there, and a real nginx in front of it on a free loopback port,
// configured by deploy/render-nginx-conf.sh from deploy/nginx-dev.conf.in.
// launchBrowser() starts Debian's Chromium through playwright-core with a
// throw-away profile; runAxe() runs axe-core's WCAG 2.x A/AA rules on a
// page; validateHtml() runs the Nu HTML checker (vnu.jar) once over many
// documents; mkuser() and signIn() make a staff account and sign it in,
// clickPost() presses a form's button.
//
// Environment (set by ctest; defaults for running a file by hand):
//   PRESSRUM_SRC    source tree (default: two levels above this file)
//   PRESSRUM_BIN    the pressrum binary (default: $PRESSRUM_SRC/build/pressrum)
//   CHROMIUM        the browser (default: /usr/bin/chromium)
//   KEEP=1          keep the site's temp dir for a post-mortem

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, openSync, closeSync, readFileSync,
    rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const testsDir = path.resolve(here, '..');
const nodeModules = path.join(testsDir, 'node_modules');

export const SRC = process.env.PRESSRUM_SRC || path.resolve(here, '../..');
export const BIN = process.env.PRESSRUM_BIN || path.join(SRC, 'build/pressrum');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A free TCP port on 127.0.0.1 (bind to port 0, read it, close).
export function freePort()
{
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

// True when the child has not exited (and was not killed).
function running(child)
{
	return child.exitCode === null && child.signalCode === null;
}

// Stop CHILD by PID: SIGTERM, then SIGKILL after SECS seconds.  Resolves
// once it has exited.
async function stopChild(child, secs = 5)
{
	if (!child || !running(child))
		return;
	const exited = new Promise((r) => child.once('exit', r));
	try { process.kill(child.pid, 'SIGTERM'); } catch { return; }
	const t = await Promise.race([exited.then(() => 'exited'),
	    sleep(secs * 1000).then(() => 'timeout')]);
	if (t === 'timeout' && running(child)) {
		process.stderr.write(`# ${child.pid} did not stop on SIGTERM; sending SIGKILL\n`);
		try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ }
		await exited;
	}
}

function tail(file, n = 40)
{
	try {
		const lines = readFileSync(file, 'utf8').split('\n');
		return lines.slice(-n).join('\n');
	} catch {
		return '';
	}
}

// Bring up demo db + pressrum + nginx in a fresh temp dir.  Options:
// testClock (pass --test-clock to serve), workers (default 2).  Resolves
// to { base, port, dir, db, socket, media, stop() }; rejects (after cleaning up)
// with the server and nginx logs when the site is not answering GET /
// within 10 seconds.  stop() is idempotent.
export async function startSite(opts = {})
{
	if (!existsSync(BIN))
		throw new Error(`no pressrum binary at ${BIN} (set PRESSRUM_BIN)`);
	const dir = mkdtempSync(path.join(process.env.TMPDIR || os.tmpdir(),
	    'pressrum-br.'));
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const db = path.join(dir, 'db.sqlite');
	const socket = path.join(dir, 'pressrum.sock');
	const serverLog = path.join(dir, 'server.log');
	const nginxLog = path.join(dir, 'nginx.log');
	const prefix = path.join(dir, 'nginx');
	const pages = path.join(dir, 'pages');
	const media = path.join(dir, 'media');
	let server = null, nginx = null, stopped = false;

	const stop = async () => {
		if (stopped)
			return;
		stopped = true;
		await stopChild(nginx);
		await stopChild(server);
		if (process.env.KEEP === '1')
			process.stderr.write(`# kept ${dir}\n`);
		else
			rmSync(dir, { recursive: true, force: true });
	};
	const fail = async (msg) => {
		const logs = [['server.log', serverLog], ['nginx.log', nginxLog]]
		    .map(([n, f]) => {
			const t = tail(f);
			return t ? `--- ${n} (last 40 lines)\n${t}` : '';
		    }).filter(Boolean).join('\n');
		await stop();
		throw new Error(logs ? `${msg}\n${logs}` : msg);
	};
	const logFd = (f) => openSync(f, 'a');

	try {
		const demo = spawnSync(BIN, ['demo', '--db', db],
		    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		if (demo.status !== 0)
			await fail(`pressrum demo failed (${demo.status}):\n` +
			    `${demo.stdout}${demo.stderr}`);

		const args = ['serve', '--db', db, '--socket', socket,
		    '--workers', String(opts.workers ?? 2),
		    '--templates', path.join(SRC, 'templates'),
		    '--base-url', base, '--page-dir', pages, '--media-dir', media];
		if (opts.testClock)
			args.push('--test-clock');
		let fd = logFd(serverLog);
		server = spawn(BIN, args, { stdio: ['ignore', fd, fd] });
		closeSync(fd);
		server.on('error', () => {});

		mkdirSync(prefix, { recursive: true });
		const conf = spawnSync('bash', [
		    path.join(SRC, 'deploy/render-nginx-conf.sh'), String(port),
		    socket, path.join(SRC, 'public'), prefix, pages, media],
		    { encoding: 'utf8' });
		if (conf.status !== 0)
			await fail(`could not render the nginx config:\n${conf.stderr}`);
		writeFileSync(path.join(prefix, 'nginx.conf'), conf.stdout);

		const nginxBin = ['/usr/sbin/nginx', '/sbin/nginx']
		    .find((p) => existsSync(p)) || 'nginx';
		fd = logFd(nginxLog);
		nginx = spawn(nginxBin, ['-p', prefix, '-c',
		    path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
		    { stdio: ['ignore', fd, fd] });
		closeSync(fd);
		nginx.on('error', () => {});
	} catch (e) {
		if (!stopped)
			await fail(String(e && e.stack || e));
		throw e;
	}

	const deadline = Date.now() + 10000;
	while (Date.now() < deadline) {
		if (!running(server))
			await fail('pressrum serve exited at start');
		if (!running(nginx))
			await fail('nginx exited at start');
		if (existsSync(socket)) {
			try {
				const r = await fetch(`${base}/`,
				    { signal: AbortSignal.timeout(2000),
				      redirect: 'manual' });
				await r.arrayBuffer();
				if (![502, 503, 504].includes(r.status))
					return { base, port, dir, db, socket, media,
					    stop };
			} catch { /* not yet */ }
		}
		await sleep(100);
	}
	await fail(`site not answering on ${base}/ after 10 s`);
}

// Run sqlite3 SQL on DB and return stdout's lines (the sqlite3 CLI).
export function sql(db, query)
{
	const r = spawnSync('sqlite3', [db, query], { encoding: 'utf8' });
	if (r.status !== 0)
		throw new Error(`sqlite3 failed: ${r.stderr || r.error}`);
	return r.stdout.split('\n').filter((l) => l !== '');
}

// The password mkuser() gives and signIn() types.
export const STAFF_PW = 'losenord-123';

// A staff account NAME with ROLE on DB, made with `pressrum user add`.
export function mkuser(db, name, role)
{
	const r = spawnSync(BIN, ['user', 'add', '--role', role, name, '--db', db],
	    { input: `${STAFF_PW}\n`, encoding: 'utf8' });
	if (r.status !== 0)
		throw new Error(`user add ${name}: ${r.stderr}`);
}

// Sign NAME in through the form on PAGE; resolves on /admin.
export async function signIn(page, base, name)
{
	await page.goto(`${base}/admin/logga-in`);
	await page.fill('#namn', name);
	await page.fill('#losenord', STAFF_PW);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await page.waitForURL(`${base}/admin`);
}

// Click the button NAME on PAGE and return the response to the POST it
// sends (its source, for the Nu checker).
export async function clickPost(page, name)
{
	const [resp] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name, exact: true }).first().click(),
	]);
	await page.waitForLoadState();
	return resp;
}

// Launch headless Chromium.  playwright gives every launch() a fresh,
// throw-away user-data-dir (a temp profile it removes on close), so no
// state leaks between test files.  Resolves to a playwright Browser.
export async function launchBrowser()
{
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu',
		    '--disable-quic', '--no-first-run',
		    '--disable-background-networking',
		    '--disable-component-update', '--disable-sync',
		    '--disable-dev-shm-usage'],
	});
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Run axe-core on PAGE's current document with the WCAG 2.0/2.1/2.2 A and
// AA rules.  The page's context must bypass CSP (newContext({ bypassCSP:
// true })), since the site forbids injected scripts.  Resolves to axe's
// violations array ([] when clean).
export async function runAxe(page)
{
	const have = await page.evaluate(() => typeof window.axe === 'object');
	if (!have)
		await page.addScriptTag({
		    path: path.join(nodeModules, 'axe-core/axe.min.js') });
	const res = await page.evaluate(async (tags) => {
		/* global axe */
		const r = await axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations'],
		});
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			helpUrl: v.helpUrl,
			nodes: v.nodes.map((n) => ({
				target: n.target, html: n.html,
				summary: n.failureSummary,
			})),
		}));
	}, AXE_TAGS);
	return res;
}

// A readable multi-line account of axe violations, for assertion messages.
export function formatViolations(violations)
{
	return violations.map((v) => {
		const nodes = v.nodes.map((n) =>
		    `    at ${JSON.stringify(n.target)}\n` +
		    `      ${n.html.replace(/\s+/g, ' ').slice(0, 300)}\n` +
		    `      ${(n.summary || '').replace(/\n\s*/g, ' / ')}`).join('\n');
		return `  [${v.impact}] ${v.id}: ${v.help}\n${nodes}`;
	}).join('\n');
}

// Validate documents with the Nu HTML checker, in one JVM.  DOCS is an
// array of URLs (fetched here) or { name, html } objects.  Resolves to a
// Map from each URL/name to its array of error messages ({ line, column,
// message, extract }); a document with no errors maps to [].
export async function validateHtml(docs)
{
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'pressrum-vnu.'));
	const files = new Map();
	try {
		let i = 0;
		for (const d of docs) {
			let name, html;
			if (typeof d === 'string') {
				name = d;
				const r = await fetch(d);
				html = await r.text();
			} else {
				({ name, html } = d);
			}
			const f = path.join(tmp, `doc${String(i++).padStart(3, '0')}.html`);
			writeFileSync(f, html);
			files.set(f, name);
		}
		const jar = path.join(nodeModules, 'vnu-jar/build/dist/vnu.jar');
		const r = spawnSync('java', ['-Xss4m', '-jar', jar, '--format', 'json',
		    '--errors-only', ...files.keys()],
		    { encoding: 'utf8', maxBuffer: 64 << 20 });
		if (r.error)
			throw r.error;
		let out;
		try {
			out = JSON.parse(r.stderr || r.stdout || '{"messages":[]}');
		} catch {
			throw new Error(`vnu.jar said (${r.status}):\n${r.stderr}${r.stdout}`);
		}
		const result = new Map([...files.values()].map((n) => [n, []]));
		for (const m of out.messages || []) {
			if (m.type !== 'error' && m.subType !== 'fatal' &&
			    m.type !== 'non-document-error')
				continue;
			const file = m.url ? fileURLToPath(m.url) : '';
			const name = files.get(file) ?? file;
			if (!result.has(name))
				result.set(name, []);
			result.get(name).push({ line: m.lastLine, column: m.firstColumn,
			    message: m.message, extract: m.extract });
		}
		return result;
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

// A readable account of Nu checker errors for one document.
export function formatHtmlErrors(errors)
{
	return errors.map((e) => `  line ${e.line}:${e.column}: ${e.message}` +
	    (e.extract ? `\n      ${e.extract.replace(/\s+/g, ' ')}` : ''))
	    .join('\n');
}
