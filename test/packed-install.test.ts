// What a classroom gets from `npx git-push-tutor`: the packed tarball, installed into an empty
// prefix with no network, runs on its own: no dependencies to fetch, lessons found from there.
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {execa} from 'execa';
import {shippedLessons} from './helpers/lessons.ts';
import {startTutor} from './helpers/pty.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string; dependencies?: Record<string, string>};
const scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'gpt-pack-')));
const prefix = path.join(scratch, 'prefix');
const installed = path.join(prefix, 'lib', 'node_modules', 'git-push-tutor');
const npmQuiet = ['--no-audit', '--no-fund', '--loglevel=error'];
let tarball = '';

test.before(async () => {
	// dist/ is built by npm test before ava runs; packing it again is not needed.
	const packed = await execa('npm', ['pack', '--ignore-scripts', '--pack-destination', scratch, ...npmQuiet], {cwd: root});
	tarball = path.join(scratch, packed.stdout.trim().split('\n').at(-1)!);
	await execa('npm', ['install', '--global', '--prefix', prefix, '--offline', '--ignore-scripts', ...npmQuiet, tarball], {cwd: scratch});
});

test.after.always(() => {
	rmSync(scratch, {recursive: true, force: true});
});

test('the package declares no runtime dependencies and stays small', t => {
	t.deepEqual(manifest.dependencies ?? {}, {}, 'everything the tutor runs is bundled into dist/cli.js');
	const size = readFileSync(tarball).length;
	t.true(size < 400 * 1024, `packed size ${Math.round(size / 1024)} KB`);
});

test('the installed package holds the bundle, the lessons and the assets, and nothing to install', t => {
	t.true(existsSync(path.join(installed, 'dist', 'cli.js')));
	t.is(readdirSync(path.join(installed, 'lessons')).filter(name => name.endsWith('.json')).length, readdirSync(path.join(root, 'lessons')).filter(name => name.endsWith('.json')).length);
	t.true(readdirSync(path.join(installed, 'assets')).length > 0);
	t.false(existsSync(path.join(installed, 'node_modules')), 'no dependencies were installed');
});

test('the installed command answers --version and --list from wherever npm put it', async t => {
	const bin = path.join(prefix, 'bin', 'git-push-tutor');
	const version = await execa(bin, ['--version'], {cwd: scratch});
	t.is(version.stdout.trim(), manifest.version);
	const list = await execa(bin, ['--list'], {cwd: scratch});
	t.deepEqual(list.stdout.trim().split('\n').map(line => line.split('\t')[0]), shippedLessons().map(lesson => lesson.id));
});

test('an instructor finds the example pack and the guide from --help, copies the pack, and the copy verifies and lists', async t => {
	const bin = path.join(prefix, 'bin', 'git-push-tutor');
	const help = (await execa(bin, ['--help'], {cwd: scratch})).stdout;
	const [example, guide] = [/^\s+(\S*example-pack)$/m.exec(help)?.[1], /^\s+(\S*lesson-guide\.md)$/m.exec(help)?.[1]];
	t.is(example, path.join(installed, 'assets', 'example-pack'), help);
	t.is(guide, path.join(installed, 'assets', 'lesson-guide.md'), help);
	t.true(existsSync(guide!));
	const copy = path.join(scratch, 'my-pack');
	cpSync(example!, copy, {recursive: true});
	t.true(existsSync(path.join(copy, 'schema', 'lesson.schema.json')), 'the copy carries the schema its lessons name');
	// On master: verify.test.ts verifies the example pack on main.
	const verified = await execa(bin, ['verify', copy, '--branch', 'master'], {cwd: scratch, reject: false});
	t.is(verified.exitCode, 0, verified.stdout + verified.stderr);
	const list = await execa(bin, ['--lessons', copy, '--list'], {cwd: scratch});
	t.deepEqual(list.stdout.split('\n').filter(line => line.includes('\t')).map(line => line.split('\t')[0]), ['feature-branch', 'review-fix', 'update-branch'], list.stdout);
});

test.serial('the installed tutor plays a lesson end to end and quits clean', async t => {
	t.timeout(60_000);
	const work = path.join(scratch, 'work');
	const learner = startTutor({cli: path.join(installed, 'dist', 'cli.js'), args: ['--lesson', 'remote', '--workdir', work]});
	t.teardown(async () => learner.kill());
	await learner.waitFor('Step 1 of 3', 20_000);
	for (const line of ['git push', 'git remote add origin https://github.com/learner/shipment.git', 'git remote -v']) {
		await learner.type(line);
		await learner.press('enter');
		await learner.settle();
	}

	// The typed line shows once the screen takes keys.
	await learner.waitFor('type a word, then Enter', 15_000);
	await learner.enter('q');
	t.is(await learner.exited(), 0);
	t.deepEqual(readdirSync(work).filter(name => name.startsWith('git-push-tutor-')), [], 'the sandbox is gone');
});
