// Commands that would open a text editor on the learner's own computer. Inside the sandbox
// git's editor never waits, so these seal silently here; on a real terminal the first Vim
// window traps many beginners. Judged from the command's words and the repository before and
// after it, never from git's output (which changes between versions and languages).
// Checked against git 2.20.5, 2.39 and 2.55.0 with a recording editor on a terminal.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {hasOption, type GitArguments} from '../git/git-arguments.ts';
import type {RepoState} from '../git/repo-state.ts';
import type {Failure} from './classify-failure.ts';

/** What only the files in .git say before a command, and nothing says after it. */
export type EditorContext = {
	/**
	 * A rebase stopped inside git's sequencer (`rebase-merge/interactive`: the default from git
	 * 2.26, and rebase -i on every git). Its --continue opens the editor for the box it seals;
	 * the older apply backend (the default before 2.26) and 2.20's rebase -m reuse the label.
	 */
	sequencerRebase: boolean;
};

export function readEditorContext(repo: string): EditorContext {
	return {sequencerRebase: existsSync(path.join(repo, '.git', 'rebase-merge', 'interactive'))};
}

type EditorCase = 'merge' | 'pull' | 'revert' | 'seal' | 'rebase' | 'tag';

const what: Record<EditorCase, string> = {
	merge: 'the label of the merge box it just sealed',
	pull: 'the label of the merge box it just sealed',
	revert: 'the label of the undo box it just sealed',
	seal: 'the label of the box it just sealed',
	rebase: 'the label of the box it just sealed',
	tag: 'the tag\'s message',
};

const avoid: Record<EditorCase, string> = {
	merge: 'To skip the editor, say the label on the command line: git merge --no-edit BRANCH keeps git\'s label, git merge -m "Label" BRANCH sets yours.',
	pull: 'To skip the editor, add --no-edit to keep git\'s label: git pull --no-rebase --no-edit',
	revert: 'To skip the editor, add --no-edit to keep git\'s label: git revert --no-edit COMMIT',
	seal: 'To skip the editor, seal the box yourself: git commit --no-edit keeps git\'s label, git commit -m "Label" sets yours.',
	rebase: 'To skip the editor, seal the box yourself with git commit --no-edit, then git rebase --continue.',
	tag: 'To skip the editor, give the message on the command line: git tag -a NAME -m "Message"',
};

/** How to leave an editor that opened, and how to pick a friendlier one: said wherever an editor comes up. */
export const editorHowTo = [
	'If an editor opens: in Vim press Esc, type :wq and press Enter; in nano press Ctrl+O, Enter, then Ctrl+X.',
	'To choose a friendlier editor on your computer: git config --global core.editor "nano" (or "code --wait" for VS Code).',
];

/**
 * The note for a command that would have opened an editor on a real terminal, or undefined.
 * `before` and `context` are read before the command ran, `after` once it finished.
 */
export function editorNote(args: GitArguments, before: RepoState, after: RepoState, context: EditorContext): string | undefined {
	const found = editorCase(args, before, after, context);
	if (found === undefined) {
		return undefined;
	}

	const here = found === 'tag'
		? 'Here no editor opens, so the message stayed empty and git made no tag.'
		: 'Here the tutor kept it closed and git used its own label.';
	return [
		`✎ On your own computer, git would open a text editor (often Vim) for ${what[found]}, and wait until you close it. ${here}`,
		`  ${avoid[found]}`,
		...editorHowTo.map(line => `  ${line}`),
	].join('\n');
}

/** `git tag -a NAME` with no message fails in the sandbox: its empty editor gave no message. */
export function editorFailure(args: GitArguments, exitCode: number, before: RepoState, after: RepoState): Failure | undefined {
	return exitCode !== 0 && tagNeedsMessage(args, before, after) ? {id: 'tag-needs-message', details: {tag: args.positionals[0]!}} : undefined;
}

