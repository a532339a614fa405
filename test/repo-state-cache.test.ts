// The state keeps what a commit id decides (history, HEAD's files, boxes with markers) and reads
// it again only for a new id. Attributes on the desk change how git reads HEAD's files, so while
// any are there the state is read whole, and it always says what git says now.
import {mkdir, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
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
