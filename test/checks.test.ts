// Every check of the lesson vocabulary, judged on states read from real repositories built with
// real git in a sandbox: each one holds when it should and not when it should not.
import test from 'ava';
import {githubPrefixes, reachesOnline} from '../source/sandbox/sandbox-config.ts';
import type {Check} from '../source/lessons/lesson-types.ts';
import {withRepo, type Repo} from './helpers/sandbox-repo.ts';

const url = 'https://github.com/learner/shipment.git';

/** A repository with one commit (notes.txt and todo.txt) and origin set to the online repository. */
async function readyToShip(repo: Repo): Promise<void> {
	await repo.ok(
		'echo "Shipment notes" > notes.txt',
		'echo "To do" > todo.txt',
		'git add .',
		'git commit -m "First box"',
		`git remote add origin ${url}`,
	);
}

test('staged, notStaged and untracked follow a file from the desk into the box', async t => {
	await withRepo(async repo => {
		await repo.ok('echo "Shipment notes" > notes.txt');
		t.true(await repo.holds({check: 'untracked', path: 'notes.txt'}));
		t.false(await repo.holds({check: 'staged', path: 'notes.txt'}));
		t.true(await repo.holds({check: 'notStaged', path: 'notes.txt'}));

		await repo.ok('git add notes.txt');
		t.true(await repo.holds({check: 'staged', path: 'notes.txt'}));
		t.false(await repo.holds({check: 'notStaged', path: 'notes.txt'}));
		t.false(await repo.holds({check: 'untracked', path: 'notes.txt'}));
		// Only that file: another name does not match.
		t.false(await repo.holds({check: 'staged', path: 'todo.txt'}));
		t.false(await repo.holds({check: 'untracked', path: 'todo.txt'}));

		await repo.ok('git rm --cached notes.txt');
		t.false(await repo.holds({check: 'staged', path: 'notes.txt'}));
		t.true(await repo.holds({check: 'untracked', path: 'notes.txt'}));
	});
});

for (const line of ['git add -A', 'git add .', 'git add notes.txt']) {
	test(`"${line}" makes "staged notes.txt" hold`, async t => {
		await withRepo(async repo => {
			await repo.ok('echo "Shipment notes" > notes.txt');
			t.false(await repo.holds({check: 'staged', path: 'notes.txt'}));
			await repo.ok(line);
			t.true(await repo.holds({check: 'staged', path: 'notes.txt'}));
			t.false(await repo.holds({check: 'untracked', path: 'notes.txt'}));
		});
	});
}

test('"git add todo.txt" does not make "staged notes.txt" hold', async t => {
	await withRepo(async repo => {
		await repo.ok('echo "Shipment notes" > notes.txt', 'echo "To do" > todo.txt', 'git add todo.txt');
		t.false(await repo.holds({check: 'staged', path: 'notes.txt'}));
		t.true(await repo.holds({check: 'staged', path: 'todo.txt'}));
	});
});

test('deskClear, boxEmpty and uncommittedChanges through a file\'s life', async t => {
	await withRepo(async repo => {
		const judge = async () => ({
			deskClear: await repo.holds({check: 'deskClear'}),
			boxEmpty: await repo.holds({check: 'boxEmpty'}),
			uncommittedChanges: await repo.holds({check: 'uncommittedChanges'}),
		});

		t.deepEqual(await judge(), {deskClear: true, boxEmpty: true, uncommittedChanges: false}, 'empty repository');
		await repo.ok('echo "Shipment notes" > notes.txt');
		// A new file is on the desk, but it is not a change to a tracked file.
		t.deepEqual(await judge(), {deskClear: false, boxEmpty: true, uncommittedChanges: false}, 'untracked file');
		await repo.ok('git add notes.txt');
		t.deepEqual(await judge(), {deskClear: true, boxEmpty: false, uncommittedChanges: true}, 'staged file');
		await repo.ok('git commit -m "Notes"');
		t.deepEqual(await judge(), {deskClear: true, boxEmpty: true, uncommittedChanges: false}, 'committed');
		await repo.ok('echo "- call Sam" >> notes.txt');
		t.deepEqual(await judge(), {deskClear: false, boxEmpty: true, uncommittedChanges: true}, 'changed, not staged');
		await repo.ok('git add notes.txt', 'echo "- and Kim" >> notes.txt');
		t.deepEqual(await judge(), {deskClear: false, boxEmpty: false, uncommittedChanges: true}, 'staged, then changed again');
		await repo.ok('git commit -am "Call Sam and Kim"', 'rm notes.txt');
		t.deepEqual(await judge(), {deskClear: false, boxEmpty: true, uncommittedChanges: true}, 'deleted, not staged');
	});
});

