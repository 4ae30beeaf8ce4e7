// sharing.test.mjs -- what link previews, search engines and a reader
// with JavaScript on get: the schema.org NewsArticle microdata of an
// article matches the page, pages hold no <script> and the
// Content-Security-Policy reports no violation, a hostile title stays
// text, the Open Graph tags are there, and the search box in the header
// finds and highlights.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, sql, startSite } from './lib.mjs';

const SEED = '/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid';
const HOSTILE = '</script><script>alert(1)</script> & "citat" \u2028';

describe('sharing metadata and search with JavaScript on', () => {
	let site, browser, context, page;
	const console_errors = [], dialogs = [];

	before(async () => {
		site = await startSite();
		sql(site.db, "INSERT INTO article (kind, slug, title, lead, " +
		    "status, publish_at) VALUES ('nyhet', 'fientlig-rubrik', '" +
		    HOSTILE.replace(/'/g, "''") + "', 'Ingress <b>x</b>', " +
		    "'publicerad', unixepoch() - 60)");
		browser = await launchBrowser();
		// JavaScript on and the site's CSP enforced: a violation would
		// be reported to the page and the console.
		context = await browser.newContext();
		await context.addInitScript(() => {
			window.__csp = [];
			document.addEventListener('securitypolicyviolation',
			    (e) => window.__csp.push(`${e.violatedDirective} ` +
			    `${e.blockedURI} ${e.sample}`));
		});
		page = await context.newPage();
		page.on('console', (m) => {
			if (m.type() === 'error')
				console_errors.push(m.text());
		});
		page.on('dialog', async (d) => {
			dialogs.push(d.message());
			await d.dismiss();
		});
	});

	after(async () => {
		await context?.close();
		await browser?.close();
		await site?.stop();
	});

	// The NewsArticle item read as a browser's microdata parser would:
	// the item's own properties, nested items as objects.
	async function newsArticle()
	{
		const items = page.locator(
		    '[itemscope][itemtype="https://schema.org/NewsArticle"]');
		assert.equal(await items.count(), 1, 'one NewsArticle item');
		return items.evaluate((root) => {
			const read = (item) => {
				const out = { type: item.getAttribute('itemtype') };
				for (const el of item.querySelectorAll('[itemprop]')) {
					if (el.parentElement.closest('[itemscope]') !== item)
						continue;
					const v = el.hasAttribute('itemscope') ? read(el) :
					    el.getAttribute('content') ??
					    el.getAttribute('href');
					for (const name of el.getAttribute('itemprop')
					    .split(/\s+/))
						out[name] = v;
				}
				return out;
			};
			return read(root);
		});
	}

	async function meta(property)
	{
		return page.locator(`meta[property="${property}"]`)
		    .getAttribute('content');
	}

	it('an article has NewsArticle microdata and no CSP violation', async () => {
		const r = await page.goto(site.base + SEED, { waitUntil: 'load' });
		assert.equal(r.status(), 200);
		const d = await newsArticle();
		const canonical = await page.locator('link[rel="canonical"]')
		    .getAttribute('href');
		assert.equal(d.headline, (await page.locator('h1').textContent())
		    .trim());
		assert.equal(d.url, canonical);
		assert.equal(d.mainEntityOfPage, canonical);
		assert.equal(d.datePublished, '2021-02-12T09:00:00+01:00');
		assert.ok(d.dateModified >= d.datePublished);
		assert.equal(d.inLanguage, 'sv');
		assert.match(d.description, /^SKR fortsätter/);
		assert.equal(d.publisher.type, 'https://schema.org/Organization');
		assert.ok(d.publisher.name.length > 0);
		assert.deepEqual(d.author, d.publisher);
		assert.ok(await page.locator('[itemscope]').first().isHidden(),
		    'the item shows nothing');
		assert.equal(await page.locator('script').count(), 0);
		assert.deepEqual(await page.evaluate(() => window.__csp), []);
		assert.deepEqual(console_errors.filter((t) =>
		    /Content Security Policy/i.test(t)), []);
	});

	it('an article has Open Graph tags', async () => {
		await page.goto(site.base + SEED, { waitUntil: 'load' });
		const canonical = await page.locator('link[rel="canonical"]')
		    .getAttribute('href');
		assert.equal(await meta('og:type'), 'article');
		assert.equal(await meta('og:url'), canonical);
		assert.equal(await meta('og:title'),
		    'Fortsatt satsning på jämställdhet och kvinnofrid');
		assert.match(await meta('og:description'), /^SKR fortsätter/);
		assert.equal(await meta('og:locale'), 'sv_SE');
		assert.ok((await meta('og:site_name')).length > 0);
		assert.equal(await meta('article:published_time'),
		    '2021-02-12T09:00:00+01:00');
	});

	it('other pages are og:type website, without an item', async () => {
		for (const p of ['/', '/nyheter', '/amnen/jamstalldhet']) {
			await page.goto(site.base + p, { waitUntil: 'load' });
			assert.equal(await meta('og:type'), 'website', p);
			assert.equal(await meta('og:url'), await page.locator(
			    'link[rel="canonical"]').getAttribute('href'), p);
			assert.equal(await page.locator('[itemscope]').count(), 0, p);
		}
	});

	it('a hostile title stays text', async () => {
		const r = await page.goto(site.base + '/nyheter/fientlig-rubrik',
		    { waitUntil: 'load' });
		assert.equal(r.status(), 200);
		const d = await newsArticle();
		assert.equal(d.headline, HOSTILE);
		assert.equal(d.description, 'Ingress <b>x</b>');
		assert.equal(await meta('og:title'), HOSTILE);
		assert.equal(await page.locator('script').count(), 0);
		assert.deepEqual(dialogs, []);
		assert.deepEqual(await page.evaluate(() => window.__csp), []);
	});

	it('the search box in the header finds and highlights', async () => {
		await page.goto(site.base + '/nyheter', { waitUntil: 'load' });
		await page.locator('#sok-q').fill('jämställdhet');
		await Promise.all([page.waitForURL(/\/sok\?q=/),
		    page.locator('#sok-q').press('Enter')]);
		assert.match(await page.locator('h2.result-count').textContent(),
		    /^\d+ träffar för ”jämställdhet”$/);
		const first = page.locator('.search-results li').first();
		assert.ok(await first.locator('mark').count() > 0);
		assert.equal(await page.locator('#sok-sida-q').inputValue(),
		    'jämställdhet');
	});
});
