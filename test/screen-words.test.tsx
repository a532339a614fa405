// Words on the menu and the Lesson complete screen: the reducer's typed line, the controller's
// choices (typed key by key, pasted, type-ahead), the screens that show them, and screen-reader mode.
import test from 'ava';
import {render} from 'ink-testing-library';
import type {Diagram} from '../source/tutor/diagram-model.ts';
import {initialState, tutorReducer, type TutorAction, type TutorState} from '../source/tutor/tutor-state.ts';
import {CompleteScreen} from '../source/ui/complete-screen.tsx';
import {MenuScreen} from '../source/ui/menu-screen.tsx';
import {TranscriptText} from '../source/ui/transcript-line.tsx';
import {stripAnsi, waitUntil} from './helpers/frames.ts';
import {shippedLessons} from './helpers/lessons.ts';
import {wiredTutor} from './helpers/wired-tutor.ts';

const lessons = shippedLessons();
const lessonById = (id: string) => lessons.find(lesson => lesson.id === id)!;
const lastLesson = lessons.at(-1)!;
const emptyDiagram: Diagram = {branch: 'main', desk: [], openBox: [], waiting: [], warehouse: [], route: {kind: 'none'}, operation: undefined};

function reduce(state: TutorState, ...actions: TutorAction[]): TutorState {
	return actions.reduce(tutorReducer, state);
}

const finished = (lesson = lessonById('remote')): TutorAction[] => [
	{type: 'lessonOpened', lesson, step: lesson.steps.length - 1, diagram: emptyDiagram},
	{type: 'commandFinished', step: lesson.steps.length, diagram: undefined, complete: true},
];

/** A wired tutor on the complete screen of a lesson, drawn; nothing ran (no sandbox). */
function onCompleteScreen(lesson = lessonById('remote')) {
	let exited = false;
	const tutor = wiredTutor(lessons, undefined, {onExit() {
		exited = true;
	}});
	for (const action of finished(lesson)) {
		tutor.store.dispatch(action);
	}

	tutor.store.dispatch({type: 'completeDrawn'});
	return {...tutor, exited: () => exited, type: (text: string) => {
		for (const character of text) {
			tutor.controller.handleInput(character);
		}
	}};
}

const lastNote = (state: TutorState) => state.transcript.at(-1)?.text ?? '';

/** Waits for a lesson that a key started to open, then quits, so its sandbox is removed. */
async function closeOpened(tutor: ReturnType<typeof wiredTutor>): Promise<void> {
	await waitUntil(() => tutor.store.getState().screen.name === 'lesson', () => `a lesson screen, got ${JSON.stringify(tutor.store.getState().screen)}`);
	await tutor.controller.quit();
}

// ---- The reducer ----

test('the typed line takes text and Backspace, and is cleared when the screen changes', t => {
	const typed = reduce(initialState(lessons), {type: 'typed', edit: {type: 'insert', text: 'pul'}}, {type: 'typed', edit: {type: 'insert', text: 'lx'}}, {type: 'typed', edit: {type: 'backspace'}});
	t.is(typed.typed, 'pull');
	t.is(reduce(typed, {type: 'typed', edit: {type: 'clear'}}).typed, '');
	t.is(reduce(typed, {type: 'lessonLoading', title: 'x'}).typed, '');
	t.is(reduce(typed, ...finished()).typed, '');
	t.is(reduce(reduce(initialState(lessons), ...finished(), {type: 'typed', edit: {type: 'insert', text: 'men'}}), {type: 'toMenu'}).typed, '');
});

test('the complete screen is drawn only once it was shown, and each completion starts undrawn', t => {
	const complete = reduce(initialState(lessons), ...finished());
	t.false(complete.completeDrawn);
	const drawn = reduce(complete, {type: 'completeDrawn'});
	t.true(drawn.completeDrawn);
	t.false(reduce(drawn, ...finished()).completeDrawn);
	const menu = initialState(lessons);
	t.is(reduce(menu, {type: 'completeDrawn'}), menu, 'only the complete screen is drawn this way');
});

