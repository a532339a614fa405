// Words in nudges and hints that only the repository's state can fill: the id of a box as it is
// now (after a rebase or an amend it changes) and the names of the learner's own remotes.
import type {RepoState} from '../git/repo-state.ts';

const tokens = /{(box|remote|otherRemote)(?::([^}]+))?}/g;

function value(state: RepoState, name: string, argument: string | undefined): string | undefined {
	switch (name) {
		case 'box': {
			// The newest box with that label in the learner's history: the one a command can act on.
			return state.commits.find(commit => commit.subject === argument)?.oid.slice(0, 7);
		}

		case 'remote': {
			return (state.remotes.find(remote => remote.name === 'origin') ?? state.remotes[0])?.name;
		}

		case 'otherRemote': {
			return state.remotes.find(remote => remote.name !== 'origin')?.name;
		}

		default: {
			return undefined;
		}
	}
}

/**
 * Fills {box:LABEL}, {remote} and {otherRemote} from the state. What the state cannot name stays a
 * description in angle brackets (<id of "LABEL">), never a guess.
 */
export function fillFromState(text: string, state: RepoState): string {
	return text.replaceAll(tokens, (_whole, name: string, argument: string | undefined) => value(state, name, argument)
		?? (name === 'box' ? `<id of "${argument ?? ''}">` : name === 'remote' ? 'origin' : '<name>'));
}
