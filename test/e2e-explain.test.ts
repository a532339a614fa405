// End to end (issue 13): `explain` at the tutor's prompt with a multi-line paste, in a real
// terminal with the built CLI. Needs dist/cli.js (npm test builds it).
import test, {type ExecutionContext} from 'ava';
import {explainText} from '../source/explain/explain-text.ts';
import {explanationLines} from '../source/explain/explanation-lines.ts';
import {pasteWords} from '../source/tutor/paste-mode.ts';
import {startTutor, tempFolder, type TutorPty} from './helpers/pty.ts';

// Lesson setups run real git; on a busy two-core machine the first screen can take a while.
const firstScreenMs = 20_000;

/** What a learner copies from their terminal: the prompt and command, git's error, its blank lines and hints. */
const pasted = [
	'$ git push',
	'fatal: No configured push destination.',
	'Either specify the URL from the command-line or configure a remote repository using',
	'',
	'    git remote add <name> <url>',
	'',
	'and then push using the remote name',
	'',
	'    git push <name>',
];

function tutor(t: ExecutionContext): TutorPty {
	const started = startTutor({args: ['--lesson', 'remote', '--workdir', tempFolder(t)]});
	t.teardown(async () => started.kill());
	return started;
}

/** The tutor wraps long lines itself: compare text with every space and line break taken out. */
const squeezed = (text: string) => text.replaceAll(/\s+/g, '');

test.serial('explain at the tutor\'s prompt with a multi-line paste: the answer is shown, nothing pasted runs, the lesson stays put', async t => {
	t.timeout(90_000);
	const learner = tutor(t);
	await learner.waitFor('Step 1 of 3', firstScreenMs);

	await learner.enter('explain');
	await learner.waitFor(pasteWords.label, 10_000, 'screen');
	// The tutor says in one line how to end the paste (wrapped at 80 columns, so its start).
	await learner.waitFor(pasteWords.start.slice(0, 40));

	// The paste arrives as one chunk, as a terminal sends it; the learner then presses Enter on the empty line.
	learner.write(`${pasted.join('\r')}\r`);
	await learner.waitFor(`${pasteWords.echo}    git push <name>`);
	// Still collecting until the empty line: the paste prompt is drawn again below the echoed lines, and nothing was answered.
	await learner.waitFor(pasteWords.label, 10_000, 'screen');
	t.false(squeezed(learner.scrollback()).includes(squeezed('What happened:')), `answered before the empty line\n${learner.describe()}`);
	await learner.press('enter');

	// True for any recogniser: the tutor shows exactly what explanationLines says for this text.
	const answer = explanationLines(explainText(pasted.join('\n')));
	const last = answer.at(-1)!;
	await learner.waitUntil(() => squeezed(learner.scrollback()).includes(squeezed(last)), 'the answer\'s last line');
	await learner.waitFor('~/shipment (main) $', 10_000, 'screen');
	await learner.settle();
	const shown = squeezed(learner.scrollback());
	for (const line of answer) {
		t.true(shown.includes(squeezed(line)), `${JSON.stringify(line)} is shown\n${learner.scrollback()}`);
	}

	// The answer is the catalogue's no-destination meaning.
	t.is(explainText(pasted.join('\n')).kind, 'explained');
	t.true(shown.includes(squeezed('The truck has no address to ship to')), learner.scrollback());

	// No push ran: the step that a git push passes is still the current one, and git did not speak.
	t.true(learner.screen().includes('Step 1 of 3'), learner.describe());
	t.false(learner.screen().includes(pasteWords.label), 'the prompt is the shell prompt again');
	t.false(learner.scrollback().includes('~/shipment (main) $ git push'), 'git push was never a command');
	t.false(learner.scrollback().includes('~/shipment (main) $ $ git push'), 'nor was the pasted prompt line');

	// Everything in one chunk, explain and the closing empty line included.
	learner.write(['explain', ...pasted, '', ''].join('\r'));
	await learner.waitUntil(() => squeezed(learner.scrollback()).split(squeezed(last)).length - 1 === 2, 'the second answer');
	await learner.settle();
	t.true(learner.screen().includes('Step 1 of 3'), learner.describe());
	t.false(learner.scrollback().includes('~/shipment (main) $ git push'), 'git push was never a command');

	// The prompt runs commands again, and the lesson was where it was: its own git push passes step 1.
	await learner.enter('git push');
	await learner.waitFor('Step 2 of 3', 15_000);
	t.true(learner.scrollback().includes('~/shipment (main) $ git push'), learner.describe());
});
