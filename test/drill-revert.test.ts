// The revert drill along the roads a learner takes: the last hint's command (box ids filled from
// the repository) for every shape, undoing the wrong box and recovering from it, recalling two
// boxes one at a time, and a forced push of the recall. practice.test.ts plays the solutions.
import test from 'ava';
import {generateDrill} from '../source/practice/practice-lesson.ts';
import {revertShapes} from '../source/practice/drill-revert.ts';
import {LessonSession} from '../source/tutor/lesson-session.ts';
import {sessionOptions} from './helpers/lessons.ts';
import {seedOf} from './helpers/drills.ts';


async function play(seed: number, work: (session: LessonSession) => Promise<void>) {
	const session = await LessonSession.start(generateDrill('revert', seed).lesson, sessionOptions([]));
	try {
		await work(session);
	} finally {
		await session.dispose();
	}
}

const nudgeOf = async (session: LessonSession, line: string) => {
	const report = await session.run(line);
	return report.outcome?.kind === 'stay' ? report.outcome.nudge ?? '' : '';
};

const typed = (session: LessonSession) => (session.hints().at(-1) ?? '').replace(/^Type: /, '');

for (const shape of revertShapes) {
	test.serial(`${shape}: the last hint recalls the broken box by its id; a forced push of the recall is nudged to a plain one`, async t => {
		await play(seedOf('revert', shape), async session => {
			const line = typed(session);
			t.regex(line, /^git revert [\da-f]{7}( [\da-f]{7})?$/);
			await session.run(line);
			t.is(session.step, 1, line);
			t.regex(await nudgeOf(session, 'git push --force'), /That push forced/);
			t.false(session.complete);
			t.is(typed(session), 'git push');
			await session.run('git push');
			t.true(session.complete);
		});
	});
}

test.serial('further down: undoing the newest box instead is named, and undoing that undo leads on', async t => {
	await play(seedOf('revert', 'further down'), async session => {
		const right = typed(session);
		t.regex(await nudgeOf(session, 'git revert HEAD'), /which was fine/);
		t.is(typed(session), 'git revert HEAD');
		await session.run('git revert HEAD');
		t.is(session.step, 0);
		await session.run(right);
		t.is(session.step, 1);
	});
});

test.serial('two boxes: one recall at a time; after the first the nudge names the other', async t => {
	await play(seedOf('revert', 'two boxes'), async session => {
		const [newer, older] = typed(session).split(' ').slice(2);
		const nudge = await nudgeOf(session, `git revert ${newer!}`);
		t.regex(nudge, /still says/);
		t.is(typed(session), `git revert ${older!}`);
		await session.run(`git revert ${older!}`);
		t.is(session.step, 1);
	});
});

test.serial('newest box: taking it back and forcing is a loss, never a pass', async t => {
	await play(seedOf('revert', 'newest box'), async session => {
		await session.run('git reset --hard HEAD~1');
		t.regex(session.nudge() ?? '', /reset step/);
		const report = await session.run('git push --force');
		t.is(session.step, 0);
		t.true(report.outcome?.kind === 'stay' && report.outcome.loss === true);
	});
});

test.serial('Sam\'s box: a revert that packs without sealing, sealed with a Revert label, passes', async t => {
	await play(seedOf('revert', 'Sam\'s box', text => text.includes('0 above')), async session => {
		await session.run('git revert --no-commit HEAD');
		t.is(session.step, 0);
		t.regex(session.nudge() ?? '', /not sealed yet|unsealed/);
		await session.run('git commit -m "Revert the broken rule"');
		t.is(session.step, 1);
	});
});
