// End to end: the built CLI played as a learner in a pseudo-terminal. Needs dist/cli.js (npm test builds it).
import {execFileSync, spawn} from 'node:child_process';
import {appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import type {Lesson} from '../source/lessons/lesson-types.ts';
import {gitOlderThan} from './helpers/git-version.ts';
import {shippedLessons} from './helpers/lessons.ts';
import {typedHint} from '../source/ui/complete-screen.tsx';
import {cliPath, count, startTutor, tempFolder, type PtyOptions, type TutorPty} from './helpers/pty.ts';

/** A fresh folder for --workdir, so the test can see exactly which sandboxes this run left. */
const workdir = (t: ExecutionContext) => tempFolder(t);

const root = fileURLToPath(new URL('..', import.meta.url));
const prompt = '~/shipment (main) $';
const onlineUrl = 'https://github.com/learner/shipment.git';
// Lesson setups run real git; on a busy two-core machine the first screen can take a while.
const firstScreenMs = 20_000;

// The built-in pack as the CLI loads it (pack.json is its manifest, not a lesson).
const lessons: Lesson[] = shippedLessons();

function lesson(id: string): Lesson {
	const found = lessons.find(candidate => candidate.id === id);
	if (!found) {
		throw new Error(`No lesson ${id}`);
	}

	return found;
}

/** A tutor that is killed, with its temp folders removed, when the test ends. */
function tutor(t: ExecutionContext, options: PtyOptions): TutorPty {
	const started = startTutor(options);
	t.teardown(async () => started.kill());
	return started;
}

function sandboxesIn(directory: string): string[] {
	return readdirSync(directory).filter(name => name.startsWith('git-push-tutor-'));
}

type Finished = {code: number | null; stdout: string; stderr: string};

/** Runs the CLI with plain pipes: no terminal anywhere. */
async function runPiped(args: readonly string[]): Promise<Finished> {
	const child = spawn(process.execPath, [cliPath, ...args], {
		stdio: ['pipe', 'pipe', 'pipe'],
		env: {PATH: process.env['PATH'] ?? '', CI: 'false', TERM: 'xterm-256color', HOME: tmpdir(), GIT_PUSH_TUTOR_PROGRESS: path.join(tmpdir(), 'gpt-e2e-unused.json')},
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	child.stdin.end();
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', resolve);
	});
	return {code, stdout, stderr};
}

test.serial('lesson remote: push fails, a wrong URL is nudged, set-url fixes it, progress is saved', async t => {
	t.timeout(60_000);
	const work = workdir(t);
	const learner = tutor(t, {args: ['--lesson', 'remote', '--workdir', work]});

	await learner.waitFor('Step 1 of 3', firstScreenMs);
	t.is(sandboxesIn(work).length, 1, 'the lesson runs in a sandbox inside --workdir');
	t.false(learner.output().includes('↑ ↓ choose'), 'with --lesson the menu does not flash first');

	await learner.enter('git push');
	await learner.waitFor('Step 2 of 3', 15_000);
	const afterPush = learner.scrollback();
	t.true(afterPush.includes('No configured push destination'), 'git\'s own message is shown');
	t.true(afterPush.includes('↳ The truck has no address'), 'the tutor explains it in the analogy');

	await learner.enter('git remote add origin https://github.com/learner/shipmnet.git');
	await learner.waitFor('→ origin points somewhere', 15_000);
	// The nudge is printed before the live area is redrawn: let the frame finish before reading it.
	await learner.settle();
	t.true(learner.scrollback().includes('set-url'), 'the nudge names the way out');
	t.true(learner.screen().includes('Step 2 of 3'), `a wrong URL does not pass the step\n${learner.describe()}`);

	await learner.enter(`git remote set-url origin ${onlineUrl}`);
	await learner.waitFor('Step 3 of 3', 15_000);
	await learner.enter('git remote -v');
	await learner.waitFor('Lesson complete', 15_000);

	const shown = [learner.screen(), learner.scrollback(), learner.output()];
	const hidden = ['git-push-tutor-', tmpdir(), realpathSync(tmpdir()), work];
	for (const text of shown) {
		for (const secret of hidden) {
			t.false(text.includes(secret), `${JSON.stringify(secret)} must never reach the screen.\n${learner.describe()}`);
		}
	}

	t.true(learner.scrollback().includes(onlineUrl), 'git remote -v shows the online repository\'s URL');

	// Letters act on Enter here, so a word is never cut short by its first letter.
	await learner.waitFor(typedHint, 10_000, 'screen');
	await learner.enter('q');
	t.is(await learner.exited(), 0);
	const progress = JSON.parse(readFileSync(learner.progressFile, 'utf8')) as {completed: Record<string, unknown>};
	t.true(Object.hasOwn(progress.completed, 'remote'), 'the progress file lists the lesson as completed');
	t.deepEqual(sandboxesIn(work), [], 'the sandbox is removed on quit');
});

test.serial('menu: lists the lessons, a number opens one, "menu" comes back, q quits', async t => {
	t.timeout(30_000);
	const work = workdir(t);
	// Tall enough for every lesson and part heading at once; a shorter window scrolls the menu.
	const learner = tutor(t, {args: ['--workdir', work], rows: 40});

	await learner.waitFor('↑ ↓ choose', firstScreenMs, 'screen');
	await learner.settle();
	const menu = learner.screen();
	for (const {number, title} of lessons) {
		t.regex(menu, new RegExp(`\\b${number}\\b.*${title.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), `lesson ${number} is listed\n${learner.describe()}`);
	}

	await learner.press('2');
	await learner.waitFor('Lesson 2', 10_000, 'screen');
	await learner.waitFor(`Step 1 of ${lesson('commit').steps.length}`, firstScreenMs, 'screen');

	await learner.enter('menu');
	await learner.waitUntil(() => learner.screen().includes('↑ ↓ choose') && !learner.screen().includes('Step 1 of'), 'the menu again');

	await learner.enter('q');
	t.is(await learner.exited(), 0);
	t.deepEqual(sandboxesIn(work), []);
});

test.serial('Ctrl+C clears the line, warns on an empty prompt, and quits on the second press', async t => {
	t.timeout(30_000);
	const work = workdir(t);
	const learner = tutor(t, {args: ['--lesson', 'add', '--workdir', work]});
	await learner.waitFor('Step 1 of 4', firstScreenMs);
	t.is(sandboxesIn(work).length, 1);

	await learner.type('git sta');
	await learner.waitUntil(() => learner.promptRow()?.includes(`${prompt} git sta`) ?? false, 'the typed text on the prompt row');
	await learner.press('ctrl-c');
	await learner.waitUntil(() => learner.promptRow()?.trim() === prompt, 'an empty prompt row');
	await learner.settle();
	t.true(learner.running, 'the tutor keeps running');
	t.true(learner.screen().includes('Step 1 of 4'), learner.describe());
	t.false(learner.screen().includes('Press Ctrl+C again'), 'clearing the line does not arm quitting');

	await learner.press('ctrl-c');
	await learner.waitFor('Press Ctrl+C again', 5000, 'screen');
	t.true(learner.running);

	await learner.press('ctrl-c');
	t.is(await learner.exited(), 0);
	t.deepEqual(sandboxesIn(work), [], 'the sandbox is removed');
});

test.serial('without a terminal: interactive use refuses, --list, --version and a bad --lesson still answer', async t => {
	t.timeout(30_000);
	const interactive = await runPiped([]);
	t.is(interactive.code, 1);
	t.true(interactive.stderr.includes('interactive'), interactive.stderr);

	const list = await runPiped(['--list']);
	t.is(list.code, 0);
	t.deepEqual(list.stdout.trim().split('\n').map(line => line.split('\t')[0]), lessons.map(({id}) => id));
	t.true(lessons.length > 0);

	const version = await runPiped(['--version']);
	t.is(version.code, 0);
	const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string};
	t.is(version.stdout.trim(), packageJson.version);

	const wrong = await runPiped(['--lesson', 'nope']);
	t.is(wrong.code, 2);
	for (const {id} of lessons) {
		t.true(wrong.stderr.includes(id), `the error names lesson ${id}: ${wrong.stderr}`);
	}

	// A --workdir that cannot hold the practice folder is one line naming the option, no Node error.
	const file = path.join(workdir(t), 'a-file');
	writeFileSync(file, 'not a folder');
	const unusable: Array<[string, string]> = [
		[file, `--workdir ${file}: that is a file, not a folder.\n`],
		[path.join(file, 'inside'), `--workdir ${path.join(file, 'inside')}: ${file} is a file, not a folder.\n`],
	];
	if (process.platform === 'linux') {
		// /proc/x also made Node's recursive mkdir loop for ever.
		for (const folder of ['/proc', '/proc/x/y']) {
			unusable.push([folder, `--workdir ${folder}: cannot create the practice folder inside /proc (`]);
		}
	}

	for (const [folder, message] of unusable) {
		const result = await runPiped(['--lesson', 'add', '--workdir', folder]);
		t.is(result.code, 2, folder);
		t.true(result.stderr.startsWith(message), `${folder}: ${result.stderr}`);
		t.is(result.stderr.trimEnd().split('\n').length, 1, `one line, no stack: ${result.stderr}`);
	}
});

test.serial('resizing redraws the lesson once, without duplicated frames', async t => {
	t.timeout(30_000);
	const work = workdir(t);
	const learner = tutor(t, {args: ['--lesson', 'add', '--workdir', work]});
	await learner.waitFor('Step 1 of 4', firstScreenMs);
	await learner.settle();

	const once = (size: string) => {
		const screen = learner.screen();
		t.is(count(screen, 'Step 1 of'), 1, `"Step 1 of" once at ${size}\n${learner.describe()}`);
		t.is(count(screen, prompt), 1, `the prompt row once at ${size}\n${learner.describe()}`);
	};

	once('80×24');
	for (const [cols, rows] of [[60, 18], [100, 30]] as const) {
		const mark = learner.outputMark();
		await learner.resize(cols, rows);
		await learner.settle(250, 10_000, mark);
		once(`${cols}×${rows}`);
	}
});

test.serial('a kill -TERM, -HUP or -INT from outside ends the tutor and removes its sandbox', async t => {
	t.timeout(60_000);
	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
		const work = workdir(t);
		const learner = tutor(t, {args: ['--lesson', 'add', '--workdir', work]});
		await learner.waitFor('Step 1 of 4', firstScreenMs);
		t.is(sandboxesIn(work).length, 1);
		learner.signal(signal);
		t.is(await learner.exited(), 0, signal);
		t.deepEqual(sandboxesIn(work), [], `${signal}: the sandbox is removed`);
	}
});

test.serial('--keep: quitting says where the sandbox is, and it stays', async t => {
	t.timeout(30_000);
	const work = workdir(t);
	const learner = tutor(t, {args: ['--lesson', 'add', '--keep', '--workdir', work]});
	await learner.waitFor('Step 1 of 4', firstScreenMs);

	await learner.enter('quit');
	await learner.waitFor('Bye!', 10_000);
	t.is(await learner.exited(), 0);

	const kept = sandboxesIn(work);
	t.is(kept.length, 1, 'the sandbox is still there');
	const sandbox = path.join(work, kept[0]!);
	t.true(existsSync(path.join(sandbox, 'shipment', '.git')), 'with the learner\'s repository in it');
	t.true(learner.scrollback().includes(`The practice repositories are kept in ${sandbox}`), learner.scrollback());
	// The workdir teardown removes it.
});

test.serial('a slow command shows that it is running, and Ctrl+C stops it but not the tutor', async t => {
	t.timeout(40_000);
	const work = workdir(t);
	const learner = tutor(t, {args: ['--lesson', 'add', '--workdir', work]});
	await learner.waitFor('Step 1 of 4', firstScreenMs);
	// A command that would run for half a minute: a hook put in the repository's config from
	// outside, as the tutor refuses to set where hooks are (a hook runs any program).
	const [sandbox] = sandboxesIn(work);
	const hooks = path.join(work, sandbox!, 'slow-hooks');
	mkdirSync(hooks);
	writeFileSync(path.join(hooks, 'pre-commit'), '#!/bin/sh\nsleep 30\n');
	chmodSync(path.join(hooks, 'pre-commit'), 0o755);
	appendFileSync(path.join(work, sandbox!, 'shipment', '.git', 'config'), `[core]\n\thooksPath = ${hooks}\n`);
	await learner.type('git commit --allow-empty -m slow');
	await learner.press('enter');
	await learner.waitFor('Ctrl+C stops it', 10_000, 'screen');
	t.true(learner.screen().includes('running git commit'), learner.describe());
	const stoppedAt = Date.now();
	await learner.press('ctrl-c');
	await learner.waitFor('Stopped.', 5000);
	t.true(Date.now() - stoppedAt < 4000, 'the command ends at once, not after 30 s');
	await learner.waitUntil(() => learner.promptRow()?.trim() === prompt, 'the prompt back');
	t.true(learner.running, 'the tutor keeps running');

	// Git still works in the sandbox afterwards, and the lesson goes on.
	await learner.type('git status');
	await learner.press('enter');
	await learner.waitFor('Step 2 of 4', 10_000, 'screen');
	await learner.press('ctrl-c');
	await learner.press('ctrl-c');
	t.is(await learner.exited(), 0);
});

test.serial('progress that cannot be saved is a warning, and the lesson still completes', async t => {
	t.timeout(40_000);
	const work = workdir(t);
	// A file where the progress folder should be: nothing can be written there.
	const blocker = path.join(work, 'blocker');
	writeFileSync(blocker, 'not a folder');
	const learner = tutor(t, {args: ['--lesson', 'remote', '--workdir', work], env: {GIT_PUSH_TUTOR_PROGRESS: path.join(blocker, 'progress.json')}});
	await learner.waitFor('Step 1 of 3', firstScreenMs);
	for (const line of ['git push', `git remote add origin ${onlineUrl}`, 'git remote -v']) {
		await learner.type(line);
		await learner.press('enter');
		await learner.settle();
	}

	await learner.waitFor('Lesson complete', 10_000);
	await learner.waitFor(/progress[^]*kept in memory\s+only/, 5000);
	t.true(learner.running, 'the tutor keeps running');
	await learner.waitFor(typedHint, 10_000, 'screen');
	t.true(learner.screen().includes('replay (r)'), learner.describe());
	await learner.enter('q');
	t.is(await learner.exited(), 0);
	t.true(learner.scrollback().includes('Bye! Your progress could not be saved this time (see the warning above).'), learner.scrollback());
	t.false(learner.scrollback().includes('Your progress is saved'), 'the goodbye does not claim a save that failed');
	t.is(readFileSync(blocker, 'utf8'), 'not a folder', 'nothing was written over the blocking file');
});

// The divergent-pull stop needs git 2.33.1 or newer; older git merges a plain pull.
(gitOlderThan('2.33.1') ? test.skip : test.serial)('lesson pull-first: the push is rejected and explained, the divergent pull stops, and the lesson completes', async t => {
	t.timeout(60_000);
	const work = workdir(t);
	const learner = tutor(t, {args: ['--lesson', 'pull-first', '--workdir', work]});
	await learner.waitFor('Step 1 of 3', firstScreenMs);
	// Sam's box is in the warehouse and not home yet.
	t.true(learner.screen().includes('✚ Sam: Add a m'), learner.describe());

	await learner.type('git push');
	await learner.press('enter');
	await learner.waitFor('Step 2 of 3', 15_000, 'screen');
	const rejected = learner.scrollback();
	t.regex(rejected, /\[rejected\]/, 'git\'s own rejection is shown');
	t.regex(rejected, /↳ The warehouse has boxes you never received/);
	t.regex(rejected, /git pull, then push again/);

	await learner.type('git pull');
	await learner.press('enter');
	await learner.waitFor(/↳ Your main and the warehouse both have new boxes/, 15_000);
	t.true(learner.screen().includes('Step 2 of 3'), 'a plain pull does not pass the step');

	await learner.type('git pull --no-rebase');
	await learner.press('enter');
	await learner.waitFor('Step 3 of 3', 15_000, 'screen');
	await learner.type('git push');
	await learner.press('enter');
	await learner.waitFor('Lesson complete', 15_000);
	t.false(learner.output().includes('git-push-tutor-'), 'no sandbox path is ever shown');
	await learner.waitFor(typedHint, 10_000, 'screen');
	await learner.enter('q');
	t.is(await learner.exited(), 0);
	t.deepEqual(sandboxesIn(work), []);
});

test.serial('on a git older than 2.23, git restore is explained as too new, with the older way, and the tutor goes on', async t => {
	t.timeout(40_000);
	const work = workdir(t);
	// Stands in for git 2.22: reports that version and lacks restore and switch, as it did; the
	// rest is this machine's git.
	const realGit = execFileSync('sh', ['-c', 'command -v git'], {encoding: 'utf8'}).trim();
	const bin = path.join(work, 'old-git-bin');
	mkdirSync(bin);
	writeFileSync(path.join(bin, 'git'), `#!/bin/sh
case "$1" in
	--version) echo "git version 2.22.0" ;;
	restore|switch) echo "git: '$1' is not a git command. See 'git --help'." >&2; exit 1 ;;
	*) exec "${realGit}" "$@" ;;
esac
`);
	chmodSync(path.join(bin, 'git'), 0o755);
	const learner = tutor(t, {args: ['--lesson', 'add', '--workdir', work], env: {PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`}});
	await learner.waitFor('Step 1 of 4', firstScreenMs);
	await learner.type('git restore --staged notes.txt');
	await learner.press('enter');
	await learner.waitFor('arrived in git 2.23', 10_000);
	// 2.22.0 as the wrapper says; where the git underneath is itself older (2.20.5 in CI), its own version.
	t.regex(learner.scrollback(), /this computer has git 2\.2[0-2]\.\d+/);
	t.true(learner.running, 'the tutor keeps running');
	await learner.type('git status');
	await learner.press('enter');
	await learner.waitFor('Step 2 of 4', 10_000, 'screen');
	await learner.press('ctrl-c');
	await learner.press('ctrl-c');
	t.is(await learner.exited(), 0);
});

