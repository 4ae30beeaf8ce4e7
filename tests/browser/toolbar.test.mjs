// toolbar.test.mjs -- the editor's formatting toolbar, tables and the
// klarspråk panel in a real browser through nginx (CSP enforced but for
// the axe runs).
//
// With JavaScript on, an editor formats the body with the keyboard alone
// (Ctrl+B in the text, Tab into the toolbar, arrows to "Tabell", Enter,
// Alt+F10 and Escape) and publishes with Enter; with JavaScript off
// there is no toolbar, the textarea is as before, and the same Markdown
// typed by hand publishes the same page.  The published table is a real
// table (th scope=col) in a labelled scroll container that takes focus;
// at 320 px the page does not scroll sideways, the container does; axe
// (WCAG 2.2 AA) and the Nu checker find nothing at 1280 and 320 px, on
// the editor with its toolbar and on the preview with the klarspråk
// panel.  The vendored toolbar element is the pinned npm package.
//
// SHOTS=DIR saves screenshots of the editor and the preview's panel at
// 1280 and 375 px.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SRC, formatHtmlErrors, formatViolations, launchBrowser, mkuser,
    runAxe, signIn, sql, startSite, validateHtml } from './lib.mjs';

const LEAD = 'Kommunen fördelar pengarna mellan skolorna.';
// What the toolbar writes (and what the JavaScript-off editor types).
const TABLE = '| Rubrik 1 | Rubrik 2 |\n| --- | --- |\n| Text | Text |\n';
const WIDE = '| Skola | Elever 2024 | Elever 2025 | Budget 2024 | ' +
    'Budget 2025 | Förändring i procent |\n|---|--:|--:|--:|--:|--:|\n' +
    '| Ekbackeskolan | 412 | 430 | 41 250 000 kr | 43 900 000 kr | 6,4 |\n';

async function shot(page, name, width)
{
	if (!process.env.SHOTS)
		return;
	mkdirSync(process.env.SHOTS, { recursive: true });
	await page.setViewportSize({ width, height: 900 });
	await page.screenshot({ fullPage: true,
	    path: path.join(process.env.SHOTS, `${name}-${width}.png`) });
}

// Press key until the focused element matches pred (at most n times).
async function tabTo(page, pred, key = 'Tab', n = 100)
{
	for (let i = 0; i < n; i++) {
		if (await page.evaluate(pred))
			return;
		await page.keyboard.press(key);
	}
	assert.fail(`focus never reached ${pred}`);
}

// The body of the public article SLUG as rendered.
async function publicBody(base, slug)
{
	const r = await fetch(`${base}/nyheter/${slug}`);
	assert.equal(r.status, 200);
	const html = await r.text();
	return html.slice(html.indexOf('<div class="article-body prose">'),
	    html.indexOf('</article>'));
}

