// The failure classifier against real git: each failure it knows, produced for real in a sandbox,
// is recognised with the right details, and look-alikes that are not that failure are not.
import {mkdir, mkdtemp, readFile, rm, writeFile, chmod} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {createSandbox, removeSandbox, type Sandbox} from '../source/sandbox/sandbox.ts';
import {readRepoState} from '../source/git/repo-state.ts';
import {classifyFailure, type Failure} from '../source/explain/classify-failure.ts';
import {explanations, fillExplanation} from '../source/explain/explanations.ts';
import {editorHowTo} from '../source/explain/editor-note.ts';
import {runLine} from '../source/shell/run-line.ts';

const url = 'https://github.com/learner/shipment.git';

type Outcome = {exitCode: number; output: string; failure: Failure | undefined};

class Repo {
	constructor(readonly sandbox: Sandbox) {}

	/** Runs a git line as the learner would, then classifies it as the tutor does. */
	async git(line: string): Promise<Outcome> {
		const result = await runLine(line, {repo: this.sandbox.repo, env: this.sandbox.env});
		if (result.kind !== 'git') {
			throw new Error(`"${line}" did not run git: ${JSON.stringify(result)}`);
		}

		const state = await readRepoState({repo: this.sandbox.repo, online: this.sandbox.online, env: this.sandbox.env});
		return {exitCode: result.result.exitCode, output: result.result.output, failure: classifyFailure(result.args, result.result.exitCode, state)};
	}

	/** Lines that build the situation; each must work. */
	async ok(...lines: string[]): Promise<void> {
		for (const line of lines) {
			const result = await runLine(line, {repo: this.sandbox.repo, env: this.sandbox.env});
			const exitCode = result.kind === 'git' ? result.result.exitCode : result.kind === 'helper' ? result.exitCode : -1;
			if (exitCode !== 0) {
				throw new Error(`"${line}" failed: ${JSON.stringify(result)}`);
			}
		}
	}
}

async function withRepo(body: (repo: Repo) => Promise<void>, branch = 'main'): Promise<void> {
	const sandbox = await createSandbox({branch, color: false});
	try {
		await body(new Repo(sandbox));
	} finally {
		await removeSandbox(sandbox.root);
	}
}

const firstBox = ['echo "Shipment notes" > notes.txt', 'git add notes.txt', 'git commit -m "First box"'];

// The failures the classifier knows.

test('no-destination: git push with no remote at all', async t => {
	await withRepo(async repo => {
		await repo.ok(...firstBox);
		const push = await repo.git('git push');
		t.not(push.exitCode, 0);
		t.deepEqual(push.failure, {id: 'no-destination', details: {branch: 'main', remotes: 'none'}});
	});
});

test('no-destination: also before the first commit', async t => {
	await withRepo(async repo => {
		const push = await repo.git('git push');
		t.not(push.exitCode, 0);
		t.is(push.failure?.id, 'no-destination');
	});
});

test('no-upstream: git push, and git push origin, with origin set but no route saved', async t => {
	await withRepo(async repo => {
		await repo.ok(...firstBox, `git remote add origin ${url}`);
		for (const line of ['git push', 'git push origin']) {
			const push = await repo.git(line);
			t.not(push.exitCode, 0, line);
			t.deepEqual(push.failure, {id: 'no-upstream', details: {branch: 'main', remotes: 'origin', remote: 'origin'}}, line);
		}
	});
});

test('no-upstream with one remote not named origin names that remote in the way out, on any git', async t => {
	// Git 2.37 and newer say "no upstream" here; older git says "no configured push destination".
	await withRepo(async repo => {
		await repo.ok(...firstBox, `git remote add github ${url}`);
		const push = await repo.git('git push');
		t.not(push.exitCode, 0);
		t.is(push.failure?.id, 'no-upstream');
		const {wayOut} = fillExplanation(explanations['no-upstream'], push.failure!.details);
		t.is(wayOut, 'Ship once and save the route: git push -u github main');
		// The way out works.
		t.is((await repo.git(wayOut.split(': ')[1]!)).exitCode, 0);
	});
});

test('no-upstream names the branch the learner is on', async t => {
	await withRepo(async repo => {
		await repo.ok(...firstBox, `git remote add origin ${url}`, 'git checkout -b labels');
		const push = await repo.git('git push');
		t.is(push.failure?.id, 'no-upstream');
		t.is(push.failure?.details['branch'], 'labels');
	});
});

test('unknown-remote: git push orign main names the remote and the known ones (not no-upstream)', async t => {
	await withRepo(async repo => {
		await repo.ok(...firstBox, `git remote add origin ${url}`);
		const push = await repo.git('git push orign main');
		t.not(push.exitCode, 0);
		t.deepEqual(push.failure, {id: 'unknown-remote', details: {branch: 'main', remotes: 'origin', remote: 'orign'}});
		const bare = await repo.git('git push orign');
		t.is(bare.failure?.id, 'unknown-remote');
	});
});

