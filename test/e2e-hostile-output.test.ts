// End to end: a file name and a commit label full of escape sequences, shown by the built CLI in a
// pseudo-terminal, never set the window title, write the clipboard or draw over the tutor's lines.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {startTutor} from './helpers/pty.ts';

const esc = '\u001B';
const bel = '\u0007';

test.serial('escape sequences in git output, file names and box labels are shown, never obeyed', async t => {
	const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'gpt-e2e-hostile-')));
	const learner = startTutor({args: ['--lesson', 'commit', '--workdir', work], rows: 40, cols: 120});
	t.teardown(async () => {
		await learner.kill();
		rmSync(work, {recursive: true, force: true});
	});
	await learner.waitFor('Step 1 of', 20_000, 'screen');
	const sandbox = path.join(work, readdirSync(work).find(name => name.startsWith('git-push-tutor-'))!);
	const repo = path.join(sandbox, 'shipment');
	// As a learner's own script could: a file and a commit made outside the tutor's prompt.
	writeFileSync(path.join(repo, `evil${esc}]0;pwned-by-name${bel}.txt`), '');
	writeFileSync(path.join(repo, 'plain.txt'), `${esc}]52;c;cm0gLXJmIH4K${bel}${esc}[3A${esc}[2KFAKE tutor line\n`);
	execFileSync('git', ['commit', '-q', '--allow-empty', '-m', `Fake ${esc}[2A${esc}[2K✓ Lesson complete ${esc}]0;pwned-by-label${bel}`], {
		cwd: repo,
		env: {PATH: process.env['PATH'] ?? '', HOME: path.join(sandbox, 'home'), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(sandbox, 'home', '.gitconfig')},
	});

	await learner.enter('ls');
	await learner.waitFor('evil^[]0;pwned-by-name^G.txt');
	await learner.enter('cat plain.txt');
	await learner.waitFor('^[]52;c;cm0gLXJmIH4K^G^[[3A^[[2KFAKE tutor line');
	await learner.enter('git log --oneline -1');
	await learner.waitFor('Fake ^[[2A^[[2K✓ Lesson complete ^[]0;pwned-by-label^G');
	// The diagram's sealed box shows the same label as text.
	await learner.waitFor(/Fake \^\[\[2A/, 10_000, 'screen');

	t.deepEqual(learner.titles.filter(title => title.includes('pwned')), [], 'the window title was never set');
	t.deepEqual(learner.clipboardWrites, [], 'the clipboard was never written');
	const rows = learner.scrollback().split('\n');
	t.false(rows.some(row => row.startsWith('FAKE tutor line') || row.startsWith('✓ Lesson complete')), 'no line was drawn over');
});