describe('the formatting toolbar', () => {
	let site, browser;

	before(async () => {
		site = await startSite();
		mkuser(site.db, 'rita', 'redaktor');
		browser = await launchBrowser();
	});
	after(async () => {
		await browser?.close();
		await site?.stop();
	});

	it('is the pinned @github/markdown-toolbar-element, with its licence', () => {
		const pkg = JSON.parse(readFileSync(path.join(SRC,
		    'tests/package.json'), 'utf8'));
		assert.match(pkg.dependencies['@github/markdown-toolbar-element'],
		    /^\d+\.\d+\.\d+$/, 'pinned to one version');
		const dist = path.join(SRC, 'tests/node_modules/@github/' +
		    'markdown-toolbar-element');
		assert.ok(readFileSync(path.join(SRC,
		    'public/js/markdown-toolbar-element.js')).equals(
		    readFileSync(path.join(dist, 'dist/index.js'))));
		assert.ok(readFileSync(path.join(SRC,
		    'public/js/markdown-toolbar-element.LICENSE.txt')).equals(
		    readFileSync(path.join(dist, 'LICENSE'))));
	});

	it('formats and publishes by keyboard alone with JavaScript on', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const errors = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(String(e)));
		await signIn(page, site.base, 'rita');
		await page.goto(`${site.base}/admin/artiklar/ny`);
		const bar = page.getByRole('toolbar', { name: 'Formatering av brödtexten' });
		await bar.waitFor();
		for (const name of ['Mellanrubrik', 'Fet', 'Kursiv', 'Länk',
		    'Punktlista', 'Numrerad lista', 'Tabell', 'Citat'])
			assert.equal(await bar.getByRole('button', { name,
			    exact: true }).count(), 1, name);
		assert.equal(await bar.getByRole('button', { name: 'Fet' })
		    .getAttribute('aria-keyshortcuts'), 'Control+B');
		assert.match(await page.locator('#body').getAttribute(
		    'aria-describedby'), /body-keys/);
		await shot(page, 'toolbar-editor', 1280);
		await shot(page, 'toolbar-editor', 375);
		await page.setViewportSize({ width: 1280, height: 900 });

		await page.focus('#title');
		await page.keyboard.type('Skolpengen för 2025');
		await page.keyboard.press('Tab');	/* slug */
		await page.keyboard.press('Tab');	/* lead */
		await page.keyboard.type(LEAD);
		// Ctrl+B around a selected word in the text.
		await page.keyboard.press('Tab');
		assert.equal(await page.evaluate(() => document.activeElement
		    .textContent), 'Mellanrubrik', 'Tab from the lead enters the toolbar');
		await page.keyboard.press('Tab');
		assert.equal(await page.evaluate(() => document.activeElement.id), 'body',
		    'the toolbar is one tab stop');
		await page.keyboard.type('Budgeten');
		for (let i = 0; i < 8; i++)
			await page.keyboard.press('Shift+ArrowLeft');
		await page.keyboard.press('Control+b');
		await page.keyboard.press('End');
		await page.keyboard.type(' ökar.');
		// Alt+F10 to the toolbar, arrows to Tabell, Enter; Escape back.
		await page.keyboard.press('Alt+F10');
		await tabTo(page, () => document.activeElement.textContent === 'Tabell',
		    'ArrowRight', 10);
		await page.keyboard.press('Enter');
		assert.equal(await page.evaluate(() => document.activeElement.id), 'body');
		assert.equal(await page.evaluate(() => {
			const b = document.activeElement;
			return b.value.slice(b.selectionStart, b.selectionEnd);
		}), 'Rubrik 1', 'the first header cell is selected to type over');
		await page.keyboard.press('Alt+F10');
		await page.keyboard.press('Escape');
		assert.equal(await page.evaluate(() => document.activeElement.id), 'body');
		assert.equal(await page.inputValue('#body'),
		    `**Budgeten** ökar.\n\n${TABLE}\n`);
		// Publish: Tab to "Publicera nu", Enter.
		await tabTo(page, () => document.activeElement.textContent ===
		    'Publicera nu');
		await Promise.all([page.waitForURL(/\/admin\/artiklar\/\d+/),
		    page.keyboard.press('Enter')]);
		assert.match(await page.locator('.callout.ok').textContent(),
		    /Artikeln är publicerad/);
		assert.deepEqual(errors, []);
		await context.close();
	});

	it('is absent with JavaScript off, and the same Markdown publishes the same page', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await signIn(page, site.base, 'rita');
		await page.goto(`${site.base}/admin/artiklar/ny`);
		assert.equal(await page.locator('markdown-toolbar').count(), 0);
		assert.equal(await page.locator('#body-keys').count(), 0);
		assert.equal(await page.locator('#body').getAttribute(
		    'aria-describedby'), 'body-hint');
		await page.fill('#title', 'Skolpengen för 2025 utan skript');
		await page.fill('#lead', LEAD);
		await page.fill('#body', `**Budgeten** ökar.\n\n${TABLE}\n`);
		await Promise.all([page.waitForURL(/\/admin\/artiklar\/\d+/),
		    page.getByRole('button', { name: 'Publicera nu', exact: true })
		    .click()]);
		const on = await publicBody(site.base, 'skolpengen-for-2025');
		const off = await publicBody(site.base,
		    'skolpengen-for-2025-utan-skript');
		assert.equal(off, on);
		assert.match(on, /<strong>Budgeten<\/strong> ökar\./);
		assert.match(on, /<th scope="col">Rubrik 1<\/th>/);
		assert.deepEqual(sql(site.db, "SELECT count(DISTINCT body_md) FROM " +
		    "article WHERE slug LIKE 'skolpengen-for-2025%'"), ['1']);
		await context.close();
	});

	it('shows tables accessibly at 1280 and 320 px (axe, Nu)', async () => {
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		await signIn(page, site.base, 'rita');
		await page.goto(`${site.base}/admin/artiklar/ny`);
		await page.fill('#title', 'Elever och budget per skola');
		await page.fill('#lead', LEAD);
		await page.fill('#body', `Tabellen visar elever och budget.\n\n${WIDE}\n` +
		    `Och en till:\n\n${TABLE}`);
		await Promise.all([page.waitForURL(/\/admin\/artiklar\/\d+/),
		    page.getByRole('button', { name: 'Publicera nu', exact: true })
		    .click()]);
		const url = `${site.base}/nyheter/elever-och-budget-per-skola`;
		await page.goto(url);
		const region = page.getByRole('region', { name: 'Tabell 1' });
		assert.equal(await region.count(), 1);
		assert.equal(await page.getByRole('region', { name: 'Tabell 2' })
		    .count(), 1);
		assert.equal(await region.getByRole('columnheader').count(), 6);
		assert.equal(await page.locator('th:not([scope=col])').count(), 0);
		for (const width of [1280, 320]) {
			await page.setViewportSize({ width, height: 800 });
			const v = await runAxe(page);
			assert.deepEqual(v, [], `axe at ${width} px:\n${formatViolations(v)}`);
			const sizes = await page.evaluate(() => {
				const s = document.querySelector('.table-scroll');
				return { page: document.documentElement.scrollWidth,
				    view: document.documentElement.clientWidth,
				    inner: s.scrollWidth, outer: s.clientWidth };
			});
			assert.ok(sizes.page <= sizes.view,
			    `no sideways page scroll at ${width} px: ${JSON.stringify(sizes)}`);
			if (width === 320) {
				assert.ok(sizes.inner > sizes.outer,
				    `the table scrolls in its container: ${JSON.stringify(sizes)}`);
				await page.goto(url);
				await tabTo(page, () => document.activeElement
				    .classList.contains('table-scroll'));
				assert.equal(await page.evaluate(() => document
				    .activeElement.getAttribute('aria-label')), 'Tabell 1');
				const outline = await page.evaluate(() => getComputedStyle(
				    document.activeElement).outlineStyle);
				assert.equal(outline, 'solid', 'the focus shows');
				await page.keyboard.press('ArrowRight');
				await page.keyboard.press('ArrowRight');
				await page.waitForFunction(() => document.activeElement
				    .scrollLeft > 0, null, { timeout: 3000 });
				await shot(page, 'table', 320);
			}
		}
		const res = await validateHtml([url]);
		for (const [name, errors] of res)
			assert.deepEqual(errors, [], `${name}:\n${formatHtmlErrors(errors)}`);
		await context.close();
	});

	it('passes axe and Nu on the editor with its toolbar and on the klarspråk preview', async () => {
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		await signIn(page, site.base, 'rita');
		const docs = [];
		await page.goto(`${site.base}/admin/artiklar/ny`);
		await page.getByRole('toolbar').waitFor();
		docs.push({ name: 'editor', html: await (await page.request.get(
		    `${site.base}/admin/artiklar/ny`)).text() });
		for (const width of [1280, 320]) {
			await page.setViewportSize({ width, height: 900 });
			const v = await runAxe(page);
			assert.deepEqual(v, [], `editor, axe at ${width} px:\n${formatViolations(v)}`);
		}
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.fill('#title', 'Nordenmark om kommunnen');
		await page.fill('#lead', LEAD);
		await page.fill('#body', 'Nordenmark på SKR skriver om kommunnen ' +
		    'och förvaltningsorganisationens kostnadsutveckling inom ' +
		    'verksamhetsområdet, bl.a. äldreomsorgen, t.ex. hemtjänsten, ' +
		    'och socialtjänsten i samtliga kommundelar under hela ' +
		    'budgetperioden fram till och med år 2026 enligt beslut.\n\n' +
		    WIDE);
		const [resp] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Förhandsgranska', exact: true })
			    .click()]);
		docs.push({ name: 'preview', html: await resp.text() });
		const panel = page.getByRole('region', { name: 'Klarspråk' });
		assert.match(await panel.textContent(), /LIX \d+: /);
		assert.match(await panel.textContent(), /kommunnen \(2 gånger\): förslag kommunen/);
		for (const width of [1280, 375, 320]) {
			await page.setViewportSize({ width, height: 900 });
			const v = await runAxe(page);
			assert.deepEqual(v, [], `preview, axe at ${width} px:\n${formatViolations(v)}`);
			if (width !== 320) {
				await panel.scrollIntoViewIfNeeded();
				if (process.env.SHOTS)
					await panel.screenshot({ path: path.join(
					    process.env.SHOTS, `klarsprak-${width}.png`) });
			}
		}
		for (const [name, errors] of await validateHtml(docs))
			assert.deepEqual(errors, [], `${name}:\n${formatHtmlErrors(errors)}`);
		await context.close();
	});
});