test('unknown-remote: with no remotes at all, a named one is unknown too', async t => {
	await withRepo(async repo => {
		await repo.ok(...firstBox);
		const push = await repo.git('git push origin main');
		t.not(push.exitCode, 0);
		t.deepEqual(push.failure, {id: 'unknown-remote', details: {branch: 'main', remotes: 'none', remote: 'origin'}});
	});
});

test('src-refspec: pushing master in a main sandbox', async t => {
	await withRepo(async repo => {
		await repo.ok(...firstBox, `git remote add origin ${url}`);
		const push = await repo.git('git push origin master');
		t.not(push.exitCode, 0);
		t.deepEqual(push.failure, {id: 'src-refspec', details: {branch: 'main', remotes: 'origin', ref: 'master'}});
		const withUpstreamFlag = await repo.git('git push -u origin master');
		t.is(withUpstreamFlag.failure?.id, 'src-refspec');
	});
});

test('src-refspec: pushing main in a master sandbox', async t => {
	await withRepo(async repo => {
		await repo.ok(...firstBox, `git remote add origin ${url}`);
		const push = await repo.git('git push -u origin main');
		t.not(push.exitCode, 0);
		t.deepEqual(push.failure, {id: 'src-refspec', details: {branch: 'master', remotes: 'origin', ref: 'main'}});
	}, 'master');
});

test('src-refspec: pushing before the first commit', async t => {
	await withRepo(async repo => {
		await repo.ok(`git remote add origin ${url}`);
		for (const [line, ref] of [['git push -u origin main', 'main'], ['git push origin HEAD', 'HEAD']] as const) {
			const push = await repo.git(line);
			t.not(push.exitCode, 0, line);
			t.is(push.failure?.id, 'src-refspec', line);
			t.is(push.failure?.details['ref'], ref, line);
		}
	});
});

test('nothing-to-seal: committing with an empty box', async t => {
	await withRepo(async repo => {
		await repo.ok(...firstBox);
		const lines = [
			'git commit -m "Empty"',
			'git commit -am "Empty"',
		];
		for (const line of lines) {
			const commit = await repo.git(line);
			t.not(commit.exitCode, 0, line);
			t.deepEqual(commit.failure, {id: 'nothing-to-seal', details: {branch: 'main', remotes: 'none'}}, line);
		}

		// A new file on the desk is not in the box, and -a does not pack new files.
		await repo.ok('echo "To do" > todo.txt');
		for (const line of ['git commit -m "Todo"', 'git commit -am "Todo"']) {
			const commit = await repo.git(line);
			t.not(commit.exitCode, 0, line);
			t.is(commit.failure?.id, 'nothing-to-seal', line);
		}

		// A change to a tracked file that is not staged: plain -m seals nothing.
		await repo.ok('echo "- tape" >> notes.txt');
		const commit = await repo.git('git commit -m "Tape"');
		t.not(commit.exitCode, 0);
		t.is(commit.failure?.id, 'nothing-to-seal');
	});
});

test('nothing-to-seal: the very first commit with nothing added', async t => {
	await withRepo(async repo => {
		await repo.ok('echo "Shipment notes" > notes.txt');
		const commit = await repo.git('git commit -m "First"');
		t.not(commit.exitCode, 0);
		t.is(commit.failure?.id, 'nothing-to-seal');
	});
});

test('remote-exists: adding origin twice', async t => {
	await withRepo(async repo => {
		await repo.ok(`git remote add origin ${url}`);
		const again = await repo.git(`git remote add origin ${url}`);
		t.not(again.exitCode, 0);
		t.deepEqual(again.failure, {id: 'remote-exists', details: {branch: 'main', remotes: 'origin', remote: 'origin'}});
	});
});

// Near misses: not the failure they resemble.

test('a successful push is no failure', async t => {
	await withRepo(async repo => {
		await repo.ok(...firstBox, `git remote add origin ${url}`);
		const push = await repo.git('git push -u origin main');
		t.is(push.exitCode, 0);
		t.is(push.failure, undefined);
	});
});

test('git push and git push origin with a saved route succeed and are no failure', async t => {
	await withRepo(async repo => {
		await repo.ok(...firstBox, `git remote add origin ${url}`, 'git push -u origin main', 'echo "- tape" >> notes.txt', 'git commit -am "Tape"');
		for (const line of ['git push origin', 'git push']) {
			const push = await repo.git(line);
			t.is(push.exitCode, 0, line);
			t.is(push.failure, undefined, line);
		}
	});
});

test('a push rejected because the online branch moved on is fetch-first, not no-upstream', async t => {
	await withRepo(async repo => {
		const {sandbox} = repo;
		await repo.ok(...firstBox, `git remote add origin ${url}`, 'git push -u origin main');
		// Sam ships a box first, from his own clone.
		await mkdir(path.dirname(sandbox.sam), {recursive: true});
		const sam = {repo: path.dirname(sandbox.sam), env: sandbox.samEnv};
		const samRan = async (line: string) => {
			const result = await runLine(line, sam);
			if (result.kind !== 'git' || result.result.exitCode !== 0) {
				throw new Error(`Sam's "${line}" failed: ${JSON.stringify(result)}`);
			}
		};

		await samRan(`git clone --quiet ${url} shipment`);
		sam.repo = sandbox.sam;
		await writeFile(path.join(sandbox.sam, 'sam.txt'), 'from Sam\n');
		await samRan('git add sam.txt');
		await samRan('git commit -m "From Sam"');
		await samRan('git push --quiet');

		await repo.ok('echo "- tape" >> notes.txt', 'git commit -am "Tape"');
		const push = await repo.git('git push');
		t.not(push.exitCode, 0);
		t.is(push.failure?.id, 'fetch-first');
	});
});

