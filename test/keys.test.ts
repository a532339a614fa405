import test from 'ava';
import {parseKeys, type KeyEvent, type NamedKey} from '../source/ui/keys.ts';

const key = (name: NamedKey): KeyEvent => ({key: name});
const text = (value: string): KeyEvent => ({key: 'text', text: value});

test('printable text is one text event', t => {
	t.deepEqual(parseKeys('git status'), [text('git status')]);
	t.deepEqual(parseKeys('g'), [text('g')]);
	t.deepEqual(parseKeys('echo "a > b" >> notes.txt'), [text('echo "a > b" >> notes.txt')]);
});

test('an empty chunk has no events', t => {
	t.deepEqual(parseKeys(''), []);
});

test('Enter is \\r or \\n, and a Windows \\r\\n counts once', t => {
	t.deepEqual(parseKeys('\r'), [key('enter')]);
	t.deepEqual(parseKeys('\n'), [key('enter')]);
	t.deepEqual(parseKeys('\r\n'), [key('enter')]);
	t.deepEqual(parseKeys('git log\r\n'), [text('git log'), key('enter')]);
	// Two separate line endings are still two Enters.
	t.deepEqual(parseKeys('\n\r'), [key('enter'), key('enter')]);
	t.deepEqual(parseKeys('\r\r'), [key('enter'), key('enter')]);
	t.deepEqual(parseKeys('\r\n\r\n'), [key('enter'), key('enter')]);
});

test('Backspace is \\x7f or \\b; Delete is the \\x1b[3~ sequence', t => {
	t.deepEqual(parseKeys('\u007F'), [key('backspace')]);
	t.deepEqual(parseKeys('\b'), [key('backspace')]);
	t.deepEqual(parseKeys('\u001B[3~'), [key('delete')]);
	t.deepEqual(parseKeys('ab\u007F\u007F'), [text('ab'), key('backspace'), key('backspace')]);
});

test('arrows, in CSI and SS3 (application mode) forms', t => {
	const arrows: Array<[string, NamedKey]> = [
		['\u001B[A', 'up'], ['\u001BOA', 'up'],
		['\u001B[B', 'down'], ['\u001BOB', 'down'],
		['\u001B[C', 'right'], ['\u001BOC', 'right'],
		['\u001B[D', 'left'], ['\u001BOD', 'left'],
	];
	for (const [sequence, name] of arrows) {
		t.deepEqual(parseKeys(sequence), [key(name)], JSON.stringify(sequence));
	}
});

test('Home and End in every form terminals send, and Ctrl+A / Ctrl+E', t => {
	for (const sequence of ['\u001B[H', '\u001BOH', '\u001B[1~', '\u001B[7~', '\u0001']) {
		t.deepEqual(parseKeys(sequence), [key('home')], JSON.stringify(sequence));
	}

	for (const sequence of ['\u001B[F', '\u001BOF', '\u001B[4~', '\u001B[8~', '\u0005']) {
		t.deepEqual(parseKeys(sequence), [key('end')], JSON.stringify(sequence));
	}
});

test('control keys map to their editing and tutor actions', t => {
	const controls: Array<[string, NamedKey]> = [
		['\u0001', 'home'], // Ctrl+A
		['\u0005', 'end'], // Ctrl+E
		['\u0015', 'deleteToStart'], // Ctrl+U
		['\u000B', 'deleteToEnd'], // Ctrl+K
		['\u0017', 'deleteWordBack'], // Ctrl+W
		['\u0003', 'interrupt'], // Ctrl+C
		['\u0004', 'endOfInput'], // Ctrl+D
		['\u000C', 'clearScreen'], // Ctrl+L
		['\u0002', 'left'], // Ctrl+B
		['\u0006', 'right'], // Ctrl+F
		['\u0010', 'up'], // Ctrl+P
		['\u000E', 'down'], // Ctrl+N
		['\t', 'tab'],
		['\u001B', 'escape'],
	];
	for (const [sequence, name] of controls) {
		t.deepEqual(parseKeys(sequence), [key(name)], JSON.stringify(sequence));
	}
});

test('Alt+b / Alt+f and Ctrl or Alt with arrows move by words; Alt+Backspace deletes a word', t => {
	t.deepEqual(parseKeys('\u001Bb'), [key('wordLeft')]);
	t.deepEqual(parseKeys('\u001Bf'), [key('wordRight')]);
	t.deepEqual(parseKeys('\u001B[1;5D'), [key('wordLeft')]);
	t.deepEqual(parseKeys('\u001B[1;5C'), [key('wordRight')]);
	t.deepEqual(parseKeys('\u001B[1;3D'), [key('wordLeft')]);
	t.deepEqual(parseKeys('\u001B[1;3C'), [key('wordRight')]);
	t.deepEqual(parseKeys('\u001B\u007F'), [key('deleteWordBack')]);
});

test('escape sequences the tutor does not use are ignored', t => {
	for (const sequence of ['\u001B[15~', '\u001BOP', '\u001B[5~', '\u001B[6~', '\u001B[1;2A', '\u001B[<0;10;5M', '\u001B[I', '\u001Bx']) {
		t.deepEqual(parseKeys(sequence), [], JSON.stringify(sequence));
	}
});

test('other control characters are dropped without losing the text around them', t => {
	const events = parseKeys('ab\u0007cd\u0000');
	t.true(events.every(event => event.key === 'text'));
	t.is(events.map(event => (event.key === 'text' ? event.text : '')).join(''), 'abcd');
});

test('bracketed paste markers are stripped', t => {
	t.deepEqual(parseKeys('\u001B[200~git status\u001B[201~'), [text('git status')]);
	// Ink hands the markers over as chunks of their own: they carry no keys.
	t.deepEqual(parseKeys('\u001B[200~'), []);
	t.deepEqual(parseKeys('\u001B[201~'), []);
});

test('a paste of several lines is split into text and Enter events, in order', t => {
	t.deepEqual(parseKeys('git status\rgit log\r'), [text('git status'), key('enter'), text('git log'), key('enter')]);
	t.deepEqual(parseKeys('\u001B[200~git add notes.txt\r\ngit commit -m "Add notes"\r\ngit push\u001B[201~'), [
		text('git add notes.txt'),
		key('enter'),
		text('git commit -m "Add notes"'),
		key('enter'),
		text('git push'),
	]);
	t.deepEqual(parseKeys('one\n\ntwo'), [text('one'), key('enter'), key('enter'), text('two')]);
});

test('unicode text (accents, emoji, CJK) is kept whole', t => {
	t.deepEqual(parseKeys('café'), [text('café')]);
	t.deepEqual(parseKeys('e\u0301'), [text('e\u0301')]);
	t.deepEqual(parseKeys('🎉'), [text('🎉')]);
	t.deepEqual(parseKeys('echo "👍🏽 ok" > notes.txt'), [text('echo "👍🏽 ok" > notes.txt')]);
	t.deepEqual(parseKeys('日本語\r'), [text('日本語'), key('enter')]);
});
