// On an older git, a command the lessons mention that it does not have yet is explained, with the
// older way to the same end. The version is given, so any git can run this test.
import test from 'ava';
import {classifyFailure} from '../source/explain/classify-failure.ts';
import {explanations, fillExplanation} from '../source/explain/explanations.ts';
import {readGitArguments} from '../source/git/git-arguments.ts';
import {readRepoState, type RepoState} from '../source/git/repo-state.ts';
import {createSandbox, removeSandbox} from '../source/sandbox/sandbox.ts';

let state: RepoState;
let root = '';

test.before(async () => {
	const sandbox = await createSandbox({branch: 'main', color: false});
	root = sandbox.root;
	state = await readRepoState({repo: sandbox.repo, online: sandbox.online, env: sandbox.env});
});

test.after.always(async () => {
	await removeSandbox(root);
});

const classify = (words: string[], version: string | undefined, exitCode = 1) => classifyFailure(readGitArguments(words), exitCode, state, version);

test('git switch on git 2.20 is explained, with git checkout as the way out', t => {
	const failure = classify(['switch', '-c', 'gift-wrap'], '2.20.1');
	t.is(failure?.id, 'needs-newer-git');
	const text = fillExplanation(explanations['needs-newer-git'], failure!.details);
	t.is(text.meaning, 'git switch arrived in git 2.23, and this computer has git 2.20.1.');
	t.regex(text.wayOut, /git checkout -b NAME/);
	t.false(/{\w+}/.test(`${text.meaning} ${text.wayOut}`), 'no placeholder is left');
});

test('git restore on git 2.22 and --force-if-includes on git 2.29 are explained', t => {
	t.is(classify(['restore', '--staged', 'photo.txt'], '2.22.0')?.details.command, 'git restore');
	const lease = classify(['push', '--force-with-lease', '--force-if-includes'], '2.29.2');
	t.is(lease?.details.command, 'git push --force-if-includes');
	t.is(lease?.details.since, '2.30');
});

test('the same commands are not explained as too new on a git that has them, or when they succeed', t => {
	t.not(classify(['switch', 'main'], '2.23.0')?.id, 'needs-newer-git');
	t.not(classify(['restore', 'x'], '2.39.5')?.id, 'needs-newer-git');
	t.not(classify(['push', '--force-if-includes'], '2.30.0')?.id, 'needs-newer-git');
	t.is(classify(['switch', 'main'], '2.20.1', 0), undefined);
	// A plain push on an old git is judged as usual, not as too new.
	t.not(classify(['push'], '2.20.1')?.id, 'needs-newer-git');
	// Without a known version nothing is claimed about it.
	t.not(classify(['switch', 'main'], undefined)?.id, 'needs-newer-git');
});