test('commits, newCommits and lastCommitChanges count and read the sealed boxes', async t => {
	await withRepo(async repo => {
		t.true(await repo.holds({check: 'commits', atLeast: 0}));
		t.false(await repo.holds({check: 'commits', atLeast: 1}));
		t.false(await repo.holds({check: 'newCommits', atLeast: 1}));
		t.false(await repo.holds({check: 'lastCommitChanges', path: 'notes.txt'}));
		t.false(await repo.holds({check: 'lastCommitChanges'}));

		await repo.ok('echo "Shipment notes" > notes.txt', 'echo "To do" > todo.txt', 'git add .', 'git commit -m "First box"');
		t.true(await repo.holds({check: 'commits', atLeast: 1}));
		t.false(await repo.holds({check: 'commits', atLeast: 2}));
		// The step began before the first commit (no HEAD): every commit is new.
		t.true(await repo.holds({check: 'newCommits', atLeast: 1}));
		t.false(await repo.holds({check: 'newCommits', atLeast: 2}));
		t.true(await repo.holds({check: 'lastCommitChanges', path: 'notes.txt'}));
		t.true(await repo.holds({check: 'lastCommitChanges', path: 'todo.txt'}));
		t.false(await repo.holds({check: 'lastCommitChanges', path: 'photo.txt'}));
		// Without a path it wants a change to a file that already existed: new files do not count.
		t.false(await repo.holds({check: 'lastCommitChanges'}));

		repo.stepStartHead = await repo.head();
		t.false(await repo.holds({check: 'newCommits', atLeast: 1}));
		await repo.ok('echo "- buy tape" >> todo.txt', 'git commit -am "Tape"');
		t.true(await repo.holds({check: 'commits', atLeast: 2}));
		t.true(await repo.holds({check: 'newCommits', atLeast: 1}));
		t.false(await repo.holds({check: 'newCommits', atLeast: 2}));
		t.true(await repo.holds({check: 'lastCommitChanges'}));
		t.true(await repo.holds({check: 'lastCommitChanges', path: 'todo.txt'}));
		t.false(await repo.holds({check: 'lastCommitChanges', path: 'notes.txt'}));

		await repo.ok('echo "photo" > photo.txt', 'git add photo.txt', 'git commit -m "Photo"');
		t.true(await repo.holds({check: 'newCommits', atLeast: 2}));
		t.true(await repo.holds({check: 'lastCommitChanges', path: 'photo.txt'}));
		t.false(await repo.holds({check: 'lastCommitChanges'}));
	});
});

test('noRemotes and remote, with and without reachesOnline', async t => {
	await withRepo(async repo => {
		t.true(await repo.holds({check: 'noRemotes'}));
		t.false(await repo.holds({check: 'remote', name: 'origin'}));
		t.false(await repo.holds({check: 'remote', name: 'origin', reachesOnline: true}));

		await repo.ok('git remote add origin https://github.com/learner/shipmnet.git');
		t.false(await repo.holds({check: 'noRemotes'}));
		t.true(await repo.holds({check: 'remote', name: 'origin'}));
		t.false(await repo.holds({check: 'remote', name: 'origin', reachesOnline: true}), 'a typo in the address');

		await repo.ok(`git remote set-url origin ${url}`);
		t.true(await repo.holds({check: 'remote', name: 'origin', reachesOnline: true}));
		t.false(await repo.holds({check: 'remote', name: 'github'}));

		await repo.ok('git remote rename origin github');
		t.false(await repo.holds({check: 'remote', name: 'origin'}));
		t.true(await repo.holds({check: 'remote', name: 'github', reachesOnline: true}));
		t.false(await repo.holds({check: 'noRemotes'}));

		await repo.ok('git remote remove github');
		t.true(await repo.holds({check: 'noRemotes'}));
	});
});