test('in screen-reader mode the panel is printed as words when a lesson opens, and only what changed after a command', t => {
	const lesson = lessonById('remote');
	const opened = reduce(initialState(lessons, {screenReader: true}), {type: 'lessonOpened', lesson, step: 0, diagram: emptyDiagram});
	const said = opened.transcript.map(line => line.text);
	t.is(said[0], `Step 1 of ${lesson.steps.length}: ${lesson.steps[0]!.title}.`);
	t.true(said.includes('WAREHOUSE=GitHub: no address yet.'), said.join('\n'));
	t.false(said.some(line => line.includes(lesson.title)), 'the heading is printed once, by the controller');
	t.false(said.some(line => /[▣✚✗→⇒·]/.test(line)), said.join('\n'));

	// Keys print nothing.
	const typing = reduce(opened, {type: 'prompt', action: {type: 'insert', text: 'git st'}}, {type: 'prompt', action: {type: 'backspace'}});
	t.is(typing.transcript.length, opened.transcript.length);
	// Same step, same boxes: nothing; a new box: only the diagram; a new step: the step.
	t.is(reduce(typing, {type: 'commandFinished', step: 0, diagram: emptyDiagram, complete: false}).transcript.length, opened.transcript.length);
	const saved: Diagram = {...emptyDiagram, waiting: [{oid: '1', subject: 'Pack notes', by: undefined, notHome: false, replaced: false}], warehouse: [{oid: '2', subject: 'Sam box', by: 'Sam', notHome: true, replaced: false}], route: {kind: 'saved', remote: 'origin', upstream: 'origin/main', reaches: true, ahead: 1, behind: 0}};
	const boxes = reduce(opened, {type: 'commandFinished', step: 0, diagram: saved, complete: false});
	const added = boxes.transcript.slice(opened.transcript.length).map(line => line.text);
	t.deepEqual(added, ['DESK: (clear).', 'OPEN BOX: (empty).', 'SEALED, UNSHIPPED: Pack notes.', 'WAREHOUSE=GitHub: Sam: Sam box (not home yet).', 'Route: main ships to origin/main (saved); against origin/main: 1 to ship.']);
	const stepped = reduce(boxes, {type: 'commandFinished', step: 1, diagram: saved, complete: false});
	t.is(stepped.transcript.slice(boxes.transcript.length)[0]?.text, `Step 2 of ${lesson.steps.length}: ${lesson.steps[1]!.title}.`);
	// Without a screen reader nothing is printed: the live panel shows it.
	t.deepEqual(reduce(initialState(lessons), {type: 'lessonOpened', lesson, step: 0, diagram: emptyDiagram}).transcript, []);
});

// ---- The complete screen, through the controller ----

test('a git command typed on the complete screen says in one line that it did not run, and starts nothing', t => {
	const tutor = onCompleteScreen();
	tutor.type('git log\r');
	const state = tutor.store.getState();
	t.deepEqual(state.screen, {name: 'complete'});
	t.is(lastNote(state), '"git log" did not run: this lesson is finished, and git commands run inside a lesson. Type next, replay, menu or quit.');
	t.is(state.typed, '');
});

test('menu typed key by key on the complete screen shows the menu and starts no lesson', t => {
	const tutor = onCompleteScreen();
	tutor.type('m');
	t.is(tutor.store.getState().typed, 'm', 'a letter waits in the typed line');
	t.deepEqual(tutor.store.getState().screen, {name: 'complete'});
	tutor.type('enu\r');
	t.deepEqual(tutor.store.getState().screen, {name: 'menu', selected: lessons.indexOf(lessonById('remote'))});
	t.is(tutor.store.getState().typed, '', 'nothing left over for the menu');
});

test('menu pasted with its Enter goes to the menu; the Enter is not used again there', t => {
	const tutor = onCompleteScreen();
	tutor.controller.handleInput('menu\r');
	t.is(tutor.store.getState().screen.name, 'menu');
});

test('quit pasted in one chunk quits; q alone waits for Enter, then quits', async t => {
	const pasted = onCompleteScreen();
	pasted.controller.handleInput('quit');
	await waitUntil(pasted.exited, () => 'quit');
	t.true(pasted.exited());

	const single = onCompleteScreen();
	single.type('q');
	await new Promise(resolve => {
		setImmediate(resolve);
	});
	t.false(single.exited(), 'q alone could be the start of a word');
	single.type('\r');
	await waitUntil(single.exited, () => 'quit after q and Enter');
	t.true(single.exited());
});

