// A pull, merge, checkout or switch that stopped before touching anything: unsealed work it would
// overwrite, a rebase that needs a clean desk, or histories with no box in common. Recognised from
// the command, its exit code, the state after it (nothing in progress, the work still there) and
// what the incoming side would change.
import type {GitArguments} from '../git/git-arguments.ts';
import {hasOption} from '../git/git-arguments.ts';
import type {RepoState} from '../git/repo-state.ts';
import type {Failure} from './classify-failure.ts';
import {commandText} from './command-text.ts';
import type {FailureFacts} from './failure-facts.ts';

/** Whether this pull rebases: --rebase given, or pull.rebase set and not overridden. */
export function pullRebases(args: GitArguments, state: RepoState): boolean {
	if (hasOption(args, '--no-rebase') || args.options.includes('--rebase=false')) {
		return false;
	}

	return hasOption(args, '--rebase', '-r') || (state.pullSettings.rebase !== undefined && state.pullSettings.rebase !== 'false');
}

/** The command as typed with these options added after the subcommand. */
function withOptions(args: GitArguments, ...options: string[]): string {
	const missing = options.filter(option => !args.options.includes(option));
	return commandText([args.subcommand ?? '', ...missing, ...args.words.slice(args.globalOptions.length + 1)]);
}

const unique = (paths: readonly string[]) => [...new Set(paths)];

export function classifyLocalWork(args: GitArguments, state: RepoState, facts: FailureFacts, details: Record<string, string>): Failure | undefined {
	const command = args.subcommand ?? '';
	if (state.operation !== undefined || !['pull', 'merge', 'checkout', 'switch'].includes(command)) {
		return undefined;
	}

	const sealedNot = unique([...state.staged, ...state.unstaged].map(change => change.path));
	const rebases = command === 'pull' && pullRebases(args, state);
	const autostash = hasOption(args, '--autostash') || (facts.autostash === true && !hasOption(args, '--no-autostash'));
	if (rebases && !autostash && sealedNot.length > 0) {
		return {id: 'rebase-unsealed', details: {...details, files: sealedNot.join(', '), retry: withOptions(args, '--autostash')}};
	}

	const incoming = new Set(facts.incoming ?? []);
	const untracked = state.untracked.filter(file => incoming.has(file));
	if (untracked.length > 0) {
		const move = untracked.map(file => `mv ${file} ${file.replace(/(\.[^./]*)?$/, '-mine$1')}`).join(', ');
		return {id: 'would-overwrite-untracked', details: {...details, command, files: untracked.join(', '), move, retry: commandText(args.words)}};
	}

	const changed = sealedNot.filter(file => incoming.has(file));
	if (changed.length > 0) {
		return {id: 'would-overwrite-changes', details: {...details, command, files: changed.join(', '), retry: commandText(args.words)}};
	}

	const merges = command === 'merge' || (command === 'pull' && !rebases && !hasOption(args, '--ff-only'));
	if (merges && facts.unrelated === true && !hasOption(args, '--allow-unrelated-histories')) {
		const target = command === 'merge' ? args.positionals[0]! : 'what you pulled';
		const retry = command === 'pull' ? withOptions(args, '--no-rebase', '--allow-unrelated-histories') : withOptions(args, '--allow-unrelated-histories');
		return {id: 'unrelated-histories', details: {...details, target, retry}};
	}

	return undefined;
}
