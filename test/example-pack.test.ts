// The example pack in assets/example-pack is what an instructor copies first, so it must be a
// pack that works: it loads without problems, and through real git each reference solution passes
// every step while doing nothing and each wrong move does not (as lesson-solutions.test.ts plays
// the built-in lessons), on main and on master.
import nodeFs from 'node:fs';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {loadPack} from '../source/lessons/load-pack.ts';
import {LessonSession} from '../source/tutor/lesson-session.ts';
import {gitOlderThan, neededGit} from './helpers/git-version.ts';
import {sessionAtStep, sessionOptions, shippedLessons} from './helpers/lessons.ts';

const packDirectory = fileURLToPath(new URL('../assets/example-pack', import.meta.url));

const pack = loadPack(packDirectory, nodeFs);
const {lessons, problems} = pack;

test('the example pack loads with no problems, in the order its manifest gives', t => {
	t.deepEqual(problems, []);
	const manifest = JSON.parse(nodeFs.readFileSync(`${packDirectory}/pack.json`, 'utf8')) as {name: string; lessons: string[]; drills: Record<string, string>; branch: string};
	t.deepEqual(lessons.map(lesson => lesson.id), manifest.lessons);
	t.is(pack.name, manifest.name);
	t.is(pack.branch, manifest.branch);
	t.deepEqual(pack.drills.map(({drill, lesson}) => [drill, lesson]), Object.entries(manifest.drills));
});

test('the example pack\'s lesson ids do not clash with the built-in ones', t => {
	const builtIn = new Set(shippedLessons().map(lesson => lesson.id));
	t.deepEqual(lessons.filter(lesson => builtIn.has(lesson.id)).map(lesson => lesson.id), []);
});

test('every example lesson has what an instructor is told to write', t => {
	for (const lesson of lessons) {
		t.true(lesson.intro.length > 0 && lesson.summary.length > 0, lesson.id);
		for (const step of lesson.steps) {
			const where = `${lesson.id} > ${step.id}`;
			t.true(step.nudges.length > 0, `${where}: nudges`);
			t.true(step.wrongMoves.length > 0, `${where}: wrong moves`);
			t.regex(step.hints.at(-1) ?? '', /^Type: /, `${where}: the last hint is the command`);
			t.not(step.success, 'Done.', `${where}: success`);
		}
	}
});

for (const branch of ['main', 'master']) {
	for (const lesson of lessons) {
		test(`${lesson.id} (${branch}): the reference solution passes every step, one step at a time`, async t => {
			const session = await LessonSession.start(lesson, sessionOptions(lessons, branch));
			try {
				for (const [index, step] of session.lesson.steps.entries()) {
					t.is(session.step, index, `before step ${step.id}`);
					for (const line of step.solution) {
						const report = await session.run(line);
						t.not(report.result.kind, 'refused', `"${line}" was refused`);
					}

					t.is(session.step, index + 1, `step ${step.id} did not pass with: ${step.solution.join(' ; ')}`);
				}

				t.true(session.complete);
			} finally {
				await session.dispose();
			}
		});

		for (const [index, step] of lesson.steps.entries()) {
			test(`${lesson.id} (${branch}) step ${index + 1} (${step.id}): doing nothing does not pass`, async t => {
				const session = await sessionAtStep(lesson, index, sessionOptions(lessons, branch));
				try {
					await session.run('pwd');
					await session.run('ls');
					t.is(session.step, index);
				} finally {
					await session.dispose();
				}
			});

			for (const [moveIndex, move] of step.wrongMoves.entries()) {
				const needs = neededGit(move);
				const maybe = needs !== undefined && gitOlderThan(needs) ? test.skip : test;
				maybe(`${lesson.id} (${branch}) step ${index + 1} (${step.id}): wrong move "${move.join(' ; ')}" does not pass`, async t => {
					const session = await sessionAtStep(lesson, index, sessionOptions(lessons, branch));
					try {
						// The session's copy has {branch} and {url} filled in.
						for (const line of session.lesson.steps[index]!.wrongMoves[moveIndex]!) {
							await session.run(line);
						}

						t.is(session.step, index);
					} finally {
						await session.dispose();
					}
				});
			}
		}
	}
}