const reachingAddresses = [
	'https://github.com/learner/shipment.git',
	'https://github.com/learner/shipment',
	'https://github.com/learner/shipment.git/',
	'https://github.com/learner/shipment/',
	'git@github.com:learner/shipment.git',
	'git@github.com:learner/shipment',
	'ssh://git@github.com/learner/shipment.git',
];
const otherAddresses = [
	'https://github.com/learner/shipmnet.git',
	'https://github.com/someone/shipment.git',
	'https://github.com/Learner/shipment.git',
	'https://github.com/learner/Shipment.git',
	'http://github.com/learner/shipment.git',
	'https://gitlab.com/learner/shipment.git',
	'https://github.com/learner/shipment.git.git',
	'github.com/learner/shipment.git',
];

test('reachesOnline accepts the ways of writing the online address and rejects near misses', t => {
	for (const address of reachingAddresses) {
		t.true(reachesOnline(address), address);
	}

	for (const address of otherAddresses) {
		t.false(reachesOnline(address), address);
	}
});

test('remote reachesOnline agrees with where real git actually gets to', async t => {
	await withRepo(async repo => {
		await repo.ok('echo "Shipment notes" > notes.txt', 'git add .', 'git commit -m "First box"', `git remote add origin ${url}`);
		for (const address of [...reachingAddresses, ...otherAddresses]) {
			// Addresses that are not GitHub's are refused before git starts: origin keeps leading online.
			if (!githubPrefixes.some(prefix => address.startsWith(prefix))) {
				await t.throwsAsync(repo.type(`git remote set-url origin ${address}`), {message: /was not run/}, address);
				continue;
			}

			await repo.ok(`git remote set-url origin ${address}`);
			// The push either reaches the sandbox's online repository or fails.
			const push = await repo.type('git push --quiet origin HEAD');
			const pushed = push.kind === 'git' && push.result.exitCode === 0;
			t.is(await repo.holds({check: 'remote', name: 'origin', reachesOnline: true}), pushed, address);
			t.true(await repo.holds({check: 'remote', name: 'origin'}), address);
		}

		t.true(await repo.holds({check: 'shipped'}));
	});
});

for (const [line, tracksOrigin] of [['git push origin HEAD', false], ['git push -u origin main', true], ['git push --set-upstream origin main', true]] as const) {
	test(`"${line}" makes shipped hold${tracksOrigin ? ' and saves the route' : ' but saves no route'}`, async t => {
		await withRepo(async repo => {
			await readyToShip(repo);
			t.false(await repo.holds({check: 'shipped'}));
			t.true(await repo.holds({check: 'noUpstream'}));
			t.false(await repo.holds({check: 'tracks', remote: 'origin'}));

			await repo.ok(line);
			t.true(await repo.holds({check: 'shipped'}));
			t.is(await repo.holds({check: 'tracks', remote: 'origin'}), tracksOrigin);
			t.is(await repo.holds({check: 'noUpstream'}), !tracksOrigin);
			t.false(await repo.holds({check: 'tracks', remote: 'upstream'}));

			// A new box is not shipped until the next push.
			await repo.ok('echo "- buy tape" >> todo.txt', 'git commit -am "Tape"');
			t.false(await repo.holds({check: 'shipped'}));
			await repo.ok('git push origin main');
			t.true(await repo.holds({check: 'shipped'}));
		});
	});
}

test('shipped wants the online branch of the same name to hold exactly the local commits', async t => {
	await withRepo(async repo => {
		t.false(await repo.holds({check: 'shipped'}), 'no commits yet');
		await readyToShip(repo);
		await repo.ok('git push origin main:other');
		t.false(await repo.holds({check: 'shipped'}), 'shipped under another name');
		await repo.ok('git push origin main');
		t.true(await repo.holds({check: 'shipped'}));
		// Online ahead of local is not "shipped" either.
		await repo.ok('echo "more" >> notes.txt', 'git commit -am "More"', 'git push origin main', 'git reset --hard HEAD~1');
		t.false(await repo.holds({check: 'shipped'}));
	});
});

test('tracks follows the upstream git saves, and only for the current branch\'s own name', async t => {
	await withRepo(async repo => {
		await readyToShip(repo);
		await repo.ok('git push -u origin main:elsewhere');
		// The route exists, but to origin/elsewhere, not origin/main.
		t.false(await repo.holds({check: 'noUpstream'}));
		t.false(await repo.holds({check: 'tracks', remote: 'origin'}));
		await repo.ok('git branch --unset-upstream');
		t.true(await repo.holds({check: 'noUpstream'}));
		await repo.ok('git push -u origin main');
		t.true(await repo.holds({check: 'tracks', remote: 'origin'}));
	});
});

