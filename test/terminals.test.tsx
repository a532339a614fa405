// The whole App in awkward terminals: a 100 KB paste, control characters typed at the prompt,
// a screen reader (Ink's accessibility mode), and no colour.
import {EventEmitter} from 'node:events';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import {execa} from 'execa';
import {render as inkRender} from 'ink';
import {render} from 'ink-testing-library';
import {createProgressStore} from '../source/progress/progress-store.ts';
import {LessonSession} from '../source/tutor/lesson-session.ts';
import {TutorController} from '../source/tutor/tutor-controller.ts';
import {createStore, type Store} from '../source/tutor/tutor-store.ts';
import {initialState, tutorReducer, type TutorAction, type TutorState} from '../source/tutor/tutor-state.ts';
import {App} from '../source/ui/app.tsx';
import {PromptLine} from '../source/ui/prompt-line.tsx';
import {memoryProgressFs} from './helpers/memory-progress-fs.ts';
import {stripAnsi, tick, waitUntil} from './helpers/frames.ts';
import {sessionOptions, shippedLessons} from './helpers/lessons.ts';

const lessons = shippedLessons();
const addLesson = lessons.find(lesson => lesson.id === 'add')!;
const promptStart = '~/shipment (main) $';
const heading = `Lesson ${addLesson.number} · ${addLesson.title}`;
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

