// editor.js -- the formatting toolbar over the article editor's body
// field (templates/admin_article_form.html loads it as a module).
//
// Progressive enhancement: with JavaScript off nothing here runs and the
// textarea is exactly as before.  With it on, a <markdown-toolbar>
// (GitHub's element, markdown-toolbar-element.js) is put above the
// textarea: mellanrubrik, fet, kursiv, länk, punktlista, numrerad lista,
// tabell, citat and bild.  The buttons are reached with Tab (one stop; the
// arrow keys, Home and End move inside, as the WAI-ARIA toolbar pattern
// says) or Alt+F10 from the text; Escape goes back to the text.  In the
// text, Ctrl (Cmd on a Mac) + B, I and K make bold, italic and a link,
// and Ctrl+Shift+2, 7, 8 and 9 a heading, a numbered list, a bulleted
// list and a quote.  The keys are announced by aria-keyshortcuts and
// listed in a hint under the label.
//
// "Bild" opens the picture library under the field (a <details> the
// server fills, templates/admin_article_library.html) and gives each
// picture an "Infoga" button: the picture's Markdown goes on a line of
// its own at the caret, and focus goes back to the text.
import './markdown-toolbar-element.js';

const BUTTONS = [
	// [element, label, shortcut for aria-keyshortcuts, code, shift]
	['md-header', 'Mellanrubrik', 'Control+Shift+2', 'Digit2', true],
	['md-bold', 'Fet', 'Control+B', 'KeyB', false],
	['md-italic', 'Kursiv', 'Control+I', 'KeyI', false],
	['md-link', 'Länk', 'Control+K', 'KeyK', false],
	['md-unordered-list', 'Punktlista', 'Control+Shift+8', 'Digit8', true],
	['md-ordered-list', 'Numrerad lista', 'Control+Shift+7', 'Digit7', true],
	['table', 'Tabell', '', '', false],
	['md-quote', 'Citat', 'Control+Shift+9', 'Digit9', true],
	['image', 'Bild', '', '', false],
];

const TABLE = '| Rubrik 1 | Rubrik 2 |\n| --- | --- |\n| Text | Text |\n';

// Insert text at the caret of field, keeping the browser's undo.
function insert(field, text)
{
	field.focus();
	if (!document.execCommand('insertText', false, text))
		field.setRangeText(text, field.selectionStart,
		    field.selectionEnd, 'end');
}

// The line breaks that put a block at the caret of field on its own.
function blockLead(field)
{
	const before = field.value.slice(0, field.selectionStart);

	return before === '' || before.endsWith('\n\n') ? '' :
	    before.endsWith('\n') ? '\n' : '\n\n';
}

// A table skeleton on lines of its own at the caret, "Rubrik 1" selected.
function insertTable(field)
{
	const lead = blockLead(field);
	const at = field.selectionStart + lead.length + 2;

	insert(field, `${lead}${TABLE}\n`);
	field.setSelectionRange(at, at + 'Rubrik 1'.length);
}

// The library under field: an "Infoga" button on each picture.  Returns
// the <details>, or null when the page has none.
function enhanceLibrary(field)
{
	const lib = document.getElementById('bildbank');
	if (!lib)
		return null;
	for (const li of lib.querySelectorAll('.library-picks li')) {
		const md = li.querySelector('.library-md').textContent;
		const name = li.querySelector('.library-name').textContent;
		const b = document.createElement('button');
		b.type = 'button';
		b.className = 'button-secondary';
		b.textContent = 'Infoga i texten';
		b.setAttribute('aria-label', `Infoga ${name} i texten`);
		b.addEventListener('click', () => {
			insert(field, `${blockLead(field)}${md}\n\n`);
		});
		li.append(b);
	}
	return lib;
}

// "Bild": open the library and go to its first picture.
function openLibrary(lib)
{
	lib.open = true;
	(lib.querySelector('.library-picks button') ||
	    lib.querySelector('a')).focus();
}

// The toolbar for field, its buttons in BUTTONS' order.
function makeToolbar(field, lib)
{
	const bar = document.createElement('markdown-toolbar');

	bar.setAttribute('for', field.id);
	bar.setAttribute('aria-label', 'Formatering av brödtexten');
	bar.setAttribute('aria-controls', field.id);
	bar.className = 'md-toolbar';
	for (const [tag, label, keys] of BUTTONS) {
		let b;
		if (tag === 'table' || tag === 'image') {
			if (tag === 'image' && !lib)
				continue;
			b = document.createElement('button');
			b.type = 'button';
			// Not "image": the element has a style of that name.
			b.setAttribute('data-md-button', tag === 'table' ?
			    'table' : 'library');
			b.addEventListener('click', tag === 'table' ?
			    () => insertTable(field) : () => openLibrary(lib));
		} else {
			b = document.createElement(tag);
			if (tag === 'md-header')
				b.setAttribute('level', '2');
		}
		// The element's own buttons set no role when connected
		// (their connectedCallback does not call the base class's).
		b.setAttribute('role', 'button');
		b.className = 'md-button';
		b.textContent = label;
		if (keys)
			b.setAttribute('aria-keyshortcuts', keys);
		bar.append(b);
	}
	return bar;
}

// The button of bar for a shortcut pressed in the text, or null.
function shortcut(bar, e)
{
	if (!(e.ctrlKey || e.metaKey) || e.altKey)
		return null;
	const i = BUTTONS.findIndex((b) => b[3] !== '' && b[3] === e.code &&
	    b[4] === e.shiftKey);
	return i < 0 ? null : bar.children[i];
}

function enhance()
{
	const field = document.getElementById('body');
	if (!field || !field.form || !field.form.classList.contains('article-form'))
		return;
	const bar = makeToolbar(field, enhanceLibrary(field));
	const hint = document.createElement('p');
	hint.className = 'hint';
	hint.id = 'body-keys';
	hint.textContent = 'Verktygsraden ovanför texten nås med Tab eller ' +
	    'Alt+F10 och piltangenterna. Kortkommandon i texten: Ctrl+B fet, ' +
	    'Ctrl+I kursiv, Ctrl+K länk, Ctrl+Shift+2 mellanrubrik, ' +
	    'Ctrl+Shift+8 punktlista, Ctrl+Shift+7 numrerad lista, ' +
	    'Ctrl+Shift+9 citat.';
	field.before(bar);
	bar.before(hint);
	field.setAttribute('aria-describedby',
	    `${field.getAttribute('aria-describedby') || ''} body-keys`.trim());
	field.addEventListener('keydown', (e) => {
		if (e.altKey && e.key === 'F10') {
			e.preventDefault();
			(bar.querySelector('[tabindex="0"]') || bar).focus();
			return;
		}
		const b = shortcut(bar, e);
		if (b) {
			e.preventDefault();
			b.click();
		}
	});
	bar.addEventListener('keydown', (e) => {
		if (e.key === 'Escape') {
			e.preventDefault();
			field.focus();
		}
	});
}

enhance();
