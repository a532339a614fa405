// A placeholder typed literally from a step's text (git remote add origin <url>) is told what it
// stands for, with the real value where the tutor knows it, instead of a lecture on redirection;
// and git never runs.
import test from 'ava';
import {parseCommandLine} from '../source/shell/parse-command-line.ts';
import {runLine, type LineRunner} from '../source/shell/run-line.ts';
import {knownValues} from '../source/shell/placeholders.ts';
import {createSandbox, removeSandbox} from '../source/sandbox/sandbox.ts';
import {readRepoState} from '../source/git/repo-state.ts';

const url = 'https://github.com/learner/shipment.git';
/** A runner whose git would fail loudly: a placeholder line must never reach it. */
const runner = (known?: LineRunner['known']): LineRunner => ({repo: '/nonexistent-gpt-placeholder', env: {PATH: ''}, ...(known ? {known} : {})});

const refusal = async (line: string, known?: LineRunner['known']) => {
	const result = await runLine(line, runner(known));
	if (result.kind !== 'refused') {
		throw new Error(`"${line}" was not refused: ${JSON.stringify(result)}`);
	}

	return result.message;
};

test('<url> typed literally says what it stands for and the whole line with the real address, not redirection', async t => {
	const message = await refusal('git remote add origin <url>', {url, remotes: []});
	t.notRegex(message, /feeds a file|shell/);
	t.regex(message, /<url> stands for the online repository's address/);
	t.true(message.endsWith(`Type: git remote add origin ${url}`), message);
});

test('each placeholder word gets its meaning and the values the tutor knows', async t => {
	const known = {url, remotes: ['origin', 'github'], files: ['notes.txt', 'todo.txt'], newestBoxes: ['1a2b3c4 "Order more tape"', '9f8e7d6 "Stack boxes higher"'], branch: 'main'};
	t.regex(await refusal('git add <file>', known), /<file> stands for a file name\. Files here: notes\.txt, todo\.txt\./);
	t.regex(await refusal('git push <remote> <branch>', known), /Yours: origin, github\..*You are on: main\./s);
	// Which box to act on is the learner's choice: the newest ones are listed, none is typed for them.
	const revert = await refusal('git revert <id>', known);
	t.regex(revert, /Your newest boxes: 1a2b3c4 "Order more tape", 9f8e7d6 "Stack boxes higher"\./);
	t.notRegex(revert, /Type: git revert/);
	t.notRegex(await refusal('git revert <id>', {...known, newestBoxes: ['1a2b3c4 "Only box"']}), /Type: git revert/);
	t.true((await refusal('git push -u origin <branch>', known)).endsWith('Type: git push -u origin main'));
	t.regex(await refusal('git commit -m <message>', known), /in quotes, like "Describe the change"/);
	t.regex(await refusal('git switch -c <name>', known), /a name you choose/);
	t.regex(await refusal('git tag <whatever>', known), /<whatever> stands for a value you fill in/);
});

test('without known values the meaning is still given; a real < is still a redirection', async t => {
	const message = await refusal('git remote add origin <url>');
	t.regex(message, /<url> stands for the online repository's address\. Type the real value in its place, without < and >\.$/);
	const parsed = parseCommandLine('git commit -F < message.txt');
	t.false(parsed.ok);
	t.regex(parsed.ok ? '' : parsed.problem, /feeds a file/);
	// A quoted <word> is text, passed on as typed.
	const quoted = parseCommandLine('echo "<url>"');
	t.deepEqual(quoted, {ok: true, words: ['echo', '<url>']});
});

test('knownValues reads the url, remotes, files, newest box and branch from the repository state', async t => {
	const sandbox = await createSandbox({branch: 'main', color: false});
	try {
		const run = async (line: string) => runLine(line, {repo: sandbox.repo, env: sandbox.env});
		for (const line of ['echo "Shipment notes" > notes.txt', 'git add notes.txt', 'git commit -m "First box"', `git remote add origin ${url}`, 'echo "To do" > todo.txt']) {
			await run(line);
		}

		const state = await readRepoState({repo: sandbox.repo, online: sandbox.online, env: sandbox.env});
		const known = knownValues(state, sandbox.url);
		t.deepEqual(known, {url: sandbox.url, remotes: ['origin'], files: ['notes.txt', 'todo.txt'], newestBoxes: [`${state.head!.slice(0, 7)} "First box"`], branch: 'main'});
	} finally {
		await removeSandbox(sandbox.root);
	}
});
