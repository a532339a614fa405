import test, {type ExecutionContext} from 'ava';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import {fillLesson} from '../source/lessons/fill-lesson.ts';
import {githubUrl} from '../source/sandbox/sandbox-config.ts';
import {fit, wrapRows} from '../source/ui/text-fit.ts';

const wrappedHeight = (text: string, width: number) => wrapRows(text, width).length;
import {shippedLessons} from './helpers/lessons.ts';

/** The rows Ink really uses for the text in a box of this width. */
function inkRows(text: string, width: number): number {
	const {lastFrame, unmount} = render(<Box width={width}><Text>{text}</Text></Box>);
	const frame = lastFrame() ?? '';
	unmount();
	return frame.split('\n').length;
}

test('fit leaves text that fits alone', t => {
	t.is(fit('git push', 8), 'git push');
	t.is(fit('git push', 80), 'git push');
	t.is(fit('', 5), '');
});

test('fit cuts longer text to the width, ending in an ellipsis', t => {
	t.is(fit('git push origin main', 10), 'git push …');
	t.is([...fit('git push origin main', 10)].length, 10);
	t.is(fit('ab', 1), '…');
});

test('fit gives nothing for no room', t => {
	t.is(fit('git', 0), '');
	t.is(fit('git', -3), '');
});

test('fit counts code points, so an emoji is never cut in half', t => {
	t.is(fit('🎉🎉🎉', 3), '🎉🎉🎉');
	t.is(fit('🎉🎉🎉🎉', 3), '🎉🎉…');
	t.is(fit('café au lait', 5), 'café…');
});

test('wrappedHeight of text that fits is one row per line', t => {
	t.is(wrappedHeight('git status', 20), 1);
	t.is(wrappedHeight('a\nb\nc', 20), 3);
	t.is(wrappedHeight('x\n\ny', 20), 3);
	t.is(wrappedHeight('', 20), 1);
	t.is(wrappedHeight('exactly ten', 11), 1);
});

test('wrappedHeight wraps at spaces and breaks words wider than a row', t => {
	t.is(wrappedHeight('aaaa bbbb cccc', 9), 2);
	t.is(wrappedHeight('aaaa bbb ccc', 4), 3);
	t.is(wrappedHeight('abcdefghij', 5), 2);
	t.is(wrappedHeight('abcdefghijk', 5), 3);
	t.is(wrappedHeight('text', 0), 4);
});

test('wrapRows drops the spaces at a break: no wrapped row starts with a space', t => {
	// Ink's own wrapping (wrap-ansi, no trimming) would print " fghij" here.
	t.deepEqual(wrapRows('abcde fghij klmno', 5), ['abcde', 'fghij', 'klmno']);
	t.deepEqual(wrapRows('aaaa bbbb cccc', 4), ['aaaa', 'bbbb', 'cccc']);
	t.deepEqual(wrapRows('the truck has no address', 9), ['the truck', 'has no', 'address']);
	// A line's own indentation stays, on its rows after the first too.
	t.deepEqual(wrapRows('  git remote add origin', 12), ['  git remote', '  add origin']);
	// A hanging indent lines a bullet's rows up under its text.
	t.deepEqual(wrapRows('• one two three', 9, '  '), ['• one two', '  three']);
});

const samples = [
	'Before packing, look at what lies around. git status lists what is on your desk and what is in the open box.',
	`Give the truck an address: connect your online repository\n  ${githubUrl}\nunder the usual name, origin:  git remote add origin <url>`,
	'aaaa bbbb cccc',
	'aaaaaaaaaaaaaaaaaaaaaaaaa b',
	'a  b  c  d  e  f  g',
	'   leading spaces here',
	'trailing spaces   ',
	'x\n\ny',
	'abcde fghij klmno',
	'The route main → origin/main is saved … for good.',
	'exactly ten exactly ten',
];

/** Checks that the rows fit, start with no space their line did not, and that Ink shows them as they are. */
function checkRows(t: ExecutionContext, text: string, width: number): void {
	const rows = wrapRows(text, width);
	const what = `${JSON.stringify(text)} at width ${width}: ${JSON.stringify(rows)}`;
	t.true(rows.every(row => [...row].length <= Math.max(1, width)), what);
	const indented = new Set(text.split('\n').map(line => /^ */.exec(line)![0]));
	t.true(rows.every(row => !row.startsWith(' ') || [...indented].some(indent => indent !== '' && row.startsWith(indent))), what);
	t.is(inkRows(rows.join('\n'), Math.max(1, width)), rows.length, `Ink does not wrap them again: ${what}`);
	// Nothing is lost but the spaces at the breaks.
	t.is(rows.join('').replaceAll(' ', ''), text.normalize().replaceAll('\n', '').replaceAll(' ', ''), what);
}

test('wrapped rows fit, never start with a stray space, and Ink draws them unchanged', t => {
	for (const text of samples) {
		for (const width of [1, 2, 3, 5, 7, 10, 11, 15, 20, 39, 40, 41, 60, 99]) {
			checkRows(t, text, width);
		}
	}
});

test('every shipped step text wraps cleanly at every width the lesson screen uses', t => {
	// The lesson screen is at least 40 columns, and its text box is one narrower.
	const widths = [39, 40, 41, 45, 50, 59, 60, 79, 99];
	for (const lesson of shippedLessons().map(raw => fillLesson(raw, {branch: 'main', url: githubUrl}))) {
		for (const step of lesson.steps) {
			for (const width of widths) {
				checkRows(t, step.text, width);
			}
		}
	}
});

test('random text of words, spaces and newlines wraps cleanly', t => {
	// A fixed seed keeps the cases the same on every run.
	let seed = 7;
	const random = (below: number) => {
		seed = ((seed * 1_103_515_245) + 12_345) % 2_147_483_648;
		return seed % below;
	};

	const alphabet = 'abcdefgh      \n→';
	for (let round = 0; round < 300; round++) {
		let text = '';
		const length = 1 + random(50);
		for (let index = 0; index < length; index++) {
			text += alphabet[random(alphabet.length)];
		}

		checkRows(t, text, 1 + random(20));
	}
});