test('help on the complete screen lists the words it understands, from the same list the keys use', t => {
	const tutor = onCompleteScreen();
	tutor.type('help\r');
	const said = tutor.store.getState().transcript.map(line => line.text).join('\n');
	for (const word of ['next, n', 'replay, r', 'menu, m', 'quit, q']) {
		t.true(said.includes(word), said);
	}

	t.is(tutor.store.getState().screen.name, 'complete');
});

test('Enter alone after the last lesson, and next, go to the menu', t => {
	const tutor = onCompleteScreen(lastLesson);
	tutor.type('\r');
	t.is(tutor.store.getState().screen.name, 'menu');
});

test('keys that reach the complete screen before it is drawn are dropped: an Enter typed ahead opens nothing', async t => {
	const tutor = wiredTutor(lessons);
	try {
		await tutor.controller.openLesson('add');
		const steps = tutor.store.getState().view!.lesson.steps;
		const lines = steps.flatMap(step => step.solution);
		for (const line of lines.slice(0, -1)) {
			await tutor.controller.enqueue(line);
		}

		// The Enter the learner pressed during the last command, read right after its verdict.
		const unsubscribe = tutor.store.subscribe(() => {
			if (tutor.store.getState().screen.name === 'complete') {
				unsubscribe();
				tutor.controller.handleInput('\r');
				tutor.controller.handleInput('n');
			}
		});
		await tutor.controller.enqueue(lines.at(-1)!);
		t.deepEqual(tutor.store.getState().screen, {name: 'complete'});
		t.is(tutor.store.getState().typed, '', 'the typed-ahead letter is dropped too');

		// Once Ink has written the screen (and input was read again), keys work.
		tutor.controller.frameDrawn();
		await waitUntil(() => tutor.store.getState().completeDrawn, () => 'the screen drawn');
		tutor.controller.handleInput('help\r');
		t.true(tutor.store.getState().transcript.some(line => line.text.includes('quit, q')), 'help answers');
	} finally {
		await tutor.controller.quit();
	}
});

// ---- The menu, through the controller ----

test('in the menu "1" waits while a lesson 10 exists; "1" then "0" opens lesson 10', async t => {
	t.true(lessons.some(lesson => lesson.number >= 10), 'the shipped lessons go to two digits');
	const tutor = wiredTutor(lessons);
	tutor.controller.handleInput('1');
	t.is(tutor.store.getState().screen.name, 'menu', 'lesson 1 does not open at once');
	t.is(tutor.store.getState().typed, '1');
	tutor.controller.handleInput('0');
	t.deepEqual(tutor.store.getState().screen, {name: 'loading', title: `Lesson 10 · ${lessons.find(lesson => lesson.number === 10)!.title}`});
	await closeOpened(tutor);
});

test('in the menu "1" and Enter opens lesson 1; a digit no longer number starts opens at once', async t => {
	const tutor = wiredTutor(lessons);
	tutor.controller.handleInput('1');
	tutor.controller.handleInput('\r');
	t.deepEqual(tutor.store.getState().screen, {name: 'loading', title: `Lesson 1 · ${lessons[0]!.title}`});
	await closeOpened(tutor);

	const other = wiredTutor(lessons);
	other.controller.handleInput('2');
	t.deepEqual(other.store.getState().screen, {name: 'loading', title: `Lesson 2 · ${lessons[1]!.title}`});
	await closeOpened(other);
});

test('the menu takes lesson ids and the commands it shows, typed or pasted', async t => {
	const pullFirst = lessons.find(lesson => lesson.command === 'pull')!;
	for (const input of ['pull\r', `${pullFirst.id}\r`, pullFirst.id]) {
		const tutor = wiredTutor(lessons);
		tutor.controller.handleInput(input);
		t.deepEqual(tutor.store.getState().screen, {name: 'loading', title: `Lesson ${pullFirst.number} · ${pullFirst.title}`}, JSON.stringify(input));
		await closeOpened(tutor);
	}
});

