// Practice drills are lessons generated from a seed. For many seeds: the same seed gives the same
// drill, every drill is a valid lesson, and different seeds give different drills. For a seed of
// each shape and a few more, played through real git by verify's player: the reference solution
// passes every step in turn, no step passes before anything is typed, and no wrong move passes.
// Then the menu, the drill and the complete screen, through the whole app.
import test from 'ava';
import {createElement} from 'react';
import {render} from 'ink-testing-library';
import {validateLesson} from '../source/lessons/validate-lesson.ts';
import {drillCatalog, drillNames, type DrillName} from '../source/practice/drill-names.ts';
import {practiceLesson, shapeOf} from '../source/practice/practice-lesson.ts';
import {drillShapes} from '../source/practice/drills.ts';
import {finishRun, freshTally} from '../source/practice/score.ts';
import {maxSeed, mulberry32, seededRandom} from '../source/practice/prng.ts';
import {parseCommandLine} from '../source/shell/parse-command-line.ts';
import {playLesson} from '../source/verify/play-lesson.ts';
import type {Diagram} from '../source/tutor/diagram-model.ts';
import {initialState, menuEntries, tutorReducer, type TutorAction, type TutorState} from '../source/tutor/tutor-state.ts';
import {App} from '../source/ui/app.tsx';
import {CompleteScreen} from '../source/ui/complete-screen.tsx';
import {MenuScreen} from '../source/ui/menu-screen.tsx';
import {stripAnsi, waitUntil} from './helpers/frames.ts';
import {gitVersion} from './helpers/git-version.ts';
import {shippedPack} from './helpers/lessons.ts';
import {progressFile, wiredTutor} from './helpers/wired-tutor.ts';
import {limiter} from './helpers/drills.ts';

const checkedSeeds = Array.from({length: 100}, (_, seed) => seed);
/** How many seeds of each drill are played end to end: one of each shape. */
const playedPerDrill = (name: DrillName) => drillShapes[name].length;


// Each play runs one sandbox at a time: a few plays at once keep two cores busy.
const inSandbox = limiter(3);

/** The drill's shape: the design choice that matters most, to pick seeds that cover every shape. */
const kindOf = shapeOf;

/** The first seed of each kind, then the next seeds, up to `count`. */
function coveringSeeds(name: DrillName, count: number): number[] {
	const chosen: number[] = [];
	const kinds = new Set<string>();
	for (const seed of checkedSeeds) {
		const kind = kindOf(name, seed);
		if (!kinds.has(kind)) {
			kinds.add(kind);
			chosen.push(seed);
		}
	}

	for (const seed of checkedSeeds) {
		if (chosen.length >= count) {
			break;
		}

		if (!chosen.includes(seed)) {
			chosen.push(seed);
		}
	}

	return chosen;
}

// ---- The random source ----

test('mulberry32 gives the same numbers for the same seed, in [0, 1)', t => {
	const first = mulberry32(42);
	const again = mulberry32(42);
	const numbers = Array.from({length: 1000}, () => first());
	t.deepEqual(Array.from({length: 1000}, () => again()), numbers);
	t.true(numbers.every(number => number >= 0 && number < 1));
	t.true(new Set(numbers).size > 990, 'numbers hardly repeat');
	t.notDeepEqual(Array.from({length: 5}, mulberry32(43)), numbers.slice(0, 5));
	// Seeds are 32-bit: the largest one works like any other.
	t.not(mulberry32(maxSeed)(), mulberry32(0)());
});

test('the random helpers stay in range and sample without repeats', t => {
	const random = seededRandom(7);
	for (let index = 0; index < 500; index++) {
		const number = random.int(2, 5);
		t.true(number >= 2 && number <= 5 && Number.isInteger(number));
	}

	const sample = random.sample(['a', 'b', 'c', 'd', 'e'], 5);
	t.deepEqual([...sample].sort(), ['a', 'b', 'c', 'd', 'e']);
	t.throws(() => random.sample(['a'], 2), {instanceOf: RangeError});
	t.throws(() => random.pick([]), {instanceOf: RangeError});
});

// ---- Generated lessons, for many seeds (no git) ----

