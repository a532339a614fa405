// The file helpers behave like their shell namesakes inside ~/shipment, and never read or
// write anything outside it or inside .git, whatever path or link the learner tries.
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, utimes, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test, {type ExecutionContext} from 'ava';
import {runLine} from '../source/shell/run-line.ts';

type World = {
	scratch: string;
	repo: string;
	/** Runs a line and returns what a helper printed and its exit code. */
	run: (line: string) => Promise<{output: string; exitCode: number}>;
	read: (relative: string) => Promise<string>;
	/** Everything under the scratch folder (outside and inside the repository), hashed. */
	snapshot: () => Promise<Record<string, string>>;
};

const secret = 'outside secret\n';

/**
 * scratch/
 *   outside.txt, outside-dir/secret.txt   (must never change, nor be read)
 *   shipment/   notes.txt, todo.txt, .hidden, sub/inner.txt, .git/config
 */
async function world(t: ExecutionContext): Promise<World> {
	const scratch = await mkdtemp(path.join(tmpdir(), 'gpt-file-helpers-'));
	t.teardown(async () => rm(scratch, {recursive: true, force: true}));
	const repo = path.join(scratch, 'shipment');
	await mkdir(path.join(repo, '.git'), {recursive: true});
	await mkdir(path.join(repo, 'sub'));
	await mkdir(path.join(scratch, 'outside-dir'));
	await Promise.all([
		writeFile(path.join(scratch, 'outside.txt'), secret),
		writeFile(path.join(scratch, 'outside-dir', 'secret.txt'), secret),
		writeFile(path.join(repo, 'notes.txt'), 'Shipment notes\n'),
		writeFile(path.join(repo, 'todo.txt'), 'To do\n'),
		writeFile(path.join(repo, '.hidden'), 'hidden\n'),
		writeFile(path.join(repo, 'sub', 'inner.txt'), 'inner\n'),
		writeFile(path.join(repo, '.git', 'config'), '[core]\n\tbare = false\n'),
	]);

	const snapshot = async () => {
		const result: Record<string, string> = {};
		const walk = async (folder: string) => {
			for (const name of await readdir(folder)) {
				const full = path.join(folder, name);
				const stats = await lstat(full);
				const relative = path.relative(scratch, full);
				if (stats.isSymbolicLink()) {
					result[relative] = `link ${await readlink(full)}`;
				} else if (stats.isDirectory()) {
					result[relative] = 'folder';
					await walk(full);
				} else {
					result[relative] = createHash('sha256').update(await readFile(full)).digest('hex');
				}
			}
		};

		await walk(scratch);
		return result;
	};

	return {
		scratch,
		repo,
		async run(line) {
			const result = await runLine(line, {repo, env: {PATH: process.env['PATH'] ?? ''}});
			if (result.kind !== 'helper') {
				throw new Error(`"${line}" did not run a helper: ${JSON.stringify(result)}`);
			}

			return {output: result.output, exitCode: result.exitCode};
		},
		read: async relative => readFile(path.join(repo, relative), 'utf8'),
		snapshot,
	};
}

test('pwd shows ~/shipment', async t => {
	const {run} = await world(t);
	t.deepEqual(await run('pwd'), {output: '~/shipment\n', exitCode: 0});
});

test('echo prints its words, and > and >> write and append inside the repository', async t => {
	const {run, read} = await world(t);
	t.deepEqual(await run('echo hello   there'), {output: 'hello there\n', exitCode: 0});
	t.deepEqual(await run('echo "  spaced  "'), {output: '  spaced  \n', exitCode: 0});
	t.deepEqual(await run('echo "a line" > new.txt'), {output: '', exitCode: 0});
	t.is(await read('new.txt'), 'a line\n');
	await run('echo "second line" >> new.txt');
	t.is(await read('new.txt'), 'a line\nsecond line\n');
	await run('echo "replaced" > new.txt');
	t.is(await read('new.txt'), 'replaced\n');
	await run('echo "- buy tape" >> todo.txt');
	t.is(await read('todo.txt'), 'To do\n- buy tape\n');
	await run('echo inner >> sub/inner.txt');
	t.is(await read('sub/inner.txt'), 'inner\ninner\n');
	await run('echo "café" > "my notes.txt"');
	t.is(await read('my notes.txt'), 'café\n');
});

