// `explain` at the lesson prompt (issue 13): the lines pasted after it reach the recogniser as one
// text and are never run; the answer is printed and the lesson stays where it was. The recogniser
// is another module's work, so these tests pass their own answer and check the wiring.
import test from 'ava';
import {render} from 'ink-testing-library';
import {explainRequest, runLine} from '../source/shell/run-line.ts';
import {addPastedLine, emptyPaste, pasteLimits, pasteWords} from '../source/tutor/paste-mode.ts';
import {initialState, tutorReducer, type TutorState} from '../source/tutor/tutor-state.ts';
import {App} from '../source/ui/app.tsx';
import {MenuScreen} from '../source/ui/menu-screen.tsx';
import {maxValueLength} from '../source/ui/prompt-editor.ts';
import {stripAnsi, tick, waitUntil} from './helpers/frames.ts';
import {shippedLessons} from './helpers/lessons.ts';
import {wiredTutor} from './helpers/wired-tutor.ts';

const lessons = shippedLessons();
const remote = lessons.find(lesson => lesson.id === 'remote')!;
const answer = ['ANSWER one', 'ANSWER two'];
const pushError = ['$ git push', 'fatal: No configured push destination.', 'Either specify the URL from the command-line or configure a remote repository using', '', '    git remote add <name> <url>', '', 'and then push using the remote name', '', '    git push <name>'];

/** Lesson 3 (its first step is `git push`, so a push that ran would move it on), with a recording explainer. */
async function tutorInLesson3() {
	const asked: string[] = [];
	const tutor = wiredTutor(lessons, undefined, {
		explain(text) {
			asked.push(text);
			return answer;
		},
	});
	await tutor.controller.openLesson('remote');
	const state = () => tutor.store.getState();
	const texts = () => state().transcript.map(line => line.text);
	return {
		...tutor,
		asked,
		state,
		texts,
		/** Waits until a line is in the transcript and no command runs. */
		async waitForLine(text: string) {
			await waitUntil(() => texts().includes(text) && state().busy === undefined, () => `"${text}" in the transcript:\n${texts().join('\n')}`);
		},
	};
}

type Tutor = Awaited<ReturnType<typeof tutorInLesson3>>;

/** The whole app on the menu, with a recording explainer. */
function renderedTutor() {
	const asked: string[] = [];
	const {store, controller} = wiredTutor(lessons, undefined, {
		explain(text) {
			asked.push(text);
			return answer;
		},
	});
	const app = render(<App store={store} controller={controller}/>);
	return {asked, store, controller, app, frame: () => stripAnsi(app.lastFrame() ?? '')};
}

/** Nothing of the lesson moved: same step, no command ran (only the echoed `explain` line is a command line). */
function lessonUnchanged(t: {is(a: unknown, b: unknown, message?: string): void; deepEqual(a: unknown, b: unknown, message?: string): void}, tutor: Tutor, commandLines: string[]) {
	t.is(tutor.state().view?.step, 0, 'the step is the same');
	t.deepEqual(tutor.state().transcript.filter(line => line.tone === 'command').map(line => line.text), commandLines);
	t.is(tutor.state().paste, undefined, 'the paste mode is over');
}

test('explainRequest reads explain alone, explain with an error after it, and nothing else', t => {
	t.deepEqual(explainRequest('explain'), {text: ''});
	t.deepEqual(explainRequest('  EXPLAIN  '), {text: ''});
	t.deepEqual(explainRequest('explain fatal: No configured push destination.'), {text: 'fatal: No configured push destination.'});
	// Shell syntax in an error is text: quotes, > and parentheses are not refused.
	t.deepEqual(explainRequest('explain  ! [rejected] main -> main (fetch first) \'x'), {text: '! [rejected] main -> main (fetch first) \'x'});
	t.is(explainRequest('explainer'), undefined);
	t.is(explainRequest('git explain'), undefined);
	t.is(explainRequest('echo explain'), undefined);
});

test('runLine treats explain as a tutor word, with the error as its text, and runs nothing', async t => {
	const runner = {repo: '/nonexistent-explain-test', env: {}};
	t.deepEqual(await runLine('explain', runner), {kind: 'tutor', word: 'explain'});
	t.deepEqual(await runLine('explain error: failed to push some refs to \'x\' > y', runner), {kind: 'tutor', word: 'explain', text: 'error: failed to push some refs to \'x\' > y'});
});