test('the menu says what a git command or an unknown word is, starts nothing, and suggests near misses', t => {
	const tutor = wiredTutor(lessons);
	for (const character of 'git log\r') {
		tutor.controller.handleInput(character);
	}

	t.is(tutor.store.getState().screen.name, 'menu');
	t.true(lastNote(tutor.store.getState()).startsWith('"git log" did not run: git commands run inside a lesson.'), lastNote(tutor.store.getState()));
	tutor.controller.handleInput('comit\r');
	t.true(lastNote(tutor.store.getState()).includes('There is no lesson "comit". Did you mean commit?'), lastNote(tutor.store.getState()));
	t.is(tutor.store.getState().screen.name, 'menu');
});

test('in the menu j and k move at once, q waits for Enter', async t => {
	let exited = false;
	const tutor = wiredTutor(lessons, undefined, {onExit() {
		exited = true;
	}});
	tutor.controller.handleInput('j');
	tutor.controller.handleInput('j');
	tutor.controller.handleInput('k');
	t.deepEqual(tutor.store.getState().screen, {name: 'menu', selected: 1});
	tutor.controller.handleInput('q');
	t.false(exited);
	tutor.controller.handleInput('\r');
	await waitUntil(() => exited, () => 'quit');
	t.true(exited);
});

// ---- The screens ----

test('the complete screen shows the typed line and the words, and not the lesson title again', t => {
	const lesson = lessonById('remote');
	const next = lessonById('push');
	const {lastFrame, unmount} = render(<CompleteScreen lesson={lesson} next={next} typed="rep" width={79}/>);
	const frame = stripAnsi(lastFrame() ?? '');
	unmount();
	t.false(frame.includes(lesson.title), 'the ★ line printed above names it');
	t.true(frame.includes(`What you learned in lesson ${lesson.number}`), frame);
	t.true(frame.includes(`Enter: next lesson (${next.number} · ${next.title})`), frame);
	for (const word of ['next (n)', 'replay (r)', 'menu (m)', 'quit (q)', 'help']) {
		t.true(frame.replaceAll('\n', ' ').includes(word), `${word} in:\n${frame}`);
	}

	t.true(frame.split('\n').some(row => row.startsWith('› rep')), frame);
	t.false(frame.split('\n').some(row => row.startsWith(' ') && !row.startsWith('  ')), `no row starts with a stray space:\n${frame}`);
});

test('the menu shows what is typed under its list', t => {
	const state = initialState(lessons);
	const {lastFrame, unmount} = render(<MenuScreen lessons={state.lessons} selected={0} width={79} rows={24} typed="1"/>);
	const frame = stripAnsi(lastFrame() ?? '');
	unmount();
	t.true(frame.trimEnd().split('\n').at(-1)!.startsWith('› 1'), frame);
	t.true(frame.split('\n').length < 24, frame);
});

test('a long transcript line wraps without a leading space on the next row', t => {
	const text = '✓ That is your destination list. With -v, git shows origin twice: one address for fetching boxes home';
	const {lastFrame, unmount} = render(<TranscriptText line={{id: 1, tone: 'success', text}} width={40}/>);
	const rows = stripAnsi(lastFrame() ?? '').split('\n');
	unmount();
	t.true(rows.length > 1, rows.join('\n'));
	t.false(rows.some(row => row.startsWith(' ')), rows.join('\n'));
	t.is(rows.join(' '), text);
});

test('the complete screen shows its typed line only once it takes keys', t => {
	const lesson = lessonById('remote');
	const waiting = render(<CompleteScreen lesson={lesson} next={undefined} ready={false} width={79}/>);
	const before = stripAnsi(waiting.lastFrame() ?? '');
	waiting.unmount();
	t.false(before.includes('›'), before);
	t.true(before.includes('What you learned'), before);
	const ready = render(<CompleteScreen lesson={lesson} next={undefined} ready width={79}/>);
	const after = stripAnsi(ready.lastFrame() ?? '');
	ready.unmount();
	t.true(after.includes('› '), after);
	t.is(after.split('\n').length, before.split('\n').length, 'the screen keeps its height');
});
