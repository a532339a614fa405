// A drill run counted through the controller, as the app plays it: commands, hints, a force that
// the drill did not ask for (kept across a reset, so starting over does not wipe it), the score
// and the due date, with a clock the test controls.
import test from 'ava';
import {createElement} from 'react';
import {render} from 'ink-testing-library';
import {practiceLesson, referenceCommands} from '../source/practice/practice-lesson.ts';
import type {DrillRun} from '../source/practice/score.ts';
import {App} from '../source/ui/app.tsx';
import {pushForce, readGitArguments} from '../source/git/git-arguments.ts';
import {LessonSession} from '../source/tutor/lesson-session.ts';
import {reportLines} from '../source/tutor/report-lines.ts';
import {stripAnsi, waitUntil} from './helpers/frames.ts';
import {sessionOptions, shippedLessons} from './helpers/lessons.ts';
import {progressFile, wiredTutor} from './helpers/wired-tutor.ts';

const lessons = shippedLessons();
const completed = Object.fromEntries(lessons.map(lesson => [lesson.id, {firstCompletedAt: '2026-11-01T09:00:00.000Z', timesCompleted: 1}]));
const noon = new Date(2026, 10, 30, 12, 0, 0);

function startTutor(clock: {now: Date}) {
	const {memory, store, controller} = wiredTutor(lessons, {version: 1, completed, drills: {}}, {now: () => clock.now});
	const app = render(createElement(App, {store, controller}));
	Object.defineProperty(app.stdout, 'rows', {value: 45, configurable: true});
	app.stdout.emit('resize');
	const frame = () => stripAnsi(app.lastFrame() ?? '');
	const transcript = () => store.getState().transcript.map(line => line.text).join('\n');
	return {
		store,
		controller,
		frame,
		transcript,
		runs: () => (JSON.parse(String(memory.readFileSync(progressFile, 'utf8'))) as {drillRuns: Record<string, DrillRun[]>}).drillRuns,
		async play(lines: readonly string[]) {
			for (const line of lines) {
				await controller.enqueue(line);
			}
		},
		async close() {
			await controller.quit();
			app.unmount();
		},
	};
}

test.serial('a force the drill did not ask for makes the run not clean, even after a reset; the drill is due again tomorrow', async t => {
	const clock = {now: noon};
	const tutor = startTutor(clock);
	try {
		const seed = 11;
		const lesson = practiceLesson('pull-first', seed);
		await tutor.controller.openDrill('pull-first', seed);
		await tutor.play(['git push --force']);
		t.true(tutor.transcript().includes('That push forced without a lease, so this run will not count as clean.'), tutor.transcript());
		await tutor.play(['hint', 'reset']);
		await waitUntil(() => tutor.transcript().includes('The drill is back as it started.'), tutor.transcript);
		t.like(tutor.store.getState().view?.tally, {commands: 1, hints: 1, forced: 1});
		clock.now = new Date(noon.getTime() + 125_000);
		await tutor.play(lesson.steps.flatMap(step => step.solution));
		await waitUntil(() => tutor.store.getState().screen.name === 'complete', tutor.transcript);
		const reference = referenceCommands(lesson);
		const run = tutor.runs()['pull-first']!.at(-1)!;
		t.like(run, {seed, commands: reference + 1, reference, hints: 1, forced: true, seconds: 125, challenge: false});
		t.is(run.score, 100 - 5 - 10 - 50);
		t.true(tutor.transcript().includes(`Score ${run.score} of 100 · 2 min 05 s`), tutor.transcript());
		t.true(tutor.transcript().includes('Not a clean run, so this drill is due tomorrow'), tutor.transcript());
		t.is(tutor.runs()['pull-first']!.length, 1);
		await tutor.controller.toMenu();
		const row = tutor.frame().split('\n').find(line => line.includes('↻') && line.includes('pull-first'));
		t.true(row?.includes(`due tomorrow · last ${run.score} · best ${run.score}`), tutor.frame());
	} finally {
		await tutor.close();
	}
});