// ---- Words on the Lesson complete screen and in the menu ----

const remoteSolution = ['git push', `git remote add origin ${onlineUrl}`];

test.serial('Lesson complete: git log says it did not run, menu shows the menu, and 1 then 0 opens lesson 10', async t => {
	t.timeout(90_000);
	const work = workdir(t);
	const learner = tutor(t, {args: ['--lesson', 'remote', '--workdir', work]});
	await learner.waitFor('Step 1 of 3', firstScreenMs);
	for (const line of [...remoteSolution, 'git remote -v']) {
		await learner.enter(line);
		await learner.settle();
	}

	await learner.waitFor(typedHint, 15_000, 'screen');
	const shownBefore = learner.output().length;
	const since = () => learner.output().slice(shownBefore);

	// Typed key by key once the typed line shows, then Enter: never run, never swallowed, and nothing starts.
	await learner.enter('git log');
	await learner.waitFor('"git log" did not run: this lesson is finished', 10_000);
	await learner.settle();
	t.true(learner.screen().includes('What you learned'), learner.describe());
	t.false(since().includes('Preparing'), 'no lesson is started');
	t.false(learner.scrollback().includes('Seal your first box'), 'no git log ran');

	// "menu" typed key by key: the menu, and no lesson started from it.
	await learner.enter('menu');
	await learner.waitFor('↑ ↓ choose', 10_000, 'screen');
	await learner.settle(400);
	t.false(since().includes('Preparing'), `menu did not start a lesson\n${learner.describe()}`);
	t.true(learner.screen().includes('↑ ↓ choose'), learner.describe());

	// "1" waits (lesson 10 exists), "0" makes it 10.
	const last = lessons.at(-1)!;
	t.true(last.number >= 10, 'the menu has a two-digit lesson');
	await learner.type(String(last.number), {chunk: 1, pauseMs: 30});
	await learner.waitFor(`Step 1 of ${last.steps.length}`, firstScreenMs, 'screen');
	t.true(learner.screen().includes(`Lesson ${last.number} · ${last.title}`), learner.describe());
	t.false(since().includes('Preparing Lesson 1 ·'), 'lesson 1 did not open on the first digit');
	await learner.enter('quit');
	t.is(await learner.exited(), 0);
	t.deepEqual(sandboxesIn(work), []);
});

