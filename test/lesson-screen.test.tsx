import test from 'ava';
import {render} from 'ink-testing-library';
import {fillLesson} from '../source/lessons/fill-lesson.ts';
import type {Lesson} from '../source/lessons/lesson-types.ts';
import {githubUrl} from '../source/sandbox/sandbox-config.ts';
import type {Diagram} from '../source/tutor/diagram-model.ts';
import {TutorController} from '../source/tutor/tutor-controller.ts';
import type {Store} from '../source/tutor/tutor-store.ts';
import {initialState, tutorReducer, type LessonView, type TutorAction, type TutorState} from '../source/tutor/tutor-state.ts';
import {App} from '../source/ui/app.tsx';
import {BoxDiagram} from '../source/ui/box-diagram.tsx';
import {LessonScreen} from '../source/ui/lesson-screen.tsx';
import {stripAnsi, tick, waitUntil} from './helpers/frames.ts';
import {shippedLessons} from './helpers/lessons.ts';
import {progressFile, wiredTutor} from './helpers/wired-tutor.ts';

const lessons = shippedLessons();
const remoteLesson = fillLesson(lessons.find(lesson => lesson.id === 'remote')!, {branch: 'main', url: githubUrl});
const promptStart = '~/shipment (main) $';




// ---- (a) The lesson screen and the box diagram, from hand-made state ----

const noRoute: Diagram = {
	branch: 'main',
	desk: ['notes.txt (changed)', 'photo.txt (new)'],
	openBox: ['todo.txt'],
	waiting: [{oid: 'b2', subject: 'Add todo', by: undefined, notHome: false, replaced: false}, {oid: 'a1', subject: 'Add notes', by: undefined, notHome: false, replaced: false}],
	warehouse: [],
	route: {kind: 'none'},
	operation: undefined,
};

const savedRoute: Diagram = {
	branch: 'main',
	desk: [],
	openBox: [],
	waiting: [],
	warehouse: [{oid: 'b2', subject: 'Add todo', by: undefined, notHome: false, replaced: false}, {oid: 'a1', subject: 'Add notes', by: undefined, notHome: false, replaced: false}],
	route: {kind: 'saved', remote: 'origin', upstream: 'origin/main', reaches: true, ahead: 0, behind: 0},
	operation: undefined,
};

function lessonState(lesson: Lesson, step: number, diagram: Diagram): {state: TutorState; view: LessonView} {
	const state = tutorReducer(initialState(lessons), {type: 'lessonOpened', lesson, step, diagram});
	return {state, view: state.view!};
}

function renderScreen(diagram: Diagram, size = {columns: 100, rows: 24}, step = 1): string {
	const {state, view} = lessonState(remoteLesson, step, diagram);
	const {lastFrame, unmount} = render(<LessonScreen state={state} view={view} size={size}/>);
	const frame = stripAnsi(lastFrame() ?? '');
	unmount();
	return frame;
}

const titles = ['DESK', 'OPEN BOX', 'SEALED, UNSHIPPED', 'WAREHOUSE=GitHub'];

/** Which diagram column (0–3) the text is drawn in, from where the column titles start. */
function columnOf(frame: string, text: string): number {
	const lines = frame.split('\n');
	const titleLine = lines.find(line => titles.every(title => line.includes(title)));
	if (!titleLine) {
		return -1;
	}

	const starts = titles.map(title => titleLine.indexOf(title));
	const line = lines.find(candidate => candidate !== titleLine && candidate.includes(text));
	if (!line) {
		return -1;
	}

	const at = line.indexOf(text);
	// Titles start left to right, so the column is the last one starting at or before the text.
	return starts.filter(start => start <= at).length - 1;
}

