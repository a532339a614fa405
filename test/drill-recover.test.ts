// The recover drill, shape by shape through real git: each wrong move played as the session fills
// it (with the branch and the git at hand), the reference solution leaves every box once in
// history, the merge way of the rebase shapes leaves a box twice, and acting as Sam with lines that
// begin with sam (only in the drill that allows it).
import test from 'ava';
import {generateDrill, practiceLesson} from '../source/practice/practice-lesson.ts';
import {recoverShapes} from '../source/practice/drill-recover.ts';
import {runGit} from '../source/git/git-runner.ts';
import {LessonSession} from '../source/tutor/lesson-session.ts';
import {sessionAtStep, sessionOptions} from './helpers/lessons.ts';
import {limiter} from './helpers/drills.ts';

/** The first seed of each shape. */
const seedOf = new Map<string, number>();
for (let seed = 0; seed < 200 && seedOf.size < recoverShapes.length; seed++) {
	const shape = generateDrill('recover', seed).variant.split(',')[0]!;
	if (!seedOf.has(shape)) {
		seedOf.set(shape, seed);
	}
}


const inSandbox = limiter(3);

/** Subjects that occur more than once in the history of HEAD (merge boxes aside: their subjects repeat by nature). */
async function twice(session: LessonSession): Promise<string[]> {
	const log = await runGit(['log', '--format=%s'], {cwd: session.sandbox.repo, env: session.sandbox.env});
	const subjects = log.stdout.split('\n').filter(subject => subject !== '' && !subject.startsWith('Merge '));
	return [...new Set(subjects.filter((subject, index) => subjects.indexOf(subject) !== index))];
}

test('every recover shape has a seed below 200', t => {
	t.deepEqual([...seedOf.keys()].sort(), [...recoverShapes].sort());
});

for (const [shape, seed] of seedOf) {
	for (const branch of ['main', 'master']) {
		test(`recover ${shape} (seed ${seed}, ${branch}): the reference solution completes the drill with every box once in history`, async t => inSandbox(async () => {
			const session = await LessonSession.start(practiceLesson('recover', seed), sessionOptions([], branch));
			try {
				for (const step of session.lesson.steps) {
					for (const line of step.solution) {
						// eslint-disable-next-line no-await-in-loop
						const report = await session.run(line);
						t.not(report.result.kind, 'refused', line);
					}
				}

				t.true(session.complete);
				t.deepEqual(await twice(session), []);
			} finally {
				await session.dispose();
			}
		}));
	}
	// Every wrong move of every shape is played by verify's player in test/practice.test.ts.
}

test('rebased copies: merging the old position leaves a box twice in history and does not pass; the cherry-pick leaves each once', async t => inSandbox(async () => {
	const seed = seedOf.get('rebased copies')!;
	const lesson = practiceLesson('recover', seed);
	const merged = await sessionAtStep(lesson, 1, sessionOptions([]));
	try {
		await merged.run('git merge origin/main@{1}');
		await merged.run('git merge origin/main');
		t.not(await twice(merged), []);
		t.is(merged.step, 1);
		t.regex(merged.nudge() ?? '', /merge box/);
		t.true(merged.hints().at(-1)!.includes('reset step'));
	} finally {
		await merged.dispose();
	}

	const picked = await sessionAtStep(lesson, 1, sessionOptions([]));
	try {
		for (const line of picked.lesson.steps[1]!.solution) {
			// eslint-disable-next-line no-await-in-loop
			await picked.run(line);
		}

		t.is(picked.step, 2);
		t.deepEqual(await twice(picked), []);
		t.true(picked.lesson.steps[1]!.hints.at(-1)!.includes('git cherry-pick'));
	} finally {
		await picked.dispose();
	}
}));

test('several apart: a merge leaves boxes twice and does not pass; the rebase onto the warehouse leaves each once', async t => inSandbox(async () => {
	const lesson = practiceLesson('recover', seedOf.get('several apart')!);
	const session = await sessionAtStep(lesson, 1, sessionOptions([]));
	try {
		await session.run('git merge origin/main');
		t.not(await twice(session), []);
		t.is(session.step, 1);
	} finally {
		await session.dispose();
	}
}));

test('acting as Sam: a sam line runs in Sam\'s clone as Sam, through the same allow-list', async t => inSandbox(async () => {
	const lesson = practiceLesson('recover', seedOf.get('only in Sam\'s clone')!);
	t.true(lesson.samAtHand);
	const session = await LessonSession.start(lesson, sessionOptions([]));
	try {
		const mine = await session.run('git log --oneline');
		const his = await session.run('sam git log --oneline');
		t.is(his.result.kind, 'git');
		// The learner's newest box is not in Sam's clone, and Sam's reflog remembers the lost box.
		const newest = mine.output.split('\n')[0]!.slice(8);
		t.true(mine.output.includes(newest));
		t.false(his.output.includes(newest), his.output);
		const reflog = await session.run('sam git reflog');
		const lostLabel = /Sam shipped "([^"]+)"/.exec(lesson.intro)![1]!;
		t.true(reflog.output.includes(lostLabel), reflog.output);
		t.false(reflog.output.includes(session.sandbox.root), 'paths are masked');
		// A Sam line is not the learner's last command: no `ran` check sees it.
		t.is(session.step, 0);

		// Refused for Sam exactly as for the learner, and nothing ran.
		for (const line of ['sam git rebase --interactive HEAD~1', 'sam git push --mirror', 'sam vim notes.txt', 'sam', 'sam hint']) {
			// eslint-disable-next-line no-await-in-loop
			const report = await session.run(line);
			t.is(report.result.kind, 'refused', line);
		}

		// The file helpers work in his folder too, and the word may be capitalised.
		const ls = await session.run('Sam ls');
		t.is(ls.result.kind, 'helper');
	} finally {
		await session.dispose();
	}
}));

test('in a lesson that does not allow it, sam runs nothing in Sam\'s clone', async t => inSandbox(async () => {
	const lesson = practiceLesson('recover', seedOf.get('on your branch')!);
	t.false(lesson.samAtHand);
	const session = await LessonSession.start(lesson, sessionOptions([]));
	try {
		const head = async (repo: string, env: Record<string, string>) => (await runGit(['rev-parse', 'HEAD'], {cwd: repo, env})).stdout.trim();
		const samBefore = await head(session.sandbox.sam, session.sandbox.samEnv);
		const mineBefore = await head(session.sandbox.repo, session.sandbox.env);
		const report = await session.run('sam git commit --allow-empty -m "Sneaky"');
		t.is(report.result.kind, 'refused');
		t.regex(report.result.kind === 'refused' ? report.result.message : '', /only in a drill or lesson that says so/);
		t.is(await head(session.sandbox.sam, session.sandbox.samEnv), samBefore);
		t.is(await head(session.sandbox.repo, session.sandbox.env), mineBefore);
	} finally {
		await session.dispose();
	}
}));