test('ran matches the last git command, its result, its failure and its first word', async t => {
	await withRepo(async repo => {
		t.false(await repo.holds({check: 'ran', command: 'push'}), 'nothing ran yet');
		await repo.ok('echo "Shipment notes" > notes.txt', 'git add .', 'git commit -m "First box"');

		await repo.type('git push');
		t.true(await repo.holds({check: 'ran', command: 'push'}));
		t.true(await repo.holds({check: 'ran', command: 'push', result: 'failed'}));
		t.true(await repo.holds({check: 'ran', command: 'push', result: 'failed', failure: 'no-destination'}));
		t.false(await repo.holds({check: 'ran', command: 'push', result: 'succeeded'}));
		t.false(await repo.holds({check: 'ran', command: 'push', failure: 'no-upstream'}));
		t.false(await repo.holds({check: 'ran', command: 'commit'}));

		await repo.ok('git remote -v');
		const looked: Check = {check: 'ran', command: 'remote', action: ['', 'show', 'get-url'], result: 'succeeded'};
		t.true(await repo.holds(looked));
		t.false(await repo.holds({check: 'ran', command: 'push'}), 'a newer command replaces the last one');

		await repo.ok(`git remote add origin ${url}`);
		t.false(await repo.holds(looked), '"add" is not one of the allowed actions');
		t.true(await repo.holds({check: 'ran', command: 'remote', action: ['add']}));

		await repo.type('git push');
		t.true(await repo.holds({check: 'ran', command: 'push', failure: 'no-upstream'}));
		// A file helper is not a git command: the last git command no longer counts.
		await repo.ok('ls');
		t.false(await repo.holds({check: 'ran', command: 'push'}));
	});
});

test('not turns a check around', async t => {
	await withRepo(async repo => {
		t.false(await repo.holds({check: 'not', of: {check: 'noRemotes'}}));
		t.true(await repo.holds({check: 'not', of: {check: 'not', of: {check: 'noRemotes'}}}));
		await repo.ok(`git remote add origin ${url}`);
		t.true(await repo.holds({check: 'not', of: {check: 'noRemotes'}}));
		t.false(await repo.holds({check: 'not', of: {check: 'remote', name: 'origin', reachesOnline: true}}));
	});
});

test('file names with spaces and accents are read exactly', async t => {
	await withRepo(async repo => {
		const names = ['café.txt', 'my notes.txt', 'two  spaces.txt', 'ünïcødé ✓.txt'];
		await repo.ok('echo "a" > "my notes.txt"', 'echo "b" > café.txt', 'echo "c" > "two  spaces.txt"', 'echo "d" > "ünïcødé ✓.txt"');
		let state = await repo.state();
		t.deepEqual([...state.untracked].sort(), names);
		for (const name of names) {
			t.true(await repo.holds({check: 'untracked', path: name}), name);
		}

		t.false(await repo.holds({check: 'untracked', path: 'my'}));

		await repo.ok('git add "my notes.txt" café.txt');
		state = await repo.state();
		t.deepEqual(state.staged.map(change => change.path).sort(), ['café.txt', 'my notes.txt']);
		t.true(state.staged.every(change => change.kind === 'added'));
		t.true(await repo.holds({check: 'staged', path: 'my notes.txt'}));
		t.deepEqual([...state.untracked].sort(), ['two  spaces.txt', 'ünïcødé ✓.txt']);

		await repo.ok('git add .', 'git commit -m "Odd names"');
		state = await repo.state();
		t.deepEqual(state.commits[0]!.files.map(file => file.path).sort(), names);
		t.true(await repo.holds({check: 'lastCommitChanges', path: 'ünïcødé ✓.txt'}));

		await repo.ok('echo "more" >> "my notes.txt"');
		state = await repo.state();
		t.deepEqual(state.unstaged, [{path: 'my notes.txt', kind: 'modified'}]);

		await repo.ok('git commit -am "More"', 'git mv "my notes.txt" "our notes.txt"');
		state = await repo.state();
		t.deepEqual(state.staged, [{path: 'our notes.txt', kind: 'renamed'}]);
		t.true(await repo.holds({check: 'staged', path: 'our notes.txt'}));
		t.true(await repo.holds({check: 'deskClear'}));
	});
});