const messageOptions = ['-m', '--message', '-F', '--file'];

function editorCase(args: GitArguments, before: RepoState, after: RepoState, context: EditorContext): EditorCase | undefined {
	if (args.subcommand === 'tag') {
		return tagNeedsMessage(args, before, after) ? 'tag' : undefined;
	}

	// Every other case seals a new box on top of the one HEAD was on; a command that made none opened no editor.
	const head = after.commits[0];
	const grew = before.head !== undefined && head !== undefined && head.oid === after.head && after.head !== before.head
		&& after.commits.some(commit => commit.oid === before.head);
	if (!grew) {
		return undefined;
	}

	switch (args.subcommand) {
		case 'merge':
		case 'pull': {
			return madeMergeBox(args, before, after) ? sealOr(args, args.subcommand) : undefined;
		}

		case 'revert': {
			return hasOption(args, '--no-edit') ? undefined : sealOr(args, 'revert');
		}

		case 'cherry-pick': {
			// A plain cherry-pick reuses the label; sealing after a conflict asks for it. Git 2.20
			// ignores --continue --no-edit, newer git honours it: say nothing either way.
			return before.operation === 'cherry-pick' && hasOption(args, '--continue') && !hasOption(args, '--no-edit') ? 'seal' : undefined;
		}

		case 'rebase': {
			// Only when --continue itself seals the resolved box (something was staged).
			return context.sequencerRebase && before.operation === 'rebase' && before.staged.length > 0 && hasOption(args, '--continue') ? 'rebase' : undefined;
		}

		default: {
			return undefined;
		}
	}
}

/** merge --continue and revert --continue seal what git prepared; the way round them is git commit. */
function sealOr(args: GitArguments, own: EditorCase): EditorCase {
	return hasOption(args, '--continue') ? 'seal' : own;
}

/** A new merge box on top of the old HEAD, with no label given: not a fast-forward, not a rebase. */
function madeMergeBox(args: GitArguments, before: RepoState, after: RepoState): boolean {
	const head = after.commits[0]!;
	if (head.parents.length < 2 || head.parents[0] !== before.head) {
		return false;
	}

	// A fast-forward to someone else's merge box lands on a box another ref already names.
	const elsewhere = Object.entries(after.branches).some(([name, branch]) => name !== after.branch && branch.oid === head.oid)
		|| Object.values(after.remoteTracking).includes(head.oid);
	if (elsewhere || hasOption(args, '--no-edit', ...messageOptions)) {
		return false;
	}

	if (args.subcommand === 'pull') {
		// A pull that rebases recreates merges with their old labels.
		const rebaseOption = args.options.some(option => option.startsWith('--rebase') || option === '-r');
		const rebaseSetting = before.pullSettings.rebase !== undefined && before.pullSettings.rebase !== 'false';
		return !rebaseOption && (hasOption(args, '--no-rebase') || !rebaseSetting);
	}

	return true;
}

/** A simple tag name git surely accepts: the only kind whose failure can be the missing message. */
const plainTagName = /^[A-Za-z\d][\w.-]*$/;

/**
 * `git tag -a NAME` with no message, where the tag could be made: git asked the editor, and an
 * empty message makes it refuse. An existing tag (without -f), an unusual name or a missing
 * first box fail earlier, for other reasons.
 */
function tagNeedsMessage(args: GitArguments, before: RepoState, after: RepoState): boolean {
	const [name, ...rest] = args.positionals;
	return hasOption(args, '-a', '--annotate') && !hasOption(args, ...messageOptions, '-d', '--delete', '-l', '--list', '-v', '--verify', '-s', '--sign', '-u', '--local-user')
		&& name !== undefined && rest.length === 0 && plainTagName.test(name) && !name.endsWith('.') && !name.endsWith('.lock') && !name.includes('..')
		&& before.head !== undefined && (!(name in before.tags) || hasOption(args, '-f', '--force')) && !(name in after.tags);
}