test('the lesson screen shows the lesson, the step counter and the step', t => {
	const frame = renderScreen(noRoute);
	const lines = frame.split('\n');
	t.true(lines[0]!.startsWith('Lesson 3 · No destination yet'), lines[0]);
	t.true(lines[0]!.trimEnd().endsWith('Step 2 of 3'), lines[0]);
	t.true(lines[1]!.includes('Give the truck an address'), lines[1]);
	t.true(frame.includes('connect your online repository'), frame);
	t.true(frame.includes(githubUrl), frame);
	t.true(frame.includes(`git remote add origin ${githubUrl}`), frame);
	t.true(frame.includes(promptStart), frame);
	t.true(frame.includes('Type git commands here'), frame);
});

test('the box diagram shows the four columns, with each item in its own column', t => {
	const frame = renderScreen(noRoute);
	for (const title of titles) {
		t.true(frame.includes(title), title);
	}

	t.is(columnOf(frame, 'notes.txt (changed)'), 0);
	t.is(columnOf(frame, 'photo.txt (new)'), 0);
	t.is(columnOf(frame, 'todo.txt'), 1);
	t.is(columnOf(frame, '▣ Add todo'), 2);
	t.is(columnOf(frame, '▣ Add notes'), 2);
	t.is(columnOf(frame, 'no address yet'), 3);
});

test('without a route the arrow is ✗ and the route line says there is no address', t => {
	const frame = renderScreen(noRoute);
	t.true(frame.includes('✗'), frame);
	t.false(frame.includes('⇒'), frame);
	t.true(frame.includes('Route: the truck has no address (no remote)'), frame);
	t.true(frame.includes('no address yet'), frame);
});

test('with a saved upstream the warehouse fills and the route says (saved)', t => {
	const frame = renderScreen(savedRoute);
	t.true(frame.includes('⇒'), frame);
	t.false(frame.includes('✗'), frame);
	t.true(frame.includes('Route: main → origin/main (saved)'), frame);
	t.false(frame.includes('not your online repository'), frame);
	t.is(columnOf(frame, '▣ Add todo'), 3);
	t.is(columnOf(frame, '▣ Add notes'), 3);
	t.is(columnOf(frame, '(clear)'), 0);
	t.is(columnOf(frame, '(none)'), 2);
});

test('an address that is not saved yet, or leads elsewhere, is said on the route line', t => {
	const address = renderScreen({...noRoute, route: {kind: 'address', remote: 'origin', reaches: true}});
	t.true(address.includes('→'), address);
	t.true(address.includes('Route: origin is the address · not saved for main yet'), address);
	const wrong = renderScreen({...noRoute, route: {kind: 'address', remote: 'origin', reaches: false}});
	t.true(wrong.includes('Route: origin points somewhere that is not your online repository'), wrong);
	const savedWrong = renderScreen({...savedRoute, route: {kind: 'saved', remote: 'origin', upstream: 'origin/main', reaches: false, ahead: 0, behind: 0}});
	t.true(savedWrong.includes('Route: main → origin/main (saved) · not your online repository'), savedWrong);
});

test('a column with more items than rows says how many more', t => {
	const {lastFrame, unmount} = render(<BoxDiagram diagram={{...noRoute, desk: ['a.txt (new)', 'b.txt (new)', 'c.txt (new)', 'd.txt (new)', 'e.txt (new)']}} width={99} size="full"/>);
	const frame = stripAnsi(lastFrame() ?? '');
	unmount();
	t.true(frame.includes('a.txt (new)'), frame);
	t.true(frame.includes('b.txt (new)'), frame);
	t.false(frame.includes('c.txt (new)'), frame);
	t.true(frame.includes('+3 more'), frame);
});

