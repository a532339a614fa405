import {mkdtemp, rm, writeFile, chmod} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {checkGit} from '../source/git/git-version.ts';
import {parseGitVersion} from '../source/git/version-number.ts';

test('version strings from different platforms are read', t => {
	t.deepEqual(parseGitVersion('git version 2.39.5'), {major: 2, minor: 39, text: '2.39.5'});
	t.deepEqual(parseGitVersion('git version 2.45.1.windows.1'), {major: 2, minor: 45, text: '2.45.1'});
	t.deepEqual(parseGitVersion('git version 2.20.1 (Apple Git-117)'), {major: 2, minor: 20, text: '2.20.1'});
	t.is(parseGitVersion('no version here'), undefined);
});

test('the git on this machine is accepted', async t => {
	const check = await checkGit();
	t.true(check.ok);
});

test('no git on PATH gets a message that says what to install', async t => {
	const empty = await mkdtemp(path.join(tmpdir(), 'no-git-'));
	try {
		const check = await checkGit({PATH: empty});
		t.false(check.ok);
		if (!check.ok) {
			t.regex(check.message, /needs git/);
			t.regex(check.message, /git-scm\.com/);
		}
	} finally {
		await rm(empty, {recursive: true, force: true});
	}
});

test('a git older than 2.20 is refused, naming the version found', async t => {
	const folder = await mkdtemp(path.join(tmpdir(), 'old-git-'));
	try {
		const fake = path.join(folder, 'git');
		await writeFile(fake, '#!/bin/sh\necho "git version 2.17.1"\n');
		await chmod(fake, 0o755);
		const check = await checkGit({PATH: folder});
		t.false(check.ok);
		if (!check.ok) {
			t.regex(check.message, /2\.20 or newer/);
			t.regex(check.message, /2\.17\.1/);
		}
	} finally {
		await rm(folder, {recursive: true, force: true});
	}
});

test('olderThan compares versions part by part, a missing part counting as 0', async t => {
	const {olderThan} = await import('../source/git/version-number.ts');
	t.true(olderThan('2.20.1', '2.23'));
	t.true(olderThan('2.30.2', '2.33.1'));
	t.false(olderThan('2.33.1', '2.33.1'));
	t.false(olderThan('2.39.5', '2.30'));
	t.false(olderThan('3.0', '2.45.9'));
	t.true(olderThan('2.9.5', '2.10'));
});

test('a git that hangs when asked its version gives a message when the time is up', async t => {
	const folder = await mkdtemp(path.join(tmpdir(), 'stuck-git-'));
	t.teardown(async () => rm(folder, {recursive: true, force: true}));
	const fake = path.join(folder, 'git');
	// The shell waits on sleep, which holds the output open: stopping the shell alone is not enough.
	await writeFile(fake, '#!/bin/sh\nsleep 600\n');
	await chmod(fake, 0o755);
	const check = await checkGit({PATH: `${folder}${path.delimiter}${process.env['PATH'] ?? ''}`}, 500);
	t.false(check.ok);
	if (!check.ok) {
		t.regex(check.message, /did not answer within 0\.5 seconds/);
	}
});
