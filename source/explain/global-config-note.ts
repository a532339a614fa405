// `git config --global` in the tutor writes the sandbox's own settings file, not the learner's:
// a learner who sets their name here may think their real git is set up. Say where it went.
import type {GitArguments} from '../git/git-arguments.ts';

/** git config's own words for reading and removing, which set nothing. */
const reads = new Set(['get', 'get-all', 'get-regexp', 'list', 'unset', 'unset-all', 'remove-section', 'rename-section']);

export function globalConfigNote(args: GitArguments, exitCode: number): string | undefined {
	const [first, ...rest] = args.positionals;
	const values = first === 'set' ? rest : args.positionals;
	const setting = exitCode === 0 && args.subcommand === 'config' && args.options.includes('--global')
		&& !reads.has(first ?? '') && values.length >= 2 && !args.options.some(option => /^--(get|list|unset|remove-section|rename-section)/.test(option));
	return setting
		? `That setting is saved in the tutor's practice settings only: your computer's own git settings are untouched. To set it for real, type the same command in your own terminal, outside the tutor: git config --global ${values.map(value => (/\s/.test(value) ? `"${value}"` : value)).join(' ')}`
		: undefined;
}