test('echo into a folder that does not exist says so', async t => {
	const {run, repo} = await world(t);
	t.deepEqual(await run('echo x > nowhere/new.txt'), {output: 'echo: nowhere/new.txt: no such file\n', exitCode: 1});
	t.false(existsSync(path.join(repo, 'nowhere')));
});

test('cat shows files, one after another, and says when one is missing', async t => {
	const {run} = await world(t);
	t.deepEqual(await run('cat notes.txt'), {output: 'Shipment notes\n', exitCode: 0});
	t.deepEqual(await run('cat notes.txt todo.txt'), {output: 'Shipment notes\nTo do\n', exitCode: 0});
	t.deepEqual(await run('cat missing.txt'), {output: 'cat: missing.txt: no such file\n', exitCode: 1});
	t.deepEqual(await run('cat notes.txt missing.txt'), {output: 'Shipment notes\ncat: missing.txt: no such file\n', exitCode: 1});
	t.deepEqual(await run('cat sub'), {output: 'cat: sub: is a folder\n', exitCode: 1});
	t.deepEqual(await run('cat'), {output: 'cat: name a file, like cat notes.txt\n', exitCode: 1});
});

test('only echo writes to a file', async t => {
	const {run, repo} = await world(t);
	t.deepEqual(await run('cat notes.txt > copy.txt'), {output: 'Only echo can write to a file here, like: echo "a line" > notes.txt\n', exitCode: 1});
	t.false(existsSync(path.join(repo, 'copy.txt')));
});

test('ls lists sorted names, folders with a slash, hidden ones only with -a', async t => {
	const {run} = await world(t);
	t.deepEqual(await run('ls'), {output: 'notes.txt  sub/  todo.txt\n', exitCode: 0});
	t.deepEqual(await run('ls -a'), {output: '.git/  .hidden  notes.txt  sub/  todo.txt\n', exitCode: 0});
	t.deepEqual(await run('ls -la'), {output: '.git/  .hidden  notes.txt  sub/  todo.txt\n', exitCode: 0});
	t.deepEqual(await run('ls sub'), {output: 'inner.txt\n', exitCode: 0});
	t.deepEqual(await run('ls notes.txt'), {output: 'notes.txt\n', exitCode: 0});
	t.deepEqual(await run('ls missing'), {output: 'ls: missing: no such file\n', exitCode: 1});
});

test('touch makes an empty file, or updates the time of one and keeps its text', async t => {
	const {run, repo, read} = await world(t);
	t.deepEqual(await run('touch new.txt'), {output: '', exitCode: 0});
	t.is(await read('new.txt'), '');
	const old = new Date('2020-01-01T00:00:00Z');
	await utimes(path.join(repo, 'notes.txt'), old, old);
	await run('touch notes.txt');
	t.is(await read('notes.txt'), 'Shipment notes\n');
	t.true((await stat(path.join(repo, 'notes.txt'))).mtimeMs > old.getTime());
});

test('rm removes a file, but not a folder, and takes no options', async t => {
	const {run, repo} = await world(t);
	t.deepEqual(await run('rm todo.txt'), {output: '', exitCode: 0});
	t.false(existsSync(path.join(repo, 'todo.txt')));
	t.deepEqual(await run('rm todo.txt'), {output: 'rm: todo.txt: no such file\n', exitCode: 1});
	t.deepEqual(await run('rm sub'), {output: 'rm: sub: is a folder; the tutor\'s rm removes files only\n', exitCode: 1});
	t.true(existsSync(path.join(repo, 'sub', 'inner.txt')));
	t.deepEqual(await run('rm -f notes.txt'), {output: 'rm: the tutor\'s rm removes single files and takes no options (-f)\n', exitCode: 1});
	t.true(existsSync(path.join(repo, 'notes.txt')));
});