test('the compact and one-line diagrams keep every column', t => {
	const compact = render(<BoxDiagram diagram={noRoute} width={99} size="compact"/>);
	const compactFrame = stripAnsi(compact.lastFrame() ?? '');
	compact.unmount();
	t.is(compactFrame.split('\n').length, 5);
	t.true(compactFrame.includes('notes.txt (changed), photo.txt (new)'), compactFrame);
	t.true(compactFrame.includes('▣ Add todo, ▣ Add notes'), compactFrame);
	t.true(compactFrame.includes('Route: the truck has no address'), compactFrame);

	const line = render(<BoxDiagram diagram={noRoute} width={99} size="line"/>);
	const lineFrame = stripAnsi(line.lastFrame() ?? '');
	line.unmount();
	t.is(lineFrame, 'DESK: 2 · OPEN BOX: 1 · SEALED, UNSHIPPED: 2 · WAREHOUSE=GitHub: no address yet');
});

test('a short terminal gets a smaller diagram and the live area stays shorter than the screen', t => {
	for (const rows of [24, 18, 14, 12, 10]) {
		const frame = renderScreen(noRoute, {columns: 100, rows});
		t.true(frame.split('\n').length < rows, `${rows} rows:\n${frame}`);
		t.true(frame.includes('Step 2 of 3'), frame);
		t.true(frame.includes(promptStart), frame);
	}
});

test('a window that is too small says so and still shows the prompt', t => {
	for (const size of [{columns: 30, rows: 24}, {columns: 100, rows: 8}]) {
		const frame = renderScreen(noRoute, size);
		t.true(frame.includes('Window too small'), frame);
		t.true(frame.includes(promptStart), frame);
		t.false(frame.includes('DESK'), frame);
	}
});

// ---- (b)–(d) The whole App, wired to a real controller, real git and a memfs progress file ----


type Tutor = {
	store: Store<TutorState, TutorAction>;
	controller: TutorController;
	app: ReturnType<typeof render>;
	readProgress(): unknown;
	frame(): string;
	promptRow(): string;
	type(text: string): Promise<void>;
	waitForFrame(text: string): Promise<void>;
	close(): Promise<void>;
};

/** `rows`: a taller terminal than ink-testing-library's 24 rows (the whole menu at once, say). */
function startTutor(savedProgress?: unknown, rows?: number): Tutor {
	const {memory, store, controller} = wiredTutor(lessons, savedProgress);
	const app = render(<App store={store} controller={controller}/>);
	if (rows !== undefined) {
		Object.defineProperty(app.stdout, 'rows', {value: rows, configurable: true});
		app.stdout.emit('resize');
	}

	const frame = () => stripAnsi(app.lastFrame() ?? '');
	const tutor: Tutor = {
		store,
		controller,
		app,
		readProgress: () => JSON.parse(String(memory.readFileSync(progressFile, 'utf8'))) as unknown,
		frame,
		// The live area is at the bottom, so the last prompt-looking row is the prompt itself.
		promptRow: () => frame().split('\n').reverse().find(line => line.startsWith(promptStart))?.trimEnd() ?? '',
		async type(text) {
			for (const character of text) {
				app.stdin.write(character);
				await tick();
			}
		},
		waitForFrame: async text => waitUntil(() => frame().includes(text), () => `"${text}" in the frame:\n${frame()}`),
		async close() {
			await controller.quit();
			app.unmount();
		},
	};
	return tutor;
}

/** Waits until the command lines in the transcript reach a count and no command runs. */
async function waitForCommands(tutor: Tutor, count: number): Promise<string[]> {
	const commands = () => tutor.store.getState().transcript.filter(line => line.tone === 'command').map(line => line.text);
	await waitUntil(
		() => commands().length >= count && tutor.store.getState().busy === undefined,
		() => `${count} commands, got: ${commands().join(' | ')}`,
	);
	return commands();
}

