// Ctrl+C and the time limit stop a git command at once, even one whose child holds the output open.
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {runGit} from '../source/git/git-runner.ts';

const env = {...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null'} as Record<string, string>;
// An alias that starts a child which outlives git unless the whole group is stopped.
const slow = ['-c', 'alias.slow=!sleep 5', 'slow'];

test('a cancelled command ends at once and says it was cancelled', async t => {
	const cwd = await mkdtemp(path.join(tmpdir(), 'runner-'));
	try {
		const controller = new AbortController();
		const started = Date.now();
		setTimeout(() => {
			controller.abort();
		}, 200);
		const result = await runGit(slow, {cwd, env, signal: controller.signal});
		t.true(result.cancelled);
		t.false(result.timedOut);
		t.not(result.exitCode, 0);
		t.true(Date.now() - started < 2500, `took ${Date.now() - started} ms`);
	} finally {
		await rm(cwd, {recursive: true, force: true});
	}
});

test('a command past its time limit ends and says it timed out', async t => {
	const cwd = await mkdtemp(path.join(tmpdir(), 'runner-'));
	try {
		const started = Date.now();
		const result = await runGit(slow, {cwd, env, timeoutMs: 300});
		t.true(result.timedOut);
		t.true(Date.now() - started < 2500, `took ${Date.now() - started} ms`);
	} finally {
		await rm(cwd, {recursive: true, force: true});
	}
});

test('a normal command returns its exit code and interleaved output', async t => {
	const cwd = await mkdtemp(path.join(tmpdir(), 'runner-'));
	try {
		const result = await runGit(['rev-parse', '--is-inside-work-tree'], {cwd, env});
		t.is(result.exitCode, 128);
		t.false(result.cancelled);
		t.true(result.output.trim().length > 0, 'git\'s message is shown');
	} finally {
		await rm(cwd, {recursive: true, force: true});
	}
});

/** An alias whose child leaves git's process group (setsid) and keeps the output pipe open; it writes its pid so the test can end it. */
function escapingChild(pidFile: string, after = ''): string[] {
	return ['-c', `alias.escape=!setsid sh -c 'echo $$ > "${pidFile}"; exec sleep 120' ${after}`, 'escape'];
}

async function endEscaped(pidFile: string): Promise<void> {
	const pid = Number(await readFile(pidFile, 'utf8').catch(() => ''));
	if (pid > 0) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}
}

test('a stopped command ends even when a child left git\'s process group and holds the output open', async t => {
	const cwd = await mkdtemp(path.join(tmpdir(), 'runner-'));
	const pidFile = path.join(cwd, 'escaped.pid');
	t.teardown(async () => {
		await endEscaped(pidFile);
		await rm(cwd, {recursive: true, force: true});
	});
	const controller = new AbortController();
	setTimeout(() => {
		controller.abort();
	}, 300);
	const result = await runGit(escapingChild(pidFile), {cwd, env, signal: controller.signal});
	t.true(result.cancelled);
	const timedOut = await runGit(escapingChild(pidFile), {cwd, env, timeoutMs: 300});
	t.true(timedOut.timedOut);
});

test('a command whose child outlives it ends when git ends, with git\'s output, not at the time limit', async t => {
	const cwd = await mkdtemp(path.join(tmpdir(), 'runner-'));
	const pidFile = path.join(cwd, 'escaped.pid');
	t.teardown(async () => {
		await endEscaped(pidFile);
		await rm(cwd, {recursive: true, force: true});
	});
	const result = await runGit(escapingChild(pidFile, '& echo done'), {cwd, env});
	t.false(result.timedOut);
	t.is(result.exitCode, 0);
	t.is(result.output, 'done\n');
});
