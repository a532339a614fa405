// Leftovers of a killed tutor are cleaned at the next start, but only sandboxes of ours whose
// owner is gone: a second tutor running at the same time keeps its sandbox.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {createSandbox, removeSandbox} from '../source/sandbox/sandbox.ts';
import {removeStaleSandboxes} from '../source/sandbox/stale-sandboxes.ts';
import {startTutor} from './helpers/pty.ts';

/** The pid of a process that has already ended. */
function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
	return Number(child.stdout);
}

function fakeSandbox(parent: string, name: string, marker: string | undefined): string {
	const folder = path.join(parent, name);
	mkdirSync(path.join(folder, 'shipment'), {recursive: true});
	if (marker !== undefined) {
		writeFileSync(path.join(folder, '.git-push-tutor-sandbox'), marker);
	}

	return folder;
}

test('only marked sandboxes whose tutor is gone are removed', async t => {
	const parent = mkdtempSync(path.join(tmpdir(), 'gpt-stale-'));
	t.teardown(() => {
		rmSync(parent, {recursive: true, force: true});
	});
	const gone = fakeSandbox(parent, 'git-push-tutor-gone', `A git-push-tutor sandbox.\npid ${deadPid()}\nhost ${hostname()}\n`);
	const alive = fakeSandbox(parent, 'git-push-tutor-alive', `A git-push-tutor sandbox.\npid ${process.ppid}\nhost ${hostname()}\n`);
	const unmarked = fakeSandbox(parent, 'git-push-tutor-unmarked', undefined);
	const elsewhere = fakeSandbox(parent, 'git-push-tutor-elsewhere', `A git-push-tutor sandbox.\npid ${deadPid()}\nhost another-laptop\n`);
	const notOurs = fakeSandbox(parent, 'my-project', `pid ${deadPid()}\nhost ${hostname()}\n`);

	t.is(await removeStaleSandboxes(undefined, parent), 1);
	t.false(existsSync(gone));
	for (const kept of [alive, unmarked, elsewhere, notOurs]) {
		t.true(existsSync(kept), kept);
	}
});

test('a sandbox this tutor is using now is never taken for a leftover', async t => {
	const parent = mkdtempSync(path.join(tmpdir(), 'gpt-stale-'));
	const sandbox = await createSandbox({parent, branch: 'main', color: false});
	t.teardown(async () => {
		await removeSandbox(sandbox.root);
		rmSync(parent, {recursive: true, force: true});
	});
	t.is(await removeStaleSandboxes(undefined, parent), 0);
	t.true(existsSync(sandbox.repo));
});

test('a missing folder is no error', async t => {
	t.is(await removeStaleSandboxes(undefined, path.join(tmpdir(), "gpt-stale-does-not-exist")), 0);
});

test.serial('a tutor killed outright leaves its sandbox, and the next start removes it', async t => {
	t.timeout(60_000);
	const work = mkdtempSync(path.join(tmpdir(), 'gpt-stale-work-'));
	t.teardown(() => {
		rmSync(work, {recursive: true, force: true});
	});
	const first = startTutor({args: ['--lesson', 'add', '--workdir', work]});
	t.teardown(async () => first.kill());
	await first.waitFor('Step 1 of 4', 20_000);
	first.signal('SIGKILL');
	await first.exited();
	t.is(readdirSync(work).filter(name => name.startsWith('git-push-tutor-')).length, 1, 'killed outright, it could not clean up');

	const second = startTutor({args: ['--lesson', 'add', '--workdir', work]});
	t.teardown(async () => second.kill());
	await second.waitFor('Step 1 of 4', 20_000);
	await second.waitUntil(() => readdirSync(work).filter(name => name.startsWith('git-push-tutor-')).length === 1, 'only the new sandbox left');
	await second.type('quit');
	await second.press('enter');
	t.is(await second.exited(), 0);
	t.deepEqual(readdirSync(work).filter(name => name.startsWith('git-push-tutor-')), []);
});