test.serial('the whole app plays lesson 3 from typed keys to Lesson complete, and saves progress', async t => {
	const tutor = startTutor();
	const {app} = tutor;
	try {
		await tutor.waitForFrame(`(0 of ${lessons.length} done)`);
		await tutor.controller.openLesson('remote');
		await tutor.waitForFrame('Step 1 of 3');
		t.true(tutor.frame().includes('Lesson 3 · No destination yet'));
		t.true(tutor.frame().includes('Try to ship'));

		await tutor.type('git push');
		await tutor.waitForFrame(`${promptStart} git push`);
		await tutor.type('\r');
		await tutor.waitForFrame('Step 2 of 3');
		t.true(tutor.frame().includes('Give the truck an address'));
		// The transcript (Static output) explains the failure in the analogy.
		const transcript = stripAnsi(app.frames.join(''));
		t.true(transcript.includes(`${promptStart} git push`), transcript);
		t.true(transcript.split('\n').some(line => line.startsWith('↳ The truck has no address')), transcript);
		t.true(transcript.includes('✓ "No configured push destination"'), transcript);

		await tutor.type('git remote add origin https://github.com/learner/shipment.git\r');
		await tutor.waitForFrame('Step 3 of 3');
		t.true(tutor.frame().includes('Check the address'));
		t.true(tutor.frame().includes('Route: origin is the address · not saved for main yet'), tutor.frame());

		await tutor.type('git remote -v\r');
		await tutor.waitForFrame('What you learned in lesson 3');
		t.deepEqual(tutor.store.getState().screen, {name: 'complete'});
		// The title is said once, in the transcript's line, not again by the complete screen.
		t.is(tutor.frame().split('No destination yet').length - 1, 2, `the heading above the intro and the ★ line:\n${tutor.frame()}`);
		t.true(tutor.frame().includes('★ Lesson complete: No destination yet'), tutor.frame());
		t.true(tutor.frame().includes('Enter: next lesson (4 · '), tutor.frame());
		t.true(tutor.frame().includes(`${githubUrl} (push)`), tutor.frame());

		const progress = tutor.readProgress() as {completed: Record<string, {timesCompleted: number}>};
		t.deepEqual(Object.keys(progress.completed), ['remote']);
		t.is(progress.completed['remote']!.timesCompleted, 1);
		t.true(tutor.store.getState().lessons.find(lesson => lesson.id === 'remote')!.completed);
	} finally {
		await tutor.close();
	}
});

test.serial('the prompt edits like a shell prompt, through the app', async t => {
	const tutor = startTutor();
	const {app, store} = tutor;
	const prompt = () => store.getState().prompt;
	const waitForPrompt = async (expected: string) => waitUntil(
		() => tutor.promptRow() === `${promptStart} ${expected}`.trimEnd(),
		() => `the prompt to read "${expected}", it reads "${tutor.promptRow()}"`,
	);
	try {
		await tutor.controller.openLesson('add');
		await tutor.waitForFrame('Step 1 of');

		// A whole string in one chunk, as a fast typist or a terminal's buffering sends it.
		app.stdin.write('git status');
		await waitForPrompt('git status');
		t.is(prompt().value, 'git status');
		app.stdin.write('\u0015');
		await waitForPrompt('');

		// One key per chunk without waiting for a render: the store keeps every key in order.
		for (const character of 'git commit -m "Add notes"') {
			app.stdin.write(character);
		}

		await waitForPrompt('git commit -m "Add notes"');
		app.stdin.write('\u0015');

		// Backspace removes the character before the cursor.
		await tutor.type('git statuss');
		await waitForPrompt('git statuss');
		app.stdin.write('\u007F');
		await waitForPrompt('git status');
		t.is(prompt().cursor, 'git status'.length);
		app.stdin.write('\u0015');

		// Left, then typing, inserts in the middle.
		await tutor.type('git stats');
		app.stdin.write('\u001B[D');
		await tick();
		await tutor.type('u');
		await waitForPrompt('git status');
		t.is(prompt().value, 'git status');
		t.is(prompt().cursor, 'git statu'.length);

		// Enter runs the line from anywhere in it.
		app.stdin.write('\r');
		let commands = await waitForCommands(tutor, 1);
		t.deepEqual(commands, [`${promptStart} git status`]);
		await waitForPrompt('');

		// Up recalls the previous command; Down brings back the unsent draft.
		await tutor.type('git lo');
		app.stdin.write('\u001B[A');
		await waitForPrompt('git status');
		app.stdin.write('\u001B[B');
		await waitForPrompt('git lo');
		t.is(prompt().cursor, 'git lo'.length);
		app.stdin.write('\u0015');
		await waitForPrompt('');

		// A pasted chunk with two lines runs both, in order.
		app.stdin.write('git status\rgit log\r');
		commands = await waitForCommands(tutor, 3);
		t.deepEqual(commands, [`${promptStart} git status`, `${promptStart} git status`, `${promptStart} git log`]);
		const transcript = store.getState().transcript.map(line => line.text);
		const secondStatus = transcript.lastIndexOf(`${promptStart} git status`);
		const log = transcript.lastIndexOf(`${promptStart} git log`);
		// git status's own output sits between the two commands.
		t.true(transcript.slice(secondStatus + 1, log).some(line => line.startsWith('On branch main')), transcript.join('\n'));
		t.true(stripAnsi(app.frames.join('')).includes(`${promptStart} git log`));
		t.deepEqual(prompt().history, ['git status', 'git log']);
	} finally {
		await tutor.close();
	}
});

