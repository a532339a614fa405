// The conflict drill: nudges state the file to write, never the commands; the way on follows the
// operation git is in the middle of (a learner who rebased is never told to seal a merge), and
// settling by rebase, with a box left empty skipped, completes every shape.
import test from 'ava';
import type {Lesson} from '../source/lessons/lesson-types.ts';
import {generateDrill, practiceLesson} from '../source/practice/practice-lesson.ts';
import {conflictShapes} from '../source/practice/drill-conflict.ts';
import type {LessonSession} from '../source/tutor/lesson-session.ts';
import {sessionAtStep, sessionOptions} from './helpers/lessons.ts';
import {seedOf} from './helpers/drills.ts';


const lessonOf = (shape: string): Lesson => generateDrill('conflict', seedOf('conflict', `${shape},`)).lesson;

async function played(lesson: Lesson, branch: string, work: (session: LessonSession) => Promise<void>): Promise<void> {
	const session = await sessionAtStep(lesson, 0, sessionOptions([], branch));
	try {
		await work(session);
	} finally {
		await session.dispose();
	}
}

/** The lines of the resolve step's reference solution that write the agreed file. */
const rewriteOf = (lesson: Lesson) => lesson.steps[1]!.solution.filter(line => line.startsWith('echo '));

test('no nudge of the conflict drill gives the file\'s lines away as commands', t => {
	for (let seed = 0; seed < 100; seed++) {
		const lesson = practiceLesson('conflict', seed);
		for (const step of lesson.steps) {
			for (const nudge of step.nudges) {
				t.false(/\becho\b|>>? \S+\.txt/.test(nudge.say), `seed ${seed} ${step.id}: ${nudge.say}`);
			}
		}
	}
});

for (const [index, shape] of conflictShapes.filter(shape => shape !== 'during a rebase').entries()) {
	const branch = index % 2 === 0 ? 'main' : 'master';
	test.serial(`conflict, ${shape} (${branch}): settled by rebase instead of merge, every nudge and hint speaks of the rebase, and the drill completes`, async t => {
		const lesson = lessonOf(shape);
		await played(lesson, branch, async session => {
			await session.run('git pull --rebase');
			t.is(session.step, 1);
			t.is(session.state.operation, 'rebase');
			const said = () => [session.nudge() ?? '', ...session.hints()].join('\n');
			t.false(/merge/i.test(said()), said());
			t.regex(session.hints().at(-1)!, /git rebase --continue$/);
			for (const line of rewriteOf(lesson)) {
				await session.run(line);
			}

			const file = lesson.steps[1]!.solution.find(line => line.startsWith('git add '))!;
			await session.run(file);
			t.false(/merge/i.test(said()), said());
			t.is(session.hints().at(-1), 'Type: git rebase --continue');
			await session.run('git rebase --continue');
			if (session.state.operation === 'rebase') {
				// Keeping only Sam's line leaves the replayed box empty: older git stops and asks to skip it.
				t.is(shape, 'keep Sam\'s');
				t.true((session.nudge() ?? '').includes('skip it'), session.nudge());
				await session.run('git rebase --skip');
			}

			t.is(session.state.operation, undefined);
			t.is(session.step, 2, session.nudge());
			await session.run('git push');
			t.true(session.complete);
		});
	});
}

test.serial('conflict, keep yours: a merge sealed with the conflict lines in is named, and the hint then seals a settled copy', async t => {
	const lesson = lessonOf('keep yours');
	await played(lesson, 'main', async session => {
		await session.run('git pull --no-rebase');
		t.is(session.step, 1);
		t.is(session.hints().at(-1)!.split('   then: ').at(-1), 'git commit --no-edit');
		const file = lesson.steps[1]!.solution.find(line => line.startsWith('git add '))!;
		await session.run(file);
		await session.run('git commit --no-edit');
		t.is(session.step, 1);
		t.true((session.nudge() ?? '').includes('<<<<<<< lines sealed'), session.nudge());
		const hint = session.hints().at(-1)!;
		t.regex(hint, /git commit -m "Settle /);
		for (const line of hint.replace(/^Type: /, '').split('   then: ')) {
			await session.run(line);
		}

		t.is(session.step, 2);
	});
});

test.serial('conflict, during a rebase: a merge is named and does not pass; giving it up and rebasing does', async t => {
	const lesson = lessonOf('during a rebase');
	await played(lesson, 'master', async session => {
		await session.run('git pull --no-rebase');
		t.is(session.step, 0);
		t.true((session.nudge() ?? '').includes('Give up this merge'), session.nudge());
		t.is(session.hints().at(-1), 'Type: git merge --abort');
		await session.run('git merge --abort');
		await session.run('git pull --rebase');
		t.is(session.step, 1);
		const said = [session.nudge() ?? '', ...session.hints()].join('\n');
		t.true(said.includes('Sam\'s (the boxes you are replaying onto)'), said);
	});
});
