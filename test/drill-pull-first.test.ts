// The pull-first drill, played along other paths than the reference solution: rebasing where a
// merge is the reference, fetching then merging, a pull stopped by unsealed work, and a merge box
// where the team wants a straight history.
import test from 'ava';
import type {Lesson} from '../source/lessons/lesson-types.ts';
import {generateDrill} from '../source/practice/practice-lesson.ts';
import type {LessonSession} from '../source/tutor/lesson-session.ts';
import {sessionAtStep, sessionOptions} from './helpers/lessons.ts';
import {seedOf} from './helpers/drills.ts';


const lessonOf = (shape: string): Lesson => generateDrill('pull-first', seedOf('pull-first', `${shape},`)).lesson;

async function played(shape: string, branch: string, work: (session: LessonSession) => Promise<void>): Promise<void> {
	const session = await sessionAtStep(lessonOf(shape), 0, sessionOptions([], branch));
	try {
		await work(session);
	} finally {
		await session.dispose();
	}
}

test.serial('pull-first, other files: fetching, then merging origin/{branch}, then pushing completes it', async t => {
	await played('other files', 'master', async session => {
		await session.run('git fetch');
		t.true((session.nudge() ?? '').includes('not in your master yet'), session.nudge());
		t.is(session.hints().at(-1), 'Type: git merge origin/master');
		await session.run('git merge origin/master');
		t.is(session.step, 1);
		await session.run('git push');
		t.true(session.complete);
	});
});

test.serial('pull-first, same file: a rebase combines both changes to the file too', async t => {
	await played('same file', 'main', async session => {
		await session.run('git pull --rebase');
		t.is(session.step, 1);
		await session.run('git push');
		t.true(session.complete);
	});
});

test.serial('pull-first, unsealed desk: the pull stops for the unsealed change; the nudge says to set it aside; --autostash does it in one go', async t => {
	await played('unsealed desk', 'main', async session => {
		for (const line of ['git pull --no-rebase', 'git pull --rebase']) {
			const report = await session.run(line);
			t.is(session.step, 0, line);
			const nudge = report.outcome?.kind === 'stay' ? report.outcome.nudge ?? '' : '';
			t.true(nudge.includes('Set it aside first'), `${line}: ${nudge}`);
			t.is(session.hints().at(-1), 'Type: git stash');
		}

		await session.run('git pull --rebase --autostash');
		t.is(session.step, 1);
		await session.run('git push');
		t.true(session.complete);
	});
});

test.serial('pull-first, unsealed desk: a push with the change still stashed asks for it back; sealing it is not the goal', async t => {
	await played('unsealed desk', 'master', async session => {
		await session.run('git stash');
		await session.run('git pull --no-rebase');
		t.is(session.step, 1);
		await session.run('git push');
		t.is(session.step, 1);
		t.true((session.nudge() ?? '').includes('still put aside'), session.nudge());
		await session.run('git stash pop');
		t.true(session.complete);
	});
	await played('unsealed desk', 'main', async session => {
		await session.run('git commit -am "Save my work"');
		await session.run('git pull --no-rebase');
		t.is(session.step, 0);
		t.true((session.nudge() ?? '').includes('meant to stay unsealed'), session.nudge());
	});
});

test.serial('pull-first, straight history: a merge box is named and does not pass; a rebase does', async t => {
	await played('straight history', 'main', async session => {
		await session.run('git pull --no-rebase');
		t.is(session.step, 0);
		t.true((session.nudge() ?? '').includes('merge box'), session.nudge());
		t.is(session.hints().at(-1), 'Type: reset step');
	});
	await played('straight history', 'master', async session => {
		await session.run('git fetch');
		await session.run('git rebase origin/master');
		t.is(session.step, 1);
		await session.run('git push');
		t.true(session.complete);
	});
});
