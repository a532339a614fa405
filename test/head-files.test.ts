// The newest box's files are read with limits: a huge file is left out instead of keeping a
// `git grep` busy for minutes (even after the tutor is gone); lesson-sized files are all there.
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {maxHeadFileBytes} from '../source/git/head-files.ts';
import {runGit} from '../source/git/git-runner.ts';
import {withRepo} from './helpers/sandbox-repo.ts';

test('a huge file in HEAD is not read; small text files are, whatever their names', async t => {
	await withRepo(async repo => {
		const {sandbox} = repo;
		await writeFile(path.join(sandbox.repo, 'notes.txt'), 'first line\nsecond line\n');
		await writeFile(path.join(sandbox.repo, '*'), 'a star\n');
		await writeFile(path.join(sandbox.repo, 'huge.log'), 'a line of the log that goes on\n'.repeat(Math.ceil((maxHeadFileBytes * 4) / 31)));
		const options = {cwd: sandbox.repo, env: sandbox.env};
		t.is((await runGit(['add', '-A'], options)).exitCode, 0);
		t.is((await runGit(['commit', '-q', '-m', 'Files'], options)).exitCode, 0);
		const {headFiles} = await repo.state();
		t.is(headFiles['notes.txt'], 'first line\nsecond line\n');
		t.is(headFiles['*'], 'a star\n');
		t.false(Object.hasOwn(headFiles, 'huge.log'), 'the huge file is left out');
	});
});
