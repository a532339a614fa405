// End to end, as a class plays an instructor's pack: --lessons DIR shows that pack's menu, plays
// its first lesson to "Lesson complete" in a pseudo-terminal, and the built-in menu, with the same
// progress file, does not count it. Also --list of a pack and the folders that are no pack.
import nodeFs, {mkdirSync, readFileSync, realpathSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {execa} from 'execa';
import {fillLesson} from '../source/lessons/fill-lesson.ts';
import {loadPack} from '../source/lessons/load-pack.ts';
import {typedHint} from '../source/ui/complete-screen.tsx';
import {gitVersion} from './helpers/git-version.ts';
import {shippedLessons} from './helpers/lessons.ts';
import {cliPath, startTutor, tempFolder} from './helpers/pty.ts';

const examplePack = fileURLToPath(new URL('../assets/example-pack', import.meta.url));
const pack = loadPack(examplePack, nodeFs);
const firstScreenMs = 20_000;

async function runPiped(args: readonly string[], progressFile: string) {
	return execa(process.execPath, [cliPath, ...args], {
		reject: false,
		stdin: 'ignore',
		env: {PATH: process.env['PATH'] ?? '', CI: 'false', HOME: tmpdir(), GIT_PUSH_TUTOR_PROGRESS: progressFile},
		extendEnv: false,
	});
}

test('--lessons DIR --list lists the pack; a folder that is missing, a file or holds no lesson is exit 2', async t => {
	const folder = tempFolder(t, 'gpt-e2e-pack-');
	const progressFile = path.join(folder, 'progress.json');
	const list = await runPiped(['--lessons', examplePack, '--list'], progressFile);
	t.is(list.exitCode, 0, list.stderr);
	const [title, ...rows] = list.stdout.trim().split('\n');
	t.is(title, `${pack.name} (${examplePack})`);
	t.deepEqual(rows.map(row => row.split('\t')[0]), pack.lessons.map(lesson => lesson.id));

	const missing = await runPiped(['--lessons', path.join(folder, 'nowhere')], progressFile);
	t.is(missing.exitCode, 2);
	t.regex(missing.stderr, /no lesson could be loaded\.\nThere is no folder .*nowhere\./);

	const file = path.join(folder, 'a-file.json');
	writeFileSync(file, '{}');
	const notFolder = await runPiped(['--lessons', file, '--list'], progressFile);
	t.is(notFolder.exitCode, 2);
	t.true(notFolder.stderr.includes('is not a folder: a pack is a folder of lesson files.'), notFolder.stderr);

	const empty = path.join(folder, 'empty-pack');
	mkdirSync(empty);
	writeFileSync(path.join(empty, 'pack.json'), '{"name": "Empty"}');
	const none = await runPiped(['--lessons', empty], progressFile);
	t.is(none.exitCode, 2);
	t.true(none.stderr.startsWith(`--lessons ${empty}: no lesson could be loaded.`), none.stderr);

	const wrongLesson = await runPiped(['--lessons', examplePack, '--lesson', 'add'], progressFile);
	t.is(wrongLesson.exitCode, 2);
	t.true(wrongLesson.stderr.includes(`Run git-push-tutor --lessons ${examplePack} --list to see them`), wrongLesson.stderr);
	t.false(nodeFs.existsSync(progressFile), 'nothing was saved');
});

test.serial('--lessons plays the example pack\'s first lesson to Lesson complete; the built-in menu does not count it', async t => {
	t.timeout(120_000);
	const folder = tempFolder(t, 'gpt-e2e-pack-');
	const progressFile = path.join(folder, 'progress.json');
	const first = fillLesson(pack.lessons[0]!, {branch: pack.branch ?? 'main', url: '', gitVersion});

	const learner = startTutor({args: ['--lessons', examplePack, '--workdir', folder], env: {GIT_PUSH_TUTOR_PROGRESS: progressFile}});
	t.teardown(async () => learner.kill());
	await learner.waitFor(`git-push-tutor · ${pack.name} (0 of ${pack.lessons.length} done)`, firstScreenMs, 'screen');
	t.true(learner.screen().includes(first.title), learner.describe());
	await learner.press('enter');
	await learner.waitFor(`Step 1 of ${first.steps.length}`, firstScreenMs, 'screen');
	for (const [index, step] of first.steps.entries()) {
		for (const line of step.solution) {
			await learner.enter(line);
			await learner.settle();
		}

		if (index + 1 < first.steps.length) {
			await learner.waitFor(`Step ${index + 2} of ${first.steps.length}`, 15_000, 'screen');
		}
	}

	await learner.waitFor('Lesson complete', 15_000);
	await learner.waitFor(typedHint, 10_000, 'screen');
	await learner.enter('q');
	t.is(await learner.exited(), 0);

	type Saved = {completed: Record<string, unknown>; packs?: Record<string, {completed: Record<string, unknown>}>};
	const saved = JSON.parse(readFileSync(progressFile, 'utf8')) as Saved;
	t.deepEqual(Object.keys(saved.completed), [], 'the built-in lessons are untouched');
	t.deepEqual(Object.keys(saved.packs?.[realpathSync(examplePack)]?.completed ?? {}), [first.id]);

	const builtIn = shippedLessons();
	const again = startTutor({args: ['--workdir', folder], env: {GIT_PUSH_TUTOR_PROGRESS: progressFile}});
	t.teardown(async () => again.kill());
	await again.waitFor(`(0 of ${builtIn.length} done)`, firstScreenMs, 'screen');
	await again.settle();
	const menu = again.screen();
	t.false(menu.includes(pack.name), menu);
	t.false(menu.includes('✓'), `no lesson is marked done\n${menu}`);
	await again.enter('quit');
	t.is(await again.exited(), 0);

	// And back in the pack, its lesson is still done.
	const back = startTutor({args: ['--lessons', examplePack, '--workdir', folder], env: {GIT_PUSH_TUTOR_PROGRESS: progressFile}});
	t.teardown(async () => back.kill());
	await back.waitFor(`(1 of ${pack.lessons.length} done)`, firstScreenMs, 'screen');
	t.true(back.screen().split('\n').some(row => row.includes('✓') && row.includes(first.title)), back.describe());
	await back.enter('quit');
	t.is(await back.exited(), 0);
});