test.serial('the menu groups lessons into their parts, with each lesson\'s time and each part\'s total', async t => {
	const tutor = startTutor({version: 1, completed: {}, drills: {}}, 40);
	try {
		await tutor.waitForFrame('(0 of');
		await waitUntil(() => tutor.frame().includes(lessons.at(-1)!.title), () => tutor.frame());
		const lines = tutor.frame().split('\n');
		for (const part of new Set(lessons.map(lesson => lesson.part))) {
			const total = lessons.filter(lesson => lesson.part === part).reduce((sum, lesson) => sum + (lesson.minutes ?? 0), 0);
			t.true(lines.some(line => line.startsWith(`${part} · about ${total} min`)), `${part}\n${tutor.frame()}`);
		}

		for (const lesson of lessons.filter(candidate => candidate.minutes !== undefined)) {
			t.true(lines.find(line => line.includes(lesson.title))!.includes(`${lesson.minutes} min`), lesson.title);
		}
	} finally {
		await tutor.close();
	}
});

test.serial('the menu lists every lesson and ticks the completed ones', async t => {
	const completion = {firstCompletedAt: '2025-01-06T09:00:00.000Z', timesCompleted: 1};
	const tutor = startTutor({version: 1, completed: {add: completion, remote: completion}, drills: {}}, 40);
	try {
		await tutor.waitForFrame(`(2 of ${lessons.length} done)`);
		await waitUntil(() => tutor.frame().includes(lessons.at(-1)!.title), () => tutor.frame());
		const lines = tutor.frame().split('\n');
		for (const lesson of lessons) {
			const line = lines.find(candidate => candidate.includes(lesson.title));
			t.truthy(line, lesson.title);
			t.true(line!.includes(` ${lesson.number} `), line);
			t.true(line!.includes(lesson.command), line);
			t.is(line!.includes('✓'), lesson.id === 'add' || lesson.id === 'remote', line);
		}

		// The first lesson is selected; arrows move the selection.
		t.true(lines.find(line => line.includes('Packing the box'))!.startsWith('❯'));
		tutor.app.stdin.write('\u001B[B');
		await waitUntil(() => tutor.frame().split('\n').some(line => line.startsWith('❯') && line.includes(lessons[1]!.title)), () => tutor.frame());
		t.deepEqual(tutor.store.getState().screen, {name: 'menu', selected: 1});
	} finally {
		await tutor.close();
	}
});

