// The force drill demands the lease: a plain --force, -f or +branch never completes the replace
// step, the nudge after it says what the lease checks and asks again after `reset step`, and the
// lease completes it. The shapes where Sam shipped meanwhile end with his box kept.
import test from 'ava';
import type {Lesson} from '../source/lessons/lesson-types.ts';
import {generateDrill} from '../source/practice/practice-lesson.ts';
import {forceShapes} from '../source/practice/drill-force.ts';
import type {LessonSession} from '../source/tutor/lesson-session.ts';
import {gitOlderThan} from './helpers/git-version.ts';
import {sessionAtStep, sessionOptions} from './helpers/lessons.ts';
import {seedOf} from './helpers/drills.ts';


const lessonOf = (shape: string): Lesson => generateDrill('force', seedOf('force', `${shape},`)).lesson;

async function played(lesson: Lesson, step: number, branch: string, work: (session: LessonSession) => Promise<void>): Promise<void> {
	const session = await sessionAtStep(lesson, step, sessionOptions([], branch));
	try {
		await work(session);
	} finally {
		await session.dispose();
	}
}

const ownShapes = ['relabel', 'forgotten file', 'combine two'] as const;

test('every shape of the force drill has a step that asks for the lease, or one where Sam\'s box is kept', t => {
	for (const shape of forceShapes) {
		const lesson = lessonOf(shape);
		const replace = lesson.steps.find(step => step.mayReplaceOwnBoxes);
		if ((ownShapes as readonly string[]).includes(shape)) {
			t.truthy(replace, shape);
			t.true(replace!.passWhen.some(check => check.check === 'forcedPush' && check.lease), shape);
			t.deepEqual(replace!.solution, ['git push --force-with-lease'], shape);
		} else {
			t.is(replace, undefined, `${shape}: no step lets the learner's own boxes go`);
		}

		// The second step is where the shipped box would be replaced: any plain force is a wrong move there.
		const moves = lesson.steps[1]!.wrongMoves.map(move => move.join(' ; '));
		t.true(moves.includes('git push --force') && moves.includes('git push origin +HEAD'), `${shape}: ${moves.join(' | ')}`);
	}
});

for (const shape of ownShapes) {
	for (const [index, force] of ['git push --force', 'git push -f', 'git push origin +{branch}'].entries()) {
		const branch = index === 1 ? 'main' : 'master';
		test.serial(`force, ${shape} (${branch}): "${force}" does not complete the replace step; the nudge says the lease and asks again after reset step`, async t => {
			const lesson = lessonOf(shape);
			await played(lesson, 1, branch, async session => {
				const report = await session.run(force.replace('{branch}', branch));
				t.is(report.result.kind, 'git');
				t.is(session.step, 1);
				t.false(session.complete);
				t.deepEqual(report.outcome && report.outcome.kind === 'stay' ? [report.outcome.loss ?? false] : [], [false], 'the learner\'s own box is let go: no loss');
				const nudge = report.outcome?.kind === 'stay' ? report.outcome.nudge ?? '' : '';
				t.true(nudge.includes('lease'), nudge);
				t.true(nudge.includes('reset step'), nudge);
				t.true(nudge.includes(`origin/${branch}`), nudge);
				t.regex(nudge, /thrown his box out of the warehouse/);
				t.is(session.hints().at(-1), 'Type: reset step');
				// Anything else typed next still does not pass, and still asks for the lease.
				await session.run('git status');
				t.is(session.step, 1);
				t.true((session.nudge() ?? '').includes('lease'), session.nudge());
			});
		});
	}

	test.serial(`force, ${shape}: the lease completes the drill, and a plain push does not`, async t => {
		const lesson = lessonOf(shape);
		await played(lesson, 1, 'main', async session => {
			await session.run('git push');
			t.is(session.step, 1);
			t.true((session.nudge() ?? '').includes('lease'), session.nudge());
			const report = await session.run('git push --force-with-lease');
			t.true(session.complete, JSON.stringify(report.outcome));
		});
	});
}

test.serial('force, relabel: --force-with-lease with --force-if-includes completes it too, on git 2.30 and later', async t => {
	if (gitOlderThan('2.30')) {
		t.pass('this git has no --force-if-includes');
		return;
	}

	await played(lessonOf('relabel'), 1, 'main', async session => {
		await session.run('git push --force-with-lease --force-if-includes');
		t.true(session.complete);
	});
});

test.serial('force, Sam ships meanwhile: the lease refuses, and bringing his box home completes the drill; a plain force loses his box', async t => {
	const lesson = lessonOf('Sam ships meanwhile');
	await played(lesson, 1, 'main', async session => {
		const forced = await session.run('git push --force');
		t.is(session.step, 1);
		t.true(forced.outcome?.kind === 'stay' && forced.outcome.loss === true, 'a plain force throws Sam\'s box away');
	});
	await played(lesson, 1, 'master', async session => {
		await session.run('git push --force-with-lease');
		t.is(session.step, 2);
		await session.run('git pull --no-rebase');
		t.is(session.step, 2);
		t.true((session.nudge() ?? '').includes('no force is needed'), session.nudge());
		await session.run('git push');
		t.true(session.complete);
	});
});

test.serial('force, Sam ships meanwhile: a learner who fetches first is told the lease would now throw his box away', async t => {
	await played(lessonOf('Sam ships meanwhile'), 1, 'main', async session => {
		await session.run('git fetch');
		const nudge = session.nudge() ?? '';
		t.true(nudge.includes('would throw it away'), nudge);
		// Keeping his box is the goal of the next step: it counts as done.
		await session.run('git pull --rebase');
		t.true(session.complete);
	});
});

test.serial('force, fetched meanwhile: a bare lease throws Sam\'s box away; --force-if-includes refuses where git has it; keeping his box completes', async t => {
	const lesson = lessonOf('fetched meanwhile');
	await played(lesson, 1, 'main', async session => {
		const leased = await session.run('git push --force-with-lease');
		t.true(leased.outcome?.kind === 'stay' && leased.outcome.loss === true, 'the lease alone did not protect the box after the fetch');
	});
	await played(lesson, 1, 'main', async session => {
		const report = await session.run('git push --force-with-lease --force-if-includes');
		t.is(session.step, 1);
		if (!gitOlderThan('2.30')) {
			t.true(report.outcome?.kind === 'stay' && (report.outcome.nudge ?? '').includes('Refused, and rightly'), JSON.stringify(report.outcome));
			t.is(session.hints().at(-1), 'Type: git pull --rebase');
		}

		await session.run('git pull --rebase');
		t.true(session.complete);
	});
});

// After a plain force the warehouse already matches: a lease push next changes nothing, so it
// replaced nothing, and only reset step and a real lease push complete the step.
test.serial('force, relabel: a plain force followed by a lease push that changes nothing does not complete the replace step', async t => {
	await played(lessonOf('relabel'), 1, 'main', async session => {
		await session.run('git push --force');
		await session.run('git push --force-with-lease');
		t.false(session.complete);
	});
});