test('the reducer collects pasted lines only in paste mode, and leaving the lesson ends it', t => {
	const opened = tutorReducer(initialState(lessons), {type: 'lessonOpened', lesson: remote, step: 0, diagram: {branch: 'main', desk: [], openBox: [], waiting: [], warehouse: [], route: {kind: 'none'}, operation: undefined}});
	t.is(tutorReducer(opened, {type: 'pasteLine', line: 'x'}), opened, 'no paste mode, nothing collected');
	let state: TutorState = tutorReducer({...opened, quitArmed: true}, {type: 'pasteStarted'});
	t.deepEqual(state.paste, emptyPaste);
	t.false(state.quitArmed);
	state = tutorReducer(state, {type: 'pasteLine', line: 'fatal: x'});
	state = tutorReducer(state, {type: 'pasteLine', line: ''});
	t.deepEqual(state.paste, {lines: ['fatal: x', ''], characters: 10, cut: false});
	// A paste typed while reset reopens the lesson is still no command.
	t.deepEqual(tutorReducer(state, {type: 'lessonOpened', lesson: remote, step: 0, diagram: opened.view!.diagram}).paste, state.paste);
	t.is(tutorReducer(state, {type: 'pasteEnded'}).paste, undefined);
	t.is(tutorReducer(state, {type: 'toMenu'}).paste, undefined);
	t.is(tutorReducer(state, {type: 'commandFinished', step: 3, diagram: undefined, complete: true}).paste, undefined);
	t.deepEqual(tutorReducer(state, {type: 'commandFinished', step: 0, diagram: undefined, complete: false}).paste, state.paste);
});

test('a paste is bounded by lines and by characters, and says it was cut', t => {
	let paste = emptyPaste;
	for (let index = 0; index < pasteLimits.lines + 50; index++) {
		paste = addPastedLine(paste, `line ${index}`);
	}

	t.is(paste.lines.length, pasteLimits.lines);
	t.true(paste.cut);
	const long = addPastedLine(addPastedLine(emptyPaste, 'a'.repeat(pasteLimits.characters - 10)), 'b'.repeat(20));
	t.deepEqual(long.lines, ['a'.repeat(pasteLimits.characters - 10)]);
	t.true(long.cut);
	t.true(addPastedLine(emptyPaste, 'x', true).cut, 'a line the prompt cut short counts as cut');
});

test.serial('one chunk with explain, a multi-line error holding $ git push and blank lines, and an empty line: explained, nothing run', async t => {
	const tutor = await tutorInLesson3();
	try {
		const historyBefore = tutor.state().prompt.history;
		tutor.controller.handleInput(['explain', ...pushError, '', ''].join('\r'));
		await tutor.waitForLine(answer[1]!);
		t.deepEqual(tutor.asked, [pushError.join('\n')], 'the lines reach the recogniser joined with newlines, blank lines kept');
		const texts = tutor.texts();
		const start = texts.indexOf(pasteWords.start);
		t.true(start > 0, texts.join('\n'));
		t.deepEqual(texts.slice(start + 1), [...pushError.map(line => `${pasteWords.echo}${line}`), ...answer], 'each pasted line is echoed as pasted text, then the answer');
		lessonUnchanged(t, tutor, ['~/shipment (main) $ explain']);
		t.deepEqual(tutor.state().prompt.history, [...historyBefore, 'explain'], 'pasted lines are not commands to recall');
	} finally {
		await tutor.controller.quit();
	}
});

test.serial('typed line by line: each Enter adds a line, an empty line ends; Ctrl+D ends too, with the line not yet entered', async t => {
	const tutor = await tutorInLesson3();
	try {
		for (const chunk of ['explain\r', '$ git push\r', 'fatal: No configured push destination.\r', '\r']) {
			tutor.controller.handleInput(chunk);
		}

		await tutor.waitForLine(answer[0]!);
		t.deepEqual(tutor.asked, ['$ git push\nfatal: No configured push destination.']);

		for (const chunk of ['explain\r', 'first\r', 'second', '\u0004']) {
			tutor.controller.handleInput(chunk);
		}

		await waitUntil(() => tutor.asked.length === 2, () => tutor.texts().join('\n'));
		t.is(tutor.asked[1], 'first\nsecond');
		t.is(tutor.state().screen.name, 'lesson', 'Ctrl+D in paste mode does not quit');
		await tutor.waitForLine(`${pasteWords.echo}second`);
		lessonUnchanged(t, tutor, ['~/shipment (main) $ explain', '~/shipment (main) $ explain']);
	} finally {
		await tutor.controller.quit();
	}
});

