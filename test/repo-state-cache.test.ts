// The state keeps what a commit id decides (history, HEAD's files, boxes with markers) and reads
// it again only for a new id. Attributes on the desk change how git reads HEAD's files, so while
// any are there the state is read whole, and it always says what git says now.
import {appendFile, mkdir, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {runGit} from '../source/git/git-runner.ts';
import {withRepo} from './helpers/sandbox-repo.ts';

test('the same moment read twice gives the same state; a new box is read at once', async t => {
	await withRepo(async repo => {
		await repo.ok('echo "Shipment notes" > notes.txt', 'git add notes.txt', 'git commit -m "First box"');
		const first = await repo.state();
		t.deepEqual(await repo.state(), first);
		await repo.ok('echo "More" >> notes.txt', 'git commit -am "Second box"');
		const second = await repo.state();
		t.deepEqual(second.commits.map(commit => commit.subject), ['Second box', 'First box']);
		t.is(second.headFiles['notes.txt'], 'Shipment notes\nMore\n');
	});
});

test('a .gitattributes on the desk that makes a file binary is seen at once, and so is its removal', async t => {
	await withRepo(async repo => {
		await repo.ok('echo "Shipment notes" > notes.txt', 'git add notes.txt', 'git commit -m "First box"');
		t.is((await repo.state()).headFiles['notes.txt'], 'Shipment notes\n');

		// Untracked, HEAD unchanged: git greps notes.txt as binary now, and the state follows.
		await writeFile(path.join(repo.sandbox.repo, '.gitattributes'), 'notes.txt binary\n');
		t.false(Object.hasOwn((await repo.state()).headFiles, 'notes.txt'));

		await repo.ok('git add .gitattributes', 'git commit -m "Attributes"');
		t.false(Object.hasOwn((await repo.state()).headFiles, 'notes.txt'));

		// Deleted from the desk but still in HEAD: git reads notes.txt as text again.
		await rm(path.join(repo.sandbox.repo, '.gitattributes'));
		t.is((await repo.state()).headFiles['notes.txt'], 'Shipment notes\n');
	});
});

test('attributes in a folder or in .git/info are seen too', async t => {
	await withRepo(async repo => {
		await mkdir(path.join(repo.sandbox.repo, 'docs'));
		await repo.ok('echo "Plan" > docs/plan.txt', 'git add docs', 'git commit -m "Plan"');
		t.is((await repo.state()).headFiles['docs/plan.txt'], 'Plan\n');
		await writeFile(path.join(repo.sandbox.repo, 'docs', '.gitattributes'), 'plan.txt binary\n');
		t.false(Object.hasOwn((await repo.state()).headFiles, 'docs/plan.txt'));
		await rm(path.join(repo.sandbox.repo, 'docs', '.gitattributes'));
		t.is((await repo.state()).headFiles['docs/plan.txt'], 'Plan\n');
		await mkdir(path.join(repo.sandbox.repo, '.git', 'info'), {recursive: true});
		await writeFile(path.join(repo.sandbox.repo, '.git', 'info', 'attributes'), 'docs/plan.txt binary\n');
		t.false(Object.hasOwn((await repo.state()).headFiles, 'docs/plan.txt'));
	});
});

test('settings are read again whenever a settings file changed, and on every read while one includes another file', async t => {
	await withRepo(async repo => {
		await repo.ok('git remote add origin https://github.com/learner/shipment.git');
		t.deepEqual((await repo.state()).remotes, [{name: 'origin', url: 'https://github.com/learner/shipment.git'}]);
		await repo.ok('git remote set-url origin https://github.com/learner/shipmnet.git');
		t.deepEqual((await repo.state()).remotes, [{name: 'origin', url: 'https://github.com/learner/shipmnet.git'}]);
		await repo.ok('git config --global pull.rebase true');
		t.is((await repo.state()).pullSettings.rebase, 'true');

		// An included file is not among those whose text keys the answer: with an include, git is asked each time.
		const extra = path.join(repo.sandbox.repo, '.git', 'extra-settings');
		await writeFile(extra, '[remote "sam"]\n\turl = https://github.com/sam/shipment.git\n');
		// The tutor refuses git config include.path; a lesson's world could still hold one.
		await appendFile(path.join(repo.sandbox.repo, '.git', 'config'), `[include]\n\tpath = ${extra}\n`);
		t.true((await repo.state()).remotes.some(remote => remote.name === 'sam'));
		await writeFile(extra, '[remote "ann"]\n\turl = https://github.com/ann/shipment.git\n');
		const remotes = (await repo.state()).remotes.map(remote => remote.name);
		t.true(remotes.includes('ann') && !remotes.includes('sam'), remotes.join(', '));
	});
});

test('the warehouse\'s branches and tags are read again after each push, loose or packed', async t => {
	await withRepo(async repo => {
		const {online, url} = repo.sandbox;
		await repo.ok('echo "Shipment notes" > notes.txt', 'git add notes.txt', 'git commit -m "First box"', `git remote add origin ${url}`, 'git push -u origin main');
		const first = (await repo.state()).online.branches['main'];
		t.is(first, (await repo.state()).head);
		await runGit(['--git-dir', online, 'pack-refs', '--all'], {cwd: online, env: repo.sandbox.env});
		t.is((await repo.state()).online.branches['main'], first, 'packed, the same branch');
		await repo.ok('echo "More" >> notes.txt', 'git commit -am "Second box"', 'git push', 'git tag v1', 'git push origin v1');
		const state = await repo.state();
		t.is(state.online.branches['main'], state.head);
		t.not(state.online.branches['main'], first);
		t.is(state.online.tags['v1'], state.head);
	});
});

test('the repository\'s own refs are read again when a ref or a branch\'s route changed, packed or not', async t => {
	await withRepo(async repo => {
		const {url} = repo.sandbox;
		await repo.ok('echo "Shipment notes" > notes.txt', 'git add notes.txt', 'git commit -m "First box"', `git remote add origin ${url}`, 'git push origin main');
		t.is((await repo.state()).branches['main']?.upstream, undefined);
		// Only the settings change here: the route is saved in .git/config, no ref moves.
		await repo.ok('git branch -u origin/main');
		t.is((await repo.state()).branches['main']?.upstream, 'origin/main');
		await repo.ok('git branch gift-wrap', 'git tag v1', 'echo "More" >> notes.txt', 'git stash');
		let state = await repo.state();
		t.deepEqual(Object.keys(state.branches).sort(), ['gift-wrap', 'main']);
		t.is(state.tags['v1'], state.head);
		t.not(state.stash, undefined);
		await runGit(['pack-refs', '--all'], {cwd: repo.sandbox.repo, env: repo.sandbox.env});
		await repo.ok('git stash pop', 'git commit -am "Second box"', 'git branch -D gift-wrap');
		state = await repo.state();
		t.deepEqual(Object.keys(state.branches), ['main']);
		t.is(state.branches['main']?.oid, state.head);
		t.is(state.stash, undefined);
	});
});
