// The example pack in assets/example-pack is what an instructor copies first, so it must be a
// pack that works: it loads without problems and has what the guide tells an author to write.
// That it holds through real git is verify's to say (test/verify.test.ts).
import nodeFs from 'node:fs';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {loadPack} from '../source/lessons/load-pack.ts';
import {shippedLessons} from './helpers/lessons.ts';

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

// The reference solutions, doing nothing and the wrong moves, on main and master, are verify's to
// play: test/verify.test.ts verifies the example pack with the command an instructor runs.