const sgr = /\u001B\[[\d;]*m/g;
/** C0 and C1 control characters, and DEL; a newline is how frames are made. */
const controlCharacter = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
const boxDrawing = /[─│╭╮╰╯█░]/;



/** Rows of the live area: from the lesson screen's header (the last one, below the transcript) down. */
function liveArea(frame: string): string[] {
	const lines = frame.split('\n');
	const header = lines.findLastIndex(line => line.startsWith(heading) && / Step \d+ of \d+$/.test(line.trimEnd()));
	return header === -1 ? [] : lines.slice(header);
}

type Tutor = {
	store: Store<TutorState, TutorAction>;
	controller: TutorController;
	frame(): string;
	write(chunk: string): void;
	type(text: string): Promise<void>;
	commands(): string[];
	transcript(): string[];
	close(): Promise<void>;
};

function createTutor(screenReader = false): {store: Store<TutorState, TutorAction>; controller: TutorController} {
	const {fs} = memoryProgressFs();
	const store = createStore(tutorReducer, initialState(lessons, {screenReader}));
	const controller = new TutorController({
		store,
		lessons,
		session: sessionOptions(lessons),
		progress: createProgressStore({file: '/home/learner/.config/git-push-tutor/progress.json', fs}),
		exit() {
			// The test unmounts the app itself.
		},
	});
	controller.loadProgress();
	return {store, controller};
}

function tutorAround(store: Store<TutorState, TutorAction>, controller: TutorController, frame: () => string, write: (chunk: string) => void, unmount: () => void): Tutor {
	return {
		store,
		controller,
		frame,
		write,
		async type(text) {
			for (const character of text) {
				write(character);
				await tick();
			}
		},
		commands: () => store.getState().transcript.filter(line => line.tone === 'command').map(line => line.text),
		transcript: () => store.getState().transcript.map(line => line.text),
		async close() {
			await controller.quit();
			unmount();
		},
	};
}

/** The App as ink-testing-library renders it: 100 columns, 24 rows (the App's default). */
function startTutor(): Tutor {
	const {store, controller} = createTutor();
	const app = render(<App store={store} controller={controller}/>);
	return tutorAround(store, controller, () => stripAnsi(app.lastFrame() ?? ''), chunk => app.stdin.write(chunk), app.unmount);
}

async function waitForCommands(tutor: Tutor, count: number): Promise<string[]> {
	await waitUntil(
		() => tutor.commands().length >= count && tutor.store.getState().busy === undefined,
		() => `${count} commands, got ${tutor.commands().length}`,
		60_000,
	);
	return tutor.commands();
}

// ---- (a) A 100 KB paste ----

test.serial('a 100 KB paste in one chunk runs its lines in order or refuses them, and the live area stays small', async t => {
	const tutor = startTutor();
	try {
		await tutor.controller.openLesson('add');
		await waitUntil(() => tutor.frame().includes('Step 1 of'), tutor.frame);
		const lines = [
			'git status',
			'echo first line > pasted.txt',
			`echo ${'w'.repeat(8000)} >> pasted.txt`,
			`echo "${'u'.repeat(9000)}`,
			'x'.repeat(9500),
			'git log --oneline',
			'git add pasted.txt',
			// Longer than a command line may be (10,000 characters): refused as too long, never cut and run.
			`echo ${'z'.repeat(12_000)} > over.txt`,
		];
		while ([...lines, ''].join('\n').length < 100 * 1024 - 5100) {
			lines.push(`echo ${'f'.repeat(9000)}`);
		}

		lines.push('git status');
		// The paste ends in the middle of a line, which waits in the prompt.
		const unfinished = `git commit -m "${'p'.repeat(5000)}`;
		const paste = `${lines.join('\n')}\n${unfinished}`;
		t.true(paste.length >= 100 * 1024, `${paste.length} characters`);

		let tallest = 0;
		tutor.write(paste);
		await waitUntil(() => {
			tallest = Math.max(tallest, liveArea(tutor.frame()).length);
			return tutor.commands().length >= lines.length && tutor.store.getState().busy === undefined;
		}, () => `${lines.length} commands, got ${tutor.commands().length}`, 60_000);

		// Each line ran in the order pasted, as the prompt held it; the transcript shows its first 200 characters.
		const expected = lines.map(line => {
			const held = line.slice(0, 10_001);
			return `${promptStart} ${held.length > 200 ? `${held.slice(0, 200)}…` : held}`;
		});
		t.deepEqual(tutor.commands(), expected);
		const transcript = tutor.transcript();
		t.true(transcript.some(line => line.includes('opening " with no closing "')), 'the unbalanced quote is refused');
		t.true(transcript.some(line => line.startsWith(`"${'x'.repeat(40)}…" is not something the tutor can run.`)), 'the long word is refused, quoted short');
		t.true(transcript.some(line => line.startsWith('On branch main')), 'git status ran');
		t.true(transcript.some(line => line.includes('the limit is 10,000')), 'the overlong line is refused as too long');
		// Refused whole: nothing was written to over.txt.
		const diagram = tutor.store.getState().view!.diagram;
		t.true(diagram.openBox.some(item => item.startsWith('pasted.txt')), JSON.stringify(diagram));
		t.false(diagram.desk.some(item => item.startsWith('over.txt')), JSON.stringify(diagram));

		// The live area never outgrew a 24-row terminal, and the prompt is one row.
		t.true(tallest > 0 && tallest < 24, `live area of ${tallest} rows`);
		const live = liveArea(tutor.frame());
		t.true(live.length < 24, live.join('\n'));
		const promptRow = live.findIndex(line => line.startsWith(promptStart));
		t.not(promptRow, -1, live.join('\n'));
		t.true(live[promptRow]!.length <= 100, live[promptRow]);
		t.true(live[promptRow]!.trimEnd().endsWith('p'.repeat(20)), live[promptRow]);
		t.true(live[promptRow + 1]!.startsWith('Type git commands here'), live.join('\n'));
		t.is(tutor.store.getState().prompt.value, unfinished);

		// The tutor still answers: clear the unfinished line, then git status.
		tutor.write('\u0015');
		await waitUntil(() => tutor.store.getState().prompt.value === '', () => 'an empty prompt');
		await tutor.type('git status\r');
		await waitForCommands(tutor, lines.length + 1);
		t.is(tutor.commands().at(-1), `${promptStart} git status`);
		const after = tutor.transcript().slice(tutor.transcript().lastIndexOf(`${promptStart} git status`));
		t.true(after.some(line => line.startsWith('On branch main')), after.join('\n'));
	} finally {
		await tutor.close();
	}
});

// ---- (b) Control characters at the prompt ----

test.serial('control characters typed at the prompt never reach the frame', async t => {
	const tutor = startTutor();
	try {
		await tutor.controller.openLesson('add');
		await waitUntil(() => tutor.frame().includes('Step 1 of'), tutor.frame);
		// One chunk each, as a terminal sends keys; Ink splits escape sequences out of mixed chunks.
		const prompt = () => tutor.store.getState().prompt.value;
		const typeChunks = async (chunks: readonly string[]) => {
			for (const chunk of chunks) {
				tutor.write(chunk);
				await tick();
				await tick();
			}
		};

		await typeChunks(['\u0000', 'a', '\u0007', 'b', '\u001B[31m', 'c', '\u007F', 'c', 'd\u0000e\u0007f', 'g\u001B[31mh', '\u001B', 'i', '\b', 'i', '\u001B[200~j\u0007k\u001B[201~']);
		await waitUntil(() => prompt() === 'abcdefghijk', () => `the prompt reads ${JSON.stringify(prompt())}`);
		// Pasted terminal codes the tutor does not know: C1 controls and an OSC title. Their control
		// characters are dropped (the printable rest of them stays as text).
		await typeChunks(['\u009B31m', '\u0085', 'l', '\u001B]0;title\u0007', 'm']);
		await waitUntil(() => prompt().endsWith('m'), () => `the prompt reads ${JSON.stringify(prompt())}`);
		t.true(prompt().startsWith('abcdefghijk'), prompt());
		t.false(controlCharacter.test(prompt()), JSON.stringify(prompt()));
		const promptRow = () => liveArea(tutor.frame()).find(line => line.startsWith(promptStart)) ?? '';
		await waitUntil(() => promptRow().includes(prompt()), () => `the prompt row to show ${JSON.stringify(prompt())}: ${JSON.stringify(promptRow())}`);
		t.false(controlCharacter.test(tutor.frame()), JSON.stringify(tutor.frame().match(controlCharacter)));

		// Entering it runs nothing harmful and prints no control characters either.
		tutor.write('\r');
		await waitForCommands(tutor, 1);
		t.false(controlCharacter.test(tutor.frame()), JSON.stringify(tutor.frame().match(controlCharacter)));
		t.false(tutor.transcript().some(line => controlCharacter.test(line)));
	} finally {
		await tutor.close();
	}
});

// ---- (c) A screen reader ----

/** A stdout like ink-testing-library's, with the size a terminal reports. */
class FakeStdout extends EventEmitter {
	readonly frames: string[] = [];
	constructor(readonly columns = 100, readonly rows = 24) {
		super();
	}

	write = (frame: string): boolean => {
		this.frames.push(frame);
		return true;
	};
}

/** A raw-mode stdin like ink-testing-library's: Ink reads what write() hands it. */
class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private data: string | undefined;
	write = (data: string): void => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};

	read = (): string | null => {
		const {data} = this;
		this.data = undefined;
		return data ?? null;
	};

	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