test.serial('a clean run waits longer each time; hints in a challenge are refused and not counted', async t => {
	const clock = {now: noon};
	const tutor = startTutor(clock);
	try {
		for (const [index, expected] of ['due tomorrow', 'due in 3 days'].entries()) {
			const seed = 20 + index;
			await tutor.controller.openDrill('conflict', seed, undefined, {challenge: true});
			await tutor.play(['hint']);
			t.true(tutor.transcript().includes('No hints in a challenge'), tutor.transcript());
			// Git's refusal is explained, but its way out (the commands) is not given in a challenge.
			const explained = () => tutor.store.getState().transcript.filter(line => line.tone === 'explain');
			const before = explained().length;
			await tutor.play(['git push']);
			t.deepEqual(explained().slice(before).map(line => line.text.slice(0, 2)), ['↳ '], tutor.transcript());
			await tutor.play(practiceLesson('conflict', seed).steps.flatMap(step => step.solution));
			await waitUntil(() => tutor.store.getState().screen.name === 'complete', tutor.transcript);
			t.like(tutor.runs()['conflict']!.at(-1), {hints: 0, challenge: true, forced: false, lost: false, twice: false});
			t.true(tutor.transcript().includes(`A clean run without hints: this drill is ${expected}`), tutor.transcript());
			clock.now = new Date(clock.now.getTime() + 86_400_000);
		}
	} finally {
		await tutor.close();
	}
});

test('a push forces plainly with --force, -f in a bundle or a +refspec; with a lease only with --force-with-lease alone', t => {
	const force = (...words: string[]) => pushForce(readGitArguments(words));
	t.is(force('push'), undefined);
	t.is(force('push', 'origin', 'main'), undefined);
	t.is(force('push', '--force'), 'plain');
	t.is(force('push', '-uf', 'origin', 'main'), 'plain');
	t.is(force('push', 'origin', '+main'), 'plain');
	t.is(force('push', '--force-with-lease'), 'lease');
	t.is(force('push', '--force-with-lease=main', '--force-if-includes'), 'lease');
	t.is(force('push', '--force-with-lease', '--no-force-with-lease'), undefined);
	t.is(force('push', '--force-with-lease', '--force'), 'plain', 'a lease beside a plain force is not the habit');
	// The remote's name is not a refspec, whatever it starts with; other commands never push.
	t.is(force('push', '+odd'), undefined);
	t.is(force('fetch', '--force'), undefined);
});

test.serial('merging an old copy of a rewritten history says which box is now twice, with the cleaner way, once', async t => {
	const session = await LessonSession.start(practiceLesson('pull-first', 3), sessionOptions([]));
	try {
		// Two boxes, then a second copy of the newest one on another base: the same change and label.
		const label = 'Write the duplicate note';
		for (const line of ['echo one > one.txt', 'git add one.txt', 'git commit -m "Write one"', 'echo twice > twice.txt', 'git add twice.txt', `git commit -m "${label}"`]) {
			await session.run(line);
		}

		await session.run('git checkout -b copy HEAD~2');
		await session.run('git cherry-pick ' + session.sandbox.branch);
		await session.run(`git checkout ${session.sandbox.branch}`);
		const merged = await session.run('git merge --no-edit copy');
		t.is(merged.duplicates?.length, 1, JSON.stringify(merged.duplicates));
		t.deepEqual(merged.duplicates?.[0]?.subjects, [label, label]);
		const lines = reportLines(merged, session.lesson, 'drill').map(line => line.text).join('\n');
		t.true(lines.includes(`Your history now holds "${label}" twice`), lines);
		t.true(lines.includes('git cherry-pick'), lines);
		t.is((await session.run('git log --oneline')).duplicates, undefined, 'said once');
	} finally {
		await session.dispose();
	}
});
