// Faults that lose nothing: a sandbox that cannot be removed is said once and keeps its marker,
// --keep sandboxes are never taken for leftovers, leftovers are found in the temp folder and in
// --workdir alike, and a missing temp folder is never created.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {createSandbox, keptLine, removeSandbox, sandboxMarker} from '../source/sandbox/sandbox.ts';
import {removeStaleSandboxes} from '../source/sandbox/stale-sandboxes.ts';
import {lockFolder} from './helpers/locked-folder.ts';

function deadPid(): number {
	return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}).stdout);
}

function scratch(t: {teardown(fn: () => void): void}): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'gpt-faults-'));
	t.teardown(() => {
		rmSync(folder, {recursive: true, force: true});
	});
	return folder;
}

function leftover(parent: string, name: string, extra = ''): string {
	const folder = path.join(parent, name);
	mkdirSync(path.join(folder, 'shipment'), {recursive: true});
	writeFileSync(path.join(folder, sandboxMarker), `A git-push-tutor sandbox. Safe to delete.\npid ${deadPid()}\nhost ${hostname()}\n${extra}`);
	return folder;
}

test.serial('a sandbox that cannot be removed is said without its path, keeps its marker, and goes once it can', async t => {
	const parent = scratch(t);
	const sandbox = await createSandbox({parent, branch: 'main', color: false});
	const unlock = lockFolder(sandbox.repo);
	if (!unlock) {
		t.pass('this machine cannot lock a folder against removal');
		return;
	}

	t.teardown(unlock);
	const problem = await removeSandbox(sandbox.root);
	t.regex(problem ?? '', /could not be removed \(.+\)\. It stays marked as the tutor's, and the next start of git-push-tutor tries again/);
	t.false(problem?.includes(parent), problem);
	t.true(existsSync(path.join(sandbox.root, sandboxMarker)), 'the marker stays, so a later start knows the folder is ours');
	unlock();
	t.is(await removeSandbox(sandbox.root), undefined);
	t.false(existsSync(sandbox.root));
});

test('a --keep sandbox is never taken for a leftover', async t => {
	const parent = scratch(t);
	const kept = leftover(parent, 'git-push-tutor-kept', `${keptLine}\n`);
	const gone = leftover(parent, 'git-push-tutor-gone');
	t.is(await removeStaleSandboxes(undefined, parent), 1);
	t.true(existsSync(kept));
	t.false(existsSync(gone));
	const sandbox = await createSandbox({parent, branch: 'main', color: false, keep: true});
	t.teardown(async () => {
		rmSync(sandbox.root, {recursive: true, force: true});
	});
	t.true(existsSync(sandbox.repo));
});

test('leftovers are found in the temp folder and in --workdir alike', async t => {
	const temp = scratch(t);
	const workdir = scratch(t);
	const inTemp = leftover(temp, 'git-push-tutor-default-run');
	const inWorkdir = leftover(workdir, 'git-push-tutor-workdir-run');
	t.is(await removeStaleSandboxes(workdir, temp), 2);
	t.false(existsSync(inTemp));
	t.false(existsSync(inWorkdir));
	leftover(temp, 'git-push-tutor-again');
	t.is(await removeStaleSandboxes(undefined, temp), 1);
});

test.serial('a missing temp folder is not created; the message names no path', async t => {
	const missing = path.join(scratch(t), 'no-such-temp');
	const saved = process.env['TMPDIR'];
	process.env['TMPDIR'] = missing;
	try {
		const error = await t.throwsAsync(createSandbox({branch: 'main', color: false}));
		t.regex(error?.message ?? '', /system temp folder \(the folder does not exist\)\. Set TMPDIR/);
		t.false(error?.message.includes(missing));
	} finally {
		if (saved === undefined) {
			delete process.env['TMPDIR'];
		} else {
			process.env['TMPDIR'] = saved;
		}
	}

	t.false(existsSync(missing));
});
