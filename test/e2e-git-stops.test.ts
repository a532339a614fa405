// End to end: git commands that will not end on their own still end. Ctrl+C stops one whose child
// left git's process group and holds the output open, quit then exits, and a git that hangs when
// asked its version gives a message instead of a frozen terminal.
import {execFileSync} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test, {type ExecutionContext} from 'ava';
import {startTutor} from './helpers/pty.ts';

const realGit = execFileSync('sh', ['-c', 'command -v git'], {encoding: 'utf8'}).trim();

/** A folder with a `git` that runs `body` for the learner's `git status` and is the real git otherwise. */
function fakeGit(t: ExecutionContext, body: string): {folder: string; pidFile: string} {
	const folder = realpathSync(mkdtempSync(path.join(tmpdir(), 'gpt-e2e-fake-git-')));
	const pidFile = path.join(folder, 'escaped.pid');
	writeFileSync(path.join(folder, 'git'), `#!/bin/sh\n${body.replaceAll('PIDFILE', pidFile)}\nexec "${realGit}" "$@"\n`);
	chmodSync(path.join(folder, 'git'), 0o755);
	t.teardown(() => {
		try {
			process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
		} catch {
			// Never started, or already gone.
		}

		rmSync(folder, {recursive: true, force: true});
	});
	return {folder, pidFile};
}

test.serial('Ctrl+C stops a command whose child left git\'s process group, and quit exits', async t => {
	// The child starts its own session (setsid) and keeps the output pipe open for two minutes.
	const {folder, pidFile} = fakeGit(t, `if [ "$1" = "status" ]; then
	setsid sh -c 'echo $$ > "PIDFILE"; exec sleep 120' &
	exec sleep 120
fi`);
	const learner = startTutor({args: ['--lesson', 'add'], env: {PATH: `${folder}${path.delimiter}${process.env['PATH'] ?? ''}`}});
	t.teardown(async () => learner.kill());
	await learner.waitFor('Step 1 of', 20_000, 'screen');
	await learner.enter('git status');
	await learner.waitFor('Ctrl+C stops it', 10_000, 'screen');
	await learner.waitUntil(() => existsSync(pidFile), 'the escaped child to start');
	await learner.press('ctrl-c');
	await learner.waitFor('Stopped.');
	await learner.enter('quit');
	t.is(await learner.exited(), 0);
	t.regex(learner.scrollback(), /Bye!/);
});

test.serial('a git that hangs when asked its version gives a message within the time limit', async t => {
	const {folder} = fakeGit(t, 'if [ "$1" = "--version" ]; then sleep 600; fi');
	const learner = startTutor({args: ['--lesson', 'add'], env: {PATH: `${folder}${path.delimiter}${process.env['PATH'] ?? ''}`}});
	t.teardown(async () => learner.kill());
	// The limit is 10 seconds; the rest is a busy machine's margin.
	await learner.waitFor('git did not answer within 10 seconds', 30_000);
	t.not(await learner.exited(), 0);
});
