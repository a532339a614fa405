// End to end: faults around the sandbox are one clear line on the screen, never a crash, a
// half-built lesson or a temp path. A tiny or read-only disk is made with unshare (a private
// mount namespace), where this machine allows it.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test, {type ExecutionContext} from 'ava';
import {lockFolder} from './helpers/locked-folder.ts';
import {count, startTutor, type PtyOptions, type TutorPty} from './helpers/pty.ts';

const canUnshare = spawnSync('unshare', ['-rm', 'true']).status === 0;

function folder(t: ExecutionContext, prefix = 'gpt-e2e-faults-'): string {
	const made = realpathSync(mkdtempSync(path.join(tmpdir(), prefix)));
	t.teardown(() => {
		rmSync(made, {recursive: true, force: true});
	});
	return made;
}

function tutor(t: ExecutionContext, options: PtyOptions): TutorPty {
	const started = startTutor(options);
	t.teardown(async () => started.kill());
	return started;
}

const sandboxesIn = (directory: string) => readdirSync(directory).filter(name => name.startsWith('git-push-tutor-'));

test.serial('a sandbox that cannot be removed is one line without its path, and the next lesson opens', async t => {
	const work = folder(t);
	const learner = tutor(t, {args: ['--lesson', 'add', '--workdir', work]});
	await learner.waitFor('Step 1 of', 20_000, 'screen');
	const unlock = lockFolder(path.join(work, sandboxesIn(work)[0]!, 'shipment'));
	if (!unlock) {
		t.pass('this machine cannot lock a folder against removal');
		return;
	}

	t.teardown(unlock);
	await learner.enter('menu');
	await learner.waitFor('practice folder could not be removed');
	t.false(learner.scrollback().includes(work), 'no temp path is shown');
	await learner.waitFor('↑ ↓ choose', 10_000, 'screen');
	// "1" waits for Enter while a lesson 10 exists.
	await learner.enter('1');
	// The lesson's introduction printed a second time: the new lesson is open.
	await learner.waitUntil(() => count(learner.scrollback(), 'Git works like a shipping company') === 2, 'the lesson to open again', 20_000);
	await learner.waitFor('Step 1 of', 20_000, 'screen');
	await learner.enter('quit');
	t.is(await learner.exited(), 0);
	unlock();
	t.deepEqual(sandboxesIn(work).length, 1, 'only the folder that could not be removed is left, marked for a later start');
});

test.serial('--keep sandboxes survive the next start\'s cleanup of leftovers', async t => {
	const work = folder(t);
	const first = tutor(t, {args: ['--lesson', 'add', '--workdir', work, '--keep']});
	await first.waitFor('Step 1 of', 20_000, 'screen');
	await first.enter('quit');
	t.is(await first.exited(), 0);
	const kept = sandboxesIn(work);
	t.is(kept.length, 1);
	// A leftover of a tutor killed outright, which the next start must remove.
	const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}).stdout;
	mkdirSync(path.join(work, 'git-push-tutor-leftover'));
	writeFileSync(path.join(work, 'git-push-tutor-leftover', '.git-push-tutor-sandbox'), `A git-push-tutor sandbox.\npid ${dead}\nhost ${hostname()}\n`);

	const second = tutor(t, {args: ['--workdir', work]});
	await second.waitUntil(() => !existsSync(path.join(work, 'git-push-tutor-leftover')), 'the leftover to be removed');
	t.true(existsSync(path.join(work, kept[0]!, 'shipment')), 'the kept sandbox is still there');
});

test.serial('a missing TMPDIR is not created, and says so without the path', async t => {
	const missing = path.join(folder(t), 'no-temp-here');
	const learner = tutor(t, {args: ['--lesson', 'add'], env: {TMPDIR: missing}});
	await learner.waitFor('could not be prepared');
	await learner.waitFor(/system temp folder \(the folder does not exist\)/);
	t.false(learner.scrollback().includes(missing));
	t.false(existsSync(missing));
	t.false(learner.screen().includes('Step 1 of'));
});

(canUnshare ? test.serial : test.serial.skip)('a read-only TMPDIR says so without the path', async t => {
	const temp = folder(t);
	const wrap = ['unshare', '-rm', 'sh', '-c', `mount --bind "${temp}" "${temp}" && mount -o remount,ro,bind "${temp}" "${temp}" && exec "$@"`, 'sh'];
	const learner = tutor(t, {args: ['--lesson', 'add'], env: {TMPDIR: temp}, wrap});
	await learner.waitFor(/system temp folder \(the disk is read-only\)/, 20_000);
	t.false(learner.scrollback().includes(temp));
	t.false(learner.screen().includes('Step 1 of'));
});

(canUnshare ? test.serial : test.serial.skip)('a full disk during setup never opens a half-built lesson', async t => {
	const work = folder(t);
	// 48 KB: room for the folders, not for two repositories.
	const wrap = ['unshare', '-rm', 'sh', '-c', `mount -t tmpfs -o size=48k none "${work}" && exec "$@"`, 'sh'];
	const learner = tutor(t, {args: ['--lesson', 'add', '--workdir', work], wrap});
	await learner.waitFor('could not be prepared', 20_000);
	await learner.waitFor(/the disk is full/);
	t.false(learner.scrollback().includes(work), 'no temp path is shown');
	t.false(learner.screen().includes('Step 1 of'), 'no lesson opened');
	await learner.enter('quit');
	t.is(await learner.exited(), 0);
});