for (const name of drillNames) {
	test(`${name}: the same seed gives the same drill, a valid lesson, for ${checkedSeeds.length} seeds`, t => {
		for (const seed of checkedSeeds) {
			const lesson = practiceLesson(name, seed);
			t.deepEqual(practiceLesson(name, seed), lesson, `seed ${seed}`);
			t.is(lesson.title, `Practice · ${name} · seed ${seed}`);
			t.is(lesson.id, `practice-${name}`);
			t.true(lesson.intro.includes(`--practice ${name} --seed ${seed}`), lesson.intro);
			// Plain data: the lesson survives a round trip through JSON and the lesson-file validator.
			const {source, ...data} = lesson;
			t.deepEqual(validateLesson(JSON.parse(JSON.stringify(data)) as unknown, source), lesson, `seed ${seed}`);
			for (const step of lesson.steps) {
				t.true(step.hints.length > 0 && step.hints.at(-1)!.startsWith('Type: '), `${step.id}: the last hint is the command`);
				t.true(step.wrongMoves.length > 0, `${step.id} has wrong moves`);
			}

			const lines = [
				...lesson.setup.flatMap(action => (action.do === 'type' || action.do === 'sam' ? [action.line] : [])),
				...lesson.steps.flatMap(step => [...step.solution, ...step.wrongMoves.flat(), ...step.onStart.flatMap(action => (action.do === 'sam' ? [action.line] : []))]),
			];
			for (const line of lines) {
				t.true(parseCommandLine(line).ok, `seed ${seed}: "${line}" is a line the tutor can run`);
			}
		}
	});

	test(`${name}: different seeds give different drills`, t => {
		const setups = checkedSeeds.map(seed => JSON.stringify(practiceLesson(name, seed).setup));
		t.true(new Set(setups).size >= 95, `${new Set(setups).size} different worlds from ${checkedSeeds.length} seeds`);
		// Neighbouring seeds differ in the files or in how many boxes there are, almost always.
		const shape = (seed: number) => JSON.stringify(practiceLesson(name, seed).setup.map(action => (action.do === 'write' || action.do === 'append' ? action.path : action.do === 'continueFrom' ? action.lesson : action.line.replace(/"[^"]*"/g, '""'))));
		const differing = checkedSeeds.slice(1).filter(seed => shape(seed) !== shape(seed - 1)).length;
		t.true(differing >= 90, `${differing} of ${checkedSeeds.length - 1} neighbouring seeds differ in files or counts`);
	});
}

/** Seeds within which every shape of every drill must appear: a learner meets them all soon. */
const modestSeeds = 60;

test('every shape of every drill appears within a modest number of seeds, and only those', t => {
	for (const name of drillNames) {
		const seen = new Set(Array.from({length: modestSeeds}, (_, seed) => kindOf(name, seed)));
		t.deepEqual([...seen].sort(), [...drillShapes[name]].sort(), name);
	}
});

test('the drills have the variety the habit needs: 8 recover shapes, 4 force, 3 pull-first, 4 conflict, 3 address, 3 revert', t => {
	const least: Record<DrillName, number> = {recover: 8, force: 4, 'pull-first': 3, conflict: 4, address: 3, revert: 3};
	for (const [name, count] of Object.entries(least)) {
		t.true(drillShapes[name as DrillName].length >= count, `${name}: ${drillShapes[name as DrillName].join(' | ')}`);
	}
});

/** A git command written out, as in "git fetch" or "git merge origin/main". */
const gitCommand = /\bgit [a-z-]+/;

test('drills state situations and goals: commands appear only in hints and the summary', t => {
	for (const name of drillNames) {
		for (const seed of checkedSeeds) {
			const lesson = practiceLesson(name, seed);
			const intro = lesson.intro.split('\n').filter(line => !line.startsWith('Replay this very drill'));
			for (const line of intro) {
				t.false(gitCommand.test(line), `${name} seed ${seed} intro: ${line}`);
			}

			for (const step of lesson.steps) {
				const said = [step.text, step.success, step.successAfterLoss, step.announce, ...step.nudges.map(nudge => nudge.say)];
				for (const text of said) {
					t.false(text !== undefined && gitCommand.test(text), `${name} seed ${seed} step ${step.id}: ${text}`);
				}

				// Hints go one level at a time: at least one thought before the command.
				t.true(step.hints.length >= 2, `${name} seed ${seed} step ${step.id}: ${step.hints.join(' / ')}`);
			}
		}
	}
});

test('a seed outside 0 to 4294967295 is refused', t => {
	for (const seed of [-1, 1.5, maxSeed + 1, Number.NaN]) {
		t.throws(() => practiceLesson('recover', seed), {instanceOf: RangeError}, String(seed));
	}
});

// ---- Played through real git, by verify's player ----

// One seed of each shape: the player checks that no step passes before anything is
// typed, that the reference solution passes each step in turn, and that no wrong move passes
// (played from the step's start, restored from a checkpoint). Half on master, so texts and
// commands follow the branch.
for (const name of drillNames) {
	for (const [index, seed] of coveringSeeds(name, playedPerDrill(name)).entries()) {
		const branch = index % 2 === 0 ? 'main' : 'master';
		test(`${name} seed ${seed} (${branch}, ${kindOf(name, seed)}): the solution passes every step, nothing passes early, no wrong move passes`, async t => inSandbox(async () => {
			const result = await playLesson(practiceLesson(name, seed), {lessons: [], branch, gitVersion});
			t.deepEqual(result.findings, []);
			t.true(result.wrongMoves > 0, 'wrong moves were played');
		}));
	}
}

test('the typical wrong moves of each drill are among those played', t => {
	const moves = (name: DrillName) => coveringSeeds(name, 0).flatMap(seed => practiceLesson(name, seed).steps.flatMap(step => step.wrongMoves.map(move => move.join(' ; '))));
	t.true(moves('recover').includes('git push --force'));
	t.true(moves('force').includes('git fetch ; git push --force-with-lease'));
	t.true(moves('pull-first').includes('git push'));
	t.true(moves('revert').includes('git reset --hard HEAD~1 ; git push --force'), 'recalling by rewriting history');
	t.true(moves('address').includes('git push origin {branch}'), 'the habitual name where the warehouse has another');
	t.true(moves('conflict').some(move => /^git add \S+ ; git commit -m/.test(move)), 'committing with the markers in');
});

// ---- The menu, a drill and the complete screen, through the app ----

const pack = shippedPack();
const {lessons} = pack;
/** The lesson the built-in pack offers the recover drill after, and one that opens no drill. */
const recoverLesson = pack.drills.find(drill => drill.drill === 'recover')!.lesson;
const drillFree = lessons.find(lesson => !pack.drills.some(drill => drill.lesson === lesson.id))!.id;
const completion = {firstCompletedAt: '2025-01-06T09:00:00.000Z', timesCompleted: 1};


function startTutor(saved: unknown) {
	const {memory, store, controller} = wiredTutor(lessons, saved);
	const app = render(createElement(App, {store, controller}));
	// Tall enough for every lesson, its part heading and the Practice section at once.
	Object.defineProperty(app.stdout, 'rows', {value: 45, configurable: true});
	app.stdout.emit('resize');
	const frame = () => stripAnsi(app.lastFrame() ?? '');
	return {
		store,
		controller,
		app,
		frame,
		readDrills: () => (JSON.parse(String(memory.readFileSync(progressFile, 'utf8'))) as {drills: Record<string, number>}).drills,
		waitForFrame: async (text: string) => waitUntil(() => frame().includes(text), () => `"${text}" in the frame:\n${frame()}`),
		async close() {
			await controller.quit();
			app.unmount();
		},
	};
}

function reduce(state: TutorState, ...actions: TutorAction[]): TutorState {
	return actions.reduce(tutorReducer, state);
}

test('the menu offers a drill once its lesson is completed, or once it was played, below the lessons', t => {
	const start = initialState(lessons, {drills: pack.drills});
	t.deepEqual(start.drills.map(drill => drill.name), drillCatalog.map(drill => drill.name).filter(name => pack.drills.some(drill => drill.drill === name)));
	t.true(menuEntries(start).every(entry => entry.kind === 'lesson'));

	const loaded = reduce(start, {type: 'progressLoaded', completed: [recoverLesson, drillFree], drills: {recover: 2}});
	const entries = menuEntries(loaded);
	t.is(entries.length, lessons.length + 1);
	const last = entries.at(-1)!;
	t.is(last.kind, 'drill');
	t.deepEqual(last.kind === 'drill' ? [last.drill.name, last.drill.done] : [], ['recover', 2]);
	// A drill played already (with --practice) is listed before its lesson is done, so its due date shows.
	const played = menuEntries(reduce(start, {type: 'progressLoaded', completed: [recoverLesson], drills: {recover: 2, force: 5}}));
	t.deepEqual(played.flatMap(entry => (entry.kind === 'drill' ? [[entry.drill.name, entry.drill.done]] : [])), [['force', 5], ['recover', 2]]);

	// Up from the first entry wraps to the drill; the drill counts as a menu entry.
	const onDrill = reduce(loaded, {type: 'menuMove', by: -1});
	t.deepEqual(onDrill.screen, {name: 'menu', selected: lessons.length});
	t.deepEqual(reduce(onDrill, {type: 'menuMove', by: 1}).screen, {name: 'menu', selected: 0});
	t.deepEqual(reduce(loaded, {type: 'menuSelect', index: lessons.length}).screen, {name: 'menu', selected: lessons.length});
	t.is(reduce(loaded, {type: 'menuSelect', index: lessons.length + 1}).screen.name, 'menu');
	t.deepEqual(reduce(loaded, {type: 'menuSelect', index: lessons.length + 1}).screen, loaded.screen);
});

test('a drill is remembered in the view; completing it counts it; the menu then selects it', t => {
	const loaded = reduce(initialState(lessons, {drills: pack.drills}), {type: 'progressLoaded', completed: [recoverLesson], drills: {}});
	const lesson = practiceLesson('recover', 3);
	const diagram: Diagram = {branch: 'main', desk: [], openBox: [], waiting: [], warehouse: [], route: {kind: 'none'}, operation: undefined};
	const playing = reduce(loaded, {type: 'lessonOpened', lesson, step: 0, diagram, practice: {name: 'recover', seed: 3}});
	t.deepEqual(playing.view?.practice, {name: 'recover', seed: 3});
	const run = finishRun(freshTally(0, false), 3, 4, new Date(60_000));
	const counted = reduce(playing, {type: 'drillCompleted', name: 'recover', done: 1, runs: [run], now: 60_000});
	t.deepEqual(counted.drills.find(drill => drill.name === 'recover')!.runs, [run]);
	t.is(counted.drills.find(drill => drill.name === 'recover')!.done, 1);
	t.deepEqual(reduce(counted, {type: 'toMenu'}).screen, {name: 'menu', selected: lessons.length});
	// A plain lesson view has no practice run.
	const plain = reduce(loaded, {type: 'lessonOpened', lesson: lessons[0]!, step: 0, diagram});
	t.is(plain.view?.practice, undefined);
});

test('the menu scrolls to a selected drill and stays shorter than the terminal', t => {
	const last = initialState(lessons, {drills: pack.drills}).drills.at(-1)!.name;
	const state = reduce(initialState(lessons, {drills: pack.drills}), {type: 'progressLoaded', completed: lessons.map(lesson => lesson.id), drills: {[last]: 4}});
	const count = menuEntries(state).length;
	for (const rows of [24, 12, 8]) {
		for (const selected of [0, count - 1]) {
			const {lastFrame, unmount} = render(createElement(MenuScreen, {lessons: state.lessons, drills: state.drills, selected, width: 79, rows}));
			const frame = stripAnsi(lastFrame() ?? '');
			unmount();
			const lines = frame.split('\n');
			t.true(lines.length < rows, `${rows} rows:\n${frame}`);
			const chosen = lines.find(line => line.startsWith('❯'));
			t.truthy(chosen, frame);
			if (selected === count - 1) {
				t.true(chosen!.includes(last) && chosen!.includes('· 4 done'), chosen);
			}

			// With a drill selected its heading stays in view whenever it fits.
			if (rows === 24 && selected === count - 1) {
				t.true(frame.includes('Practice · a fresh variation every time'), frame);
			}
		}
	}
});

test('the complete screen of a drill offers another variation and a replay of its seed', t => {
	const lesson = practiceLesson('force', 12);
	const drills = initialState(lessons, {drills: pack.drills}).drills.map(drill => (drill.name === 'force' ? {...drill, done: 3} : drill));
	const {lastFrame, unmount} = render(createElement(CompleteScreen, {lesson, next: undefined, practice: {name: 'force', seed: 12}, drills, width: 79}));
	const frame = stripAnsi(lastFrame() ?? '');
	unmount();
	t.true(frame.includes('force drills done so far: 3'), frame);
	t.true(frame.includes('Enter: another drill (new variation); replay plays seed 12 again'), frame);
	t.true(frame.includes('replay (r)'), frame);
	t.false(frame.includes('next lesson'), frame);
});

test.serial('the app: the menu starts a fresh drill; a played drill is counted and Enter offers another', async t => {
	const tutor = startTutor({version: 1, completed: {[recoverLesson]: completion}, drills: {recover: 2}});
	try {
		await tutor.waitForFrame('Practice · a fresh variation every time');
		const drillLine = tutor.frame().split('\n').find(line => line.includes('↻'));
		t.truthy(drillLine, tutor.frame());
		t.true(drillLine!.includes('recover') && drillLine!.includes('· 2 done'), drillLine);
		t.false(tutor.frame().includes('Relabel a shipped box'), 'drills of lessons not done are not offered');

		// Up from the first lesson wraps to the drill at the bottom; Enter starts a random variation.
		tutor.app.stdin.write('\u001B[A');
		await waitUntil(() => tutor.frame().split('\n').some(line => line.startsWith('❯') && line.includes('↻')), () => tutor.frame());
		tutor.app.stdin.write('\r');
		await waitUntil(() => tutor.store.getState().screen.name === 'lesson', () => tutor.frame());
		t.true(tutor.frame().includes('Practice · recover · seed '), tutor.frame());
		const opened = tutor.store.getState().view?.practice;
		t.is(opened?.name, 'recover');
		t.true(Number.isInteger(opened?.seed));

		// Replaying a known seed, played to the end through the controller.
		await tutor.controller.openDrill('recover', 5);
		await tutor.waitForFrame('Practice · recover · seed 5');
		t.deepEqual(tutor.store.getState().view?.practice, {name: 'recover', seed: 5});
		for (const step of tutor.store.getState().view!.lesson.steps) {
			for (const line of step.solution) {
				// eslint-disable-next-line no-await-in-loop
				await tutor.controller.enqueue(line);
			}
		}

		await tutor.waitForFrame('★ Drill complete: Practice · recover · seed 5');
		await tutor.waitForFrame('recover drills done so far: 3');
		t.true(tutor.frame().includes('Enter: another drill (new variation)'), tutor.frame());
		// As Ink's onRender does in the app: the complete screen is on the terminal now.
		tutor.controller.frameDrawn();
		await waitUntil(() => tutor.store.getState().completeDrawn, () => 'the complete screen drawn');
		t.deepEqual(tutor.readDrills(), {recover: 3});
		t.is(tutor.store.getState().drills.find(drill => drill.name === 'recover')!.done, 3);

		// r and Enter replays the same seed; Enter alone then a new variation.
		tutor.app.stdin.write('r\r');
		await waitUntil(() => tutor.store.getState().screen.name === 'lesson', () => tutor.frame());
		t.deepEqual(tutor.store.getState().view?.practice, {name: 'recover', seed: 5});
		t.is(tutor.store.getState().view?.step, 0);
	} finally {
		await tutor.close();
	}
});

test.serial('the app: Enter on a finished drill starts another one; m goes back to the menu on the drill', async t => {
	const tutor = startTutor({version: 1, completed: {[recoverLesson]: completion}, drills: {}});
	try {
		await tutor.controller.openDrill('recover', 9);
		t.deepEqual(tutor.store.getState().view?.practice, {name: 'recover', seed: 9});
		for (const step of tutor.store.getState().view!.lesson.steps) {
			for (const line of step.solution) {
				// eslint-disable-next-line no-await-in-loop
				await tutor.controller.enqueue(line);
			}
		}

		await tutor.waitForFrame('★ Drill complete');
		await tutor.waitForFrame('What you practised');
		tutor.controller.frameDrawn();
		await waitUntil(() => tutor.store.getState().completeDrawn, () => 'the complete screen drawn');
		tutor.app.stdin.write('\r');
		await waitUntil(() => tutor.store.getState().screen.name === 'lesson', () => tutor.frame());
		t.is(tutor.store.getState().view?.practice?.name, 'recover');
		await tutor.controller.toMenu();
		t.deepEqual(tutor.store.getState().screen, {name: 'menu', selected: lessons.length});
		t.deepEqual(tutor.readDrills(), {recover: 1});
	} finally {
		await tutor.close();
	}
});