test.serial('a window made too small shows the message, and the prompt still works', async t => {
	const tutor = startTutor();
	const {app} = tutor;
	try {
		await tutor.controller.openLesson('add');
		await tutor.waitForFrame('Step 1 of');
		// ink-testing-library's stdout is always 100 columns wide; pretend the learner shrank it.
		Object.defineProperty(app.stdout, 'columns', {value: 30, configurable: true});
		app.stdout.emit('resize');
		// Typing renders the live area again (in debug mode, the app's screen clear on a narrower
		// window leaves a frame without it).
		await tutor.type('git');
		await waitUntil(
			() => tutor.frame().includes('Window too small') && tutor.promptRow().startsWith(`${promptStart} git`),
			() => `the small-window message and the typed prompt:\n${tutor.frame()}`,
		);
		const live = tutor.frame().split('\n').slice(-2);
		t.true(live[0]!.startsWith('Window too small'), live.join('\n'));
		t.true(live[1]!.startsWith(`${promptStart} git`), live.join('\n'));
		t.false(tutor.frame().includes('DESK'));
		// The narrower window was scrolled clean once (the transcript goes to the scrollback),
		// so no half-erased wide frame is left behind.
		t.true(app.frames.some(frame => frame.startsWith('\u001B[999B\n') && frame.includes('\u001B[H')));
	} finally {
		await tutor.close();
	}
});

test.serial('with progress from a newer tutor, the file is left alone and quitting does not promise it is saved', async t => {
	const newer = {version: 2, completed: {remote: {firstCompletedAt: '2025-03-03T10:00:00.000Z', timesCompleted: 4}}, streak: 9};
	const tutor = startTutor(newer);
	const {app} = tutor;
	try {
		await tutor.controller.openLesson('add');
		await tutor.waitForFrame('Step 1 of');
		const transcript = () => stripAnsi(app.frames.join(''));
		// The transcript wraps at the window's width.
		t.regex(transcript(), /was written by a newer\s+git-push-tutor; it is left as it is/);

		// The printed lines, unwrapped.
		const printed = () => tutor.store.getState().transcript.map(line => line.text).join('\n');
		await tutor.type('help\r');
		await waitUntil(() => printed().includes('quit   leave ('), () => `the help:\n${printed()}`);
		t.true(printed().includes('quit   leave (progress could not be saved)'), printed());
		t.false(printed().includes('progress is saved'), printed());

		await tutor.type('\u0003');
		await tutor.waitForFrame('Press Ctrl+C again to quit.');
		t.true(tutor.frame().includes('Press Ctrl+C again to quit. Your progress is not saved.'), tutor.frame());
		t.false(tutor.frame().includes('Your progress is saved'), tutor.frame());
		t.deepEqual(tutor.readProgress(), newer, 'the newer file is neither moved nor written over');
	} finally {
		await tutor.close();
	}
});

test('at 80×24 the last command\'s output stays on screen: the diagram shrinks while it is fresh', t => {
	const size = {columns: 80, rows: 24};
	const render80 = (outputLines: number) => {
		const {state, view} = lessonState(remoteLesson, 1, noRoute);
		const printed = [{tone: 'command' as const, text: '~/shipment (main) $ git pull'}, ...Array.from({length: outputLines}, (_, index) => ({tone: 'output' as const, text: `line ${index}`}))];
		const {lastFrame, unmount} = render(<LessonScreen state={{...state, transcript: printed.map((line, index) => ({...line, id: index + 1}))}} view={view} size={size}/>);
		const frame = stripAnsi(lastFrame() ?? '');
		unmount();
		return frame;
	};

	const quiet = render80(0);
	const busy = render80(9);
	// Rows the live area takes, plus the output above it: never more than the terminal.
	t.true(quiet.split('\n').length + 1 <= size.rows);
	t.true(busy.split('\n').length + 10 <= size.rows, busy);
	t.true(quiet.includes('╭'), 'with no fresh output, the full diagram');
	t.false(busy.includes('╭'), 'with nine lines of output, a smaller diagram');
	t.true(busy.includes('DESK'), 'the diagram is still there');
});