/** The App rendered by Ink itself in screen-reader mode (ink-testing-library's render takes no options). */
function startScreenReaderTutor(columns?: number, rows?: number): Tutor {
	const {store, controller} = createTutor(true);
	const stdout = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	const instance = inkRender(<App store={store} controller={controller}/>, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout() as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		// Debug mode writes the whole output each time, so the last write is the screen.
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
		isScreenReaderEnabled: true,
	});
	return tutorAround(store, controller, () => stdout.frames.at(-1) ?? '', stdin.write, instance.unmount);
}

/** Where each text starts in the frame, in order; -1 when missing or out of order. */
function readsInOrder(t: ExecutionContext, wrapped: string, texts: readonly string[]): void {
	// Long lines are wrapped at a space, which the break replaces: join the rows back.
	const frame = wrapped.replaceAll('\n', ' ');
	let from = 0;
	for (const text of texts) {
		const at = frame.indexOf(text, from);
		t.not(at, -1, `"${text}" after position ${from} in:\n${frame}`);
		from = at === -1 ? from : at + text.length;
	}
}

/** Glyphs the drawn screen uses, which a screen reader would read out as symbols. */
const glyphs = /[▣✚✗→⇒❯✓↻↳★⚑↷█░]/;

test.serial('with a screen reader the lesson panel is printed as plain words, read top to bottom, heading once', async t => {
	const tutor = startScreenReaderTutor();
	try {
		await waitUntil(() => tutor.frame().includes(addLesson.title), () => `the menu:\n${tutor.frame()}`);
		t.false(boxDrawing.test(tutor.frame()), tutor.frame());
		t.false(glyphs.test(tutor.frame()), `the menu says its marks in words:\n${tutor.frame()}`);
		await tutor.controller.openLesson('add');
		await waitUntil(() => tutor.frame().includes('Step 1 of'), () => `the lesson screen:\n${tutor.frame()}`);
		const total = addLesson.steps.length;
		const [first, second] = addLesson.steps;
		const frame = tutor.frame();
		t.false(boxDrawing.test(frame), frame);
		t.false(glyphs.test(frame), frame);
		t.false(/\u001B\[/.test(frame), 'no colour or cursor codes');
		t.is(frame.split(heading).length - 1, 1, `the lesson's heading is said once:\n${frame}`);
		readsInOrder(t, frame, [
			heading, `Step 1 of ${total}: ${first!.title}`, first!.text,
			'DESK: notes.txt (new), photo.txt (new), todo.txt (new).', 'OPEN BOX: (empty).', 'SEALED, UNSHIPPED: (none).', 'WAREHOUSE=GitHub: no address yet.',
			'Route: the truck has no address (no remote).', 'Type git commands here', promptStart,
		]);
		// Each diagram column is a line of its own, in words.
		const rows = frame.split('\n');
		for (const title of ['DESK: ', 'OPEN BOX: ', 'SEALED, UNSHIPPED: ', 'WAREHOUSE=GitHub: ']) {
			t.true(rows.some(row => row.startsWith(title)), `${title}in:\n${frame}`);
		}

		// Below the printed panel, the live area is the prompt alone: a key rewrites that one line.
		await tutor.type('git st');
		t.is(tutor.frame().trimEnd().split('\n').at(-1), `${promptStart} git st`, tutor.frame());
		t.is(tutor.frame().split(first!.title).length - 1, 1, 'typing prints nothing again');

		// A command that moves on prints the new step and the changed diagram, once.
		await tutor.type('atus\r');
		await waitUntil(() => tutor.frame().includes(`Step 2 of ${total}`), () => `step 2:\n${tutor.frame()}`);
		const next = tutor.frame();
		t.false(glyphs.test(next), next);
		t.true(next.includes('On branch main'), next);
		readsInOrder(t, next, ['On branch main', 'Passed: ', `Step 2 of ${total}: ${second!.title}`, second!.text, promptStart]);
		t.is(next.split('DESK: ').length - 1, 1, `git status changed no box, so the diagram is not said again:\n${next}`);
	} finally {
		await tutor.close();
	}
});

test.serial('without a screen reader the same screen still draws its bar and boxes', async t => {
	const tutor = startTutor();
	try {
		await tutor.controller.openLesson('add');
		await waitUntil(() => tutor.frame().includes('Step 1 of'), tutor.frame);
		const live = liveArea(tutor.frame()).join('\n');
		t.true(live.includes('░'), live);
		t.true(live.includes('╭'), live);
	} finally {
		await tutor.close();
	}
});

// ---- (d) No colour ----

/** Renders the lesson screen in a fresh Node process, where chalk reads FORCE_COLOR as it loads. */
async function frameWithForceColor(level: string): Promise<string> {
	const module = (file: string) => JSON.stringify(pathToFileURL(path.join(projectRoot, file)).href);
	const script = `
		const React = (await import('react')).default;
		const {render} = await import('ink-testing-library');
		const {fillLesson} = await import(${module('source/lessons/fill-lesson.ts')});
		const {githubUrl} = await import(${module('source/sandbox/sandbox-config.ts')});
		const {initialState, tutorReducer} = await import(${module('source/tutor/tutor-state.ts')});
		const {LessonScreen} = await import(${module('source/ui/lesson-screen.tsx')});
		const {shippedLessons} = await import(${module('test/helpers/lessons.ts')});
		const lessons = shippedLessons();
		const lesson = fillLesson(lessons.find(candidate => candidate.id === 'add'), {branch: 'main', url: githubUrl});
		const diagram = {branch: 'main', desk: ['notes.txt'], openBox: ['todo.txt'], waiting: [], warehouse: [], route: {kind: 'none'}, operation: undefined};
		const state = tutorReducer(initialState(lessons), {type: 'lessonOpened', lesson, step: 1, diagram});
		const app = render(React.createElement(LessonScreen, {state, view: state.view, size: {columns: 100, rows: 24}}));
		process.stdout.write(JSON.stringify(app.lastFrame()));
		app.unmount();
	`;
	const {NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...env} = process.env;
	const result = await execa(process.execPath, ['--import=tsx', '--input-type=module', '--eval', script], {
		cwd: projectRoot,
		env: {...env, FORCE_COLOR: level},
		extendEnv: false,
	});
	return JSON.parse(result.stdout) as string;
}

test('with FORCE_COLOR=0 (what the CLI sets for NO_COLOR) the lesson screen has no colour codes', async t => {
	const [plain, coloured] = await Promise.all([frameWithForceColor('0'), frameWithForceColor('3')]);
	// The colours are really there when asked for, so their absence means something.
	t.true(sgr.test(coloured), coloured);
	t.false(plain.includes('\u001B['), JSON.stringify(plain.slice(0, 300)));
	// The same text; only the cursor's inverse cell is gone, so Ink trims the prompt row's end.
	const rowsOf = (frame: string) => frame.split('\n').map(row => row.trimEnd());
	t.deepEqual(rowsOf(plain), rowsOf(stripAnsi(coloured)));
	t.true(plain.includes(heading), plain);
});

test('a session without colour gets no colour codes from git', async t => {
	const work = await mkdtemp(path.join(tmpdir(), 'gpt-terminals-'));
	t.teardown(async () => rm(work, {recursive: true, force: true}));
	const output = async (color: boolean) => {
		const session = await LessonSession.start(addLesson, {...sessionOptions(lessons), workdir: work, color});
		try {
			return (await session.run('git status')).output;
		} finally {
			await session.dispose();
		}
	};

	const [plain, coloured] = await Promise.all([output(false), output(true)]);
	t.true(coloured.includes('\u001B['), coloured);
	t.false(plain.includes('\u001B['), plain);
	t.true(plain.includes('Untracked files'), plain);
});

test('without colour the prompt still shows where the cursor is', t => {
	const prompt = {value: 'git push', cursor: 4, history: [], historyIndex: undefined, draft: ''};
	const plain = render(<PromptLine label="~/shipment (main) $" prompt={prompt} busy={undefined} width={60} color={false}/>);
	t.is(plain.lastFrame(), '~/shipment (main) $ git ▏push');
	const atEnd = render(<PromptLine label="$" prompt={{...prompt, cursor: 8}} busy={undefined} width={60} color={false}/>);
	t.is(atEnd.lastFrame(), '$ git push▏');
});