test.serial('Lesson complete: an Enter typed ahead during the last command does not open the next lesson; quit pasted alone quits', async t => {
	t.timeout(60_000);
	const work = workdir(t);
	const learner = tutor(t, {args: ['--lesson', 'remote', '--workdir', work]});
	await learner.waitFor('Step 1 of 3', firstScreenMs);
	for (const line of remoteSolution) {
		await learner.enter(line);
		await learner.settle();
	}

	// The last command, and Enter pressed again and again while it runs, until its output shows:
	// keys typed before the complete screen appeared. Some reach the tutor only after its verdict,
	// while the screen is being drawn; they used to open lesson 4.
	const mark = learner.output().length;
	learner.write('git remote -v\r');
	let enters = 0;
	for (let sent = 0; sent < 1000 && !learner.output().slice(mark).includes('(push)'); sent++) {
		learner.write('\r');
		enters++;
		await new Promise(resolve => {
			setTimeout(resolve, 15);
		});
	}

	t.true(enters > 0, 'Enter was typed during the command');
	await learner.waitFor(typedHint, 15_000, 'screen');
	await learner.settle(500);
	t.false(learner.output().slice(mark).includes('Preparing'), `no lesson was started\n${learner.describe()}`);
	t.true(learner.screen().includes('What you learned in lesson 3'), learner.describe());

	// "quit" pasted in one chunk, no Enter.
	learner.write('quit');
	t.is(await learner.exited(), 0);
	t.deepEqual(sandboxesIn(work), []);
});

test('--branch is remembered: a class that uses master gets it again without typing it', async t => {
	const first = tutor(t, {args: ['--lesson', 'add', '--branch', 'master']});
	await first.waitFor('~/shipment (master) $', firstScreenMs, 'screen');
	await first.enter('quit');
	t.is(await first.exited(), 0);
	const saved = readFileSync(first.progressFile, 'utf8');
	t.is((JSON.parse(saved) as {branch?: string}).branch, 'master');

	// The next start reads the same progress file.
	const again = tutor(t, {args: ['--lesson', 'add'], env: {GIT_PUSH_TUTOR_PROGRESS: first.progressFile}});
	await again.waitFor('~/shipment (master) $', firstScreenMs, 'screen');
	await again.enter('quit');
	t.is(await again.exited(), 0);
});