test.serial('Esc or Ctrl+C while pasting cancels, says so, and runs nothing; the prompt runs commands again after', async t => {
	const tutor = await tutorInLesson3();
	try {
		tutor.controller.handleInput('explain\r');
		tutor.controller.handleInput('$ git push\r');
		tutor.controller.handleInput('git push');
		tutor.controller.handleInput('\u001B');
		await tutor.waitForLine(pasteWords.cancelled);
		t.is(tutor.state().prompt.value, '', 'the half-pasted line is not left to run on the next Enter');
		t.is(tutor.state().paste, undefined);

		tutor.controller.handleInput('explain\rfatal: x\r');
		tutor.controller.handleInput('\u0003');
		await waitUntil(() => tutor.texts().filter(text => text === pasteWords.cancelled).length === 2, () => tutor.texts().join('\n'));
		t.false(tutor.state().quitArmed, 'Ctrl+C cancelled the paste, it did not arm quitting');
		t.deepEqual(tutor.asked, [], 'a cancelled paste is not explained');
		lessonUnchanged(t, tutor, ['~/shipment (main) $ explain', '~/shipment (main) $ explain']);

		// Commands run again: the step's own git push passes it.
		tutor.controller.handleInput('git push\r');
		await waitUntil(() => tutor.state().view?.step === 1 && tutor.state().busy === undefined, () => tutor.texts().join('\n'));
		t.pass();
	} finally {
		await tutor.controller.quit();
	}
});

test.serial('explain with the error on the same line answers at once; an empty paste says there is nothing to explain', async t => {
	const tutor = await tutorInLesson3();
	try {
		tutor.controller.handleInput('explain fatal: No configured push destination.\r');
		await tutor.waitForLine(answer[1]!);
		t.deepEqual(tutor.asked, ['fatal: No configured push destination.']);
		t.is(tutor.state().paste, undefined, 'no paste mode after a one-line explain');

		tutor.controller.handleInput('explain\r');
		tutor.controller.handleInput('\r');
		await tutor.waitForLine(pasteWords.empty);
		t.is(tutor.asked.length, 1);
		lessonUnchanged(t, tutor, ['~/shipment (main) $ explain fatal: No configured push destination.', '~/shipment (main) $ explain']);
	} finally {
		await tutor.controller.quit();
	}
});

test.serial('a huge paste is bounded: only its start reaches the recogniser, the rest is dropped, never run, and the cut is said', async t => {
	const tutor = await tutorInLesson3();
	try {
		const lines = Array.from({length: pasteLimits.lines + 100}, (_, index) => (index % 10 === 0 ? 'git push' : `remote: line ${index}`));
		const overlong = 'x'.repeat(maxValueLength + 500);
		tutor.controller.handleInput(['explain', overlong, ...lines, '', ''].join('\r'));
		await tutor.waitForLine(answer[1]!);
		const asked = tutor.asked[0]!.split('\n');
		t.is(asked.length, pasteLimits.lines);
		t.is(asked[0], 'x'.repeat(maxValueLength), 'an overlong line is cut where the prompt cuts it');
		t.true(tutor.texts().includes(pasteWords.cut), tutor.texts().slice(-5).join('\n'));
		lessonUnchanged(t, tutor, ['~/shipment (main) $ explain']);
	} finally {
		await tutor.controller.quit();
	}
});

test.serial('in a drill, explaining counts as no command and changes no score', async t => {
	const tutor = wiredTutor(lessons, {version: 1, completed: {push: {firstCompleted: '2026-01-01T00:00:00.000Z', lastCompleted: '2026-01-01T00:00:00.000Z', timesCompleted: 1}}, drills: {}}, {explain: () => answer});
	try {
		await tutor.controller.openDrill('address', 1);
		const before = tutor.store.getState().view!;
		tutor.controller.handleInput('explain\rgit push\r\r');
		await waitUntil(() => tutor.store.getState().transcript.some(line => line.text === answer[1]), () => 'the answer');
		const after = tutor.store.getState().view!;
		t.deepEqual(after.tally, before.tally);
		t.is(after.step, before.step);
		t.is(after.hintsShown, before.hintsShown);
	} finally {
		await tutor.controller.quit();
	}
});

test.serial('help lists explain', async t => {
	const tutor = await tutorInLesson3();
	try {
		tutor.controller.handleInput('help\r');
		await waitUntil(() => tutor.texts().some(text => text.trimStart().startsWith('explain ')), () => tutor.texts().join('\n'));
		t.pass();
	} finally {
		await tutor.controller.quit();
	}
});

