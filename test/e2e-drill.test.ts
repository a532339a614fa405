// End to end: a drill played in the built CLI, in a pseudo-terminal, as a returning learner
// does it: no hints, the score at the end, and the menu saying it is done and when it is due.
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {practiceLesson} from '../source/practice/practice-lesson.ts';
import {drillCatalog} from '../source/practice/drill-names.ts';
import type {DrillRun} from '../source/practice/score.ts';
import {typedHint} from '../source/ui/complete-screen.tsx';
import {shippedPack} from './helpers/lessons.ts';
import {startTutor, tempFolder} from './helpers/pty.ts';

const firstScreenMs = 20_000;

test.serial('a drill without hints: the score shows, the run is saved, and the menu says done and due tomorrow', async t => {
	t.timeout(120_000);
	const folder = tempFolder(t);
	// Every lesson a drill practises is done, so the menu lists the drills.
	const progressFile = path.join(folder, 'progress.json');
	const completed = Object.fromEntries(shippedPack().drills.map(drill => [drill.lesson, {firstCompletedAt: '2026-11-01T09:00:00.000Z', timesCompleted: 1}]));
	writeFileSync(progressFile, JSON.stringify({version: 1, completed, drills: {}}));

	const seed = 4;
	const lesson = practiceLesson('pull-first', seed);
	const learner = startTutor({args: ['--practice', 'pull-first', '--seed', String(seed)], env: {GIT_PUSH_TUTOR_PROGRESS: progressFile}});
	t.teardown(async () => learner.kill());
	await learner.waitFor(`Practice · pull-first · seed ${seed}`, firstScreenMs);
	await learner.waitFor(`Step 1 of ${lesson.steps.length}`, firstScreenMs, 'screen');
	const solution = lesson.steps.flatMap(step => step.solution).filter(line => !line.startsWith('#'));
	for (const line of solution) {
		await learner.enter(line);
		await learner.settle();
	}

	await learner.waitFor('★ Drill complete', 20_000);
	await learner.waitFor('Score 100 of 100', 10_000);
	t.true(learner.scrollback().includes(`Commands: ${solution.length} (the reference solution takes ${solution.length})`), learner.describe());
	t.true(learner.scrollback().includes('Hints: 0'), learner.describe());
	t.true(learner.scrollback().includes('Nothing forced that the drill did not ask for, and nothing lost.'), learner.describe());
	t.true(learner.scrollback().includes('A clean run without hints: this drill is due tomorrow'), learner.describe());

	const saved = JSON.parse(readFileSync(progressFile, 'utf8')) as {drills: Record<string, number>; drillRuns: Record<string, DrillRun[]>};
	t.deepEqual(saved.drills, {'pull-first': 1});
	t.like(saved.drillRuns['pull-first']?.[0], {seed, score: 100, hints: 0, forced: false, lost: false, challenge: false, commands: solution.length});

	// Keys reach the complete screen once its typed line shows (earlier ones were typed ahead, and are dropped).
	await learner.waitFor(typedHint, 15_000, 'screen');
	await learner.enter('menu');
	await learner.waitFor('↑ ↓ choose', 10_000, 'screen');
	const row = learner.screen().split('\n').find(line => line.includes('pull-first') && line.includes('↻'));
	t.truthy(row, learner.describe());
	t.true(row!.includes('✓') && row!.includes('due tomorrow · last 100 · best 100'), row);
	await learner.settle();
	await learner.enter('quit');
	t.is(await learner.exited(), 0);
});

test.serial('--practice alone plays the drill most due; a challenge gives no hints', async t => {
	t.timeout(60_000);
	const folder = tempFolder(t);
	const progressFile = path.join(folder, 'progress.json');
	// Every drill played yesterday but conflict, played long ago: conflict is the most due.
	const yesterday = new Date(Date.now() - 86_400_000).toISOString();
	const run = (at: string): DrillRun => ({at, seed: 1, score: 100, commands: 3, reference: 3, hints: 0, forced: false, lost: false, twice: false, seconds: 60, challenge: false});
	const drillRuns = Object.fromEntries(drillCatalog.map(drill => [drill.name, [run(drill.name === 'conflict' ? '2026-01-05T10:00:00.000Z' : yesterday)]]));
	writeFileSync(progressFile, JSON.stringify({version: 1, completed: {}, drills: {}, drillRuns}));
	const learner = startTutor({args: ['--practice', '--challenge'], env: {GIT_PUSH_TUTOR_PROGRESS: progressFile}});
	t.teardown(async () => learner.kill());
	await learner.waitFor('Practice · conflict · seed', firstScreenMs);
	await learner.waitFor('The conflict drill is the one most due. A challenge: no hints.', firstScreenMs);
	t.regex(learner.scrollback().replaceAll('\n', ' '), /Replay this very drill with: git-push-tutor --practice conflict --seed \d+ --challenge/);
	await learner.enter('hint');
	await learner.waitFor('No hints in a challenge', 10_000);
	t.false(learner.scrollback().includes('Hint 1 of'), learner.describe());
	await learner.enter('quit');
	t.is(await learner.exited(), 0);
});