const refusals: Array<[line: string, says: RegExp]> = [
	['echo x > ../escape.txt', /^echo: \.\.\/escape\.txt: that is outside ~\/shipment; the tutor keeps you inside it\n$/],
	['echo x >> ../outside.txt', /outside ~\/shipment/],
	['echo x > sub/../../escape.txt', /outside ~\/shipment/],
	['echo x > /tmp/abs.txt', /^echo: \/tmp\/abs\.txt: use a path inside ~\/shipment, like notes\.txt\n$/],
	['echo x > ~/escape.txt', /use a path inside ~\/shipment/],
	['cat ~/.bashrc', /^cat: ~\/\.bashrc: use a path inside ~\/shipment/],
	['cat ../outside.txt', /outside ~\/shipment/],
	['cat ../../etc/passwd', /^cat: \.\.\/\.\.\/etc\/passwd: that is outside ~\/shipment/],
	['cat /etc/passwd', /use a path inside ~\/shipment/],
	['echo x > .git/config', /^echo: \.git\/config: \.git is git's own storage room; change it only through git commands\n$/],
	['cat .git/config', /\.git is git's own storage room/],
	['touch .git/hooks', /\.git is git's own storage room/],
	['rm .git', /^rm: \.git: \.git is git's own storage room/],
	['rm .git/config', /\.git is git's own storage room/],
	['rm -rf .', /^rm: the tutor's rm removes single files and takes no options \(-rf\)\n$/],
	['rm ../outside.txt', /outside ~\/shipment/],
	['touch ../escape.txt', /outside ~\/shipment/],
	['ls ..', /outside ~\/shipment/],
];

test('paths outside the repository or into .git are refused, and nothing outside changes', async t => {
	const {run, snapshot, scratch} = await world(t);
	const before = await snapshot();
	const parentBefore = await readdir(scratch);
	const tmpAbsBefore = existsSync('/tmp/abs.txt') ? await readFile('/tmp/abs.txt', 'utf8') : undefined;
	for (const [line, says] of refusals) {
		const result = await run(line);
		t.is(result.exitCode, 1, line);
		t.regex(result.output, says, line);
		t.false(result.output.includes('outside secret'), line);
		t.false(result.output.includes('root:'), line);
	}

	t.deepEqual(await readdir(scratch), parentBefore);
	t.deepEqual(await snapshot(), before);
	t.is(existsSync('/tmp/abs.txt') ? await readFile('/tmp/abs.txt', 'utf8') : undefined, tmpAbsBefore);
});

test('an absolute path into the scratch folder itself is refused too', async t => {
	const {run, snapshot, scratch} = await world(t);
	const before = await snapshot();
	const target = path.join(scratch, 'abs.txt');
	const result = await run(`echo x > ${target}`);
	t.is(result.exitCode, 1);
	t.regex(result.output, /use a path inside ~\/shipment/);
	t.false(existsSync(target));
	t.deepEqual(await snapshot(), before);
});

test('a link inside the repository to a file outside is neither written nor read', async t => {
	const {run, snapshot, repo, scratch} = await world(t);
	await symlink(path.join(scratch, 'outside.txt'), path.join(repo, 'link-out'));
	await symlink('../outside.txt', path.join(repo, 'relative-link'));
	// A dangling link: writing through it would create a file outside.
	await symlink(path.join(scratch, 'made-outside.txt'), path.join(repo, 'dangling'));
	const before = await snapshot();
	for (const line of ['echo x > link-out', 'echo x >> link-out', 'echo x > relative-link', 'echo x > dangling', 'cat link-out', 'cat relative-link', 'touch link-out', 'touch dangling']) {
		const result = await run(line);
		t.is(result.exitCode, 1, line);
		t.regex(result.output, /is a link; the tutor's helpers do not follow links\n$/, line);
		t.false(result.output.includes('outside secret'), line);
	}

	t.deepEqual(await snapshot(), before);
	t.false(existsSync(path.join(scratch, 'made-outside.txt')));
	t.is(await readFile(path.join(scratch, 'outside.txt'), 'utf8'), secret);
});

test('a folder link that leads outside is refused for every helper', async t => {
	const {run, snapshot, repo, scratch} = await world(t);
	await symlink(path.join(scratch, 'outside-dir'), path.join(repo, 'out-dir'));
	await symlink('../../outside-dir', path.join(repo, 'sub', 'deeper'));
	const before = await snapshot();
	const lines = [
		'echo x > out-dir/new.txt',
		'echo x >> out-dir/secret.txt',
		'cat out-dir/secret.txt',
		'touch out-dir/new.txt',
		'rm out-dir/secret.txt',
		'echo x > sub/deeper/new.txt',
		'cat sub/deeper/secret.txt',
	];
	for (const line of lines) {
		const result = await run(line);
		t.is(result.exitCode, 1, line);
		t.regex(result.output, /that leads outside ~\/shipment through a link\n$/, line);
		t.false(result.output.includes('outside secret'), line);
	}

	const list = await run('ls out-dir');
	t.is(list.exitCode, 1);
	t.regex(list.output, /is a link/);
	t.false(list.output.includes('secret.txt'));
	t.deepEqual(await snapshot(), before);
	t.deepEqual(await readdir(path.join(scratch, 'outside-dir')), ['secret.txt']);
});

test('cat . and rm . say the repository is a folder, not that it leads outside', async t => {
	const w = await world(t);
	for (const line of ['cat .', 'rm .', 'cat sub']) {
		const {output, exitCode} = await w.run(line);
		t.is(exitCode, 1, line);
		t.regex(output, /is a folder/, line);
		t.notRegex(output, /outside/, line);
	}
});

test('a misspelt file name gets the closest file in the repository; a far one does not', async t => {
	const {run} = await world(t);
	t.deepEqual(await run('cat nots.txt'), {output: 'cat: nots.txt: no such file. Did you mean notes.txt?\n', exitCode: 1});
	t.deepEqual(await run('rm todo.tx'), {output: 'rm: todo.tx: no such file. Did you mean todo.txt?\n', exitCode: 1});
	t.deepEqual(await run('cat sub/iner.txt'), {output: 'cat: sub/iner.txt: no such file. Did you mean sub/inner.txt?\n', exitCode: 1});
	t.deepEqual(await run('cat zzzzzz.md'), {output: 'cat: zzzzzz.md: no such file\n', exitCode: 1});
	// Nothing in .git is ever offered.
	t.deepEqual(await run('cat confi'), {output: 'cat: confi: no such file\n', exitCode: 1});
});

test('* and ? match file names inside the repository, never hidden files unless asked, never .git', async t => {
	const {run, repo, snapshot} = await world(t);
	t.deepEqual(await run('cat *.txt'), {output: 'Shipment notes\nTo do\n', exitCode: 0});
	t.deepEqual(await run('cat sub/*'), {output: 'inner\n', exitCode: 0});
	t.deepEqual(await run('cat not?s.txt'), {output: 'Shipment notes\n', exitCode: 0});
	t.deepEqual(await run('cat *.zip'), {output: 'cat: *.zip: no file matches\n', exitCode: 1});
	t.deepEqual(await run('cat .g*/config'), {output: 'cat: .g*/config: the tutor expands * and ? in file names only, not in folder names\n', exitCode: 1});
	t.deepEqual(await run('cat .*'), {output: 'hidden\n', exitCode: 0});
	t.deepEqual(await run('cat ../*'), {output: 'cat: ../: that is outside ~/shipment; the tutor keeps you inside it\n', exitCode: 1});
	const before = await snapshot();
	t.deepEqual(await run('rm *.txt'), {output: '', exitCode: 0});
	const after = await snapshot();
	t.deepEqual(Object.keys(before).filter(name => !(name in after)).sort(), ['shipment/notes.txt', 'shipment/todo.txt']);
	t.true((await run('ls')).output.includes('sub/'), repo);
});

test('mv renames a file inside the repository, never over another file, never out or into .git', async t => {
	const {run, read, snapshot} = await world(t);
	t.deepEqual(await run('mv notes.txt notes-mine.txt'), {output: '', exitCode: 0});
	t.is(await read('notes-mine.txt'), 'Shipment notes\n');
	t.deepEqual(await run('mv todo.txt sub'), {output: '', exitCode: 0});
	t.is(await read('sub/todo.txt'), 'To do\n');
	const before = await snapshot();
	t.deepEqual(await run('mv notes-mine.txt sub/inner.txt'), {output: 'mv: sub/inner.txt already exists; choose a name no file has\n', exitCode: 1});
	t.deepEqual(await run('mv nots-mine.txt x.txt'), {output: 'mv: nots-mine.txt: no such file. Did you mean notes-mine.txt?\n', exitCode: 1});
	t.regex((await run('mv notes-mine.txt ../stolen.txt')).output, /outside ~\/shipment/);
	t.regex((await run('mv notes-mine.txt .git/hooks.txt')).output, /git's own storage room/);
	t.regex((await run('mv notes-mine.txt')).output, /name a file and its new name/);
	t.deepEqual(await snapshot(), before);
});