test.serial('the screen: the prompt\'s label and the line under it say the paste mode, and the answer reaches the transcript', async t => {
	const {asked, controller, app, frame} = renderedTutor();
	try {
		await controller.openLesson('remote');
		await waitUntil(() => frame().includes('Step 1 of 3'), frame);
		app.stdin.write('explain\r');
		await waitUntil(() => frame().includes(pasteWords.label), frame);
		t.true(frame().includes(pasteWords.status(0)), frame());
		app.stdin.write('$ git push\r');
		await tick();
		app.stdin.write('fatal: No configured');
		await waitUntil(() => frame().includes(`${pasteWords.label} fatal: No configured`), frame);
		t.true(frame().includes(pasteWords.status(1)), frame());
		app.stdin.write('\r');
		await tick();
		app.stdin.write('\r');
		await waitUntil(() => frame().includes('~/shipment (main) $') && stripAnsi(app.frames.join('')).includes(answer[1]!), () => stripAnsi(app.frames.join('')));
		t.false(frame().includes(pasteWords.label), 'the label is the shell prompt again');
		t.deepEqual(asked, ['$ git push\nfatal: No configured']);
		const transcript = stripAnsi(app.frames.join(''));
		t.true(transcript.includes(`${pasteWords.echo}$ git push`), transcript);
		t.true(frame().includes('Step 1 of 3'), frame());
	} finally {
		await controller.quit();
		app.unmount();
	}
});

test.serial('in the menu too: explain collects a paste (its empty line opens no lesson), the menu\'s help lists it, Esc cancels', async t => {
	const {asked, store, controller, app, frame} = renderedTutor();
	const texts = () => store.getState().transcript.map(line => line.text);
	try {
		await waitUntil(() => frame().includes(`(0 of ${lessons.length} done)`), frame);
		app.stdin.write('explain\r');
		await waitUntil(() => frame().includes(pasteWords.label), frame);
		// j and k are text here, not moves.
		app.stdin.write(['$ git push', 'jk', '', 'fatal: x', '', ''].join('\r'));
		await waitUntil(() => texts().includes(answer[1]!), () => texts().join('\n'));
		t.deepEqual(asked, ['$ git push\njk\n\nfatal: x']);
		t.deepEqual(store.getState().screen, {name: 'menu', selected: 0, answer}, 'the closing empty line opened no lesson, and nothing moved');
		await waitUntil(() => !frame().includes(pasteWords.label), frame);

		app.stdin.write('explain fatal: No configured push destination.\r');
		await waitUntil(() => asked.length === 2, () => texts().join('\n'));
		t.is(asked[1], 'fatal: No configured push destination.');

		app.stdin.write('explain\r');
		await waitUntil(() => frame().includes(pasteWords.label), frame);
		app.stdin.write('git push\r');
		await tick();
		app.stdin.write('\u001B');
		await waitUntil(() => texts().includes(pasteWords.cancelled), () => texts().join('\n'));
		t.is(asked.length, 2);
		t.is(store.getState().screen.name, 'menu');

		app.stdin.write('help\r');
		await waitUntil(() => texts().some(text => text.trimStart().startsWith('explain ')), () => texts().join('\n'));
		t.pass();
	} finally {
		await controller.quit();
		app.unmount();
	}
});

test('in the menu, the list leaves room for the answer printed above it, until the next move', t => {
	const state = initialState(lessons);
	const rowsOf = (answerLines: readonly string[]) => {
		const {lastFrame, unmount} = render(<MenuScreen lessons={state.lessons} selected={0} width={80} rows={24} answer={answerLines}/>);
		const rows = stripAnsi(lastFrame() ?? '').split('\n').length;
		unmount();
		return rows;
	};

	const full = rowsOf([]);
	const long = 'What happened: a line of the answer that is long enough to wrap onto a second row of the terminal, at 80 columns';
	t.true(full >= 20, `the menu fills a 24-row window: ${full} rows`);
	t.true(rowsOf(['Git said: x', long, 'Way out: y']) <= 24 - 5, 'three lines of answer, one wrapped, stay in view above the menu');
	t.is(rowsOf(Array.from({length: 40}, () => long)), full - (24 - 6) + 3, 'a huge answer still leaves the list three rows');

	const answered = tutorReducer(state, {type: 'menuAnswered', lines: ['Git said: x']});
	t.deepEqual(answered.screen, {name: 'menu', selected: 0, answer: ['Git said: x']});
	t.deepEqual(tutorReducer(answered, {type: 'menuMove', by: 1}).screen, {name: 'menu', selected: 1});
	t.deepEqual(tutorReducer(answered, {type: 'pasteStarted'}).screen, {name: 'menu', selected: 0});
});
