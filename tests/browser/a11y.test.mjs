// a11y.test.mjs -- every public page passes axe-core's WCAG 2.2 A/AA rules
// at 1280 and 320 px, is valid HTML by the Nu checker, and does not scroll
// sideways at 320 px.  With SCREENSHOT_DIR set, a full-page screenshot of
// each page at 375 and 1280 px is written there for humans to look at.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { BIN, SRC, formatHtmlErrors, formatViolations, launchBrowser, runAxe,
    sql, startSite, validateHtml } from './lib.mjs';

const SEED = '/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid';

// One press picture in the site's library (once): its id.
let pictureId = null;
function addPicture(site)
{
	if (pictureId === null) {
		const png = path.join(site.dir, 'pressbild.png');
		let r = spawnSync('/usr/bin/python3', [path.join(SRC,
		    'tests/integration/media_png.py'), '900', '600', png]);
		assert.equal(r.status, 0, 'media_png.py failed');
		r = spawnSync(BIN, ['media', 'add', png, '--alt',
		    'En färgskala från svart till gult', '--credit', 'Anna Andersson',
		    '--licence', 'CC BY 4.0', '--caption', 'Provbild till pressen',
		    '--db', site.db, '--media-dir', site.media], { encoding: 'utf8' });
		assert.equal(r.status, 0, `media add failed: ${r.stderr}`);
		pictureId = sql(site.db, 'SELECT max(id) FROM media')[0];
	}
	return pictureId;
}
const shots = process.env.SCREENSHOT_DIR;

// [name for test titles and screenshot files, path or a function of the
// site giving the path]; every page answers 200 but the last, a 404.
const ROUTES = [
	['start', '/'],
	['nyheter', '/nyheter'],
	['nyheter-sida-2', '/nyheter?sida=2'],
	['nyheter-pressmeddelanden', '/nyheter?typ=pressmeddelande'],
	['artikel', SEED],
	['artikel-engelska', (site) => {
		const slug = sql(site.db, "SELECT slug FROM article WHERE " +
		    "lang = 'en' AND status = 'publicerad' ORDER BY id LIMIT 1")[0];
		assert.ok(slug, 'no published English article in the demo database');
		return `/nyheter/${encodeURIComponent(slug)}`;
	}],
	['amnen', '/amnen'],
	['amne-jamstalldhet', '/amnen/jamstalldhet'],
	['kontakt', '/kontakt'],
	['prenumerera', '/prenumerera'],
	['pressbilder', (site) => (addPicture(site), '/pressbilder')],
	['pressbild', (site) => `/pressbilder/${addPicture(site)}`],
	['sok', '/sok'],
	['sok-traffar', '/sok?q=j%C3%A4mst%C3%A4lldhet'],
	['sok-inga-traffar', '/sok?q=%22%28%2A'],
	['404', '/finns-inte'],
];

// Elements sticking out past the right edge, for the overflow message.
function overflowing()
{
	const w = document.documentElement.clientWidth;
	const out = [];
	for (const el of document.body.querySelectorAll('*')) {
		const r = el.getBoundingClientRect();
		if (r.right > w + 0.5 && r.width > 0) {
			const id = el.id ? `#${el.id}` : '';
			const cls = typeof el.className === 'string' && el.className ?
			    `.${el.className.trim().split(/\s+/).join('.')}` : '';
			out.push(`${el.tagName.toLowerCase()}${id}${cls} ` +
			    `(right ${Math.round(r.right)} > ${w})`);
		}
	}
	return { scrollWidth: document.documentElement.scrollWidth,
	    clientWidth: w, out: out.slice(0, 10) };
}

describe('accessibility and validity of the public pages', () => {
	let site, browser, context, page, nu;
	const paths = new Map();

	before(async () => {
		site = await startSite();
		browser = await launchBrowser();
		// The site's CSP forbids injected scripts: bypass it for axe.
		context = await browser.newContext({ bypassCSP: true,
		    viewport: { width: 1280, height: 800 } });
		page = await context.newPage();
		if (shots)
			mkdirSync(shots, { recursive: true });
	});

	after(async () => {
		await context?.close();
		await browser?.close();
		await site?.stop();
	});

	function pathOf(name, route)
	{
		if (!paths.has(name))
			paths.set(name, typeof route === 'function' ?
			    route(site) : route);
		return paths.get(name);
	}

	// Validate every page in one JVM, the first time a test asks.
	function nuResults()
	{
		if (!nu) {
			const urls = [];
			for (const [name, route] of ROUTES) {
				try {
					urls.push(site.base + pathOf(name, route));
				} catch { /* reported by its own test */ }
			}
			nu = validateHtml(urls);
		}
		return nu;
	}

	async function open(url, width, height = 800)
	{
		await page.setViewportSize({ width, height });
		const r = await page.goto(url, { waitUntil: 'load' });
		assert.ok(r, `no response for ${url}`);
		return r;
	}

	for (const [name, route] of ROUTES) {
		it(`axe at 1280 px: ${name}`, async () => {
			const url = site.base + pathOf(name, route);
			const r = await open(url, 1280);
			assert.equal(r.status(), name === '404' ? 404 : 200,
			    `GET ${url} status`);
			if (shots)
				await page.screenshot({ fullPage: true,
				    path: path.join(shots, `${name}-1280.png`) });
			const v = await runAxe(page);
			assert.equal(v.length, 0,
			    `axe violations on ${url} at 1280 px:\n${formatViolations(v)}`);
		});

		it(`axe and no sideways scrolling at 320 px: ${name}`, async () => {
			const url = site.base + pathOf(name, route);
			if (shots) {
				await open(url, 375, 667);
				await page.screenshot({ fullPage: true,
				    path: path.join(shots, `${name}-375.png`) });
			}
			await open(url, 320, 640);
			const v = await runAxe(page);
			const o = await page.evaluate(overflowing);
			const problems = [];
			if (v.length)
				problems.push(`axe violations on ${url} at 320 px:\n` +
				    formatViolations(v));
			if (o.scrollWidth > o.clientWidth)
				problems.push(`${url} scrolls sideways at 320 px: ` +
				    `scrollWidth ${o.scrollWidth} > clientWidth ` +
				    `${o.clientWidth}; sticking out:\n    ` +
				    o.out.join('\n    '));
			assert.equal(problems.length, 0, problems.join('\n'));
		});

		it(`valid HTML (Nu checker): ${name}`, async () => {
			const url = site.base + pathOf(name, route);
			const errs = (await nuResults()).get(url) ?? [];
			assert.equal(errs.length, 0,
			    `Nu checker errors in ${url}:\n${formatHtmlErrors(errs)}`);
		});
	}
});
