// Reads the structure of a git command line the learner typed (which subcommand, which
// positional arguments), so checks can tell `git push` from `git push origin main`.

export type GitArguments = {
	subcommand: string | undefined;
	/** Options given before the subcommand (`-c`, `-C`, `--git-dir`...). */
	globalOptions: string[];
	/** Arguments after the subcommand that are not options. */
	positionals: string[];
	options: string[];
	/** Every word after `git`, as typed: for explanations that repeat the command corrected. */
	words: readonly string[];
};

/** Global options that take the next word as their value. */
const globalWithValue = new Set(['-c', '-C', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env']);

/** Subcommand options that take the next word as their value (only those lessons meet). */
const optionWithValue = new Set(['-m', '--message', '-F', '--file', '-C', '-c', '--reuse-message', '--reedit-message', '--author', '--repo', '-o', '--push-option', '--receive-pack', '--exec', '-u', '--set-upstream-to', '-t', '--track', '-b', '-B', '--format', '--pretty', '-n', '--max-count', '--source', '-s', '--strategy', '-X', '--strategy-option']);

/** Subcommands whose -u is a flag, not an option with a value. */
const uIsFlag = new Set(['push', 'add', 'pull', 'fetch', 'status', 'commit', 'grep']);

export function readGitArguments(args: readonly string[]): GitArguments {
	const globalOptions: string[] = [];
	let index = 0;
	while (index < args.length && args[index]!.startsWith('-')) {
		const option = args[index]!;
		globalOptions.push(option);
		index += globalWithValue.has(option) ? 2 : 1;
	}

	const subcommand = args[index];
	const positionals: string[] = [];
	const options: string[] = [];
	let afterDoubleDash = false;
	for (let at = index + 1; at < args.length; at++) {
		const word = args[at]!;
		if (afterDoubleDash || !word.startsWith('-') || word === '-') {
			positionals.push(word);
		} else if (word === '--') {
			afterDoubleDash = true;
		} else {
			options.push(word);
			// Bundled short flags (-am) take a value when their last letter does.
			const flag = /^-[a-zA-Z]{2,}$/.test(word) ? `-${word.at(-1)!}` : word;
			const takesValue = optionWithValue.has(flag) && !(flag === '-u' && uIsFlag.has(subcommand ?? ''));
			if (takesValue) {
				at++;
			}
		}
	}

	return {subcommand, globalOptions, positionals, options, words: [...args]};
}

export function hasOption(parsed: GitArguments, ...names: string[]): boolean {
	return parsed.options.some(option => names.some(name => option === name || option.startsWith(`${name}=`)
		// Bundled short flags: -am counts as -a and -m.
		|| (name.length === 2 && /^-[a-zA-Z]+$/.test(option) && option.includes(name[1]!))));
}

/**
 * How a push forces, if it does: `plain` for --force, -f or a +refspec (a lease given beside them
 * does not make them safe habits), `lease` for --force-with-lease alone (with or without
 * --force-if-includes). Undefined for any other command, and for a push that does not force.
 */
export function pushForce(parsed: GitArguments): 'plain' | 'lease' | undefined {
	if (parsed.subcommand !== 'push') {
		return undefined;
	}

	// The first positional is the remote; refspecs follow it.
	if (hasOption(parsed, '--force', '-f') || parsed.positionals.slice(1).some(refspec => refspec.startsWith('+'))) {
		return 'plain';
	}

	const leases = parsed.options.filter(option => option === '--force-with-lease' || option.startsWith('--force-with-lease=') || option === '--no-force-with-lease');
	return leases.length > 0 && leases.at(-1) !== '--no-force-with-lease' ? 'lease' : undefined;
}

/** The label given with -m (`-m TEXT`, `-mTEXT`, `-am TEXT`, `--message=TEXT`, `--message TEXT`), if any. */
export function messageOf(parsed: GitArguments): string | undefined {
	const words = parsed.words.slice(parsed.globalOptions.length + 1);
	for (const [at, word] of words.entries()) {
		if (word === '--') {
			return undefined;
		}

		if (word === '--message' || /^-[a-zA-Z]*m$/.test(word)) {
			return words[at + 1];
		}

		if (word.startsWith('--message=')) {
			return word.slice('--message='.length);
		}

		const attached = /^-[a-zA-Z]*m(.+)$/.exec(word);
		if (attached) {
			return attached[1];
		}
	}

	return undefined;
}