test('git commit -am with a changed tracked file succeeds and is no failure', async t => {
	await withRepo(async repo => {
		await repo.ok(...firstBox, 'echo "- tape" >> notes.txt');
		const commit = await repo.git('git commit -am "Tape"');
		t.is(commit.exitCode, 0);
		t.is(commit.failure, undefined);
	});
});

test('a commit that fails for another reason with changes to seal is not nothing-to-seal', async t => {
	await withRepo(async repo => {
		await repo.ok(...firstBox, 'echo "- tape" >> notes.txt');
		// A lock left by a stopped git makes every commit fail, whatever the box holds.
		await writeFile(path.join(repo.sandbox.repo, '.git', 'index.lock'), '');
		const all = await repo.git('git commit -am "Tape"');
		t.not(all.exitCode, 0);
		t.is(all.failure, undefined);
		await rm(path.join(repo.sandbox.repo, '.git', 'index.lock'));
		await repo.ok('git add notes.txt');
		await writeFile(path.join(repo.sandbox.repo, '.git', 'index.lock'), '');
		const staged = await repo.git('git commit -m "Tape"');
		t.not(staged.exitCode, 0);
		t.is(staged.failure, undefined);
	});
});

test('git remote add that fails for another reason is not remote-exists', async t => {
	await withRepo(async repo => {
		await repo.ok(`git remote add origin ${url}`);
		const badName = await repo.git('git remote add "bad name" https://github.com/sam/shipment.git');
		t.not(badName.exitCode, 0);
		t.is(badName.failure, undefined);
		// A missing address is a usage slip (exit 129): git did nothing.
		const noAddress = await repo.git('git remote add upstream');
		t.is(noAddress.exitCode, 129);
		t.is(noAddress.failure?.id, 'usage-error');
	});
});

test('git remote add upstream when only origin exists succeeds and is no failure', async t => {
	await withRepo(async repo => {
		await repo.ok(`git remote add origin ${url}`);
		const add = await repo.git('git remote add upstream https://github.com/sam/shipment.git');
		t.is(add.exitCode, 0);
		t.is(add.failure, undefined);
	});
});

test('a push to an address that fails for another reason is not unknown-remote', async t => {
	await withRepo(async repo => {
		await repo.ok(...firstBox);
		const push = await repo.git('git push https://github.com/someone/shipment.git main');
		t.not(push.exitCode, 0);
		t.is(push.failure, undefined);
		// Any other address is refused before git starts.
		t.is((await runLine('git push https://example.com/shipment.git main', {repo: repo.sandbox.repo, env: repo.sandbox.env})).kind, 'refused');
	});
});

test('git commit without -m is refused with the needs-label explanation when something would be sealed, and the commit never starts', async t => {
	const scratch = await mkdtemp(path.join(tmpdir(), 'gpt-classify-'));
	try {
		// A git first on PATH that logs every start but the tutor's read of whether the box holds
		// anything (git diff --quiet, answered "yes, it differs"): any commit would show in the log.
		const log = path.join(scratch, 'git.log');
		const spy = path.join(scratch, 'git');
		await writeFile(spy, `#!/bin/sh\ncase "$*" in *diff*--quiet*) exit 1;; esac\necho "$*" >> '${log}'\n`);
		await chmod(spy, 0o755);
		const runner = {repo: scratch, env: {PATH: `${scratch}${path.delimiter}${process.env['PATH'] ?? ''}`}};

		const label = explanations['needs-label'];
		for (const line of ['git commit', 'git commit -a', 'git commit -v']) {
			const result = await runLine(line, runner);
			// With how to leave an editor and choose another: on their own computer this opens one.
			t.deepEqual(result, {kind: 'refused', message: [label.meaning, label.wayOut, ...editorHowTo].join('\n')}, line);
		}

		// Amending without a label is refused too, with the two ways that need no editor.
		const amend = await runLine('git commit --amend', runner);
		t.is(amend.kind, 'refused');
		t.regex(amend.kind === 'refused' ? amend.message : '', /git commit --amend --no-edit[^]*git commit --amend -m[^]*Esc, type :wq[^]*core\.editor "nano"/);

		await t.throwsAsync(readFile(log, 'utf8'), {code: 'ENOENT'});
		// The spy does work: a line that is allowed reaches it.
		await runLine('git commit -m "Labelled"', runner);
		t.is(await readFile(log, 'utf8'), 'commit --message=Labelled\n');
	} finally {
		await rm(scratch, {recursive: true, force: true});
	}
});
